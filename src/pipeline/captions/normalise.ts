import type { Cue } from '../../domain/text.js';
import type { PlainCue } from './cue-text.js';

/** Shorter than this, a cue cannot be read: it is dropped, or merged when it carries other words. */
export const MIN_CUE_SECONDS = 0.2;

export interface NormalisedCues {
  cues: Cue[];
  /** What was changed, in words, for the file's warning ("2 overlapping cues shortened"). */
  changes: string[];
}

/**
 * Cues as players and transcripts want them: sorted by start, never overlapping (an earlier cue
 * ends where the next begins), none empty or too short to read. A cue that an overlap leaves
 * too short is a duplicate (dropped) or a simultaneous cue whose words join the next one.
 */
export function normaliseCues(input: readonly PlainCue[]): NormalisedCues {
  const sorted = input
    .filter((cue) => cue.text !== '' && cue.end > cue.start)
    .map((cue) => ({ ...cue, start: round3(cue.start), end: round3(cue.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const empty = input.filter((cue) => cue.text === '').length;
  let shortened = 0;
  let merged = 0;
  let dropped = 0;
  const cues: Cue[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const cue = sorted[i] as PlainCue;
    const next = sorted[i + 1];
    const end = next && next.start < cue.end ? next.start : cue.end;
    const trimmed = end < cue.end;
    if (end - cue.start >= MIN_CUE_SECONDS - 1e-9) {
      cues.push({ start: cue.start, end, text: cue.text, speaker: cue.speaker });
      if (trimmed) shortened++;
    } else if (next && trimmed && !next.text.includes(cue.text)) {
      sorted[i + 1] = mergeInto(cue, next);
      merged++;
    } else {
      dropped++;
    }
  }
  const changes = [
    count(empty, 'empty cue', 'empty cues', 'dropped'),
    count(shortened, 'overlapping cue', 'overlapping cues', 'shortened'),
    count(merged, 'simultaneous cue', 'simultaneous cues', 'merged into the next'),
    count(dropped, 'cue too short to read', 'cues too short to read', 'dropped'),
  ].filter((change): change is string => change !== null);
  return { cues, changes };
}

/** `cue` starts at (almost) the same time as `next`: one cue with both texts, the earlier start. */
function mergeInto(cue: PlainCue, next: PlainCue): PlainCue {
  const speaker = cue.speaker ?? next.speaker;
  const nextText = next.speaker && next.speaker !== speaker ? `${next.speaker}: ${next.text}` : next.text;
  return { start: cue.start, end: next.end, text: `${cue.text}\n${nextText}`, speaker };
}

function count(n: number, one: string, many: string, done: string): string | null {
  return n === 0 ? null : `${n} ${n > 1 ? many : one} ${done}`;
}

function round3(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
