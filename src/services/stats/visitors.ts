import { createHash, randomBytes } from 'node:crypto';
import { statsDayOf, type StatsDay } from './stats-calendar.js';

/**
 * How many different people played or downloaded an item in a day, without knowing who they
 * are (Plausible's method): a visitor is sha256(daily salt + address + user agent). The salt
 * is random, made when the day starts, held in this process's memory only and replaced the next
 * day, so a hash cannot be recomputed afterwards nor linked from one day to the next. Neither the
 * address nor the hash is ever written anywhere; the set of hashes seen is forgotten with the day.
 * Each web process has its own salt: the same person served by two processes counts twice at most.
 */
export class DailyVisitors {
  private day: StatsDay | null = null;
  private salt: Buffer = Buffer.alloc(0);
  private seen = new Set<string>();

  constructor(
    private readonly clock: () => Date = () => new Date(),
    /** Past this many (item, visitor) pairs in a day, new pairs are not remembered (memory stays bounded): they count as new. */
    private readonly maxSeen = 500_000,
  ) {}

  /** True the first time this visitor is seen with this item today (per process). */
  firstToday(item: string, visitor: { address: string; userAgent: string }): boolean {
    this.rollOver();
    const hash = createHash('sha256').update(this.salt).update(visitor.address).update('\0').update(visitor.userAgent).digest('base64url').slice(0, 22);
    const key = `${item}\0${hash}`;
    if (this.seen.has(key)) return false;
    if (this.seen.size < this.maxSeen) this.seen.add(key);
    return true;
  }

  /** How many pairs are held now (for tests and status: the memory this costs). */
  get size(): number {
    return this.seen.size;
  }

  private rollOver(): void {
    const today = statsDayOf(this.clock());
    if (today === this.day) return;
    this.day = today;
    this.salt = randomBytes(32);
    this.seen = new Set();
  }
}
