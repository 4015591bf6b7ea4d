import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { SearchUnavailableError } from '../../src/ports/search-index.js';
import { readManifests } from '../../src/services/archive/manifests.js';
import { indexEntryOf } from '../../src/services/search/documents.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { SearchService } from '../../src/services/search/search-service.js';
import { SearchDesignV1 } from '../../scripts/bench/search-design-v1.js';
import { runCli } from '../support/cli.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { cuesOf, freshStore, writeItem } from '../support/search-archive.js';

/**
 * An archive indexed by the earlier version (items + segments, no format recorded): this version
 * leaves those indexes alone, refuses to search or update them (a count over items without text
 * would be wrong) with a message naming `reindex`, and answers again once `reindex` has rebuilt
 * them — also in a process that opened them before the rebuild, as `serve` does.
 */
describe('indexes built in an earlier layout', () => {
  let meili: TestMeili;
  let store: FsBlobStore;

  beforeAll(async () => {
    meili = await startTestMeili();
    store = freshStore();
    await writeItem(store, { id: '2025-a', kind: 'talk', title: 'La médiation', transcripts: [{ cues: cuesOf(['Les ludothèques de quartier.']) }] });
    await writeItem(store, { id: '2025-b', kind: 'podcast', title: 'Les communs', transcripts: [{ cues: cuesOf(['Les ludothèques rurales.']) }] });
    const limits = meili.connect().limits;
    const earlier = new SearchDesignV1(meili.url, meili.apiKey, limits, { items: 'items', segments: 'segments' });
    async function* entries() {
      for await (const manifest of readManifests(store)) yield (await indexEntryOf(manifest, store)).entry;
    }
    await earlier.rebuild(entries());
    expect((await new SearchService(earlier).search({ q: 'ludothèques' })).total).toBe(2);
    earlier.close();
  }, 120_000);

  afterAll(async () => {
    await meili?.stop();
  });

  it('says `reindex` is needed, and never answers from them', async () => {
    const serving = meili.connect();
    expect(await serving.open()).toMatchObject({ reindexNeeded: true, settingsUpdated: false });
    expect(await serving.stats()).toMatchObject({ items: 2, reindexNeeded: true });
    const error = await new SearchService(serving).search({ q: 'ludothèques' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchUnavailableError);
    expect((error as Error).message).toMatch(/earlier version of mediacommuns \(index format 1, this version reads 2\); run `mediacommuns reindex`$/);
    // Indexing one item into them would mix two layouts: refused the same way (an ingest says to reindex).
    await expect(new SearchIndexer(store, serving).indexItem('2025-a')).rejects.toThrow(SearchUnavailableError);

    // The operator is told: `status` and the command line say what to run.
    const env = { DATA_DIR: store.root, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey };
    expect((await runCli(['status'], env)).stdout).toContain('2 item(s), 2 passage(s); built by an earlier version (another index layout): run `mediacommuns reindex`');
    const cli = await runCli(['search', 'ludothèques'], env);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/run `mediacommuns reindex`\n$/);

    // `reindex` in another process: fresh indexes of this layout, swapped in.
    const reindexing = meili.connect();
    await reindexing.open();
    expect(await new SearchIndexer(store, reindexing).reindex()).toMatchObject({ items: 2, problems: [] });
    expect(await reindexing.stats()).toMatchObject({ items: 2, reindexNeeded: false });

    // The process that opened the old indexes answers now, without a restart.
    const result = await new SearchService(serving).search({ q: 'ludothèques', filters: { kind: 'talk' } });
    expect(result.items.map((i) => i.id)).toEqual(['2025-a']);
    expect(result.facets.kind).toEqual({ talk: 1 });
    expect((await meili.connect().open()).reindexNeeded).toBe(false);
  }, 120_000);

  it('starts a new archive in this layout at once', async () => {
    const fresh = await startTestMeili();
    try {
      const index = fresh.connect();
      expect(await index.open()).toMatchObject({ reindexNeeded: false });
      expect((await new SearchService(index).search({ q: 'rien' })).total).toBe(0);
    } finally {
      await fresh.stop();
    }
  }, 60_000);
});
