import type { PassageSource } from '../../domain/text.js';
import type { FacetField, HighlightPart, IndexAnswer, IndexQuery, ItemDocument, ItemHit, PassageHit, SegmentDocument } from '../../ports/search-index.js';
import { buildFilter, quoteFilterValue } from './meili-filter.js';
import { firstMatchIndex, fold, highlightLocally, highlightParts, matchedTerms, MATCH_END, MATCH_START, plainText } from './meili-highlight.js';
import { byteOffset, cueAt, firstMatchByte } from './meili-marks.js';
import { FRENCH_STOP_WORDS } from './meili-settings.js';

/**
 * The requests a search makes, as plain JSON bodies (what the bench replays as "raw" calls), and
 * the shaping of their answers. A text search takes two round trips:
 *  1. segments, one per item (distinct on itemId), ranked, filtered, sorted and paged, with
 *     facet counts (Meilisearch counts distinct items there, measured) and the best passage;
 *  2. for that page only: the items' documents, and their best passages (a search restricted to
 *     those item ids: small and fast whatever the page number). These come unformatted: having
 *     Meilisearch highlight and crop 60–100 passages cost it 20–40 ms (~0.2 ms per hit, measured,
 *     the same with showMatchesPosition), more than both searches. They are highlighted here with
 *     the words Meilisearch matched in the first round trip (typos and synonyms resolved).
 * Each passage's link opens at the cue where its first matched word is said: the best passages
 * ask Meilisearch where it matched (`showMatchesPosition`, only on these few already formatted
 * hits), the others take the first word marked here; either offset is looked up in the
 * passage's time marks (meili-marks.ts).
 * An empty query lists items from the items index in one round trip.
 */

export const ITEMS = 'items';
export const SEGMENTS = 'segments';

/** Words of context around the matched ones in a snippet (and about as many characters when done here). */
const CROP_WORDS = 28;
const CROP_CHARS = 200;

export const PASSAGE_FIELDS = ['id', 'itemId', 'source', 'passageLanguage', 'start', 'end', 'page', 'marks'];

export type SearchBody = Record<string, unknown> & { indexUid: string };

export const HIGHLIGHT = {
  highlightPreTag: MATCH_START,
  highlightPostTag: MATCH_END,
  cropMarker: '…',
  cropLength: CROP_WORDS,
};

function sortOf(query: IndexQuery): string[] | undefined {
  if (query.sort === 'date-desc') return ['day:desc'];
  if (query.sort === 'date-asc') return ['day:asc'];
  // Listing without a query: newest first is the useful order; relevance means nothing there.
  return query.q === '' ? ['day:desc'] : undefined;
}

/** Round trip 1: the page of items (browse) or of best segments, one per item (search). */
export function firstRequest(query: IndexQuery): SearchBody {
  const common = {
    filter: buildFilter(query.filters),
    sort: sortOf(query),
    page: query.page,
    hitsPerPage: query.hitsPerPage,
    facets: [...query.facets],
  };
  if (query.q === '') return { indexUid: ITEMS, q: '', ...common };
  return {
    indexUid: SEGMENTS,
    q: query.q,
    ...common,
    distinct: 'itemId',
    // Meilisearch's default matching strategy ("last": when no document has every word, drop
    // words from the end). "frequency" answered nothing to queries that "last" answered (1.21).
    attributesToRetrieve: [...PASSAGE_FIELDS, 'title'],
    attributesToHighlight: ['text', 'title'],
    attributesToCrop: ['text'],
    showMatchesPosition: true,
    ...HIGHLIGHT,
  };
}

/** Round trip 2 (search only): the page's item documents and their best passages. */
export function secondRequests(query: IndexQuery, itemIds: readonly string[]): SearchBody[] {
  const ids = `[${itemIds.map(quoteFilterValue).join(', ')}]`;
  const requests: SearchBody[] = [{ indexUid: ITEMS, q: '', filter: `id IN ${ids}`, limit: itemIds.length }];
  if (query.passagesPerItem > 0) {
    requests.push({
      indexUid: SEGMENTS,
      q: query.q,
      filter: `itemId IN ${ids}`,
      // Enough for every item to get its share when the best passages crowd on a few items.
      limit: itemIds.length * (query.passagesPerItem + 2),
      attributesToRetrieve: [...PASSAGE_FIELDS, 'title', 'text'],
    });
  }
  return requests;
}

export type SegmentHit = Pick<SegmentDocument, 'id' | 'itemId' | 'source' | 'passageLanguage' | 'start' | 'end' | 'page' | 'title'> & {
  /** Only in the second round trip's hits (unformatted). */
  text?: string;
  /** Stored time marks; absent from segments indexed before they existed. */
  marks?: unknown;
  /** The highlighted (and, for text, cropped) copies Meilisearch returns. */
  _formatted?: { title?: unknown; text?: unknown };
  /** First round trip: where Meilisearch matched, per attribute (UTF-8 byte offsets of the stored text). */
  _matchesPosition?: { text?: unknown };
};

export interface FirstAnswer {
  hits: unknown[];
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** Browse: items straight from the items index. */
export function shapeBrowse(answer: FirstAnswer): IndexAnswer {
  const items = answer.hits as ItemDocument[];
  return {
    total: answer.totalHits ?? items.length,
    hits: items.map((item) => ({ item, title: [{ text: item.title, match: false }], passages: [] })),
    facets: facetsOf(answer),
  };
}

export function pageItemIds(answer: FirstAnswer): string[] {
  return (answer.hits as SegmentHit[]).map((h) => h.itemId);
}

/** Search: the page's items in the order of round trip 1, each with up to N passages, best first. */
export function shapeSearch(query: IndexQuery, first: FirstAnswer, items: ItemDocument[], passages: unknown[]): IndexAnswer {
  const byId = new Map(items.map((i) => [i.id, i]));
  const best = first.hits as SegmentHit[];
  const more = passages as SegmentHit[];
  const terms = matchedTerms(
    best.flatMap((h) => [highlightParts(String(h._formatted?.text ?? '')), highlightParts(String(h._formatted?.title ?? ''))]),
    queryWords(query.q),
  );
  const hits: ItemHit[] = [];
  for (const top of best) {
    const item = byId.get(top.itemId);
    if (!item) continue; // removed between the two round trips
    const own = more.filter((h) => h.itemId === top.itemId);
    const seen = new Set<string>();
    const list: PassageHit[] = [];
    const add = (hit: SegmentHit, snippet: () => HighlightPart[], matchByte: () => number | null): void => {
      if (hit.source === 'metadata' || seen.has(hit.id) || list.length >= query.passagesPerItem) return;
      seen.add(hit.id);
      list.push(passageOf(hit, snippet(), matchByte()));
    };
    add(top, () => highlightParts(String(top._formatted?.text ?? '')), () => firstMatchByte(top._matchesPosition?.text));
    for (const hit of own) {
      add(hit, () => highlightLocally(hit.text ?? '', terms, CROP_CHARS), () => localMatchByte(hit.text ?? '', terms));
    }
    hits.push({ item, title: titleOf(item, top, own, terms), passages: list });
  }
  return { total: first.totalHits ?? hits.length, hits, facets: facetsOf(first) };
}

/** The title with its matched words marked, when the item matched by its title. */
function titleOf(item: ItemDocument, top: SegmentHit, own: SegmentHit[], terms: ReadonlySet<string>): HighlightPart[] {
  if (top.source === 'metadata' && hasMatch(top._formatted?.title)) return highlightParts(String(top._formatted?.title));
  if (own.some((h) => h.source === 'metadata')) {
    const parts = highlightLocally(item.title, terms, Number.MAX_SAFE_INTEGER);
    if (parts.some((p) => p.match)) return parts;
  }
  return [{ text: item.title, match: false }];
}

const STOP = new Set(FRENCH_STOP_WORDS.map(fold));

function queryWords(q: string): string[] {
  return [...q.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => m[0]).filter((w) => !STOP.has(fold(w)));
}

/** The byte offset of the first word the snippets would mark in the whole passage. */
function localMatchByte(text: string, terms: ReadonlySet<string>): number | null {
  const index = firstMatchIndex(text, terms);
  return index === null ? null : byteOffset(text, index);
}

export function passageOf(hit: SegmentHit, snippet: HighlightPart[], matchByte: number | null): PassageHit {
  const cue = cueAt(hit.marks, matchByte);
  return {
    id: hit.id,
    source: hit.source as PassageSource,
    language: hit.passageLanguage,
    start: cue?.start ?? hit.start,
    end: cue?.end ?? hit.end,
    passageStart: hit.start,
    passageEnd: hit.end,
    page: hit.page,
    text: plainText(snippet),
    snippet,
  };
}

function hasMatch(value: unknown): boolean {
  return typeof value === 'string' && value.includes(MATCH_START);
}

function facetsOf(answer: FirstAnswer): IndexAnswer['facets'] {
  return (answer.facetDistribution ?? {}) as Partial<Record<FacetField, Record<string, number>>>;
}
