import type { ManifestFields } from '../../domain/manifest.js';
import type { StatsMonth } from '../../services/stats/stats-calendar.js';
import type { GroupLine, StatsReport } from '../../services/stats/stats-report.js';
import { dateFormat } from '../intl.js';
import { formatNumber, translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { itemHref } from '../urls.js';

interface Row {
  label: string;
  href: string | null;
  cells: string[];
}

/** The console's statistics page: a month chosen in a plain GET form, its tables, the CSV link. */
export interface StatsConsoleModel {
  heading: string;
  months: { value: StatsMonth; label: string; selected: boolean }[];
  summary: { label: string; value: string }[];
  items: Row[];
  /** Editions, themes, months: each a table headed by `heading`, its first column `first` (message keys). */
  groups: { id: string; heading: string; first: string; rows: Row[] }[];
  searches: Row[];
  csvHref: string;
}

export function statsConsoleModel(
  report: StatsReport,
  options: { locale: Locale; months: readonly StatsMonth[]; manifestOf: (id: string) => ManifestFields | undefined; csvHref: string },
): StatsConsoleModel {
  const { locale } = options;
  const n = (value: number): string => formatNumber(locale, value);
  const monthLabel = (month: string): string => dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const group = (line: GroupLine, label = line.label): Row => ({ label, href: null, cells: [line.plays, line.completed, line.visitors, line.downloads, line.embeds].map(n) });
  const detail = (counts: Record<string, number>): string =>
    Object.entries(counts).map(([key, count]) => `${key || translate(locale, 'stats.admin.noHost')} ${n(count)}`).join(', ');
  const s = report.summary;
  return {
    heading: `${translate(locale, 'stats.admin.title')} — ${monthLabel(report.month)}`,
    months: [...new Set([...options.months, report.month])].sort().reverse().map((value) => ({ value, label: monthLabel(value), selected: value === report.month })),
    summary: [
      ['stats.col.plays', s.plays], ['stats.col.completed', s.completed], ['stats.col.visitors', s.visitors], ['stats.col.downloads', s.downloads],
      ['stats.col.embeds', s.embeds], ['stats.col.searches', s.searchesWithoutResult], ['stats.col.items', s.itemsUsed],
    ].map(([key, value]) => ({ label: translate(locale, key as string), value: n(value as number) })),
    items: report.items.map((line) => {
      const manifest = options.manifestOf(line.id);
      return {
        label: line.title ?? translate(locale, 'stats.admin.removed', { id: line.id }),
        href: manifest ? itemHref(manifest.kind, manifest.id, locale) : null,
        cells: [n(line.plays), line.quartiles.map(n).join(' / '), n(line.visitors), detail(line.downloads), detail(line.embeds)],
      };
    }),
    groups: [
      { id: 'editions', heading: 'stats.admin.byEdition', first: 'stats.admin.col.edition', rows: report.editions.map((line) => group(line)) },
      { id: 'themes', heading: 'stats.admin.byTheme', first: 'stats.admin.col.theme', rows: report.themes.map((line) => group(line)) },
      { id: 'months', heading: 'stats.admin.byMonth', first: 'stats.col.month', rows: [...report.months].reverse().map((line) => group(line, monthLabel(line.key))) },
    ],
    searches: report.searches.map((q) => ({ label: q.query, href: null, cells: [n(q.count)] })),
    csvHref: options.csvHref,
  };
}
