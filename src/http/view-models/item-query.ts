/**
 * The query parameters of an item page, validated: a link shared with a typo (`?t=abc`,
 * `?page=99`) opens the page as if the parameter were absent rather than failing.
 */
export interface ItemQuery {
  /** Seconds to start the player at (`?t=754` or `?t=754.5`), within the recording. */
  startAt: number | null;
  /** A document page to open (`?page=3`), within the page count. */
  page: number | null;
  /** The transcript language asked for (`?transcript=en`), if the item has it. */
  transcript: string | null;
  /** `?ad=1`: play the audio-described version where there is one. */
  audioDescribed: boolean;
  /** Words to highlight in a document's pages (`?q=…`). */
  q: string | null;
}

/** Integer or decimal seconds, at most `duration` (when known); anything else is ignored. */
export function parseStartTime(value: unknown, duration: number): number | null {
  if (typeof value !== 'string' || !/^\d{1,7}(?:\.\d{1,3})?$/.test(value)) return null;
  const seconds = Number(value);
  if (!Number.isFinite(seconds)) return null;
  if (duration > 0 && seconds > duration) return null;
  return seconds;
}

/** A page number from 1 to `count`. */
export function parsePageNumber(value: unknown, count: number): number | null {
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) return null;
  const page = Number(value);
  return page >= 1 && page <= count ? page : null;
}

/** A language the item has a transcript in (`choices`), else null. */
export function parseLanguage(value: unknown, choices: readonly string[]): string | null {
  return typeof value === 'string' && choices.includes(value) ? value : null;
}

/** Search words kept for highlighting: trimmed, at most 200 characters. */
export function parseWords(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().slice(0, 200);
  return text === '' ? null : text;
}

export function parseItemQuery(
  query: Record<string, unknown>,
  item: { duration: number; pageCount: number; transcriptLanguages: readonly string[] },
): ItemQuery {
  return {
    startAt: parseStartTime(query.t, item.duration),
    page: parsePageNumber(query.page, item.pageCount),
    transcript: parseLanguage(query.transcript, item.transcriptLanguages),
    audioDescribed: query.ad === '1',
    q: parseWords(query.q),
  };
}
