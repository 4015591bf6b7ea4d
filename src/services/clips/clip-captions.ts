import { renderVtt, type VttCue } from '../../pipeline/vtt-cues.js';
import type { ClipRange } from './clip-range.js';

/**
 * The cues of a caption track that overlap `range`, cut to it and shifted so that `range.start`
 * is 0: the captions of a clip cut at that start. A cue that only touches an end is left out.
 */
export function cuesOfRange(cues: readonly VttCue[], range: ClipRange): VttCue[] {
  return cues
    .filter((cue) => cue.end > range.start && cue.start < range.end)
    .map((cue) => ({
      start: round(Math.max(cue.start, range.start) - range.start),
      end: round(Math.min(cue.end, range.end) - range.start),
      text: cue.text,
    }))
    .filter((cue) => cue.end > cue.start);
}

export function clipVtt(cues: readonly VttCue[], range: ClipRange): string {
  return renderVtt(cuesOfRange(cues, range));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
