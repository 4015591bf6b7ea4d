import type { ItemKind } from '../../domain/item.js';
import type { PassageSource } from '../../domain/text.js';
import type { FacetCountQuery, HighlightPart, IndexAnswer, SearchIndex, SortOrder } from '../../ports/search-index.js';
import {
  cleanText, FACET_FIELDS_BY_NAME, FACET_NAMES, limitQuery, parseSearchRequest, type FacetName, type ParsedSearch, type QueryLimitNotice, type SearchRequest,
} from './search-request.js';

export interface ResultPassage {
  /**
   * Seconds into the recording (null for a document page): the cue in which the passage's first
   * matched word is said, so the link opens at the words; the passage's bounds when no word of
   * its text matched.
   */
  start: number | null;
  end: number | null;
  /** The passage's own bounds (20–40 s of speech, or a slide's time on screen). */
  passageStart: number | null;
  passageEnd: number | null;
  /** Page of a document (null for recordings). */
  page: number | null;
  /** The passage around the matched words, plain text. */
  text: string;
  source: PassageSource;
  language: string;
  /** `text` split at the matched words. Render each part escaped (see snippetHtml). */
  snippet: HighlightPart[];
}

export interface ResultItem {
  id: string;
  title: string;
  kind: ItemKind;
  /** `title` split at the matched words. */
  titleParts: HighlightPart[];
  edition: string;
  date: string | null;
  duration: number | null;
  pages: number | null;
  speakers: string[];
  themes: string[];
  language: string;
  licence: string;
  poster: string | null;
  passages: ResultPassage[];
}

/**
 * What the website, the JSON API and `search --json` show. The first five fields are the
 * documented shape (INTERFACE.md, where items and passages also have a `url`: only src/http
 * builds URLs, from the item's kind and id and the passage's second or page, see
 * http/view-models/api-search.ts); the others are additions.
 */
export interface SearchResult {
  query: string;
  total: number;
  items: ResultItem[];
  facets: Partial<Record<FacetName, Record<string, number>>>;
  page: number;
  pageCount: number;
  hitsPerPage: number;
  sort: SortOrder;
  filters: Partial<Record<FacetName, string[]>>;
  /** Set when words of the query were not searched (Meilisearch reads 10 words). */
  limited: QueryLimitNotice | null;
}

/** The passages found inside one item. */
export interface WithinResult {
  query: string;
  limited: QueryLimitNotice | null;
  passages: ResultPassage[];
}

/**
 * Search over the archive. Throws SearchRequestError for a bad request (400) and
 * SearchUnavailableError when the index does not answer (503); never anything half-done.
 */
export class SearchService {
  /** Only the searching part of the index: the bench and tests also put the earlier design here. */
  constructor(private readonly index: Pick<SearchIndex, 'limits' | 'search' | 'searchWithin'>) {}

  async search(request: SearchRequest): Promise<SearchResult> {
    return (await this.searchCounting(request, () => [])).result;
  }

  /** The search, and in the same batch the facet counts `alsoCount` asks under other filters. */
  private async searchCounting(request: SearchRequest, alsoCount: (parsed: ParsedSearch) => FacetCountQuery[]): Promise<{ result: SearchResult; alsoCounted: IndexAnswer['facets'][] }> {
    const parsed = parseSearchRequest(request, this.index.limits);
    const counts = alsoCount(parsed);
    const lastPage = Math.max(1, Math.ceil(this.index.limits.maxTotalHits / parsed.hitsPerPage));
    // Past the last reachable page the index is still asked (for the total and the facets) but
    // with a page number it can hold: the answer is an empty page, never an error.
    const answer = await this.index.search({
      q: parsed.searched,
      filters: parsed.clauses,
      sort: parsed.sort,
      page: Math.min(parsed.page, lastPage + 1),
      hitsPerPage: parsed.hitsPerPage,
      facets: FACET_NAMES.map((name) => FACET_FIELDS_BY_NAME[name][0]),
      passagesPerItem: parsed.passagesPerItem,
      ...(counts.length > 0 ? { alsoCount: counts } : {}),
    });
    return { result: shape(parsed, answer, lastPage), alsoCounted: answer.alsoCounted ?? [] };
  }

  /**
   * The passages of one item that match `q`, best first (at most `limit`): a search inside the
   * item (IIIF Content Search). The query is cleaned and limited as a site search's is.
   */
  async searchWithin(itemId: string, q: string, limit: number): Promise<WithinResult> {
    const query = cleanText(q);
    const { searched, limited } = limitQuery(query, this.index.limits);
    if (searched === '') return { query, limited, passages: [] };
    const hits = await this.index.searchWithin(itemId, searched, limit);
    return { query, limited, passages: hits.map((p) => ({ start: p.start, end: p.end, passageStart: p.passageStart, passageEnd: p.passageEnd, page: p.page, text: p.text, source: p.source, language: p.language, snippet: p.snippet })) };
  }

  /**
   * The search, with each active facet counted without its own filter. Values of one facet
   * combine as "any of them", so its counts must not be narrowed by itself: with « Conférence »
   * checked, « Podcast » still shows how many podcasts adding it would bring. Every other facet
   * keeps the counts of the search with all its filters. One more count per active facet, asked
   * in the same batch as the search (one round trip, not one per facet).
   */
  async searchWithOwnFacetCounts(request: SearchRequest): Promise<SearchResult> {
    let active: FacetName[] = [];
    const { result, alsoCounted } = await this.searchCounting(request, (parsed) => {
      active = Object.keys(parsed.filters) as FacetName[];
      return active.map((name) => ({
        filters: parsed.clauses.filter((clause) => clause.fields[0] !== FACET_FIELDS_BY_NAME[name][0]),
        facets: [FACET_FIELDS_BY_NAME[name][0]],
      }));
    });
    const facets = { ...result.facets };
    active.forEach((name, i) => {
      const counts = alsoCounted[i]?.[FACET_FIELDS_BY_NAME[name][0]];
      if (counts) facets[name] = counts;
    });
    return { ...result, facets };
  }
}

function shape(parsed: ParsedSearch, answer: IndexAnswer, lastPage: number): SearchResult {
  const items = answer.hits.map(({ item, title, passages }): ResultItem => ({
    id: item.id,
    title: item.title,
    kind: item.kind,
    titleParts: title,
    edition: item.edition,
    date: item.date,
    duration: item.duration,
    pages: item.pages,
    speakers: item.speakers,
    themes: item.themes,
    language: item.language,
    licence: item.licence,
    poster: item.poster,
    passages: passages.map((p) => ({
      start: p.start, end: p.end, passageStart: p.passageStart, passageEnd: p.passageEnd, page: p.page,
      text: p.text, source: p.source, language: p.language, snippet: p.snippet,
    })),
  }));
  const facets: SearchResult['facets'] = {};
  for (const name of FACET_NAMES) {
    const counts = answer.facets[FACET_FIELDS_BY_NAME[name][0]];
    if (counts) facets[name] = counts;
  }
  return {
    query: parsed.query,
    total: answer.total,
    items,
    facets,
    page: parsed.page,
    pageCount: Math.min(lastPage, Math.ceil(answer.total / parsed.hitsPerPage)),
    hitsPerPage: parsed.hitsPerPage,
    sort: parsed.sort,
    filters: parsed.filters,
    limited: parsed.limited,
  };
}
