import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/ports/blob-store.js';

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** One behaviour for every BlobStore adapter: run it against each (filesystem now, S3 later). */
export function blobStoreContract(name: string, makeStore: () => Promise<BlobStore>): void {
  describe(`BlobStore contract: ${name}`, () => {
    it('stores a buffer and a file with their size and sha256, and reads them back', async () => {
      const store = await makeStore();
      const put = await store.putBuffer('items/a/manifest.json', '{"x":1}', 'application/json');
      expect(put).toEqual({ key: 'items/a/manifest.json', size: 7, sha256: sha('{"x":1}') });
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'mc-blob-')), 'seg.ts');
      const body = Buffer.alloc(300_000, 7);
      writeFileSync(file, body);
      expect(await store.putFile('items/a/hls/720p/seg_000.ts', file, 'video/mp2t')).toEqual({ key: 'items/a/hls/720p/seg_000.ts', size: body.length, sha256: sha(body) });
      expect((await store.getBuffer('items/a/manifest.json'))?.toString()).toBe('{"x":1}');
      expect((await store.stat('items/a/hls/720p/seg_000.ts'))?.size).toBe(body.length);
    });

    it('answers null for what is absent', async () => {
      const store = await makeStore();
      expect(await store.getBuffer('items/none/manifest.json')).toBeNull();
      expect(await store.stat('items/none/manifest.json')).toBeNull();
    });

    it('reads an inclusive byte range, as HTTP Range asks', async () => {
      const store = await makeStore();
      await store.putBuffer('items/r/t.txt', '0123456789', 'text/plain');
      expect(await text(await store.getStream('items/r/t.txt', { start: 2, end: 5 }))).toBe('2345');
    });

    it('lists keys under a prefix, sorted, and deletes', async () => {
      const store = await makeStore();
      for (const key of ['items/b/x.txt', 'items/b/sub/y.txt', 'items/c/z.txt']) await store.putBuffer(key, key, 'text/plain');
      const listed: string[] = [];
      for await (const blob of store.list('items/b/')) listed.push(blob.key);
      expect(listed).toEqual(['items/b/sub/y.txt', 'items/b/x.txt']);
      await store.delete('items/b/sub/y.txt');
      await store.delete('items/b/never-existed.txt');
      const after: string[] = [];
      for await (const blob of store.list('items/b/')) after.push(blob.key);
      expect(after).toEqual(['items/b/x.txt']);
    });

    it('replaces an object whole', async () => {
      const store = await makeStore();
      await store.putBuffer('items/d/m.json', 'old version, longer', 'application/json');
      await store.putBuffer('items/d/m.json', 'new', 'application/json');
      expect((await store.getBuffer('items/d/m.json'))?.toString()).toBe('new');
    });

    it('refuses keys that would leave the archive', async () => {
      const store = await makeStore();
      for (const key of ['../etc/passwd', 'items/../../x', '/abs', 'items//x', 'items/./x']) {
        await expect(store.putBuffer(key, 'x', 'text/plain')).rejects.toThrow(/invalid storage key/);
      }
    });
  });
}
