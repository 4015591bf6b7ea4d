import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageCache } from '../../src/http/page-cache.js';
import { startWeb, type WebServer } from '../../src/http/start-web.js';
import { checkNotice, planRemoval, removeItem } from '../../src/services/archive/remove-item.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { cuesOf, freshStore, writeItem, type ArchiveItem } from '../support/search-archive.js';

/**
 * The site follows the archive through the change log, without a full reload: an item published
 * while it serves answers at once, a removed one answers 410 Gone, and the pages kept for items
 * that did not change stay kept (their manifests keep their objects), over a real store and
 * Meilisearch with a page cache whose clock stands still.
 */
const KEPT: ArchiveItem = { id: '2025-strasbourg-reste-la', kind: 'talk', title: 'Ce qui reste', transcripts: [{ cues: cuesOf(['On reste là.'], 10) }] };
const GOING: ArchiveItem = { id: '2025-strasbourg-va-partir', kind: 'podcast', title: 'Ce qui part', transcripts: [{ cues: cuesOf(['On part bientôt.'], 10) }] };
const NEW: ArchiveItem = { id: '2025-strasbourg-tout-neuf', kind: 'talk', title: 'Tout neuf', transcripts: [{ cues: cuesOf(['Publié pendant le service.'], 10) }] };
const OTHER: ArchiveItem = { id: '2025-strasbourg-un-autre', kind: 'talk', title: 'Un autre encore' };

describe('the site over the change log', () => {
  const store = freshStore();
  const pages = new PageCache({ now: () => 1_000 });
  let meili: TestMeili;
  let web: WebServer;
  let base: string;

  beforeAll(async () => {
    for (const item of [KEPT, GOING]) await writeItem(store, item);
    meili = await startTestMeili();
    const index = meili.connect();
    await index.open();
    await new SearchIndexer(store, index).reindex();
    web = await startWeb({ store, index, port: 0, host: '127.0.0.1', pages, log: () => {} });
    base = `http://127.0.0.1:${web.port}`;
  }, 60_000);

  afterAll(async () => {
    await web?.close();
    await meili?.stop();
  });

  const status = async (path: string): Promise<number> => (await fetch(`${base}${path}`, { redirect: 'manual' })).status;

  it('answers an item published while serving, found through the log when first asked', async () => {
    await writeItem(store, NEW);
    expect(await status(`/talks/${NEW.id}`)).toBe(200);
  });

  it('keeps the kept page of an unchanged item when another item changes, and at the full pass', async () => {
    const before = pages.size;
    expect(await status(`/talks/${KEPT.id}`)).toBe(200);
    expect(pages.size).toBe(before + 1); // made and kept
    expect(await status('/')).toBe(200);
    const kept = pages.size;
    expect(kept).toBe(before + 2);
    expect(await status(`/talks/${KEPT.id}`)).toBe(200);
    expect(pages.size).toBe(kept); // asked again: the same key, answered from the cache

    await web.deps.catalogue.refresh(); // nothing new: the same snapshot, the home page stays kept
    expect(await status('/')).toBe(200);
    expect(pages.size).toBe(kept);

    await writeItem(store, OTHER);
    await web.deps.catalogue.refresh();
    expect(await status(`/talks/${KEPT.id}`)).toBe(200);
    expect(pages.size).toBe(kept); // its manifest kept its object: the same key
    expect(await status('/')).toBe(200);
    expect(pages.size).toBe(kept + 1); // the home page shows the new snapshot: made again

    await web.deps.catalogue.reload();
    expect(await status(`/talks/${KEPT.id}`)).toBe(200);
    expect(await status('/')).toBe(200);
    expect(pages.size).toBe(kept + 1);
  });

  it('answers 410 for an item removed while serving, at the next refresh', async () => {
    expect(await status(`/podcasts/${GOING.id}`)).toBe(200);
    const plan = await planRemoval(store, GOING.id, checkNotice({ reason: 'Retiré à la demande de l’intervenante' }));
    if (!plan) throw new Error('nothing to remove');
    await removeItem(store, plan, path.join(store.root, '..', 'work-none'));
    await web.deps.catalogue.refresh();
    const page = await fetch(`${base}/podcasts/${GOING.id}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Retiré à la demande de l’intervenante');
    expect(await status(`/api/items/${GOING.id}`)).toBe(410);
    expect(await status(`/talks/${KEPT.id}`)).toBe(200);
  });
});
