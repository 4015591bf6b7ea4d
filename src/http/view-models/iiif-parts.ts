import type { LicenceId } from '../../domain/licence.js';
import { translate } from '../i18n/messages.js';
import type { MessageKey } from '../i18n/translation.js';
import { LOCALES } from '../locale.js';

/**
 * The pieces every IIIF document of the archive is made of (Presentation 3.0,
 * https://iiif.io/api/presentation/3.0/, and Content Search 2.0, https://iiif.io/api/search/2.0/).
 */
export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
export const SEARCH_CONTEXT = 'http://iiif.io/api/search/2/context.json';

/** The media types the specifications ask servers to answer with. */
export const PRESENTATION_TYPE = `application/ld+json;profile="${PRESENTATION_CONTEXT}"`;
export const SEARCH_TYPE = `application/ld+json;profile="${SEARCH_CONTEXT}"`;

/** A language map: `{ "fr": ["…"] }`; "none" for values in no language (names, dates). */
export type LanguageMap = Record<string, string[]>;

export interface LabelValue {
  label: LanguageMap;
  value: LanguageMap;
}

/** One of our interface texts in every language of the site, as a language map. */
export function inEveryLocale(key: MessageKey, vars: Record<string, unknown> = {}): LanguageMap {
  return Object.fromEntries(LOCALES.map((locale) => [locale, [translate(locale, key, vars)]]));
}

/** Text in one language (a BCP 47 tag), or in none. */
export function inLanguage(language: string | null, ...values: string[]): LanguageMap {
  return { [language ?? 'none']: values };
}

/**
 * `rights` must be a Creative Commons licence URI or a RightsStatements.org URI (Presentation 3.0
 * §3.3.1, "rights"), in their canonical http form (not the https deed pages the site links to).
 * The Etalab Licence Ouverte is neither: it has no `rights`; its name and URL are in `metadata`
 * and in the `requiredStatement`, which every viewer shows.
 */
const RIGHTS_URIS: Readonly<Record<LicenceId, string | null>> = {
  'CC-BY-4.0': 'http://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'http://creativecommons.org/licenses/by-sa/4.0/',
  'CC-BY-NC-SA-4.0': 'http://creativecommons.org/licenses/by-nc-sa/4.0/',
  'CC0-1.0': 'http://creativecommons.org/publicdomain/zero/1.0/',
  'Etalab-2.0': null,
};

export function rightsUri(licence: LicenceId): string | null {
  return RIGHTS_URIS[licence];
}

