import { createHmac } from 'node:crypto';
import { sameText } from './admin/admin-cookie.js';

/**
 * The time a correction form was shown, signed, in a hidden field: a form sent back sooner than
 * a person can read a passage is a robot's (no tracking, no cookie: the page carries the proof).
 * Signed with the site's secret (the one the console's cookies use, for another purpose), bound
 * to the item, so every web process over the archive accepts the forms of the others.
 */
export const MIN_FORM_SECONDS = 3;
/** A form left open longer than a day is shown again rather than taken. */
export const MAX_FORM_SECONDS = 24 * 60 * 60;

function signature(key: Buffer, item: string, ms: number): string {
  return createHmac('sha256', key).update(`correction-form\n${item}\n${ms}`).digest('base64url').slice(0, 27);
}

export function formStamp(key: Buffer, item: string, now: number = Date.now()): string {
  return `${now}.${signature(key, item, now)}`;
}

/** 'ok', or why the stamp is refused: forged or for another item, too soon, too old. */
export function checkFormStamp(key: Buffer, item: string, stamp: unknown, now: number = Date.now()): 'ok' | 'invalid' | 'too-soon' | 'too-old' {
  if (typeof stamp !== 'string') return 'invalid';
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{27})$/.exec(stamp);
  if (!match) return 'invalid';
  const ms = Number(match[1]);
  if (!sameText(match[2]!, signature(key, item, ms))) return 'invalid';
  if (now - ms < MIN_FORM_SECONDS * 1000) return 'too-soon';
  if (now - ms > MAX_FORM_SECONDS * 1000) return 'too-old';
  return 'ok';
}
