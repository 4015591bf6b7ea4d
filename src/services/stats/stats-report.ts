import type { ManifestFields } from '../../domain/manifest.js';
import { addToSummary, itemTotals, summaryOf, topSearches, type ItemDay, type MonthCounts, type MonthSummary } from './stats-counts.js';
import type { StatsMonth } from './stats-calendar.js';

/** How many searches without result a report lists. */
export const TOP_SEARCHES = 20;

export interface ItemLine {
  id: string;
  /** null: the item is not in the archive any more (removed since it was counted). */
  title: string | null;
  edition: { slug: string; label: string } | null;
  plays: number;
  quartiles: [number, number, number, number];
  visitors: number;
  downloads: Record<string, number>;
  embeds: Record<string, number>;
}

/** Totals of a group of items (an edition, a theme, a month). */
export interface GroupLine extends MonthSummary {
  key: string;
  label: string;
}

/** What the console and `mediacommuns stats` show of one month. */
export interface StatsReport {
  month: StatsMonth;
  summary: MonthSummary;
  /** Most played first. */
  items: ItemLine[];
  editions: GroupLine[];
  /** An item with several themes counts in each of them. */
  themes: GroupLine[];
  /** Every month that has statistics, oldest first. */
  months: GroupLine[];
  searches: { query: string; count: number }[];
}

export function statsReport(month: StatsMonth, all: ReadonlyMap<StatsMonth, MonthCounts>, manifestOf: (id: string) => ManifestFields | undefined): StatsReport {
  const counts = all.get(month) ?? new Map();
  const totals = itemTotals(counts);
  const items = [...totals].map(([id, day]) => itemLine(id, day, manifestOf(id)));
  items.sort((a, b) => b.plays - a.plays || a.id.localeCompare(b.id));
  const editions = new Map<string, GroupLine>();
  const themes = new Map<string, GroupLine>();
  for (const [id, day] of totals) {
    const manifest = manifestOf(id);
    if (!manifest) continue;
    addToSummary(groupOf(editions, manifest.edition.slug, manifest.edition.label), day);
    for (const theme of manifest.themes) addToSummary(groupOf(themes, theme, theme), day);
  }
  const byPlays = (a: GroupLine, b: GroupLine): number => b.plays - a.plays || a.label.localeCompare(b.label);
  return {
    month,
    summary: summaryOf(counts),
    items,
    editions: [...editions.values()].sort(byPlays),
    themes: [...themes.values()].sort(byPlays),
    months: [...all].map(([key, monthCounts]) => ({ key, label: key, ...summaryOf(monthCounts) })),
    searches: topSearches(counts, TOP_SEARCHES),
  };
}

function itemLine(id: string, day: ItemDay, manifest: ManifestFields | undefined): ItemLine {
  return {
    id,
    title: manifest?.title ?? null,
    edition: manifest ? { slug: manifest.edition.slug, label: manifest.edition.label } : null,
    plays: day.plays,
    quartiles: [...day.quartiles],
    visitors: day.visitors,
    downloads: Object.fromEntries(day.downloads),
    embeds: Object.fromEntries(day.embeds),
  };
}

function groupOf(groups: Map<string, GroupLine>, key: string, label: string): GroupLine {
  let group = groups.get(key);
  if (!group) {
    groups.set(key, (group = { key, label, plays: 0, visitors: 0, completed: 0, downloads: 0, embeds: 0, searchesWithoutResult: 0, itemsUsed: 0 }));
  }
  group.itemsUsed += 1;
  return group;
}

/** The month's items as CSV rows (header first): what the console's export and `stats --csv` write. */
export function itemCsvRows(report: StatsReport): (string | number)[][] {
  const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
  const detail = (counts: Record<string, number>): string => Object.entries(counts).map(([key, n]) => `${key || '-'}:${n}`).join(' ');
  return [
    ['month', 'id', 'title', 'edition', 'plays', 'reached_25', 'reached_50', 'reached_75', 'reached_end', 'visitors', 'downloads', 'downloads_by_format', 'embeds', 'embeds_by_host'],
    ...report.items.map((line) => [
      report.month, line.id, line.title ?? '', line.edition?.slug ?? '', line.plays, ...line.quartiles, line.visitors,
      sum(line.downloads), detail(line.downloads), sum(line.embeds), detail(line.embeds),
    ]),
  ];
}
