import type { ManifestFields } from '../../domain/manifest.js';
import type { HighlightPart, SortOrder } from '../../ports/search-index.js';
import {
  FACET_NAMES, MAX_VALUE_CHARS, MAX_VALUES_PER_FACET, SORT_ORDERS, type FacetName, type SearchProblem as ServiceProblem, type SearchRequest,
} from '../../services/search/search-request.js';
import type { ResultItem, ResultPassage, SearchResult } from '../../services/search/search-service.js';
import { isoDuration, timecode } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { SEARCH_CSV_BOUND } from '../search-csv.js';
import { mediaUrl, passageHref, searchCsvUrl, urlFor } from '../urls.js';
import { activeFiltersOf, facetGroupsOf, type ActiveFilter, type ActiveFilters, type FacetGroup } from './facets.js';
import { itemCardOf, itemCardOfHit, langAttribute, type ItemCard } from './item-card.js';
import { paginationOf, type Pagination } from './pagination.js';

/** A search as the address bar holds it: values as typed, facet names canonical. */
export interface SearchState {
  q: string;
  sort: string | null;
  page: string | null;
  filters: ActiveFilters;
}

type QueryValue = string | number | readonly string[] | null | undefined;

/**
 * Reads `?q=…&theme=…&kind=…&sort=…&page=…`. Facet names are matched without regard to case, as
 * the search service does. Other parameters are ignored: a shared link often carries a tracker's
 * parameters, and the page must still open.
 */
export function readSearchState(query: Record<string, unknown>): SearchState {
  const state: SearchState = { q: '', sort: null, page: null, filters: {} };
  for (const [key, raw] of Object.entries(query)) {
    const values = stringsOf(raw).map((v) => v.trim()).filter((v) => v !== '');
    const name = key.trim().toLowerCase();
    if (name === 'q') state.q = stringsOf(raw).join(' ').trim();
    else if (name === 'sort') state.sort = values[0] ?? null;
    else if (name === 'page') state.page = values[0] ?? null;
    else {
      const facet = FACET_NAMES.find((n) => n.toLowerCase() === name);
      if (facet && values.length > 0) state.filters[facet] = [...new Set([...(state.filters[facet] ?? []), ...values])];
    }
  }
  return state;
}

/** Strings of a parsed query value (`a=1&a=2` is an array, `a[x]=1` an object with the extended parser). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

const HITS_PER_PAGE = 20;

/** What the search service is asked. Without words, the archive is browsed newest first. */
export function searchRequestOf(state: SearchState): SearchRequest {
  return { q: state.q, filters: state.filters, sort: state.sort ?? (state.q === '' ? 'date-desc' : null), page: state.page, hitsPerPage: HITS_PER_PAGE };
}

/** The search's query string (stable order: q, facets, sort, page), for links and the canonical URL. */
function searchQueryOf(state: SearchState, page?: number): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = { q: state.q };
  for (const name of FACET_NAMES) if (state.filters[name]?.length) query[name] = state.filters[name];
  query.sort = state.sort;
  const target = page ?? (state.page === null ? 1 : Number(state.page));
  query.page = Number.isSafeInteger(target) && target > 1 ? target : null;
  return query;
}

export function searchHref(locale: Locale, state: SearchState, page?: number): string {
  return urlFor('search', locale, {}, searchQueryOf(state, page));
}

/** The same search without one value of a facet, back on page 1. */
function withoutValue(state: SearchState, name: FacetName, value: string): SearchState {
  const rest = (state.filters[name] ?? []).filter((v) => v !== value);
  const filters: ActiveFilters = { ...state.filters, [name]: rest };
  if (rest.length === 0) delete filters[name];
  return { ...state, filters, page: null };
}

interface ResultPassageView {
  href: string;
  /** "12:34" for a moment of a recording (with `iso` for <time datetime>), null for a page. */
  time: string | null;
  iso: string | null;
  pageText: string | null;
  /** Visually hidden end of the link text, so it makes sense alone: « dans « Titre » ». */
  context: string;
  source: string;
  snippet: HighlightPart[];
  lang: string | null;
}

interface SearchResultView {
  card: ItemCard;
  passages: ResultPassageView[];
}

interface SearchPageModel {
  q: string;
  heading: string;
  title: string;
  status: string;
  sortOptions: { value: SortOrder; label: string; selected: boolean }[];
  groups: FacetGroup[];
  active: ActiveFilter[];
  clearHref: string | null;
  results: SearchResultView[];
  /** Rank of the first result on this page (the <ol start>). */
  resultsStart: number;
  /**
   * What the sort form resends (words and filters), and the sort the search form keeps: only one
   * chosen by the visitor, so typing new words after browsing sorts by relevance again.
   */
  keep: { sort: string | null; filters: { name: string; value: string }[] };
  pagination: Pagination | null;
  /** Every result of this search (up to the CSV's bound) as a download. */
  download: { href: string; text: string } | null;
  empty: { tips: string[]; removals: ActiveFilter[]; withoutFiltersHref: string | null; browseHref: string } | null;
  outOfRange: { text: string; href: string } | null;
  limited: string | null;
  problems: SearchProblem[];
  /** Query of the canonical URL and of the other language's link. */
  pageQuery: Record<string, QueryValue>;
}

interface SearchPageInput {
  state: SearchState;
  result: SearchResult;
  locale: Locale;
  /** The catalogue's manifest of a hit, for its picture and badges (undefined when not loaded yet). */
  manifestOf: (id: string) => ManifestFields | undefined;
}

/** `result` as SearchService.searchWithOwnFacetCounts gives it: each active facet counted without its own filter. */
export function searchPageModel({ state: asTyped, result, locale, manifestOf }: SearchPageInput): SearchPageModel {
  // Links carry the values as the service understood them ("oui" → "true"), page as asked.
  const state: SearchState = { ...asTyped, q: result.query, filters: result.filters };
  const active = activeFiltersOf(result.filters, locale, (name, value) => searchHref(locale, withoutValue(state, name, value)));
  const hasFilters = active.length > 0;
  const heading = headingOf(result, hasFilters, locale);
  const from = (result.page - 1) * result.hitsPerPage + 1;
  const to = from + result.items.length - 1;
  const noFilters: SearchState = { ...state, filters: {}, page: null };
  return {
    q: result.query,
    heading,
    title: result.page > 1 ? translate(locale, 'search.title.paged', { heading, page: result.page }) : heading,
    status: result.items.length > 0 ? translate(locale, 'search.status.range', { from, to, count: result.total }) : heading,
    sortOptions: SORT_ORDERS.map((value) => ({ value, label: translate(locale, `search.sort.${value}`), selected: value === result.sort })),
    groups: facetGroupsOf(result.facets, result.filters, locale),
    active,
    clearHref: hasFilters ? searchHref(locale, noFilters) : null,
    results: result.items.map((item) => resultView(item, locale, manifestOf(item.id))),
    resultsStart: from,
    keep: keepOf(state, result.sort),
    pagination: paginationOf(result.page, result.pageCount, (page) => searchHref(locale, state, page), locale),
    download: result.total > 0
      ? { href: searchCsvUrl({ ...searchQueryOf(state, 1), sort: result.sort, lang: locale }), text: translate(locale, 'export.searchCsv.link', { bound: SEARCH_CSV_BOUND }) }
      : null,
    empty: result.total === 0
      ? {
          tips: [translate(locale, 'search.empty.spelling'), translate(locale, 'search.empty.words')],
          // One filter: « without any filter » says it all; several: each can be taken away.
          removals: active.length > 1 ? active : [],
          withoutFiltersHref: hasFilters && result.query !== '' ? searchHref(locale, noFilters) : null,
          browseHref: urlFor('search', locale),
        }
      : null,
    outOfRange: result.total > 0 && result.items.length === 0
      ? { text: translate(locale, 'search.outOfRange', { count: result.pageCount }), href: searchHref(locale, state, 1) }
      : null,
    limited: limitedText(result, locale),
    problems: [],
    pageQuery: searchQueryOf(state),
  };
}

function keepOf(state: SearchState, sort: SortOrder): SearchPageModel['keep'] {
  const filters = FACET_NAMES.flatMap((name) => (state.filters[name] ?? []).map((value) => ({ name, value })));
  return { sort: state.sort === null ? null : sort, filters };
}

/** Words as the heading and the title repeat them: a pasted paragraph is cut short there. */
const HEADING_QUERY_CHARS = 100;

function headingOf(result: SearchResult, hasFilters: boolean, locale: Locale): string {
  if (result.query !== '') {
    const q = result.query.length > HEADING_QUERY_CHARS ? `${result.query.slice(0, HEADING_QUERY_CHARS - 1).trimEnd()}…` : result.query;
    return result.total === 0
      ? translate(locale, 'search.heading.none', { q })
      : translate(locale, 'search.heading.query', { count: result.total, q });
  }
  if (result.total === 0) return translate(locale, 'search.heading.noneFiltered');
  return translate(locale, hasFilters ? 'search.heading.filtered' : 'search.heading.all', { count: result.total });
}

function limitedText(result: SearchResult, locale: Locale): string | null {
  if (!result.limited) return null;
  const words = result.limited.dropped.join(' ');
  return translate(locale, result.limited.reason === 'too-long' ? 'search.limited.long' : 'search.limited.words', { words });
}

function resultView(item: ResultItem, locale: Locale, manifest: ManifestFields | undefined): SearchResultView {
  const card = manifest ? itemCardOf(manifest, locale, item.titleParts) : itemCardOfHit(item, locale);
  const slides = manifest?.kind !== 'document' ? manifest?.slides ?? null : null;
  const href = (p: ResultPassage): string => passageHref(item.kind, item.id, p, locale);
  return { card, passages: item.passages.map((p) => passageView(p, href(p), item.title, locale, slides?.key ?? null)) };
}

function passageView(passage: ResultPassage, href: string, title: string, locale: Locale, slidesKey: string | null): ResultPassageView {
  const atPage = passage.page !== null;
  const atTime = !atPage && passage.start !== null;
  return {
    // A page of a talk's slide deck has no moment in the recording: open the deck at that page.
    href: atPage && slidesKey ? `${mediaUrl(slidesKey)}#page=${passage.page}` : href,
    time: atTime && passage.start !== null ? timecode(passage.start) : null,
    iso: atTime && passage.start !== null ? isoDuration(Math.floor(passage.start)) : null,
    pageText: atPage ? translate(locale, 'search.passage.page', { page: passage.page }) : null,
    context: translate(locale, 'search.passage.in', { title }),
    source: translate(locale, `search.source.${passage.source}`),
    snippet: passage.snippet,
    lang: langAttribute(passage.language, locale),
  };
}

export interface SearchProblem {
  text: string;
  /** Set when the text is the service's own (English) wording. */
  lang: string | null;
  /** The same search without the wrong value. */
  fixHref: string | null;
  fixText: string | null;
}

// The order of the form: the facets as FACET_NAMES lists them, then sort, then page.
const FIELD_ORDER: readonly string[] = [...FACET_NAMES, 'sort', 'page'];
const fieldRank = (field: string): number => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/**
 * Each wrong part of a refused search, in the page's language, from the service's problems
 * (field, value as received, code), with a link to the same search without the wrong value.
 * What the page cannot word (a parameter it never sends) is shown in the service's own words.
 */
export function searchProblemsOf(state: SearchState, serviceProblems: readonly ServiceProblem[], locale: Locale): SearchProblem[] {
  const fixText = translate(locale, 'search.problem.fix');
  const view = (problem: ServiceProblem): SearchProblem => {
    const { field, value, code } = problem;
    const facet = FACET_NAMES.find((name) => name === field);
    if (facet) {
      const named = { facet: translate(locale, `search.facetName.${facet}`) };
      if (code === 'too_many_values') return { text: translate(locale, 'search.problem.tooMany', { ...named, max: MAX_VALUES_PER_FACET }), lang: null, fixHref: null, fixText: null };
      if (value !== null && (code === 'invalid_value' || code === 'value_too_long')) {
        const text = code === 'invalid_value'
          ? translate(locale, 'search.problem.value', { ...named, value: value.slice(0, 60) })
          : translate(locale, 'search.problem.tooLong', { ...named, max: MAX_VALUE_CHARS });
        return { text, lang: null, fixHref: searchHref(locale, withoutValue(state, facet, value)), fixText };
      }
    }
    if (field === 'sort' && value !== null) {
      return { text: translate(locale, 'search.problem.sort', { value: value.slice(0, 40) }), lang: null, fixHref: searchHref(locale, { ...state, sort: null }), fixText };
    }
    if (field === 'page' && value !== null) {
      return { text: translate(locale, 'search.problem.page', { value: value.slice(0, 20) }), lang: null, fixHref: searchHref(locale, { ...state, page: null }), fixText };
    }
    return { text: problem.message, lang: 'en', fixHref: null, fixText: null };
  };
  return [...serviceProblems].sort((a, b) => fieldRank(a.field) - fieldRank(b.field)).map(view);
}

/** The search page for a refused search: the form (with the words kept) and what to correct. */
export function invalidSearchModel(state: SearchState, serviceProblems: readonly ServiceProblem[], locale: Locale): SearchPageModel {
  const problems = searchProblemsOf(state, serviceProblems, locale);
  const heading = translate(locale, 'search.heading.invalid');
  const valid: SearchState = { q: state.q, sort: null, page: null, filters: {} };
  return {
    q: state.q,
    heading,
    title: heading,
    status: translate(locale, 'search.status.problems', { count: problems.length }),
    sortOptions: SORT_ORDERS.map((value) => ({ value, label: translate(locale, `search.sort.${value}`), selected: value === (state.q === '' ? 'date-desc' : 'relevance') })),
    groups: [],
    active: [],
    clearHref: searchHref(locale, valid),
    results: [],
    resultsStart: 1,
    keep: { sort: null, filters: [] },
    pagination: null,
    download: null,
    empty: null,
    outOfRange: null,
    limited: null,
    problems,
    pageQuery: searchQueryOf(state),
  };
}
