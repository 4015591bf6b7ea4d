import type { HighlightPart } from '../../ports/search-index.js';
import type { SearchResult } from '../../services/search/search-service.js';
import type { Locale } from '../locale.js';
import { fileUrl } from './public-item.js';

/**
 * `/api/search`: the shape INTERFACE.md documents for `search --json` ({query, total, items:
 * [{id, title, kind, url, passages: [{start, end, page, text, source}]}], facets}) with absolute
 * URLs, plus what a reuser showing results needs (snippets split at the matched words, facets,
 * paging, the item's metadata).
 */
export interface ApiSearchPassage {
  start: number | null;
  end: number | null;
  page: number | null;
  text: string;
  source: string;
  language: string;
  url: string;
  snippet: HighlightPart[];
}

export interface ApiSearchItem {
  id: string;
  title: string;
  kind: string;
  url: string;
  apiUrl: string;
  edition: string;
  date: string | null;
  duration: number | null;
  pages: number | null;
  speakers: string[];
  themes: string[];
  language: string;
  licence: string;
  poster: string | null;
  passages: ApiSearchPassage[];
}

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
    items: result.items.map((item) => ({
      id: item.id,
      title: item.title,
      kind: item.kind,
      url: absolute(item.url),
      apiUrl: `${origin}/api/items/${encodeURIComponent(item.id)}`,
      edition: item.edition,
      date: item.date,
      duration: item.duration,
      pages: item.pages,
      speakers: item.speakers,
      themes: item.themes,
      language: item.language,
      licence: item.licence,
      poster: item.poster ? fileUrl(origin, item.poster) : null,
      passages: item.passages.map((p) => ({
        start: p.start, end: p.end, page: p.page, text: p.text, source: p.source, language: p.language, url: absolute(p.url), snippet: p.snippet,
      })),
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
