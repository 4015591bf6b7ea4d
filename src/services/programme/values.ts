import { ITEM_KINDS } from '../../domain/item.js';
import type { ItemKind } from '../../domain/item.js';
import { LICENCE_IDS, parseLicence } from '../../domain/licence.js';
import type { LicenceId } from '../../domain/licence.js';

/** A parsed value, or the message explaining why the text was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

// Spellings seen in French programmes; the contract's English ids stay canonical.
const KIND_ALIASES: Readonly<Record<string, ItemKind>> = {
  'round table': 'round-table',
  'round_table': 'round-table',
  roundtable: 'round-table',
  'table ronde': 'round-table',
  'table-ronde': 'round-table',
  atelier: 'workshop',
  conference: 'talk',
  conférence: 'talk',
};

export function parseKind(text: string): Parsed<ItemKind> {
  const key = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  const kind = (ITEM_KINDS as readonly string[]).includes(key) ? (key as ItemKind) : KIND_ALIASES[key];
  return kind ? ok(kind) : fail(`unknown kind "${text}"; expected one of ${ITEM_KINDS.join(', ')}`);
}

/** ISO 8601 calendar date, and a real one: 2025-02-30 is refused rather than rolled into March. */
export function parseIsoDate(text: string): Parsed<string | null> {
  if (text === '') return ok(null);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return fail(`date "${text}" is not an ISO 8601 date (YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`date "${text}" does not exist in the calendar`);
  }
  return ok(text);
}

/** Themes as written, minus empties and repeats (compared without case, first spelling kept). */
export function uniqueThemes(themes: string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const theme of themes) {
    const clean = theme.normalize('NFC').trim().replace(/\s+/g, ' ');
    const key = clean.toLocaleLowerCase('fr');
    if (clean === '' || seen.has(key)) continue;
    seen.add(key);
    unique.push(clean);
  }
  return unique;
}

export function parseLicenceId(text: string): Parsed<LicenceId> {
  const id = parseLicence(text);
  return id ? ok(id) : fail(`unknown licence "${text}"; expected one of ${LICENCE_IDS.join(', ')}`);
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parseId(text: string): Parsed<string> {
  if (ID_PATTERN.test(text)) return ok(text);
  return fail(`id "${text}" must be lower-case letters and digits separated by single dashes, e.g. 2025-strasbourg-ia-et-mediation`);
}
