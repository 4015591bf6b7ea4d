/**
 * Where each cue of a spoken passage begins in the passage's text, with the cue's times. A search
 * hit knows at which character its first matched word is; the mark at or before that character
 * says when the word is said, so a link opens at the words rather than 20–40 s before them (the
 * passage start). Cues are the finest times the text files hold: speech-to-text lays its timed
 * words out as cues of at most 7 s (see caption-layout.ts) and stores no word times.
 */
export interface TimeMark {
  /** Index in the passage's text (UTF-16 code units, as JavaScript strings count) where the cue's text begins. */
  offset: number;
  start: number;
  end: number;
}

/**
 * The mark whose text holds `offset`: the last one beginning at or before it. Marks are in text
 * order. Null when there is none (no marks, or an offset before the first).
 */
export function markAt<T extends { offset: number }>(marks: readonly T[], offset: number): T | null {
  let lo = 0;
  let hi = marks.length - 1;
  let found: T | null = null;
  // Binary search: a passage has a few dozen cues, a page of results a few hundred passages.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const mark = marks[mid] as T;
    if (mark.offset <= offset) {
      found = mark;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * One line of text from pieces (cue texts): each piece cleaned (runs of white space made one
 * space, trimmed), empty ones dropped, the rest joined with one space, with where each begins.
 * The same text as cleaning the pieces joined, so a passage's text keeps its shape.
 */
export function joinWithOffsets(pieces: readonly string[]): { text: string; offsets: (number | null)[] } {
  let text = '';
  const offsets = pieces.map((piece) => {
    const clean = piece.replace(/\s+/g, ' ').trim();
    if (clean === '') return null;
    if (text !== '') text += ' ';
    const offset = text.length;
    text += clean;
    return offset;
  });
  return { text, offsets };
}
