import type { Citation, CitationKind } from './citation.js';
import { isoDate } from './citation.js';
import { invertedName } from './person-name.js';

export interface MetaTag {
  name: string;
  content: string;
}

/** Where the DC.* names come from (DC-HTML asks for this link; Zotero also knows the prefix without it). */
export const DUBLIN_CORE_SCHEMA = { rel: 'schema.DC', href: 'http://purl.org/dc/elements/1.1/' } as const;

/**
 * The DCMI Type Vocabulary term of each kind (https://www.dublincore.org/specifications/dublin-core/dcmi-terms/#section-7),
 * written after the Zotero type name for harvesters that expect the vocabulary.
 */
const DCMI_TYPES: Record<CitationKind, string> = { presentation: 'MovingImage', podcast: 'Sound', magazineArticle: 'Text' };

/**
 * The page's Highwire Press (`citation_*`, what Google Scholar reads) and Dublin Core (`DC.*`)
 * tags, for Zotero's "Embedded Metadata" translator (zotero/translators). How Zotero types the
 * item decides what goes in:
 * - Any of `citation_conference_title`, `citation_journal_title`, `citation_book_title` forces
 *   Zotero's type (conferencePaper, journalArticle, bookSection) over everything else, so none
 *   is written: a talk is not a conference paper, a magazine not a journal.
 * - Otherwise Zotero takes the type from the first `DC.type` when it is one of its item type
 *   names: `presentation`, `podcast`, `magazineArticle`.
 * - The edition then reaches the right field by the names Zotero's RDF import reads:
 *   `eprints.event_title` becomes a presentation's meeting name, `DC.source` a magazine's
 *   publication; a podcast's programme goes in `citation_series_title` (Google Scholar's series;
 *   Zotero reads no tag into a podcast's series, the files carry it).
 * - `citation_author` in "Family, Given" form, so Zotero does not guess where a name splits;
 *   `citation_pdf_url` is attached by Zotero as the full text.
 */
export function citationMeta(citation: Citation): MetaTag[] {
  const tags: [string, string | null][] = [
    ['citation_title', citation.title],
    ...citation.authors.map((a): [string, string] => ['citation_author', invertedName(a)]),
    // Google Scholar's documented form is 2025/10/29 (or the year alone).
    ['citation_publication_date', isoDate(citation.date).replaceAll('-', '/')],
    ['citation_publisher', citation.publisher],
    ['citation_language', citation.language],
    ['citation_public_url', citation.url],
    ['citation_pdf_url', citation.pdfUrl],
    ['DC.type', citation.kind],
    ['DC.type', DCMI_TYPES[citation.kind]],
    ['DC.title', citation.title],
    ...citation.authors.map((a): [string, string] => ['DC.creator', invertedName(a)]),
    ['DC.date', isoDate(citation.date)],
    ['DC.publisher', citation.publisher],
    ['DC.language', citation.language],
    ['DC.identifier', citation.url],
    ['DC.rights', citation.licenceUrl],
    [citation.kind === 'presentation' ? 'eprints.event_title' : citation.kind === 'magazineArticle' ? 'DC.source' : 'citation_series_title', citation.event],
  ];
  return tags.filter((tag): tag is [string, string] => tag[1] !== null && tag[1] !== '').map(([name, content]) => ({ name, content }));
}
