import type { ResultItem, ResultPassage, SearchResult } from '../../services/search/search-service.js';
import type { Locale } from '../locale.js';
import { fileUrl } from './public-item.js';

/** The search service's passage as is, its `url` made absolute. */
export type ApiSearchPassage = ResultPassage;

/** The search service's item without its highlighted title parts, URLs absolute, plus the item's API URL. */
export type ApiSearchItem = Omit<ResultItem, 'titleParts' | 'passages'> & { apiUrl: string; passages: ApiSearchPassage[] };

/**
 * `/api/search`: the shape INTERFACE.md documents for `search --json` ({query, total, items:
 * [{id, title, kind, url, passages: [{start, end, page, text, source}]}], facets}) with absolute
 * URLs, plus what a reuser showing results needs (each passage's own bounds in `passageStart` /
 * `passageEnd` beside the cue where its words are said, snippets split at the matched words,
 * facets, paging, the item's metadata).
 */
export interface ApiSearchResponse {
  query: string;
  total: number;
  items: ApiSearchItem[];
  facets: SearchResult['facets'];
  page: number;
  pageCount: number;
  perPage: number;
  sort: SearchResult['sort'];
  filters: SearchResult['filters'];
  limited: SearchResult['limited'];
}

export function searchResponse(result: SearchResult, origin: string, locale: Locale): ApiSearchResponse {
  // Search links are French paths (the canonical ones); English pages are the same under /en.
  const absolute = (path: string): string => `${origin}${locale === 'en' ? '/en' : ''}${path}`;
  return {
    query: result.query,
    total: result.total,
    items: result.items.map(({ titleParts: _titleParts, ...item }) => ({
      ...item,
      url: absolute(item.url),
      apiUrl: `${origin}/api/items/${encodeURIComponent(item.id)}`,
      poster: item.poster ? fileUrl(origin, item.poster) : null,
      passages: item.passages.map((p) => ({ ...p, url: absolute(p.url) })),
    })),
    facets: result.facets,
    page: result.page,
    pageCount: result.pageCount,
    perPage: result.hitsPerPage,
    sort: result.sort,
    filters: result.filters,
    limited: result.limited,
  };
}
