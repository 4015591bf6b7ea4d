import type { BlobStore } from '../../ports/blob-store.js';
import { summaryOf, type MonthCounts, type MonthSummary } from './stats-counts.js';
import type { StatsMonth } from './stats-calendar.js';
import { readAllMonths } from './stats-reader.js';

/** How long a process shows the same totals: the public page is read far more often than the totals change (flushes every 30 s). */
export const TOTALS_TTL_MS = 60_000;

/**
 * Every month's counts, read from the store at most once a minute per process (reading means
 * listing and reading each process's object of every month).
 */
export class MonthlyTotals {
  private kept: { at: number; months: Promise<Map<StatsMonth, MonthCounts>> } | null = null;

  constructor(
    private readonly store: BlobStore,
    private readonly options: { ttlMs?: number; onUnreadable?: (key: string, why: string) => void } = {},
  ) {}

  /** Each month's counts, oldest first. */
  months(): Promise<Map<StatsMonth, MonthCounts>> {
    const now = Date.now();
    if (!this.kept || now - this.kept.at > (this.options.ttlMs ?? TOTALS_TTL_MS)) {
      const months = this.read();
      this.kept = { at: now, months };
      // A failed read is not kept: the next request tries again.
      months.catch(() => (this.kept = null));
    }
    return this.kept.months;
  }

  async summaries(): Promise<{ month: StatsMonth; summary: MonthSummary }[]> {
    return [...(await this.months())].map(([month, counts]) => ({ month, summary: summaryOf(counts) }));
  }

  private read(): Promise<Map<StatsMonth, MonthCounts>> {
    return readAllMonths(this.store, this.options.onUnreadable);
  }
}
