import { randomBytes } from 'node:crypto';
import type { BlobStore } from '../../ports/blob-store.js';
import { bump, dayOf, itemDayOf, type ItemDay, type MonthCounts } from './stats-counts.js';
import { monthOfDay, statsDayOf, statsMonthOf, type StatsMonth } from './stats-calendar.js';
import { processKey } from './stats-keys.js';
import { SearchPageOutcomes } from './search-outcomes.js';
import { monthToJson } from './stats-json.js';
import { DailyVisitors } from './visitors.js';

/** How often a web process writes what it counted: what a killed process can lose at most. */
export const STATS_FLUSH_MS = 30_000;
/** Distinct searches without result kept per day by a process; the rest are counted under OTHER_SEARCHES. */
const MAX_SEARCHES_PER_DAY = 2_000;
export const OTHER_SEARCHES = '…';
const MAX_HOST = 100;

export interface Visitor {
  address: string;
  userAgent: string;
}

/**
 * What one web process counts, kept in memory as daily totals and written to the store as this
 * process's own object for each month (stats-keys.ts): every flush rewrites the whole month as
 * counted by this process so far, with a higher `seq`. A restart is a new process with a new id:
 * the objects of the old one stay and readers add them up (stats-reader.ts).
 */
export class StatsRecorder {
  readonly processId: string;
  /** Which search page URLs found nothing, for counting the answers the page cache sends. */
  readonly searchPages = new SearchPageOutcomes();
  private readonly months = new Map<StatsMonth, MonthCounts>();
  private readonly dirty = new Set<StatsMonth>();
  private readonly visitors: DailyVisitors;
  private readonly clock: () => Date;
  private readonly log: (line: string) => void;
  private seq = 0;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: BlobStore,
    options: { processId?: string; clock?: () => Date; flushMs?: number; log?: (line: string) => void } = {},
  ) {
    this.processId = options.processId ?? `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? (() => {});
    this.visitors = new DailyVisitors(this.clock);
    const flushMs = options.flushMs ?? STATS_FLUSH_MS;
    if (flushMs > 0) {
      this.timer = setInterval(() => void this.flush(), flushMs);
      this.timer.unref();
    }
  }

  play(item: string, visitor: Visitor, lang: string | undefined): void {
    const counts = this.itemToday(item);
    counts.plays += 1;
    if (lang) bump(counts.languages, lang);
    if (this.visitors.firstToday(item, visitor)) counts.visitors += 1;
  }

  progress(item: string, quartile: 1 | 2 | 3 | 4): void {
    const quartiles = this.itemToday(item).quartiles;
    quartiles[quartile - 1] = (quartiles[quartile - 1] ?? 0) + 1;
  }

  download(item: string, format: string, visitor: Visitor): void {
    const counts = this.itemToday(item);
    bump(counts.downloads, format);
    if (this.visitors.firstToday(item, visitor)) counts.visitors += 1;
  }

  /** `host`: the embedding page's host, from the Referer; null when the browser sent none. */
  embed(item: string, host: string | null): void {
    bump(this.itemToday(item).embeds, host === null ? '' : host.slice(0, MAX_HOST));
  }

  /** `text`: already normalised (search-text.ts). */
  searchWithoutResult(text: string): void {
    const searches = this.today().searches;
    bump(searches, searches.has(text) || searches.size < MAX_SEARCHES_PER_DAY ? text : OTHER_SEARCHES);
  }

  /** Writes each month counted since the last flush; one flush at a time, in order. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writeDirty());
    return this.writing;
  }

  /** Stops the timer and writes what is left (the serve command and tests call it when stopping). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async writeDirty(): Promise<void> {
    const current = statsMonthOf(this.clock());
    for (const month of [...this.dirty]) {
      const counts = this.months.get(month);
      if (!counts) continue;
      // Taken now: what is counted while the put runs marks the month dirty again.
      this.dirty.delete(month);
      this.seq += 1;
      const body = JSON.stringify({ format: 1, process: this.processId, seq: this.seq, month, days: monthToJson(counts) });
      try {
        await this.store.putBuffer(processKey(month, this.processId), body, 'application/json');
        // A month that is over is written one last time, then forgotten.
        if (month !== current && !this.dirty.has(month)) this.months.delete(month);
      } catch (error) {
        this.dirty.add(month);
        this.log(`warning: statistics of ${month} not written (tried again at the next flush): ${(error as Error).message}`);
      }
    }
  }

  private today(): ReturnType<typeof dayOf> {
    const day = statsDayOf(this.clock());
    const month = monthOfDay(day);
    let counts = this.months.get(month);
    if (!counts) this.months.set(month, (counts = new Map()));
    this.dirty.add(month);
    return dayOf(counts, day);
  }

  private itemToday(item: string): ItemDay {
    return itemDayOf(this.today(), item);
  }
}
