import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { manifestKey } from '../../src/domain/manifest.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { CHANGES_PREFIX, listChanges } from '../../src/services/archive/change-log.js';
import { checkNotice, planRemoval, removeItem } from '../../src/services/archive/remove-item.js';
import { Catalogue } from '../../src/services/catalogue/catalogue.js';
import { COMPACTED_KEY } from '../../src/services/catalogue/compacted-catalogue.js';
import { CountingStore } from '../support/counting-store.js';
import { freshStore, writeItem, type ArchiveItem } from '../support/search-archive.js';

/**
 * The catalogue learns what changed from the change log, on a real filesystem store: an archive
 * without a log is read the old way once and compacted; later starts read one object and the
 * log; a refresh with nothing new is one list request; publishes (several at once), removals and
 * a crash between a manifest and its log entry all end up shown, the last at the full pass.
 */
const work = mkdtempSync(path.join(tmpdir(), 'mc-catalogue-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const item = (n: number, title = `Intervention numéro ${n}`): ArchiveItem => ({
  id: `2025-strasbourg-intervention-${n}`, kind: n % 3 === 0 ? 'podcast' : 'talk', title, date: `2025-10-${String(1 + (n % 28)).padStart(2, '0')}`,
  themes: [n % 2 === 0 ? 'Communs' : 'Inclusion'], speakers: [{ name: `Personne ${n % 7}`, organisation: 'La Mednum' }],
});

async function deleteLog(store: BlobStore): Promise<void> {
  const keys: string[] = [];
  for await (const blob of store.list(CHANGES_PREFIX)) keys.push(blob.key);
  for (const key of keys) await store.delete(key);
}

/** An archive as written before the change log: manifests only. */
async function oldArchive(count: number): Promise<FsBlobStore> {
  const store = freshStore();
  for (let n = 0; n < count; n++) await writeItem(store, item(n));
  await deleteLog(store);
  return store;
}

const started = async (store: BlobStore): Promise<Catalogue> => {
  const catalogue = new Catalogue(store);
  await catalogue.snapshot();
  await catalogue.idle();
  return catalogue;
};

describe('the catalogue over the change log', () => {
  it('reads an archive without a log the old way once, writes the compacted catalogue, and starts later from it and the log: two requests', async () => {
    const store = await oldArchive(40);
    const first = new CountingStore(store);
    const migrated = await started(first);
    expect((await migrated.snapshot()).items).toHaveLength(40);
    expect(first.counts.get).toBeGreaterThanOrEqual(40); // every manifest read once
    expect(await store.stat(COMPACTED_KEY)).not.toBeNull();

    const counted = new CountingStore(store);
    const later = new Catalogue(counted);
    const snapshot = await later.snapshot();
    expect(counted.counts).toEqual({ list: 1, get: 1, stat: 0, put: 0, delete: 0, copy: 0 });
    expect([...snapshot.byId.keys()].sort()).toEqual([...(await migrated.snapshot()).byId.keys()].sort());
    expect(snapshot.byId.get(item(7).id)).toEqual((await migrated.snapshot()).byId.get(item(7).id));
  });

  it('refreshes with one list request when nothing changed, keeping the same snapshot', async () => {
    const store = await oldArchive(60);
    await started(store);
    const counted = new CountingStore(store);
    const catalogue = new Catalogue(counted);
    const before = await catalogue.snapshot();
    counted.reset();
    for (let i = 0; i < 3; i++) expect(await catalogue.refresh()).toBe(before);
    expect(counted.counts).toEqual({ list: 3, get: 0, stat: 0, put: 0, delete: 0, copy: 0 });
  });

  it('shows an item published meanwhile at the next refresh, a changed title, and keeps the objects of unchanged items', async () => {
    const store = await oldArchive(10);
    const catalogue = await started(store);
    const before = await catalogue.snapshot();
    await writeItem(store, item(100));
    await writeItem(store, item(3, 'Un titre revu'));
    const counted = new CountingStore(store);
    const after = await new Catalogue(counted).snapshot(); // another process, started from the compacted catalogue and the log
    const refreshed = await catalogue.refresh();
    for (const snapshot of [after, refreshed]) {
      expect(snapshot.byId.get(item(100).id)?.title).toBe('Intervention numéro 100');
      expect(snapshot.byId.get(item(3).id)?.title).toBe('Un titre revu');
      expect(snapshot.items).toHaveLength(11);
    }
    expect(refreshed).not.toBe(before);
    expect(refreshed.byId.get(item(5).id)).toBe(before.byId.get(item(5).id));
    // The full pass too keeps the objects of manifests whose bytes did not change.
    const reloaded = await catalogue.reload();
    expect(reloaded).toBe(refreshed);
    expect(reloaded.byId.get(item(100).id)).toBe(refreshed.byId.get(item(100).id));
  });

  it('takes out a removed item at the next refresh and keeps its tombstone', async () => {
    const store = await oldArchive(5);
    const catalogue = await started(store);
    const id = item(2).id;
    const plan = await planRemoval(store, id, checkNotice({ reason: 'Enregistrement remplacé' }));
    if (!plan) throw new Error('nothing to remove');
    await removeItem(store, plan, path.join(work, 'removed'));
    const snapshot = await catalogue.refresh();
    expect(snapshot.byId.has(id)).toBe(false);
    expect(snapshot.items).toHaveLength(4);
    expect(snapshot.tombstones.get(id)?.reason).toBe('Enregistrement remplacé');
    expect((await new Catalogue(store).snapshot()).tombstones.has(id)).toBe(true);
  });

  it('deletes the compacted catalogue at a purge, which held the purged item\'s manifest; the next start reads the archive again', async () => {
    const store = await oldArchive(3);
    await started(store);
    const id = item(1).id;
    expect(String(gunzipSync((await store.getBuffer(COMPACTED_KEY)) ?? Buffer.alloc(0)))).toContain(item(1).title);
    const plan = await planRemoval(store, id, checkNotice({ purge: true }));
    if (!plan) throw new Error('nothing to remove');
    await removeItem(store, plan, path.join(work, 'purged'));
    expect(await store.stat(COMPACTED_KEY)).toBeNull();
    const snapshot = await new Catalogue(store).snapshot();
    expect(snapshot.byId.has(id)).toBe(false);
    expect(snapshot.tombstones.get(id)?.purged).toBe(true);
  });

  it('loses no change when two publishers write at once while the catalogue refreshes', async () => {
    const store = await oldArchive(3);
    const catalogue = await started(store);
    const publisher = async (from: number): Promise<void> => {
      for (let n = from; n < from + 20; n++) {
        await writeItem(store, item(n));
        if (n % 5 === 0) await catalogue.refresh();
      }
    };
    await Promise.all([publisher(1000), publisher(2000), catalogue.refresh()]);
    const expected = [0, 1, 2, ...Array.from({ length: 20 }, (_, i) => 1000 + i), ...Array.from({ length: 20 }, (_, i) => 2000 + i)].map((n) => item(n).id).sort();
    expect([...(await catalogue.refresh()).byId.keys()].sort()).toEqual(expected);
    expect(new Set((await listChanges(store, '')).map((entry) => entry.id)).size).toBe(40);
    expect([...(await new Catalogue(store).snapshot()).byId.keys()].sort()).toEqual(expected);
  });

  it('shows a publish whose log entry was never written (a crash between the two) at the next full pass', async () => {
    const store = await oldArchive(4);
    const catalogue = await started(store);
    const missing = item(50);
    const before = new Set((await listChanges(store, '')).map((entry) => entry.key));
    await writeItem(store, missing);
    for (const entry of await listChanges(store, '')) if (!before.has(entry.key)) await store.delete(entry.key);
    expect((await catalogue.refresh()).byId.has(missing.id)).toBe(false);
    expect((await catalogue.reload()).byId.has(missing.id)).toBe(true);
  });

  it('heals a compacted catalogue that still names an item deleted without a log entry: the full pass rewrites it', async () => {
    const store = await oldArchive(6);
    await started(store);
    const ghost = item(4).id;
    await store.delete(manifestKey(ghost)); // as if removed by a process that died before its log entry
    const catalogue = new Catalogue(store);
    expect((await catalogue.snapshot()).byId.has(ghost)).toBe(true); // trusted until the full pass…
    expect((await catalogue.reload()).byId.has(ghost)).toBe(false); // …which reads the store itself
    await catalogue.idle();
    expect((await new Catalogue(store).snapshot()).byId.has(ghost)).toBe(false); // and rewrote the compacted catalogue
  });

  it('runs the full pass in the background once fullPassMs is over, while the old snapshot keeps serving', async () => {
    const store = await oldArchive(3);
    await started(store);
    await store.delete(manifestKey(item(1).id));
    const catalogue = new Catalogue(store, { fullPassMs: 0 });
    const first = await catalogue.snapshot();
    expect(first.byId.has(item(1).id)).toBe(true);
    expect(await catalogue.snapshot()).toBe(first); // answered at once: the pass runs behind
    await catalogue.idle();
    expect((await catalogue.snapshot()).byId.has(item(1).id)).toBe(false);
  });

  it('compacts the log when it grows long and deletes the entries it covers', async () => {
    const store = await oldArchive(2);
    const catalogue = new Catalogue(store, { compactAfter: 5 });
    await catalogue.snapshot();
    await catalogue.idle();
    for (let n = 10; n < 17; n++) await writeItem(store, item(n));
    expect((await catalogue.refresh()).items).toHaveLength(9);
    await catalogue.idle();
    const counted = new CountingStore(store);
    const later = new Catalogue(counted);
    expect((await later.snapshot()).items).toHaveLength(9);
    // Entries younger than the retention stay (a reader may still be behind); the compacted object names them as applied.
    expect(counted.counts).toEqual({ list: 1, get: 1, stat: 0, put: 0, delete: 0, copy: 0 });
    expect(await listChanges(store, '')).toHaveLength(7);
  });
});
