import type { Citation, CitationDate, CitationKind } from './citation.js';
import { invertedName } from './person-name.js';

/**
 * RIS, the tagged format every reference manager imports (https://en.wikipedia.org/wiki/RIS_(file_format)).
 * Types and tags as Zotero's RIS translator reads them (zotero/translators RIS.js):
 * - a talk is `SLIDE` ("presentation" both ways; its `T2` is the meeting's name);
 * - a podcast is `SOUND` (what Zotero itself exports a podcast as: RIS has no podcast type);
 *   the edition is then a series, `T3`;
 * - a magazine is `MGZN` (magazineArticle), `T2` its publication; the PDF goes in `L1`, which
 *   Zotero attaches as the full text.
 * `CR` carries the licence (Zotero's "rights"), `N1` the moment cited, `Y2` the day accessed.
 */
const TYPES: Record<CitationKind, string> = { presentation: 'SLIDE', podcast: 'SOUND', magazineArticle: 'MGZN' };

export function citationRis(citation: Citation): string {
  const lines: [string, string | null][] = [
    ['TY', TYPES[citation.kind]],
    ['TI', citation.title],
    ...citation.authors.map((a): [string, string] => ['AU', invertedName(a)]),
    ['PY', String(citation.date.year)],
    ['DA', risDate(citation.date)],
    [citation.kind === 'podcast' ? 'T3' : 'T2', citation.event],
    ['CY', citation.place],
    ['PB', citation.publisher],
    ['M3', citation.genre],
    ['LA', citation.language],
    ['AB', citation.abstract || null],
    ['UR', citation.url],
    ['L1', citation.pdfUrl],
    ['CR', citation.licenceUrl],
    ['N1', citation.locator],
    ['Y2', citation.accessed.replaceAll('-', '/')],
  ];
  const body = lines.filter((line): line is [string, string] => line[1] !== null && line[1] !== '').map(([tag, value]) => `${tag}  - ${oneLine(value)}`);
  // RIS records end with an empty ER tag; CRLF is what the format's own tools write.
  return [...body, 'ER  - ', ''].join('\r\n');
}

/** RIS dates are YYYY/MM/DD/ with empty parts left empty ("2025///" for a year alone). */
function risDate(date: CitationDate): string {
  const pad = (n: number | null): string => (n === null ? '' : String(n).padStart(2, '0'));
  return `${date.year}/${pad(date.month)}/${pad(date.day)}/`;
}

/** A tag holds one line: line breaks in a summary would start bogus tags. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
