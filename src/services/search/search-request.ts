import { AppError } from '../../domain/errors.js';
import { ITEM_KINDS } from '../../domain/item.js';
import { parseLanguage } from '../../domain/language.js';
import { parseLicence } from '../../domain/licence.js';
import type { FacetField, FilterClause, QueryLimits, SortOrder } from '../../ports/search-index.js';

/** The filters people can use, by their public names (URL parameters, `--filter name=value`). */
export const FACET_NAMES = [
  'edition', 'year', 'theme', 'kind', 'speaker', 'language', 'licence',
  'captions', 'reviewedTranscript', 'audioDescription', 'signLanguage', 'easyRead', 'transcript',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'date-desc', 'date-asc'];

/** Index fields behind each public name; facet counts are reported from the first one. */
export const FACET_FIELDS_BY_NAME: Readonly<Record<FacetName, readonly [FacetField, ...FacetField[]]>> = {
  edition: ['edition', 'editionSlug'],
  year: ['year'],
  theme: ['themes'],
  kind: ['kind'],
  speaker: ['speakers', 'speakerSlugs'],
  language: ['language'],
  licence: ['licence'],
  captions: ['captions'],
  reviewedTranscript: ['reviewedTranscript'],
  audioDescription: ['audioDescription'],
  signLanguage: ['signLanguage'],
  easyRead: ['easyRead'],
  transcript: ['transcript'],
};

const DEFAULT_HITS_PER_PAGE = 20;
export const MAX_HITS_PER_PAGE = 50;
const DEFAULT_PASSAGES_PER_ITEM = 3;
/** Longer queries are cut (at a word) before anything else: nobody types more, scripts might. */
const MAX_QUERY_CHARS = 500;
export const MAX_VALUES_PER_FACET = 20;
export const MAX_VALUE_CHARS = 200;

/** What a caller (web page, API, CLI) asks; every field optional, values as they come. */
export interface SearchRequest {
  q?: string | null;
  /** `{theme: ['A', 'B']}` or pairs `[['theme', 'A']]`; several values of one facet mean any of them. */
  filters?: Readonly<Record<string, string | readonly string[] | undefined>> | readonly (readonly [string, string])[];
  sort?: string | null;
  page?: number | string | null;
  hitsPerPage?: number | string | null;
  passagesPerItem?: number;
}

/**
 * One thing wrong with a request: which field (a facet's name, `sort`, `page`, `hitsPerPage`, or
 * the filter name as given when it is unknown), the value as received (null when the problem is
 * not one value's), a stable code, and the message for the API and the CLI. A page explains it in
 * its own language from field, value and code, without reading the message.
 */
export interface SearchProblem {
  field: string;
  value: string | null;
  code: SearchProblemCode;
  message: string;
}

type SearchProblemCode = 'unknown_filter' | 'invalid_value' | 'too_many_values' | 'value_too_long' | 'too_large';

/** The request refused, with every problem (unknown filter, bad value…): a 400 for the web layer. */
export class SearchRequestError extends AppError {
  override name = 'SearchRequestError';
  override readonly code = 'search_invalid';
  constructor(readonly problems: readonly SearchProblem[]) {
    super(`invalid search: ${problems.map((p) => p.message).join('; ')}`);
  }

  /** The problems as sentences, for problem+json and the command line. */
  get messages(): string[] {
    return this.problems.map((p) => p.message);
  }
}

/** Words of a query that the engine would not have read: reported with the results. */
export interface QueryLimitNotice {
  /** The query actually searched. */
  searched: string;
  dropped: string[];
  reason: 'too-many-words' | 'too-long';
}

export interface ParsedSearch {
  /** The query as received, cleaned of control characters. */
  query: string;
  /** What is sent to the engine (`query`, limited). */
  searched: string;
  limited: QueryLimitNotice | null;
  filters: Partial<Record<FacetName, string[]>>;
  clauses: FilterClause[];
  sort: SortOrder;
  page: number;
  hitsPerPage: number;
  passagesPerItem: number;
}

const BOOLEAN_FACETS = new Set<FacetName>(['captions', 'reviewedTranscript', 'audioDescription', 'signLanguage', 'easyRead']);
const TRUE = new Set(['true', '1', 'yes', 'oui']);
const FALSE = new Set(['false', '0', 'no', 'non']);

/**
 * Validates a request completely (every problem reported at once) and turns it into what the
 * index understands. Filter values never become filter syntax here: they stay values, which the
 * adapter quotes; names are checked against FACET_NAMES.
 */
export function parseSearchRequest(request: SearchRequest, limits: QueryLimits): ParsedSearch {
  const problems: SearchProblem[] = [];
  const query = cleanText(String(request.q ?? ''));
  const { searched, limited } = limitQuery(query, limits);

  const filters: Partial<Record<FacetName, string[]>> = {};
  const clauses: FilterClause[] = [];
  for (const [rawName, rawValues] of filterPairs(request.filters)) {
    const name = FACET_NAMES.find((n) => n.toLowerCase() === rawName.trim().toLowerCase());
    if (!name) {
      const message = `unknown filter "${cleanText(rawName).slice(0, 40)}"; known filters: ${FACET_NAMES.join(', ')}`;
      problems.push({ field: rawName, value: null, code: 'unknown_filter', message });
      continue;
    }
    const values = rawValues.filter((v) => cleanText(v) !== '');
    if (values.length > MAX_VALUES_PER_FACET) {
      problems.push({ field: name, value: null, code: 'too_many_values', message: `${name}: at most ${MAX_VALUES_PER_FACET} values` });
    }
    const canonical: (string | number | boolean)[] = [];
    for (const value of values.slice(0, MAX_VALUES_PER_FACET)) {
      const parsed = facetValue(name, cleanText(value));
      if (typeof parsed === 'object') problems.push({ field: name, value, ...parsed });
      else canonical.push(parsed);
    }
    if (canonical.length === 0) continue;
    const shown = [...new Set(canonical.map(String))];
    filters[name] = [...new Set([...(filters[name] ?? []), ...shown])];
  }
  for (const [name, values] of Object.entries(filters) as [FacetName, string[]][]) {
    const typed = values.map((v) => (name === 'year' ? Number(v) : BOOLEAN_FACETS.has(name) ? v === 'true' : v));
    clauses.push({ fields: FACET_FIELDS_BY_NAME[name], values: typed });
  }

  const sort = parseSort(request.sort, problems);
  const hitsPerPage = parsePositive(request.hitsPerPage, DEFAULT_HITS_PER_PAGE, 'hitsPerPage', problems);
  if (hitsPerPage > MAX_HITS_PER_PAGE) {
    problems.push({ field: 'hitsPerPage', value: String(request.hitsPerPage), code: 'too_large', message: `hitsPerPage: at most ${MAX_HITS_PER_PAGE}` });
  }
  const page = parsePositive(request.page, 1, 'page', problems);
  const passagesPerItem = Math.max(0, Math.min(5, Math.floor(request.passagesPerItem ?? DEFAULT_PASSAGES_PER_ITEM)));
  if (problems.length > 0) throw new SearchRequestError(problems);
  return { query, searched, limited, filters, clauses, sort, page, hitsPerPage, passagesPerItem };
}

/** NFC, control characters (and the private-use highlight markers) as spaces, one space between words. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F-\u009F\uE000\uE001\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Meilisearch reads the first 10 words of a query (stop words do not count) and silently drops
 * the rest. We keep the same first words, so results are what the engine gives anyway, but
 * send only those and say which words were left out. An over-long query is first cut at
 * MAX_QUERY_CHARS, at a word.
 */
export function limitQuery(query: string, limits: Pick<QueryLimits, 'maxWords' | 'stopWords'>): { searched: string; limited: QueryLimitNotice | null } {
  let text = query;
  let reason: QueryLimitNotice['reason'] | null = null;
  if (text.length > MAX_QUERY_CHARS) {
    const cut = text.slice(0, MAX_QUERY_CHARS + 1);
    const space = cut.lastIndexOf(' ');
    text = (space > MAX_QUERY_CHARS / 2 ? cut.slice(0, space) : cut.slice(0, MAX_QUERY_CHARS)).trim();
    reason = 'too-long';
  }
  let counted = 0;
  let end = text.length;
  for (const match of text.matchAll(WORD)) {
    if (limits.stopWords.has(fold(match[0]))) continue;
    counted++;
    if (counted === limits.maxWords) {
      end = match.index + match[0].length;
      break;
    }
  }
  if (end < text.length && [...text.slice(end).matchAll(WORD)].some((m) => !limits.stopWords.has(fold(m[0])))) {
    text = text.slice(0, end);
    reason ??= 'too-many-words';
  }
  if (reason === null) return { searched: query, limited: null };
  // A phrase cut in the middle would leave an open quote: search the words without quotes.
  if ((text.match(/"/g) ?? []).length % 2 === 1) text = text.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
  const dropped = [...query.matchAll(WORD)].slice([...text.matchAll(WORD)].length).map((m) => m[0]);
  return { searched: text, limited: { searched: text, dropped, reason } };
}

function filterPairs(filters: SearchRequest['filters']): [string, string[]][] {
  if (!filters) return [];
  if (Array.isArray(filters)) return (filters as readonly (readonly [string, string])[]).map(([name, value]) => [String(name), [String(value)]]);
  return Object.entries(filters as Record<string, string | readonly string[] | undefined>)
    .filter((entry): entry is [string, string | readonly string[]] => entry[1] !== undefined)
    .map(([name, value]) => [name, (Array.isArray(value) ? value : [value]).map(String)]);
}

type ValueProblem = Pick<SearchProblem, 'code' | 'message'>;

const invalid = (message: string): ValueProblem => ({ code: 'invalid_value', message });

function facetValue(name: FacetName, value: string): string | number | boolean | ValueProblem {
  if (value.length > MAX_VALUE_CHARS) return { code: 'value_too_long', message: `${name}: value longer than ${MAX_VALUE_CHARS} characters` };
  const quoted = `"${value.slice(0, 40)}"`;
  switch (name) {
    case 'year':
      return /^\d{4}$/.test(value) ? Number(value) : invalid(`year: ${quoted} is not a year such as 2025`);
    case 'kind':
      return (ITEM_KINDS as readonly string[]).includes(value.toLowerCase()) ? value.toLowerCase() : invalid(`kind: ${quoted} is not one of ${ITEM_KINDS.join(', ')}`);
    case 'licence':
      return parseLicence(value) ?? invalid(`licence: ${quoted} is not a known licence`);
    case 'language': {
      const language = parseLanguage(value);
      return language.ok ? language.value : invalid(`language: ${language.message}`);
    }
    case 'transcript':
      return ['reviewed', 'automatic', 'none'].includes(value.toLowerCase()) ? value.toLowerCase() : invalid(`transcript: ${quoted} is not one of reviewed, automatic, none`);
    case 'edition':
    case 'theme':
    case 'speaker':
      return value;
    default: {
      const lower = value.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return invalid(`${name}: ${quoted} is not true or false`);
    }
  }
}

function parseSort(value: string | null | undefined, problems: SearchProblem[]): SortOrder {
  if (value === undefined || value === null || value === '') return 'relevance';
  const sort = SORT_ORDERS.find((s) => s === value.trim().toLowerCase());
  if (!sort) problems.push({ field: 'sort', value, code: 'invalid_value', message: `sort: "${cleanText(value).slice(0, 40)}" is not one of ${SORT_ORDERS.join(', ')}` });
  return sort ?? 'relevance';
}

/** A whole number ≥ 1; huge ones are fine (a page past the end is simply empty). */
function parsePositive(value: number | string | null | undefined, fallback: number, name: string, problems: SearchProblem[]): number {
  if (value === undefined || value === null || value === '') return fallback;
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || /^0+$/.test(text)) {
    problems.push({ field: name, value: String(value), code: 'invalid_value', message: `${name}: "${cleanText(text).slice(0, 20)}" is not a whole number from 1` });
    return fallback;
  }
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : Number.MAX_SAFE_INTEGER;
}
