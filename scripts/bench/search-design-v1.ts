/**
 * The search design before the counting and ranking indexes (index format 1), kept to compare
 * with: bench table 2 puts both side by side, and test/integration/search-designs.test.ts checks
 * that they find the same items with the same totals and facet counts. Nothing in src/ uses it.
 *
 * Two indexes: items (the display fields) and segments (one per passage, plus an about segment
 * per item). A text search takes two round trips:
 *  1. segments, one per item (distinct on itemId), ranked, filtered, sorted and paged, with
 *     facet counts (Meilisearch counts distinct items there: the cost of this design) and the
 *     best passage, highlighted and cropped by Meilisearch;
 *  2. the page's item documents, and their next passages, highlighted locally.
 * An empty query lists items from the items index in one round trip.
 */
import { Meilisearch, type EnqueuedTaskPromise, type MultiSearchQuery } from 'meilisearch';
import { storedSegmentOf } from '../../src/adapters/search-index/meili-documents.js';
import { buildFilter, quoteFilterValue } from '../../src/adapters/search-index/meili-filter.js';
import { highlightLocally, highlightParts, matchedTerms, MATCH_START, withoutMarkers } from '../../src/adapters/search-index/meili-highlight.js';
import { firstMatchByte } from '../../src/adapters/search-index/meili-marks.js';
import { facetsOf, HIGHLIGHT, localMatchByte, PASSAGE_FIELDS, passageOf, queryWords, sortOf, type FirstAnswer, type SearchBody, type SegmentHit } from '../../src/adapters/search-index/meili-search.js';
import { FACET_FIELDS, ITEM_SETTINGS, SEGMENT_SETTINGS, type IndexSettings } from '../../src/adapters/search-index/meili-settings.js';
import { shapeWithin, withinRequest } from '../../src/adapters/search-index/meili-within.js';
import { createNodeHttpClient, type NodeHttpClient } from '../../src/adapters/search-index/node-http-client.js';
import type {
  HighlightPart, IndexAnswer, IndexEntry, IndexQuery, ItemDocument, ItemHit, PassageHit, QueryLimits, SearchIndex,
} from '../../src/ports/search-index.js';

const CROP_CHARS = 200;

const V1_ITEM_SETTINGS: IndexSettings = {
  ...ITEM_SETTINGS,
  searchableAttributes: ['title', 'speakers', 'organisations', 'themes', 'summary', 'edition', 'city'],
  filterableAttributes: ['id', ...FACET_FIELDS],
  sortableAttributes: ['day'],
};

type Segment = SegmentHit & { title?: string; _formatted?: { title?: unknown; text?: unknown } };

/** Round trip 1: the page of items (browse) or of best segments, one per item (search). */
export function firstRequestV1(uids: { items: string; segments: string }, query: Pick<IndexQuery, 'q' | 'filters' | 'sort' | 'page' | 'hitsPerPage' | 'facets'>): SearchBody {
  const common = { filter: buildFilter(query.filters), sort: sortOf(query as IndexQuery), page: query.page, hitsPerPage: query.hitsPerPage, facets: [...query.facets] };
  if (query.q === '') return { indexUid: uids.items, q: '', ...common };
  return {
    indexUid: uids.segments, q: query.q, ...common, distinct: 'itemId',
    attributesToRetrieve: [...PASSAGE_FIELDS, 'title'], attributesToHighlight: ['text', 'title'], attributesToCrop: ['text'], showMatchesPosition: true, ...HIGHLIGHT,
  };
}

/** Round trip 2 (search only): the page's item documents and their passages. */
export function secondRequestsV1(uids: { items: string; segments: string }, query: IndexQuery, itemIds: readonly string[]): SearchBody[] {
  const ids = `[${itemIds.map(quoteFilterValue).join(', ')}]`;
  const requests: SearchBody[] = [{ indexUid: uids.items, q: '', filter: `id IN ${ids}`, limit: itemIds.length }];
  if (query.passagesPerItem > 0) {
    requests.push({ indexUid: uids.segments, q: query.q, filter: `itemId IN ${ids}`, limit: itemIds.length * (query.passagesPerItem + 2), attributesToRetrieve: [...PASSAGE_FIELDS, 'title', 'text'] });
  }
  return requests;
}

function shapeSearchV1(query: IndexQuery, first: FirstAnswer, items: ItemDocument[], passages: unknown[]): IndexAnswer {
  const byId = new Map(items.map((i) => [i.id, i]));
  const best = first.hits as Segment[];
  const more = passages as Segment[];
  const terms = matchedTerms(best.flatMap((h) => [highlightParts(String(h._formatted?.text ?? '')), highlightParts(String(h._formatted?.title ?? ''))]), queryWords(query.q));
  const hits: ItemHit[] = [];
  for (const top of best) {
    const item = byId.get(top.itemId);
    if (!item) continue;
    const own = more.filter((h) => h.itemId === top.itemId);
    const seen = new Set<string>();
    const list: PassageHit[] = [];
    const add = (hit: Segment, snippet: () => HighlightPart[], matchByte: () => number | null): void => {
      if (hit.source === 'metadata' || seen.has(hit.id) || list.length >= query.passagesPerItem) return;
      seen.add(hit.id);
      list.push(passageOf(hit, snippet(), matchByte()));
    };
    add(top, () => highlightParts(String(top._formatted?.text ?? '')), () => firstMatchByte(top._matchesPosition?.text));
    for (const hit of own) {
      add(hit, () => highlightLocally(hit.text ?? '', terms, CROP_CHARS), () => localMatchByte(hit.text ?? '', terms));
    }
    let title: HighlightPart[] = [{ text: item.title, match: false }];
    const formatted = top._formatted?.title;
    if (top.source === 'metadata' && typeof formatted === 'string' && formatted.includes(MATCH_START)) title = highlightParts(formatted);
    else if (own.some((h) => h.source === 'metadata')) {
      const parts = highlightLocally(item.title, terms, Number.MAX_SAFE_INTEGER);
      if (parts.some((p) => p.match)) title = parts;
    }
    hits.push({ item, title, passages: list });
  }
  return { total: first.totalHits ?? hits.length, hits, facets: facetsOf(first) };
}

/**
 * The earlier design as a searcher SearchService accepts, on its own two indexes of the same
 * Meilisearch (`v1_items`, `v1_segments`; `items` and `segments` to make an archive as that
 * version left it), built by `rebuild`.
 */
export class SearchDesignV1 implements Pick<SearchIndex, 'limits' | 'search' | 'searchWithin'> {
  private readonly http: NodeHttpClient;
  private readonly client: Meilisearch;

  constructor(url: string, apiKey: string | undefined, readonly limits: QueryLimits, readonly uids = { items: 'v1_items', segments: 'v1_segments' }) {
    this.http = createNodeHttpClient();
    this.client = new Meilisearch({ host: url, apiKey, httpClient: this.http.request });
  }

  /** Both indexes afresh from `entries` (batches of 10,000 segments, as the adapter built them). */
  async rebuild(entries: AsyncIterable<IndexEntry>): Promise<void> {
    for (const [uid, settings] of [[this.uids.items, V1_ITEM_SETTINGS], [this.uids.segments, SEGMENT_SETTINGS]] as const) {
      await this.client.deleteIndex(uid).waitTask({ timeout: 600_000 });
      await this.wait(this.client.createIndex(uid, { primaryKey: 'id' }));
      await this.wait(this.client.index(uid).updateSettings(settings));
    }
    const pending: EnqueuedTaskPromise[] = [];
    const enqueue = async (task: EnqueuedTaskPromise): Promise<void> => {
      pending.push(task);
      if (pending.length > 3) await this.wait(pending.shift() as EnqueuedTaskPromise);
    };
    const items: object[] = [];
    const segments: object[] = [];
    const flush = (uid: string, list: object[]): Promise<void> => enqueue(this.client.index(uid).addDocuments(list.splice(0), { primaryKey: 'id' }));
    for await (const entry of entries) {
      items.push({ ...entry.item, title: withoutMarkers(entry.item.title), summary: withoutMarkers(entry.item.summary) });
      segments.push(...entry.segments.map(storedSegmentOf));
      if (items.length >= 1000) await flush(this.uids.items, items);
      if (segments.length >= 10_000) await flush(this.uids.segments, segments);
    }
    if (items.length) await flush(this.uids.items, items);
    if (segments.length) await flush(this.uids.segments, segments);
    for (const task of pending.splice(0)) await this.wait(task);
  }

  async search(query: IndexQuery): Promise<IndexAnswer> {
    const [first, ...counted] = await Promise.all([
      this.post(firstRequestV1(this.uids, query)),
      // The earlier service asked each facet's own counts as one more search each.
      ...(query.alsoCount ?? []).map((c) => this.post(firstRequestV1(this.uids, { q: query.q, filters: c.filters, sort: query.sort, page: 1, hitsPerPage: 1, facets: c.facets }))),
    ]);
    const alsoCounted = query.alsoCount ? { alsoCounted: counted.map(facetsOf) } : {};
    if (query.q === '') {
      const items = (first as FirstAnswer).hits as ItemDocument[];
      return { total: first?.totalHits ?? items.length, hits: items.map((item) => ({ item, title: [{ text: item.title, match: false }], passages: [] })), facets: facetsOf(first as FirstAnswer), ...alsoCounted };
    }
    const ids = ((first as FirstAnswer).hits as Segment[]).map((h) => h.itemId);
    if (ids.length === 0) return { ...shapeSearchV1(query, first as FirstAnswer, [], []), ...alsoCounted };
    const { results } = await this.client.multiSearch({ queries: secondRequestsV1(this.uids, query, ids) as MultiSearchQuery[] });
    return { ...shapeSearchV1(query, first as FirstAnswer, (results[0]?.hits ?? []) as ItemDocument[], results[1]?.hits ?? []), ...alsoCounted };
  }

  async searchWithin(itemId: string, q: string, limit: number): Promise<PassageHit[]> {
    return shapeWithin(await this.post({ ...withinRequest(itemId, q, limit), indexUid: this.uids.segments }));
  }

  close(): void {
    this.http.close();
  }

  private async post(body: SearchBody): Promise<FirstAnswer> {
    const { indexUid, q, ...params } = body;
    return (await this.client.index(indexUid).search(q as string, params)) as FirstAnswer;
  }

  private async wait(enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await enqueued.waitTask({ timeout: 600_000, interval: 25 });
    if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? ''}`);
  }
}

/** Values Meilisearch lists per facet (settings' `maxValuesPerFacet`), beyond which it cuts. */
const FACET_CUT = ITEM_SETTINGS.faceting.maxValuesPerFacet;

type Counted = { total: number; facets: Partial<Record<string, Record<string, number> | undefined>> };

/**
 * How two answers' counts compare: `identical` (total and every facet count); `cut ties` when they
 * differ only in which values, all with the same lowest count, fill a facet list cut at its
 * 100 values (Meilisearch keeps an arbitrary part of such a tie, in either design); else `different`.
 */
export function compareCounts(before: Counted, after: Counted): 'identical' | 'cut ties' | 'different' {
  if (before.total !== after.total) return 'different';
  let verdict: 'identical' | 'cut ties' = 'identical';
  for (const name of new Set([...Object.keys(before.facets), ...Object.keys(after.facets)])) {
    const a = before.facets[name] ?? {};
    const b = after.facets[name] ?? {};
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    if ([...keys].every((k) => a[k] === b[k])) continue;
    const cut = Object.keys(a).length === FACET_CUT && Object.keys(b).length === FACET_CUT;
    const lowest = Math.min(...Object.values(a));
    const tiedOnly = [...keys].every((k) => a[k] === b[k] || ((a[k] ?? lowest) === lowest && (b[k] ?? lowest) === lowest));
    if (!cut || !tiedOnly || Math.min(...Object.values(b)) !== lowest) return 'different';
    verdict = 'cut ties';
  }
  return verdict;
}
