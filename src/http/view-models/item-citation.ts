import type { ManifestFields } from '../../domain/manifest.js';
import type { Moment } from '../../domain/moment.js';
import { momentParam } from '../../domain/moment.js';
import { formatDate } from '../format.js';
import { translate } from '../i18n/messages.js';
import { dateFormat, listFormat } from '../intl.js';
import type { Locale } from '../locale.js';
import { itemApiUrl } from '../urls.js';
import { citationOf, type Citation } from './citation.js';
import { citationMeta, type MetaTag } from './citation-meta.js';

/** The citation files, by extension: what the API serves at /api/items/<id>/citation.<ext>. */
export const CITATION_FILES = ['ris', 'bib', 'json'] as const;
export type CitationFile = (typeof CITATION_FILES)[number];

export interface ItemCitationModel {
  /** The reference in the page's language, ready to paste. */
  text: string;
  /**
   * What the page's script rewrites the reference from when another moment is chosen: the
   * reference with `{moment}` and `{url}` to fill, the locale's words for a time and a range, the
   * page's URL without a moment.
   */
  template: { text: string; at: string; atRange: string; base: string };
  /** Links to the files; `momentHref` (without `t`) is where the page's script adds the moment played. */
  files: { href: string; momentHref: string; text: string; format: CitationFile }[];
  /** Highwire and Dublin Core tags for the page's head. */
  meta: MetaTag[];
}

/**
 * What an item page shows to cite it: the formatted reference, the three files (at the page's
 * own moment when it was opened at one) and the tags reference managers read from its head.
 * The head's tags cite the page itself; the text and the files, the page's moment too.
 */
export function itemCitationModel(manifest: ManifestFields, origin: string, locale: Locale, moment: Moment | null, accessed?: Date): ItemCitationModel {
  const at = (cited: Moment | null): Citation => citationOf({ manifest, origin, locale, moment: cited, ...(accessed ? { accessed } : {}) });
  const t = moment ? momentParam(moment) : null;
  return {
    text: formattedCitation(at(moment), locale),
    template: {
      text: formattedCitation(at(null), locale, { moment: '{moment}', url: '{url}' }),
      at: translate(locale, 'citation.at', { time: '{start}' }),
      atRange: translate(locale, 'citation.atRange', { start: '{start}', end: '{end}' }),
      base: at(null).url,
    },
    files: CITATION_FILES.map((format) => ({
      href: itemApiUrl(manifest.id, `citation.${format}`, { t, lang: locale }),
      momentHref: itemApiUrl(manifest.id, `citation.${format}`, { lang: locale }),
      text: translate(locale, `citation.file.${format}`),
      format,
    })),
    meta: citationMeta(at(null)),
  };
}

/**
 * "Jeanne Martin et Ali Ben, « Titre » [Conférence], Numérique en Commun[s] 2025 Strasbourg,
 * 29 octobre 2025. https://…" — the same parts as the files, in the locale's words.
 */
export function formattedCitation(citation: Citation, locale: Locale, placeholders: { moment: string; url: string } | null = null): string {
  const authors = citation.authors.map((a) => (a.given ? `${a.given} ${a.family}` : a.family));
  const parts = {
    authors: authors.length > 0 ? listFormat(locale).format(authors) : citation.publisher,
    title: citation.title,
    genre: citation.genre.toLocaleLowerCase(locale),
    event: citation.event,
    date: dateText(citation, locale),
    moment: citation.locator ? `, ${citation.locator}` : '',
    url: citation.url,
    ...placeholders,
  };
  return translate(locale, 'citation.formatted', parts);
}

function dateText(citation: Citation, locale: Locale): string {
  const { year, month, day } = citation.date;
  if (month === null) return String(year);
  if (day === null) return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  return formatDate(locale, `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}
