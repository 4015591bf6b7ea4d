import { translate } from './i18n/messages.js';
import { dateFormat, numberFormat } from './intl.js';
import type { Locale } from './locale.js';

/**
 * Dates, durations, times and sizes as each locale writes them ("29 octobre 2025", "12 min 34 s",
 * "1,8 Mo" / "29 October 2025", "12 min 34 s", "1.8 MB").
 */
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };

/** "2025-10-29" → "29 octobre 2025"; anything unparsable is shown as given. */
export function formatDate(locale: Locale, iso: string | null): string {
  if (!iso) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat(locale, DATE).format(date);
}

/** Spoken length: "1 h 02 min", "12 min 34 s", "45 s". */
export function formatDuration(locale: Locale, seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return translate(locale, 'duration.hours', { h: String(h), m: String(m).padStart(2, '0') });
  if (m > 0) return translate(locale, 'duration.minutes', { m: String(m), s: String(s) });
  return translate(locale, 'duration.seconds', { s: String(s) });
}

/** A position in a recording as players show it: 754 → "12:34", 3725 → "1:02:05" (rounded down). */
export function timecode(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}

/** The ISO 8601 duration of schema.org and feeds: 754 → "PT12M34S". */
export function isoDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

const UNITS = ['size.bytes', 'size.kilobytes', 'size.megabytes', 'size.gigabytes'] as const;

/** File sizes in decimal units as people read them on a download link: "1,8 Mo" / "1.8 MB". */
export function formatBytes(locale: Locale, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < 3) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = numberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number}\u00a0${translate(locale, UNITS[unit]!)}`;
}
