import type { TimedWord } from '../../ports/transcriber.js';

/** A text token of a whisper segment with its times (ms), as the binding reports it. */
export interface WhisperToken {
  text: string;
  startMs: number;
  endMs: number;
}

/**
 * Words of a segment with times from its tokens. Whisper's tokens are byte pieces: an accented
 * letter may be split over two tokens, each then decoded on its own as "\uFFFD". So the words
 * come from the segment's text (decoded whole, always right) and only their times from the
 * tokens, matched by character position (scaled when the two lengths differ by such pieces).
 * Times are kept inside the segment and never go backwards.
 */
export function wordsOfSegment(text: string, tokens: readonly WhisperToken[], segment: { startMs: number; endMs: number }): TimedWord[] | null {
  const usable = tokens.filter((t) => t.text.length > 0 && Number.isFinite(t.startMs) && Number.isFinite(t.endMs));
  if (usable.length === 0) return null;
  const total = usable.reduce((n, t) => n + t.text.length, 0);
  const scale = text.length / total;
  const spans: { from: number; to: number; startMs: number; endMs: number }[] = [];
  let offset = 0;
  for (const token of usable) {
    spans.push({ from: offset * scale, to: (offset + token.text.length) * scale, startMs: token.startMs, endMs: token.endMs });
    offset += token.text.length;
  }
  const clamp = (ms: number): number => Math.min(Math.max(ms, segment.startMs), Math.max(segment.startMs, segment.endMs));
  const tokenAt = (position: number) => spans.find((s) => position < s.to) ?? (spans[spans.length - 1] as (typeof spans)[number]);

  const words: TimedWord[] = [];
  let previousEnd = segment.startMs;
  for (const match of text.matchAll(/\S+/g)) {
    const first = tokenAt(match.index);
    const last = tokenAt(match.index + match[0].length - 1);
    const startMs = Math.max(previousEnd, clamp(first.startMs));
    const endMs = Math.max(startMs, clamp(last.endMs));
    words.push({ text: match[0], startMs, endMs });
    previousEnd = endMs;
  }
  return words;
}
