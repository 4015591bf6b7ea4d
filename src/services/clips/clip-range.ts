import { parseMoment } from '../../domain/moment.js';

/** The longest clip, in seconds: enough for any quotation, short enough to cut on demand. */
export const MAX_CLIP_SECONDS = 600;

export interface ClipRange {
  start: number;
  end: number;
}

export type ClipRangeResult = { ok: true; range: ClipRange } | { ok: false; reason: string };

/**
 * The `t` of a clip (`START,END` as a moment writes it) over a recording of `duration` seconds:
 * both ends are needed, and at most MAX_CLIP_SECONDS between them. An end past the recording
 * stops at its end, as for any moment.
 */
export function parseClipRange(value: string, duration: number): ClipRangeResult {
  const parsed = parseMoment(value, duration);
  if (!parsed.ok) return parsed;
  const { start, end } = parsed.moment;
  if (end === null) return { ok: false, reason: `"${value.slice(0, 40)}" has no end: a clip needs START,END` };
  if (end - start > MAX_CLIP_SECONDS) {
    return { ok: false, reason: `lasts ${round(end - start)} s, longer than the ${MAX_CLIP_SECONDS} s (${MAX_CLIP_SECONDS / 60} minutes) a clip may last` };
  }
  return { ok: true, range: { start, end } };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
