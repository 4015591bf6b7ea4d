import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import type { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { openMeilisearch } from '../../src/adapters/search-index/open-meilisearch.js';
import { manifestKey } from '../../src/domain/manifest.js';
import { SearchIndexError, SearchUnavailableError, type IndexEntry } from '../../src/ports/search-index.js';
import { indexEntryOf } from '../../src/services/search/documents.js';
import { IngestIndexing } from '../../src/services/search/ingest-indexing.js';
import { readManifests } from '../../src/services/archive/manifests.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { SearchService } from '../../src/services/search/search-service.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { cuesOf, freshStore, writeItem } from '../support/search-archive.js';
import { until } from '../support/wait.js';

const talkIn = (store: FsBlobStore) => (id: string, sentences: string[]) =>
  writeItem(store, { id, kind: 'talk', title: `Titre ${id}`, transcripts: [{ cues: cuesOf(sentences) }] });

/** The indexes of the layout (format 2): counting, ranking, passages, and the format's version. */
const LIVE = ['chunks', 'items', 'search_format', 'segments'];

async function indexUids(meili: TestMeili): Promise<string[]> {
  const response = await fetch(`${meili.url}/indexes?limit=100`, { headers: { Authorization: `Bearer ${meili.apiKey}` } });
  return ((await response.json()) as { results: { uid: string }[] }).results.map((r) => r.uid).sort();
}

describe('keeping the index in step with the archive', () => {
  let meili: TestMeili;
  let store: FsBlobStore;
  let index: MeilisearchIndex;
  let indexer: SearchIndexer;
  let search: SearchService;
  let talk: ReturnType<typeof talkIn>;
  const found = async (q: string): Promise<string[]> => (await search.search({ q })).items.map((i) => i.id);

  beforeAll(async () => {
    meili = await startTestMeili();
    store = freshStore();
    talk = talkIn(store);
    index = meili.connect({ batchSize: 3 });
    await index.open();
    indexer = new SearchIndexer(store, index);
    search = new SearchService(index);
  });

  afterAll(async () => {
    await meili?.stop();
  });

  it('replaces an item’s passages when it is indexed again, leaving none of the old ones', async () => {
    await talk('2025-a', Array.from({ length: 12 }, (_, i) => `Phrase numéro ${i} sur les bibliothèques.`));
    await indexer.indexItem('2025-a');
    expect((await index.stats()).segments).toBeGreaterThan(2);
    expect(await found('bibliothèques')).toEqual(['2025-a']);
    await talk('2025-a', ['Une seule phrase sur les ludothèques.']);
    await indexer.indexItem('2025-a');
    expect(await found('bibliothèques')).toEqual([]);
    expect(await found('ludothèques')).toEqual(['2025-a']);
    expect(await index.stats()).toMatchObject({ items: 1, segments: 2 }); // the about segment + one passage
  });

  it('rebuilds from the manifests into fresh indexes and swaps them in', async () => {
    await talk('2025-b', ['On parle ici de cartographie participative.']);
    await store.delete(manifestKey('2025-a')); // removed from the archive, still in the index
    expect(await found('ludothèques')).toEqual(['2025-a']);
    expect(await found('cartographie')).toEqual([]);
    const summary = await indexer.reindex();
    expect(summary).toEqual({ items: 1, segments: 2, problems: [] });
    expect(await found('ludothèques')).toEqual([]);
    expect(await found('cartographie')).toEqual(['2025-b']);
    expect(await indexUids(meili)).toEqual(LIVE);
  });

  it('keeps the old indexes serving when a rebuild fails half-way, and cleans up after it', async () => {
    await talk('2025-c', ['Les tiers-lieux numériques en ruralité.']);
    async function* crashing(): AsyncIterable<IndexEntry> {
      for await (const manifest of readManifests(store, () => {})) {
        yield (await indexEntryOf(manifest, store)).entry;
        throw new Error('disk read error in the middle of the rebuild');
      }
    }
    await expect(index.rebuild(crashing())).rejects.toThrow(/disk read error/);
    expect(await found('cartographie')).toEqual(['2025-b']);
    expect(await found('tiers-lieux')).toEqual([]);
    expect(await indexUids(meili)).toEqual(LIVE);
  });

  it('drops the leftovers of a rebuild that was killed, at the next one', async () => {
    const headers = { Authorization: `Bearer ${meili.apiKey}`, 'content-type': 'application/json' };
    for (const uid of ['items_next', 'segments_next']) {
      await fetch(`${meili.url}/indexes`, { method: 'POST', headers, body: JSON.stringify({ uid, primaryKey: 'id' }) });
    }
    await fetch(`${meili.url}/indexes/segments_next/documents`, { method: 'POST', headers, body: JSON.stringify([{ id: 'junk', itemId: 'junk', text: 'cartographie fantôme' }]) });
    // Index creation is an asynchronous task in Meilisearch: wait until both leftovers exist.
    await until(async () => (await indexUids(meili)).length === LIVE.length + 2, 10_000, 'the leftover indexes');
    expect(await indexUids(meili)).toEqual([...LIVE, 'items_next', 'segments_next'].sort());
    expect(await indexer.reindex()).toMatchObject({ items: 2 });
    expect(await indexUids(meili)).toEqual(LIVE);
    expect(await found('fantôme')).toEqual([]);
    expect(await found('tiers-lieux')).toEqual(['2025-c']);
  });

  it('indexes in the new indexes what a worker published or removed while a rebuild ran', async () => {
    await talk('2025-f', ['Les fablabs de quartier.']);
    await talk('2025-g', ['Un atelier de réparation de vélos.']);
    // Once the rebuild has read the archive, before it swaps: a worker publishes one item and removes another.
    const during = Object.create(store) as FsBlobStore;
    let worked = false;
    during.list = async function* (prefix: string) {
      yield* store.list(prefix);
      if (!worked && prefix === 'items/') {
        worked = true;
        await talk('2025-h', ['Une maison des communs ouverte le samedi.']);
        await indexer.indexItem('2025-h');
        await store.delete(manifestKey('2025-g'));
        await indexer.removeItem('2025-g');
      }
    };
    const summary = await new SearchIndexer(during, index).reindex();
    expect(worked).toBe(true);
    expect(await found('maison des communs')).toEqual(['2025-h']);
    expect(await found('réparation de vélos')).toEqual([]);
    expect(await found('fablabs')).toEqual(['2025-f']);
    expect(summary.items).toBe((await index.stats()).items);
  });

  it('reports a task that Meilisearch fails, with its cause, never ignoring it', async () => {
    const manifest = await talk('2025-e', ['Un passage.']);
    const { entry } = await indexEntryOf(manifest, store);
    const broken = { item: { ...entry.item, id: 'not a valid id!' }, segments: [] };
    const error = await index.upsert(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchIndexError);
    expect((error as Error).message).toMatch(/^indexing not a valid id!: .*\(documentAdditionOrUpdate\) failed: invalid_document_id: /);
  });

  it('reports a broken text file and still indexes the rest of the item', async () => {
    const manifest = await talk('2025-d', ['Ce passage sera perdu.']);
    await store.putBuffer(manifest.text.transcripts[0]?.json ?? '', '{"version": 1, "cues": "not a list"}', 'application/json');
    const problems = await indexer.indexItem('2025-d');
    expect(problems).toEqual([expect.stringMatching(/^items\/2025-d\/.*\/text\/transcript-fr\.json: unreadable \(/)]);
    expect(await found('Titre 2025-d')).toContain('2025-d');
    expect(await found('perdu')).toEqual([]);
  });
});

describe('search that stops answering', () => {
  let dataDir: string;
  let store: FsBlobStore;

  beforeAll(() => {
    store = freshStore();
    dataDir = store.root;
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives a clear typed error, loses nothing, and `reindex` recovers once it is back', async () => {
    const talk = talkIn(store);
    await talk('2025-x', ['La médiation numérique en bibliothèque.']);
    const first = await openMeilisearch({ dataDir, external: null });
    const { pid } = JSON.parse(readFileSync(path.join(dataDir, 'meili/instance.json'), 'utf8')) as { pid: number };
    await new SearchIndexer(store, first.index).reindex();
    expect((await new SearchService(first.index).search({ q: 'bibliothèque' })).total).toBe(1);

    // Meilisearch dies (killed by its PID, as an OOM killer would).
    process.kill(pid, 'SIGKILL');
    await until(() => !isRunning(pid), 10_000, 'Meilisearch to be gone');
    const error = await new SearchService(first.index).search({ q: 'bibliothèque' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchUnavailableError);
    expect((error as SearchUnavailableError).message).toMatch(/^search is unavailable: Meilisearch at http:\/\/127\.0\.0\.1:\d+ does not answer \(ECONNREFUSED\)$/);
    expect((error as SearchUnavailableError).code).toBe('search_unavailable');

    // An ingest carries on: the item is in the archive, the index is told to catch up later.
    await talk('2025-y', ['Les communs numériques et la souveraineté.']);
    const following = new IngestIndexing(new SearchIndexer(store, first.index));
    await following.itemPublished('2025-y');
    await following.itemPublished('2025-x');
    expect(following.report()).toEqual([
      expect.stringMatching(/^search index not updated for 2 item\(s\): search is unavailable: .*ECONNREFUSED.*; run `mediacommuns reindex` once search is back$/),
    ]);
    await first.index.close();

    // Back: the same folder, a new server (the dead one's record is ignored), nothing lost.
    const second = await openMeilisearch({ dataDir, external: null });
    try {
      const service = new SearchService(second.index);
      expect((await service.search({ q: 'bibliothèque' })).total).toBe(1);
      expect((await service.search({ q: 'souveraineté' })).total).toBe(0);
      await new SearchIndexer(store, second.index).reindex();
      expect((await service.search({ q: 'souveraineté' })).items.map((i) => i.id)).toEqual(['2025-y']);
    } finally {
      await second.index.close();
    }
  }, 60_000);
});

/** Whether a process is still there (signal 0 tests without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
