import { EDITION_SLUG } from '../services/archive/edition-export.js';
import { problem, query, oneOfValues, type JsonSchema, type Operation, type Parameter } from './openapi-parts.js';
import { SEARCH_CSV_BOUND, SEARCH_CSV_COLUMNS } from './search-csv.js';

/** `/api/search?format=csv`: the parameter, added to the search's own. */
export const SEARCH_FORMAT_PARAMETER: Parameter = query(
  'format',
  `json (default): one page of results. csv: every result, at most ${SEARCH_CSV_BOUND} items (X-Results-Bound), in the asked order, ` +
    'one row per passage (page and perPage ignored), streamed as a download (UTF-8 with BOM, CRLF).',
  oneOfValues(['json', 'csv']),
);

const csvHeaders: JsonSchema = {
  'Content-Disposition': { description: 'attachment; filename="recherche-<date>.csv"', schema: { type: 'string' } },
  'X-Results-Bound': { description: 'The most items the CSV holds', schema: { type: 'integer', const: SEARCH_CSV_BOUND } },
  'X-Results-Total': { description: 'How many items the search found (the CSV holds at most X-Results-Bound of them)', schema: { type: 'integer' } },
};

/** The search's 200 answer with the CSV beside the JSON. */
export function withSearchCsv(response: JsonSchema): JsonSchema {
  const content = (response as { content?: Record<string, JsonSchema> }).content ?? {};
  return {
    ...response,
    description: `${String((response as { description?: string }).description ?? '')}; with format=csv, every result as CSV`,
    headers: csvHeaders,
    content: {
      ...content,
      'text/csv': {
        schema: { type: 'string', description: `Header row: ${SEARCH_CSV_COLUMNS.join(',')}. An item without passages has one row with empty start, end, page, source and text; url is the passage's deep link (absolute), else the item's page.` },
      },
    },
  };
}

/** The edition package, spread into the document's paths by openapi.ts. */
export const EXPORT_PATHS: Record<string, { get: Operation }> = {
  '/api/editions/{edition}/export.zip': { get: {
    operationId: 'getEditionPackage', tags: ['exports'], summary: 'An edition as one ZIP: metadata, transcripts, texts, PDFs and the list of media files',
    description:
      'README.txt, items.json (each item as /api/items/{id} gives it) and items.csv, <id>/text/… (every transcript as .txt and .vtt, captions, ' +
      'audio descriptions, slide and page text), the PDFs, media.csv (each recording, audio file and PDF: id, role, type, url, size, sha256, licence, ' +
      'file = its path in the ZIP when packed) and LICENCES.md (each item’s credit). Videos and audio are listed, not packed. ' +
      'Streamed as it is written; kept and served again until an item of the edition changes (the ETag names that version).',
    parameters: [{ name: 'edition', in: 'path', required: true, description: 'Edition slug, e.g. 2025-strasbourg', schema: { type: 'string', pattern: EDITION_SLUG.source } }],
    responses: {
      200: {
        description: 'The package',
        headers: {
          'Content-Disposition': { description: 'attachment; filename="<edition>.zip"', schema: { type: 'string' } },
          ETag: { description: 'This version of the package', schema: { type: 'string' } },
        },
        content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
      },
      304: { description: 'Not modified (If-None-Match)' },
      400: problem,
      404: problem,
    },
  } },
};
