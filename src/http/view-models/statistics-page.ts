import type { MonthSummary } from '../../services/stats/stats-counts.js';
import { dateFormat } from '../intl.js';
import { formatNumber } from '../i18n/messages.js';
import type { Locale } from '../locale.js';

export interface StatisticsRow {
  /** yyyy-mm, for <time datetime>. */
  month: string;
  label: string;
  cells: string[];
}

/** The columns of the monthly table, in order, after the month (their headers are stats.col.<name>). */
export const STATISTICS_COLUMNS = ['plays', 'completed', 'visitors', 'downloads', 'embeds', 'searches', 'items'] as const;

export interface StatisticsPageModel {
  columns: { key: string }[];
  /** Newest month first. */
  rows: StatisticsRow[];
}

export function statisticsPageModel(months: readonly { month: string; summary: MonthSummary }[], locale: Locale): StatisticsPageModel {
  const monthName = dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const rows = [...months].reverse().map(({ month, summary }) => ({
    month,
    label: monthName.format(new Date(`${month}-01T00:00:00Z`)),
    cells: [summary.plays, summary.completed, summary.visitors, summary.downloads, summary.embeds, summary.searchesWithoutResult, summary.itemsUsed].map((n) => formatNumber(locale, n)),
  }));
  return { columns: STATISTICS_COLUMNS.map((name) => ({ key: `stats.col.${name}` })), rows };
}
