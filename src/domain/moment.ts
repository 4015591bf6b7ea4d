/**
 * A moment of a recording: `?t=START` or `?t=START,END`, written as W3C Media Fragments write
 * temporal ranges (normal play time): seconds (`754`, `754.5`), `mm:ss` or `hh:mm:ss` (each with
 * optional decimals), an optional `npt:` prefix, and `,END` alone for "from the beginning to END".
 */
export interface Moment {
  start: number;
  /** Where it stops; null: to the end of the recording. */
  end: number | null;
}

export type MomentResult = { ok: true; moment: Moment } | { ok: false; reason: string };

const CLOCK = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2}(?:\.\d{1,3})?)$/;
const SECONDS = /^\d{1,7}(?:\.\d{1,3})?$/;

/** One time of a moment, in seconds; null when it is not written as npt allows. */
export function parseClock(value: string): number | null {
  const text = value.trim();
  if (SECONDS.test(text)) return Number(text);
  const clock = CLOCK.exec(text);
  if (!clock) return null;
  const [, hours, minutes, seconds] = clock;
  // mm:ss needs minutes and seconds under 60 (`1:75` is a typo, not 2:15); hours are unbounded.
  if (Number(minutes) >= 60 || Number(seconds) >= 60) return null;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/**
 * `value` as a moment of a recording lasting `duration` seconds (0: unknown). An end past the
 * recording stops at its end, as media fragments do; a start past it, an end at or before the
 * start, or anything unreadable is refused with the reason, in words.
 */
export function parseMoment(value: string, duration = 0): MomentResult {
  const text = value.trim().replace(/^npt:/, '');
  if (text === '') return { ok: false, reason: 'is empty' };
  const parts = text.split(',');
  if (parts.length > 2) return { ok: false, reason: `"${clip(value)}" has more than one comma (write START or START,END)` };
  const [startText = '', endText] = parts;
  const start = startText === '' && endText !== undefined ? 0 : parseClock(startText);
  if (start === null) return { ok: false, reason: `"${clip(startText)}" is not a time (write seconds, mm:ss or hh:mm:ss)` };
  if (duration > 0 && start >= duration) return { ok: false, reason: `starts at ${start} s, after the end of the recording (${round(duration)} s)` };
  if (endText === undefined || endText === '') return { ok: true, moment: { start, end: null } };
  const end = parseClock(endText);
  if (end === null) return { ok: false, reason: `"${clip(endText)}" is not a time (write seconds, mm:ss or hh:mm:ss)` };
  if (end <= start) return { ok: false, reason: `ends at ${end} s, not after its start (${start} s)` };
  return { ok: true, moment: { start, end: duration > 0 ? Math.min(end, duration) : end } };
}

/** The `t` parameter of a moment: "754" or "754,790.5" (seconds, at most 3 decimals). */
export function momentParam(moment: Moment): string {
  return moment.end === null ? seconds(moment.start) : `${seconds(moment.start)},${seconds(moment.end)}`;
}

/** Length in seconds; null when the moment runs to the end of the recording. */
export function momentLength(moment: Moment): number | null {
  return moment.end === null ? null : moment.end - moment.start;
}

function seconds(value: number): string {
  return String(round(value));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
