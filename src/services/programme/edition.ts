import type { Edition } from '../../domain/item.js';
import { slugify } from '../../domain/slug.js';

export const FIRST_EDITION_YEAR = 2018;
export const LAST_EDITION_YEAR = 2100;

export type EditionResult = { ok: true; edition: Edition } | { ok: false; message: string };

// A year at either end, the city around it: "2025 Strasbourg", "Strasbourg 2025", "2025 – Lyon".
const YEAR_FIRST = /^(\d{4})(?:[\s,–—-]+(.*))?$/u;
const YEAR_LAST = /^(.*?)[\s,–—-]+(\d{4})$/u;

/**
 * "2025 Strasbourg" → { label "2025 Strasbourg", year 2025, city "Strasbourg", slug "2025-strasbourg" }.
 * The label is rebuilt as "<year> <city>" so that "Strasbourg 2025" and "2025 Strasbourg" in
 * two rows name one edition, with one label on its page, not two spellings of the same slug.
 */
export function parseEdition(text: string): EditionResult {
  const value = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (value === '') return { ok: false, message: 'edition is required, e.g. "2025 Strasbourg"' };
  const yearFirst = YEAR_FIRST.exec(value);
  const yearLast = yearFirst ? null : YEAR_LAST.exec(value);
  const yearText = yearFirst?.[1] ?? yearLast?.[2];
  if (yearText === undefined) {
    return { ok: false, message: `edition "${value}" must start or end with a year, e.g. "2025 Strasbourg"` };
  }
  const city = (yearFirst ? (yearFirst[2] ?? '') : (yearLast?.[1] ?? '')).replace(/^[\s,–—-]+|[\s,–—-]+$/gu, '');
  if (/\d{4}/.test(city)) {
    return { ok: false, message: `edition "${value}" has more than one year` };
  }
  const year = Number(yearText);
  if (year < FIRST_EDITION_YEAR || year > LAST_EDITION_YEAR) {
    return { ok: false, message: `edition year ${year} is out of range (${FIRST_EDITION_YEAR}–${LAST_EDITION_YEAR})` };
  }
  return { ok: true, edition: makeEdition(year, city) };
}

export function makeEdition(year: number, city: string): Edition {
  const label = city === '' ? String(year) : `${year} ${city}`;
  return { label, year, city, slug: slugify(label) };
}

/**
 * A folder name as an edition ("2025-strasbourg", "NEC_2024_Bordeaux"): separators become spaces
 * and a lower-case city gets capitals, since folder names are rarely typed as display text.
 * Prefixes such as "NEC" are dropped only when the year then comes first.
 */
export function editionFromFolderName(name: string): Edition | null {
  const spaced = name.normalize('NFC').replace(/[_-]+/g, ' ').trim();
  const candidates = [spaced, spaced.replace(/^[^\d]*?(?=\b\d{4}\b)/u, '')];
  for (const candidate of candidates) {
    const parsed = parseEdition(candidate);
    if (parsed.ok) {
      const { year, city } = parsed.edition;
      return makeEdition(year, city === city.toLowerCase() ? capitaliseWords(city) : city);
    }
  }
  return null;
}

function capitaliseWords(text: string): string {
  return text.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}
