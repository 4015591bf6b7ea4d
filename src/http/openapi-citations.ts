import { LOCALES } from './locale.js';
import { oneOfValues, problem, query, str, text, type Operation, type Parameter } from './openapi-parts.js';

const id: Parameter = { name: 'id', in: 'path', required: true, description: 'Item identifier', schema: str() };
const moment = query(
  't',
  'A moment of a recording: START or START,END, in seconds, mm:ss or hh:mm:ss (W3C media fragments). Written into the URL and as a time locator. Documents take none (400).',
  { type: 'string', pattern: '^(npt:)?[0-9:.]*(,[0-9:.]+)?$' },
);
const lang = query('lang', 'Language of the page URL, the genre and the moment’s words (default fr)', oneOfValues(LOCALES));

const FILES = [
  { ext: 'ris', operationId: 'citationRis', type: 'application/x-research-info-systems', what: 'RIS (EndNote, Zotero, Mendeley): TY SLIDE for talks, SOUND for podcasts, MGZN for magazines' },
  { ext: 'bib', operationId: 'citationBibtex', type: 'application/x-bibtex', what: 'BibTeX / biblatex: @misc for talks and podcasts, @article for magazines' },
  { ext: 'json', operationId: 'citationCsl', type: 'application/vnd.citationstyles.csl+json', what: 'CSL-JSON (a list of one item): speech, broadcast or article-magazine' },
] as const;

/** The citation files of one item (routes/citations.ts). */
export const citationPaths: Record<string, { get: Operation }> = Object.fromEntries(
  FILES.map((file) => [
    `/api/items/{id}/citation.${file.ext}`,
    {
      get: {
        operationId: file.operationId,
        tags: ['citations'],
        summary: `The item’s reference as ${file.what}`,
        description: 'Authors are the speakers; the date is the item’s (else its edition’s year); the edition is the event; the URL is the item’s page, at the moment asked.',
        parameters: [id, moment, lang],
        responses: { 200: text(file.type, 'The reference, as an attachment'), 400: problem, 404: problem },
      },
    },
  ]),
);
