import { markAt, type TimeMark } from '../../domain/time-marks.js';
import { withoutMarkers } from './meili-highlight.js';

/**
 * Time marks as the segments index stores them: `[byteOffset, start, end]` per cue, offsets in
 * UTF-8 bytes of the indexed text. Meilisearch 1.21 gives `_matchesPosition` starts in bytes
 * (measured: "Ça commence. La souveraineté" puts "souveraineté" at 17, its 16th character), and
 * the first round trip does not fetch the text to convert them: so the marks speak its unit.
 * Arrays rather than objects keep the stored documents small (Meilisearch decompresses a
 * document whole to return any field of it); `marks` is neither searchable nor filterable.
 */
export type StoredMark = [offset: number, start: number, end: number];

/**
 * The marks of `original` (character offsets) as offsets into the text actually indexed:
 * `withoutMarkers(original)`, in bytes. One pass over the text whatever the number of marks.
 */
export function storedMarks(original: string, marks: readonly TimeMark[]): StoredMark[] {
  const stored: StoredMark[] = [];
  let from = 0;
  let bytes = 0;
  for (const mark of marks) {
    const to = Math.max(from, Math.min(mark.offset, original.length));
    bytes += Buffer.byteLength(withoutMarkers(original.slice(from, to)), 'utf8');
    from = to;
    stored.push([bytes, millis(mark.start), millis(mark.end)]);
  }
  return stored;
}

/** The byte offset in `text` of its character `index`: how a match found here is looked up. */
export function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

/** The earliest `start` among `_matchesPosition` entries of one attribute, if any. */
export function firstMatchByte(positions: unknown): number | null {
  if (!Array.isArray(positions)) return null;
  let first: number | null = null;
  for (const position of positions) {
    const start = (position as { start?: unknown } | null)?.start;
    if (typeof start === 'number' && Number.isFinite(start) && (first === null || start < first)) first = start;
  }
  return first;
}

/**
 * The cue said at the matched byte, from a hit's stored marks. Null when the hit has none
 * (slides, pages, and passages indexed before marks existed: those keep the passage bounds),
 * when nothing matched in the text, or when the stored value is not what this code writes.
 */
export function cueAt(stored: unknown, matchByte: number | null): { start: number; end: number } | null {
  if (matchByte === null || !Array.isArray(stored) || stored.length === 0) return null;
  const marks: TimeMark[] = [];
  for (const entry of stored) {
    if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
    const [offset, start, end] = entry as StoredMark;
    marks.push({ offset, start, end });
  }
  const mark = markAt(marks, matchByte);
  return mark ? { start: mark.start, end: mark.end } : null;
}

/** Cue times come from WebVTT (milliseconds): more digits only make documents bigger. */
function millis(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
