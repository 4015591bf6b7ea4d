import { timecode } from '../format.js';
import type { Citation, CitationDate, CitationKind } from './citation.js';

/**
 * CSL-JSON (Citation Style Language 1.0.2, https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types),
 * what Zotero, Pandoc and citeproc read. Types:
 * - `speech`: "a speech or other presentation (e.g. a paper, talk, poster, or symposium at a
 *   conference)", with the edition as `event-title` and the city as `event-place`;
 * - `broadcast` for a podcast episode ("a single episode of a radio, television, or podcast
 *   programme"), the edition as the programme (`container-title`);
 * - `article-magazine` for the magazines, the edition as the magazine (`container-title`).
 * A moment is the cite's `locator` with the `timestamp` label CSL 1.0.2 added for recordings,
 * and also words in `note` for styles that print no locator.
 */
const TYPES: Record<CitationKind, string> = { presentation: 'speech', podcast: 'broadcast', magazineArticle: 'article-magazine' };

export type CslItem = Record<string, unknown>;

export function citationCsl(citation: Citation): CslItem[] {
  const item: CslItem = {
    id: citation.id,
    type: TYPES[citation.kind],
    title: citation.title,
    author: citation.authors.map((a) => (a.given ? { family: a.family, given: a.given } : { literal: a.family })),
    issued: cslDate(citation.date),
    genre: citation.genre,
    ...(citation.kind === 'presentation'
      ? { 'event-title': citation.event, 'event-place': citation.place }
      : { 'container-title': citation.event, 'publisher-place': citation.place }),
    publisher: citation.publisher,
    language: citation.language,
    ...(citation.abstract ? { abstract: citation.abstract } : {}),
    URL: citation.url,
    license: citation.licenceUrl,
    accessed: cslDate(dateOfIso(citation.accessed)),
    ...(citation.locator && citation.moment
      ? { note: citation.locator, locator: locatorOf(citation.moment.start, citation.moment.end), label: 'timestamp' }
      : {}),
  };
  // CSL-JSON is a list of items, even for one.
  return [item];
}

function cslDate(date: CitationDate): { 'date-parts': number[][] } {
  const parts = [date.year, date.month, date.month !== null ? date.day : null].filter((p): p is number => p !== null);
  return { 'date-parts': [parts] };
}

function dateOfIso(iso: string): CitationDate {
  const [year = 0, month = null, day = null] = iso.split('-').map(Number);
  return { year, month, day };
}

/** "12:34" or "12:34–13:10": timecodes as the player shows them, what a timestamp locator prints. */
function locatorOf(start: number, end: number | null): string {
  return end === null ? timecode(start) : `${timecode(start)}–${timecode(end)}`;
}
