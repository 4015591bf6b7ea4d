import type { PassageSource } from '../../domain/text.js';
import type { FacetCounts, HighlightPart, IndexAnswer, IndexQuery, ItemCard, ItemHit, PassageHit, SegmentDocument } from '../../ports/search-index.js';
import { buildFilter, quoteFilterValue } from './meili-filter.js';
import { derivedTerms, queryDerivations, STOP_WORDS } from './meili-derivations.js';
import { fold, foldKeepingLength, highlightLocally, highlightParts, matchedTerms, MATCH_END, MATCH_START, plainText, termMatches, type TermMatch } from './meili-highlight.js';
import { byteOffset, cueAt } from './meili-marks.js';

/**
 * The requests a search makes, as plain JSON bodies (what the bench replays as "raw" calls), and
 * the shaping of their answers. Two round trips; the requests of each go out at once, each a call
 * of its own (Meilisearch runs the queries of one `/multi-search` one after another on one
 * thread, separate calls on every core), and the second starts as soon as the page of items is
 * known, while the counts go on:
 *  1. the counting index (one document per item with all its words) for the exact total and the
 *     facet counts, in items, without any hit (`hitsPerPage: 0`: Meilisearch counts documents,
 *     which here are items); the ranking index (chunks of ~10 passages carrying the item's
 *     display fields) for the page of items, one per item (`distinct`, with offset and limit:
 *     no exhaustive distinct count, which was the cost of the segments design); and the other
 *     facet counts the page asked for, under their own filters. Counting distinct items over
 *     the segments cost 13–25 ms a query at 400,000 passages; the counting index, 3–4 ms.
 *  2. for that page only (skipped when it is empty or no passage is wanted): each item's best
 *     passage (`distinct`) and the next best passages of the page, unformatted (formatting costs
 *     Meilisearch ~0.2 ms a hit, measured). The words Meilisearch matched in them (typos,
 *     synonyms, prefixes) are found here by its rules (meili-derivations.ts); the passages are
 *     highlighted and cropped here with those words, and each opens at the cue where the first
 *     word marked here is said (its offset looked up in the passage's time marks, meili-marks.ts).
 *     Until Dec. 2026 a third request asked Meilisearch to highlight the best few passages to
 *     learn those words: ~1.9 ms of its CPU per search (measured), kept as `askWords` for the
 *     bench to compare.
 * An empty query lists the items' about chunks, newest first, in the first round trip alone.
 */

export const ITEMS = 'items';
export const SEGMENTS = 'segments';
export const CHUNKS = 'chunks';

/** Words of context around the matched ones in a snippet (and about as many characters when done here). */
const CROP_WORDS = 28;
const CROP_CHARS = 200;

/**
 * With `askWords`, the hits Meilisearch highlights to tell which words it matched: the best
 * passages of the page hold the query's words in the forms most passages have them.
 */
const TERM_HITS = 5;

export const PASSAGE_FIELDS = ['id', 'itemId', 'source', 'passageLanguage', 'start', 'end', 'page', 'marks'];

export type SearchBody = Record<string, unknown> & { indexUid: string };

export const HIGHLIGHT = {
  highlightPreTag: MATCH_START,
  highlightPostTag: MATCH_END,
  cropMarker: '…',
  cropLength: CROP_WORDS,
};

export function sortOf(query: IndexQuery): string[] | undefined {
  if (query.sort === 'date-desc') return ['day:desc'];
  if (query.sort === 'date-asc') return ['day:asc'];
  // Listing without a query: newest first is the useful order; relevance means nothing there.
  return query.q === '' ? ['day:desc'] : undefined;
}

/** buildFilter's clauses are joined by AND, any OR inside one in brackets: another clause is simply added. */
const and = (filter: string | undefined, clause: string): string => (filter ? `${filter} AND ${clause}` : clause);

/** A count of items (exact) and facet values, without hits. */
function countRequest(q: string, filter: string | undefined, facets: readonly string[]): SearchBody {
  // Meilisearch's default matching strategy ("last": when no document has every word, drop
  // words from the end) in every request: the same items are counted, ranked and shown.
  return { indexUid: ITEMS, q, filter, page: 1, hitsPerPage: 0, facets: [...facets] };
}

/** Round trip 1: the counts, the page of items, and the other counts asked beside. */
export function firstRequests(query: IndexQuery): SearchBody[] {
  const filter = buildFilter(query.filters);
  const window = { offset: (query.page - 1) * query.hitsPerPage, limit: query.hitsPerPage };
  const ranking: SearchBody = query.q === ''
    ? { indexUid: CHUNKS, q: '', filter: and(filter, 'about = true'), sort: sortOf(query), ...window, attributesToRetrieve: ['item'] }
    : { indexUid: CHUNKS, q: query.q, filter, sort: sortOf(query), distinct: 'itemId', ...window, attributesToRetrieve: ['item'] };
  return [
    countRequest(query.q, filter, query.facets),
    ranking,
    ...(query.alsoCount ?? []).map((count) => countRequest(query.q, buildFilter(count.filters), count.facets)),
  ];
}

/**
 * Round trip 2: the best passage of each item of the page, then the next best of the page (and
 * with `askWords`, first, the words Meilisearch matched in the best few: the way before).
 */
export function passageRequests(query: IndexQuery, itemIds: readonly string[], askWords = false): SearchBody[] {
  if (query.q === '' || query.passagesPerItem === 0 || itemIds.length === 0) return [];
  // The about segment finds an item by its title or people; it is not a place in the recording.
  const filter = `itemId IN [${itemIds.map(quoteFilterValue).join(', ')}] AND source != ${quoteFilterValue('metadata')}`;
  const terms: SearchBody[] = askWords
    ? [{ indexUid: SEGMENTS, q: query.q, filter, limit: TERM_HITS, attributesToRetrieve: [], attributesToHighlight: ['text'], highlightPreTag: MATCH_START, highlightPostTag: MATCH_END }]
    : [];
  const fields = [...PASSAGE_FIELDS, 'text'];
  const best: SearchBody = { indexUid: SEGMENTS, q: query.q, filter, distinct: 'itemId', limit: itemIds.length, attributesToRetrieve: fields };
  if (query.passagesPerItem === 1) return [...terms, best];
  // The best passages of the whole page: an item whose passages crowd out the others' still
  // leaves each its best one, from the request above.
  return [...terms, best, { indexUid: SEGMENTS, q: query.q, filter, limit: itemIds.length * query.passagesPerItem, attributesToRetrieve: fields }];
}

export type SegmentHit = Pick<SegmentDocument, 'id' | 'itemId' | 'source' | 'passageLanguage' | 'start' | 'end' | 'page'> & {
  /** Only in the unformatted hits. */
  text?: string;
  /** Stored time marks; absent from segments indexed before they existed. */
  marks?: unknown;
  /** The highlighted (and, in a search inside one item, cropped) copy Meilisearch returns. */
  _formatted?: { text?: unknown };
  /** Where Meilisearch matched, per attribute (UTF-8 byte offsets of the stored text): a search inside one item. */
  _matchesPosition?: { text?: unknown };
};

export interface FirstAnswer {
  hits: unknown[];
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** The page's items, in the ranking index's order. */
export function pageItems(ranking: FirstAnswer): ItemCard[] {
  return (ranking.hits as { item?: ItemCard }[]).flatMap((hit) => (hit.item ? [hit.item] : []));
}

/** The answer: counts from the counting index, items from the ranking index, each with up to N passages, best first. */
export function shapeSearch(
  query: IndexQuery,
  answers: { count: FirstAnswer; ranking: FirstAnswer; alsoCounted: FirstAnswer[] },
  passages: { terms?: unknown[]; best: unknown[]; more: unknown[] },
): IndexAnswer {
  const items = pageItems(answers.ranking);
  // Each item's passages, best first, as many as asked.
  const byItem = new Map<string, SegmentHit[]>(items.map((item) => [item.id, []]));
  for (const hits of [passages.best, passages.more] as SegmentHit[][]) {
    for (const hit of hits) {
      const list = byItem.get(hit.itemId);
      if (!list || hit.source === 'metadata' || list.length >= query.passagesPerItem || list.some((h) => h.id === hit.id)) continue;
      list.push(hit);
    }
  }
  const shown = items.map((item) => byItem.get(item.id) ?? []);
  // Folded once, for both finding the words matched and marking them (a listing marks nothing).
  const folded = new Map<string, string>();
  for (const text of query.q === '' ? [] : [...shown.flat().map((hit) => hit.text ?? ''), ...items.map((item) => item.title)]) {
    if (!folded.has(text)) folded.set(text, foldKeepingLength(text));
  }
  const terms = matchedWords(query.q, folded.values(), passages.terms);
  const hits: ItemHit[] = items.map((item, i) => {
    const list = (shown[i] ?? []).map((hit) => {
      const text = hit.text ?? '';
      const matches = termMatches(text, terms, folded.get(text));
      return passageOf(hit, highlightLocally(text, terms, CROP_CHARS, matches), localMatchByte(text, terms, matches));
    });
    return { item, title: titleOf(item, terms, folded.get(item.title)), passages: list };
  });
  return {
    total: answers.count.totalHits ?? hits.length,
    hits,
    facets: facetsOf(answers.count),
    ...(query.alsoCount ? { alsoCounted: answers.alsoCounted.map(facetsOf) } : {}),
  };
}

/**
 * The (folded) words the passages and titles shown are marked with: the query's, and those of
 * `foldedTexts` Meilisearch matches for it. With `askedHits` (the way before), the words it
 * marked in those hits instead, whatever the texts.
 */
export function matchedWords(q: string, foldedTexts: Iterable<string>, askedHits?: unknown[]): Set<string> {
  if (q === '') return new Set();
  if (askedHits) return matchedTerms((askedHits as SegmentHit[]).map((h) => highlightParts(String(h._formatted?.text ?? ''))), queryWords(q));
  return derivedTerms(queryDerivations(q), foldedTexts);
}

/** The title with the matched words marked (none when listing). */
function titleOf(item: ItemCard, terms: ReadonlySet<string>, folded?: string): HighlightPart[] {
  if (terms.size > 0) {
    const parts = highlightLocally(item.title, terms, Number.MAX_SAFE_INTEGER, termMatches(item.title, terms, folded));
    if (parts.some((p) => p.match)) return parts;
  }
  return [{ text: item.title, match: false }];
}

export function queryWords(q: string): string[] {
  return [...q.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => m[0]).filter((w) => !STOP_WORDS.has(fold(w)));
}

/** The byte offset of the first word the snippets would mark in the whole passage. */
export function localMatchByte(text: string, terms: ReadonlySet<string>, matches: readonly TermMatch[] = termMatches(text, terms)): number | null {
  const index = matches[0]?.[0];
  return index === undefined ? null : byteOffset(text, index);
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

export function facetsOf(answer: FirstAnswer): FacetCounts {
  return (answer.facetDistribution ?? {}) as FacetCounts;
}
