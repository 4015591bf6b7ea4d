import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../../../src/adapters/blob-store/fs-blob-store.js';
import type { Manifest } from '../../../../src/domain/manifest.js';
import { sha256Of } from '../../../../src/lib/sha256.js';
import { cacheKeyOf, EditionExports } from '../../../../src/services/archive/edition-export.js';
import { documentManifest, talkManifest } from '../../../support/manifest-factory.js';
import { unzip } from '../../../support/unzip.js';

const stores: FsBlobStore[] = [];
const freshStore = (): FsBlobStore => {
  const store = new FsBlobStore(mkdtempSync(path.join(tmpdir(), 'mc-edition-export-')));
  stores.push(store);
  return store;
};
afterEach(async () => {
  for (const store of stores.splice(0)) await rm(store.root, { recursive: true, force: true });
});

const keysUnder = async (store: FsBlobStore, prefix: string): Promise<string[]> => {
  const keys: string[] = [];
  for await (const blob of store.list(prefix)) keys.push(blob.key);
  return keys;
};

/** A document whose pages.json is stored with `content`, its manifest listing `listed` as that file's bytes. */
async function storedDocument(store: FsBlobStore, content: string, listed = content): Promise<Manifest> {
  const doc = documentManifest();
  const pagesKey = doc.text.pages?.key ?? '';
  const put = await store.putBuffer(pagesKey, content, 'application/json');
  const expected = await new FsBlobStore(freshStore().root).putBuffer('x', listed, 'application/json');
  return { ...doc, files: [{ key: put.key, size: expected.size, sha256: expected.sha256, contentType: 'application/json' }] };
}

/** As the catalogue gives it: each manifest's stored bytes stand here as its JSON. */
const request = (manifests: Manifest[], variant = 'https://a.example') => ({
  slug: '2025-strasbourg',
  versions: manifests.map((m) => ({ id: m.id, digest: sha256Of(JSON.stringify(m)) })),
  manifests: async () => manifests,
  variant,
  generate: async () => [{ path: 'README.txt', content: Buffer.from('hello') }],
});

describe('cacheKeyOf', () => {
  it('names one version of an edition: the same for the same stored manifests in any order, another when an item or the origin changes', () => {
    const a = talkManifest();
    const b = documentManifest();
    const key = cacheKeyOf(request([a, b]));
    expect(key).toMatch(/^exports\/2025-strasbourg\/[0-9a-f]{16}\.zip$/);
    expect(cacheKeyOf(request([b, a]))).toBe(key);
    expect(cacheKeyOf(request([{ ...a, title: 'Autre titre' }, b]))).not.toBe(key);
    expect(cacheKeyOf(request([a]))).not.toBe(key);
    expect(cacheKeyOf(request([a, b], 'https://b.example'))).not.toBe(key);
  });
});

describe('EditionExports', () => {
  it('streams the package, then keeps it in the store and serves that copy; a new version replaces the old one', async () => {
    const store = freshStore();
    const exports = new EditionExports(store);
    const doc = await storedDocument(store, '{"pages":[]}');
    const first = await exports.open(request([doc]));
    expect(first.cached).toBe(false);
    const bytes = await buffer(first.stream);
    await first.stored;
    expect([...(await unzip(bytes)).keys()]).toEqual(['README.txt', `${doc.id}/text/pages.json`]);
    expect(await keysUnder(store, 'exports/')).toEqual([first.key]);

    // Served from the store's copy without reading a manifest.
    const again = await exports.open({ ...request([doc]), manifests: () => Promise.reject(new Error('a cached package reads no manifest')) });
    expect([again.cached, again.size]).toEqual([true, bytes.length]);
    expect((await buffer(again.stream)).equals(bytes)).toBe(true);

    const changed = await exports.open(request([{ ...doc, title: 'Nouveau titre' }]));
    await buffer(changed.stream);
    await changed.stored;
    expect(await keysUnder(store, 'exports/')).toEqual([changed.key]);
  });

  it('fails the package, and keeps nothing, when stored bytes are not the ones the manifest lists', async () => {
    const store = freshStore();
    const doc = await storedDocument(store, '{"pages":["altered"]}', '{"pages":[]}');
    const opened = await new EditionExports(store).open(request([doc]));
    await expect(buffer(opened.stream)).rejects.toThrow(/differ from the manifest's/);
    await expect(opened.stored).rejects.toThrow(/differ from the manifest's/);
    expect(await keysUnder(store, 'exports/')).toEqual([]);
  });

  it('refuses a slug that is not one', async () => {
    await expect(new EditionExports(freshStore()).open({ ...request([]), slug: '../items' })).rejects.toThrow(/is not a slug/);
  });
});
