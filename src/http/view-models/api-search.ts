import type { ResultItem, ResultPassage, SearchResult } from '../../services/search/search-service.js';
import type { Locale } from '../locale.js';
import { itemHref, passageHref } from '../urls.js';
import { fileUrl } from './public-item.js';

/** A passage of the search service with the link that opens its item at its second or page. */
export type LinkedPassage = ResultPassage & { url: string };

/** An item of the search service with its page's URL, and its passages' links. */
export type LinkedItem = Omit<ResultItem, 'passages'> & { url: string; passages: LinkedPassage[] };

/** The search service's result with the URLs INTERFACE.md documents for `search --json`. */
export type LinkedSearchResult = Omit<SearchResult, 'items'> & { items: LinkedItem[] };

/** The search service's passage, its `url` absolute. */
export type ApiSearchPassage = LinkedPassage;

/** The search service's item without its highlighted title parts, URLs absolute, plus the item's API URL. */
export type ApiSearchItem = Omit<LinkedItem, 'titleParts'> & { apiUrl: string };

/**
 * The search service returns ids, kinds, seconds and pages; this adds the links to them in a
 * locale's pages: `url` right after `kind`, a passage's before its snippet (the documented order), site paths when `origin` is ''
 * (the CLI), absolute URLs otherwise.
 */
export function withUrls(result: SearchResult, locale: Locale, origin = ''): LinkedSearchResult {
  return {
    ...result,
    items: result.items.map(({ id, title, kind, passages, ...rest }) => ({
      id,
      title,
      kind,
      url: `${origin}${itemHref(kind, id, locale)}`,
      ...rest,
      passages: passages.map(({ snippet, ...p }) => ({ ...p, url: `${origin}${passageHref(kind, id, p, locale)}`, snippet })),
    })),
  };
}

/**
 * `/api/search`: the shape INTERFACE.md documents for `search --json` ({query, total, items:
 * [{id, title, kind, url, passages: [{start, end, page, text, source}]}], facets}) with absolute
 * URLs in the asked language, plus what a reuser showing results needs (each passage's own bounds
 * in `passageStart` / `passageEnd` beside the cue where its words are said, snippets split at the
 * matched words, facets, paging, the item's metadata).
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
  const linked = withUrls(result, locale, origin);
  return {
    query: linked.query,
    total: linked.total,
    items: linked.items.map(({ titleParts: _titleParts, passages, ...item }) => ({
      ...item,
      passages,
      apiUrl: `${origin}/api/items/${encodeURIComponent(item.id)}`,
      poster: item.poster ? fileUrl(origin, item.poster) : null,
    })),
    facets: linked.facets,
    page: linked.page,
    pageCount: linked.pageCount,
    perPage: linked.hitsPerPage,
    sort: linked.sort,
    filters: linked.filters,
    limited: linked.limited,
  };
}
