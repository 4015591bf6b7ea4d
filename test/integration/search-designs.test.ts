import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import type { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import type { IndexEntry } from '../../src/ports/search-index.js';
import { readManifests } from '../../src/services/archive/manifests.js';
import { indexEntryOf } from '../../src/services/search/documents.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import type { SearchRequest } from '../../src/services/search/search-request.js';
import { SearchService } from '../../src/services/search/search-service.js';
import { benchQueries, syntheticArchive } from '../../scripts/bench/search-bench.js';
import { compareCounts, SearchDesignV1 } from '../../scripts/bench/search-design-v1.js';
import { readSampleTimeline } from '../../scripts/sample/texts.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { ensureSampleArchive } from '../support/sample-archive.js';

/**
 * The counting + ranking design (the adapter's) against the design it replaced (kept in
 * scripts/bench/search-design-v1.ts), on the same Meilisearch and the same entries: the same
 * items found, the same totals, the same facet counts (items, not passages). The order of the
 * items may differ (the bench reports by how much); the set may not. A facet with more than 100
 * values is cut by Meilisearch, which keeps an arbitrary part of the values tied at the cut, in
 * either design: those may differ, never a count (compareCounts).
 */
/** Every item a search finds, through all its pages. */
async function allIds(service: SearchService, request: SearchRequest): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await service.search({ ...request, page, hitsPerPage: 50 });
    ids.push(...result.items.map((i) => i.id));
    if (page >= result.pageCount) return ids.sort();
  }
}

interface Designs {
  before: SearchService;
  after: SearchService;
}

async function expectSameCounts(designs: Designs, requests: readonly SearchRequest[], withOwnFacets = false): Promise<number> {
  let found = 0;
  for (const request of requests) {
    const label = JSON.stringify(request);
    const [before, after] = withOwnFacets
      ? [await designs.before.searchWithOwnFacetCounts(request), await designs.after.searchWithOwnFacetCounts(request)]
      : [await designs.before.search(request), await designs.after.search(request)];
    expect(after.total, label).toBe(before.total);
    if (compareCounts(before, after) === 'different') expect(after.facets, label).toEqual(before.facets);
    expect(after.items.length, label).toBe(before.items.length);
    if (before.total > 0) found++;
  }
  return found;
}

async function expectSameItems(designs: Designs, requests: readonly SearchRequest[]): Promise<void> {
  for (const request of requests) expect(await allIds(designs.after, request), JSON.stringify(request)).toEqual(await allIds(designs.before, request));
}

async function* entriesOf(store: FsBlobStore): AsyncIterable<IndexEntry> {
  for await (const manifest of readManifests(store)) yield (await indexEntryOf(manifest, store)).entry;
}

describe('the counting + ranking design answers as the segments design did', () => {
  let meili: TestMeili;
  let index: MeilisearchIndex;
  let v1: SearchDesignV1;

  beforeAll(async () => {
    meili = await startTestMeili();
    index = meili.connect();
    await index.open();
    v1 = new SearchDesignV1(meili.url, meili.apiKey, index.limits);
  });

  afterAll(async () => {
    v1?.close();
    await meili?.stop();
  });

  it('on the sample edition: its spoken and written words, with and without filters', async () => {
    const { dir } = await ensureSampleArchive(SHORT_SAMPLE_DIR);
    const store = new FsBlobStore(dir);
    await v1.rebuild(entriesOf(store));
    await new SearchIndexer(store, index).reindex();
    const designs = { before: new SearchService(v1), after: new SearchService(index) };

    const timeline = await readSampleTimeline(SHORT_SAMPLE_DIR);
    const words = [...new Set(timeline.items.flatMap((i) => [i.title, ...i.sentences.map((s) => s.text)]).flatMap((t) => t.match(/[\p{L}]{5,}/gu) ?? []))];
    // Every 5th word, a few phrases, typos, synonyms, names and words nobody said.
    const requests: SearchRequest[] = [
      ...words.filter((_, i) => i % 5 === 0).map((q) => ({ q })),
      ...['médiation numérique', 'mediatoin', 'NEC', 'IA', 'aidants première ligne', 'données ouvertes', '"fracture numérique"', 'zzyzx quetzalcoatl', ''].map((q) => ({ q })),
      ...['guichet', 'numérique', ''].flatMap((q) => [{ q, filters: { kind: 'talk' } }, { q, filters: { kind: ['podcast', 'document'] } }, { q, sort: 'date-asc' }]),
    ];
    expect(await expectSameCounts(designs, requests)).toBeGreaterThan(10);
    await expectSameItems(designs, requests.filter((_, i) => i % 3 === 0));
    await expectSameCounts(designs, [{ q: 'numérique', filters: { kind: 'talk', year: '2025' } }, { q: '', filters: { kind: ['talk', 'podcast'] } }], true);
  }, 600_000);

  it('on a generated archive of 80 items and 2,400 passages: 60 fixed queries, a third with filters, plus typos and phrases', async () => {
    const [items, passages] = [80, 2_400];
    // Over 100 speakers, as on the real archive: the speaker facet is cut at 100 values, the case compareCounts allows for.
    const speakers = new Set<string>();
    for await (const entry of syntheticArchive(items, passages)) for (const name of entry.item.speakers) speakers.add(name);
    expect(speakers.size).toBeGreaterThan(100);
    for (const design of [v1, index]) await design.rebuild(syntheticArchive(items, passages));
    const designs = { before: new SearchService(v1), after: new SearchService(index) };
    // The bench's first 60 queries hold every pattern of its filters (theme, kind, year, their
    // combinations, date sort) and of its words (phrases of two subjects, words without accents);
    // typos and quoted phrases are added so that they are always there.
    const requests: SearchRequest[] = [
      ...benchQueries().slice(0, 60),
      ...['mediaton', 'acessibilité', 'cybersecurite', 'reconditionement', '"fracture numérique"', '"agents d’accueil" mairie', '"crise sanitaire"'].map((q) => ({ q })),
      { q: 'mediaton', filters: { theme: 'Accessibilité' } }, { q: '"fracture numérique"', filters: { kind: ['talk', 'podcast'] }, sort: 'date-desc' },
    ];
    expect(await expectSameCounts(designs, requests)).toBeGreaterThan(50);
    await expectSameCounts(designs, [{ q: '' }, { q: '', filters: { theme: 'Accessibilité' }, sort: 'date-asc' }, { q: 'inclusion', page: 3 }]);
    // Those did reach a third page, and a speaker list cut at 100 values.
    expect((await designs.after.search({ q: 'inclusion', page: 3 })).items.length).toBeGreaterThan(0);
    expect(Object.keys((await designs.after.search({ q: '' })).facets.speaker ?? {})).toHaveLength(100);
    await expectSameItems(designs, requests.filter((_, i) => i % 4 === 0));
    // The search page's counts: each active facet counted without its own filter, in one batch.
    await expectSameCounts(designs, requests.filter((r) => Object.keys(r.filters ?? {}).length > 0).slice(0, 20), true);

    // How the requests travel (each a call, all at once; or one multi-search per round trip) changes nothing, to the passage and its second.
    const batched = new SearchService(meili.connect({ requests: 'multi-search' }));
    for (const request of [...requests, { q: 'inclusion', page: 3 }]) {
      expect(await designs.after.search(request), JSON.stringify(request)).toEqual(await batched.search(request));
    }
    const filtered = requests.filter((r) => Object.keys(r.filters ?? {}).length > 0).slice(0, 5);
    for (const request of filtered) expect(await designs.after.searchWithOwnFacetCounts(request)).toEqual(await batched.searchWithOwnFacetCounts(request));
  }, 900_000);
});
