import { parseClock, parseMoment, type Moment } from '../../domain/moment.js';

/**
 * The query parameters of an item page, validated: a link shared with a typo (`?t=abc`,
 * `?page=99`) opens the page as if the parameter were absent rather than failing.
 */
export interface ItemQuery {
  /** The moment asked for (`?t=754`, `?t=12:34,13:10`), within the recording. */
  moment: Moment | null;
  /** The cite section's form, when it was sent (`?from=12:34&to=13:10`): the page redirects to `?t=`, or says what is wrong. */
  momentForm: MomentForm | null;
  /** A document page to open (`?page=3`), within the page count. */
  page: number | null;
  /** The transcript language asked for (`?transcript=en`), if the item has it. */
  transcript: string | null;
  /** `?ad=1`: play the audio-described version where there is one. */
  audioDescribed: boolean;
  /** Words to highlight in a document's pages (`?q=…`). */
  q: string | null;
}

/** What is wrong with a moment typed in the form: a field that is not a time, a start past the recording, an end not after the start. */
export type MomentProblem = 'start' | 'end' | 'late' | 'order';

export type MomentForm =
  | { ok: true; moment: Moment | null }
  | { ok: false; from: string; to: string; problem: MomentProblem };

/** `?t=` as a moment of a recording lasting `duration` seconds (0: unknown); anything unreadable is ignored. */
export function parseMomentParam(value: unknown, duration: number): Moment | null {
  if (typeof value !== 'string') return null;
  const result = parseMoment(value, duration);
  return result.ok ? result.moment : null;
}

/**
 * The two fields of the cite form (`from`, `to`), which a page without JavaScript sends as they
 * are: both empty is the whole recording, an empty start is the beginning (as `t=,END` is).
 * Null when the form was not sent.
 */
export function parseMomentForm(from: unknown, to: unknown, duration: number): MomentForm | null {
  if (typeof from !== 'string' && typeof to !== 'string') return null;
  const start = typeof from === 'string' ? from.trim().slice(0, 40) : '';
  const end = typeof to === 'string' ? to.trim().slice(0, 40) : '';
  if (start === '' && end === '') return { ok: true, moment: null };
  const refuse = (problem: MomentProblem): MomentForm => ({ ok: false, from: start, to: end, problem });
  // Each field on its own first: a comma typed in one must not make a range of it.
  if (start !== '' && parseClock(start) === null) return refuse('start');
  if (end !== '' && parseClock(end) === null) return refuse('end');
  const result = parseMoment(end === '' ? start : `${start},${end}`, duration);
  if (result.ok) return { ok: true, moment: result.moment };
  const endSeconds = end === '' ? null : parseClock(end);
  return refuse(endSeconds !== null && endSeconds <= (parseClock(start) ?? 0) ? 'order' : 'late');
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
    moment: parseMomentParam(query.t, item.duration),
    momentForm: parseMomentForm(query.from, query.to, item.duration),
    page: parsePageNumber(query.page, item.pageCount),
    transcript: parseLanguage(query.transcript, item.transcriptLanguages),
    audioDescribed: query.ad === '1',
    q: parseWords(query.q),
  };
}
