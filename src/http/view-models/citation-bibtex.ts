import { primaryLanguage } from '../../domain/text.js';
import type { Citation, CitationKind } from './citation.js';
import { isoDate } from './citation.js';
import { invertedName } from './person-name.js';

/**
 * A BibTeX entry that BibTeX styles, biblatex (biber) and reference managers all read.
 * Entry types are the ones classic BibTeX knows, as Zotero's BibTeX translator exports them:
 * `@misc` for a talk or a podcast (BibTeX has no talk or recording type; Zotero's own export of
 * a presentation or a podcast is @misc) and `@article` for a magazine (with `journal`, which
 * biber reads as `journaltitle`). biblatex fields ride along, ignored by BibTeX styles:
 * `date`, `eventtitle` + `venue` (a talk), `series` (a podcast's edition), `urldate`, `langid`.
 * `howpublished` repeats the URL for BibTeX styles that print no `url`. The moment cited is the
 * `note`; the licence is `copyright`, the field Zotero writes an item's rights to.
 */
const TYPES: Record<CitationKind, string> = { presentation: 'misc', podcast: 'misc', magazineArticle: 'article' };

/** biblatex/babel names of the languages the archive holds, for hyphenation. */
const LANGIDS: Record<string, string> = { fr: 'french', en: 'english', de: 'ngerman', es: 'spanish', it: 'italian', pt: 'portuguese', nl: 'dutch' };

export function citationBibtex(citation: Citation): string {
  const langid = LANGIDS[primaryLanguage(citation.language)];
  const fields: [string, string | null][] = [
    ['author', citation.authors.length > 0 ? citation.authors.map((a) => escape(invertedName(a))).join(' and ') : null],
    // Double braces keep the title's capitals as written (BibTeX styles lower-case titles).
    ['title', `{${escape(citation.title)}}`],
    ['type', escape(citation.genre)],
    ['date', isoDate(citation.date)],
    ['year', String(citation.date.year)],
    ...eventFields(citation),
    ['publisher', escape(citation.publisher)],
    ['language', escape(citation.language)],
    ['langid', langid ?? null],
    ['abstract', citation.abstract ? escape(citation.abstract) : null],
    ['url', citation.url],
    // Inside another command \url cannot read % or # verbatim: they are escaped there only.
    ['howpublished', `\\url{${citation.url.replace(/[%#]/g, '\\$&')}}`],
    ['urldate', citation.accessed],
    ['note', citation.locator ? escape(citation.locator) : null],
    ['copyright', citation.licenceUrl],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== null && field[1] !== '')
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(',\n');
  return `@${TYPES[citation.kind]}{${citation.id},\n${body}\n}\n`;
}

function eventFields(citation: Citation): [string, string][] {
  const event = escape(citation.event);
  if (citation.kind === 'presentation') return [['eventtitle', event], ['venue', escape(citation.place)]];
  if (citation.kind === 'podcast') return [['series', event]];
  return [['journal', event]];
}

/**
 * LaTeX's special characters written as commands, so a title with "&" or "50 %" compiles;
 * letters with accents stay UTF-8 (biber and `inputenc` read them). Line breaks become spaces.
 */
function escape(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}]/g, (c) => ({ '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}' })[c] ?? c)
    .replace(/[&%$#_]/g, (c) => `\\${c}`)
    .replace(/[~^]/g, (c) => (c === '~' ? '\\textasciitilde{}' : '\\textasciicircum{}'));
}
