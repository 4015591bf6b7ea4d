import { describe, expect, it } from 'vitest';
import { SEARCH_CSV_COLUMNS, searchCsvRows } from '../../../src/http/search-csv.js';
import { withUrls } from '../../../src/http/view-models/api-search.js';
import type { ResultItem, SearchResult } from '../../../src/services/search/search-service.js';

const item = (id: string, kind: ResultItem['kind'], passages: ResultItem['passages']): ResultItem => ({
  id, title: `Titre « ${id} »`, kind, titleParts: [], edition: '2025 Strasbourg', date: '2025-10-29', duration: 60, pages: null,
  speakers: ['Jeanne Martin', 'Ali Ben'], themes: [], language: 'fr', licence: 'CC-BY-4.0', poster: null, passages,
});
const passage = (start: number | null, page: number | null, text: string): ResultItem['passages'][number] => ({
  start, end: start === null ? null : start + 4.5, passageStart: start, passageEnd: start, page, text, source: page === null ? 'captions-reviewed' : 'pdf', language: 'fr', snippet: [],
});
const result = (items: ResultItem[]): SearchResult => ({
  query: 'q', total: items.length, items, facets: {}, page: 1, pageCount: 1, hitsPerPage: 50, sort: 'relevance', filters: {}, limited: null,
});

describe('searchCsvRows', () => {
  it('writes one row per passage with its deep link, and one row for an item without passages', () => {
    const rows = searchCsvRows(withUrls(result([
      item('a-talk', 'talk', [passage(754.6, null, '- Bonjour, « numérique »'), passage(12, null, 'encore')]),
      item('a-doc', 'document', [passage(null, 3, 'page trois')]),
      item('a-podcast', 'podcast', []),
    ]), 'fr', 'https://archives.example.org'));
    expect(SEARCH_CSV_COLUMNS.length).toBe(14);
    expect(rows).toEqual([
      ['a-talk', 'Titre « a-talk »', 'talk', '2025 Strasbourg', '2025-10-29', 'Jeanne Martin; Ali Ben', 'fr', 'CC-BY-4.0', 754.6, 759.1, null, 'captions-reviewed', '- Bonjour, « numérique »', 'https://archives.example.org/talks/a-talk?t=754'],
      ['a-talk', 'Titre « a-talk »', 'talk', '2025 Strasbourg', '2025-10-29', 'Jeanne Martin; Ali Ben', 'fr', 'CC-BY-4.0', 12, 16.5, null, 'captions-reviewed', 'encore', 'https://archives.example.org/talks/a-talk?t=12'],
      ['a-doc', 'Titre « a-doc »', 'document', '2025 Strasbourg', '2025-10-29', 'Jeanne Martin; Ali Ben', 'fr', 'CC-BY-4.0', null, null, 3, 'pdf', 'page trois', 'https://archives.example.org/documents/a-doc?page=3'],
      ['a-podcast', 'Titre « a-podcast »', 'podcast', '2025 Strasbourg', '2025-10-29', 'Jeanne Martin; Ali Ben', 'fr', 'CC-BY-4.0', null, null, null, null, null, 'https://archives.example.org/podcasts/a-podcast'],
    ]);
  });
});
