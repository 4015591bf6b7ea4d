import { CONFERENCE_NAME, editionEventName } from '../../domain/conference.js';
import { LICENCES } from '../../domain/licence.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { momentParam, type Moment } from '../../domain/moment.js';
import { timecode } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { itemRoute, urlFor } from '../urls.js';
import { splitPersonName, type PersonName } from './person-name.js';
import { fileUrl } from './public-item.js';

/**
 * What a reference manager needs to cite one item, once, in plain data; the RIS, BibTeX and
 * CSL-JSON files (citation-ris.ts, citation-bibtex.ts, citation-csl.ts), the Highwire and
 * Dublin Core tags of the page (citation-meta.ts) and the formatted citation are written from it.
 *
 * Three kinds, as Zotero names its item types: a recording with pictures is a `presentation`
 * (CSL `speech`: "a talk, poster or symposium at a conference"), a podcast a `podcast` episode,
 * a document a `magazineArticle` (the archive's documents are the conference's magazines).
 */
export type CitationKind = 'presentation' | 'podcast' | 'magazineArticle';

export interface CitationDate {
  year: number;
  month: number | null;
  day: number | null;
}

export interface Citation {
  id: string;
  kind: CitationKind;
  /** "Conférence", "Podcast", "Magazine": the genre in the asked language. */
  genre: string;
  title: string;
  /** The speakers, people only: their organisations are affiliations, not authors. */
  authors: PersonName[];
  date: CitationDate;
  /** The edition as an event: "Numérique en Commun[s] 2025 Strasbourg". */
  event: string;
  place: string;
  publisher: string;
  /** BCP 47, as the programme gives it. */
  language: string;
  licenceUrl: string;
  abstract: string;
  /** The page in the asked language, at the moment when one is cited. */
  url: string;
  /** The PDF itself (documents), absolute. */
  pdfUrl: string | null;
  moment: Moment | null;
  /** The moment in words: "à 12:34–13:10" / "at 12:34–13:10". */
  locator: string | null;
  /** The day the reference was taken (YYYY-MM-DD): citation styles print it beside online URLs. */
  accessed: string;
}

export interface CitationInput {
  manifest: ManifestFields;
  origin: string;
  locale: Locale;
  moment: Moment | null;
  /** Today, by default; tests give a fixed day. */
  accessed?: Date;
}

const KINDS = { talk: 'presentation', podcast: 'podcast', document: 'magazineArticle' } as const;

export function citationOf({ manifest, origin, locale, moment, accessed = new Date() }: CitationInput): Citation {
  const route = itemRoute(manifest.kind);
  const kind = KINDS[route];
  const pdf = route === 'document' ? (manifest.downloads.find((d) => d.format === 'pdf') ?? manifest.source) : null;
  return {
    id: manifest.id,
    kind,
    genre: translate(locale, `citation.genre.${kind}`),
    title: manifest.title,
    authors: manifest.speakers.map((s) => splitPersonName(s.name)).filter((p) => p.family !== ''),
    date: dateOf(manifest),
    event: editionEventName(manifest.edition.label),
    place: manifest.edition.city,
    publisher: CONFERENCE_NAME,
    language: manifest.language,
    licenceUrl: LICENCES[manifest.licence].url,
    abstract: manifest.summary.trim(),
    url: `${origin}${urlFor(route, locale, { id: manifest.id }, { t: moment ? momentParam(moment) : null })}`,
    pdfUrl: pdf && pdf.contentType === 'application/pdf' ? fileUrl(origin, pdf.key) : null,
    moment,
    locator: moment ? momentLocator(moment, locale) : null,
    accessed: accessed.toISOString().slice(0, 10),
  };
}

/** "à 12:34" or "à 12:34–13:10" (timecodes as the player shows them). */
export function momentLocator(moment: Moment, locale: Locale): string {
  const start = timecode(moment.start);
  if (moment.end === null) return translate(locale, 'citation.at', { time: start });
  return translate(locale, 'citation.atRange', { start, end: timecode(moment.end) });
}

/** The item's own date when the programme gives one, else its edition's year. */
function dateOf(manifest: ManifestFields): CitationDate {
  const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(manifest.date ?? '');
  if (!parts) return { year: manifest.edition.year, month: null, day: null };
  return { year: Number(parts[1]), month: parts[2] ? Number(parts[2]) : null, day: parts[3] ? Number(parts[3]) : null };
}

/** "2025-10-29", "2025-10" or "2025". */
export function isoDate(date: CitationDate): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return [String(date.year), date.month !== null ? pad(date.month) : null, date.month !== null && date.day !== null ? pad(date.day) : null]
    .filter((part) => part !== null)
    .join('-');
}
