/**
 * OAI-PMH datestamps (https://www.openarchives.org/OAI/openarchivesprotocol.html#Dates): UTC,
 * to the second (`2025-11-02T10:00:00Z`), the finest granularity the protocol knows and the one
 * Identify announces. Harvesters may also ask by day (`2025-11-02`). Every bound is turned into
 * the seconds form, so comparing datestamps is comparing strings.
 */
export const OAI_GRANULARITY = 'YYYY-MM-DDThh:mm:ssZ';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
/** What a stored datestamp falls back to when it cannot be read: before everything else. */
const EPOCH = '1970-01-01T00:00:00Z';

/** An ISO 8601 instant (a manifest's `updatedAt`, a tombstone's `removedAt`) as an OAI datestamp. */
export function oaiDatestamp(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(date.getTime()) ? EPOCH : `${date.toISOString().slice(0, 19)}Z`;
}

export type Granularity = 'day' | 'seconds';

export interface DateBound {
  /** In the seconds form; a day is its first second (`from`) or its last (`until`). */
  value: string;
  granularity: Granularity;
}

/** A `from` or `until` argument, or null when it is not a real date in either granularity. */
export function parseDateBound(text: string, side: 'from' | 'until'): DateBound | null {
  const day = DAY.exec(text);
  if (day) {
    if (!isRealDate(Number(day[1]), Number(day[2]), Number(day[3]), 0, 0, 0)) return null;
    return { value: `${text}T${side === 'from' ? '00:00:00' : '23:59:59'}Z`, granularity: 'day' };
  }
  const seconds = SECONDS.exec(text);
  if (!seconds) return null;
  const [, y, mo, d, h, mi, s] = seconds.map(Number) as [number, number, number, number, number, number, number];
  return isRealDate(y, mo, d, h, mi, s) ? { value: text, granularity: 'seconds' } : null;
}

/** 2025-02-30 or 25:00 are well formed and still no date: Date.UTC would roll them over. */
function isRealDate(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day &&
    date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second
  );
}

/** Whether a datestamp in the seconds form is one the protocol accepts (a resumption token's bounds). */
export function isSecondsDatestamp(text: string): boolean {
  return parseDateBound(text, 'from')?.granularity === 'seconds';
}
