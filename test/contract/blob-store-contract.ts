import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer, text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/ports/blob-store.js';

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const MiB = 1024 * 1024;

async function keysUnder(store: BlobStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const blob of store.list(prefix)) keys.push(blob.key);
  return keys;
}

const tempDirs: string[] = [];

function tempFile(name: string, body: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-blob-'));
  tempDirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return file;
}

/**
 * One behaviour for every BlobStore adapter, run unchanged against each (filesystem, S3).
 * `makeStore` gives an empty store each time.
 */
export function blobStoreContract(name: string, makeStore: () => Promise<BlobStore>): void {
  describe(`BlobStore contract: ${name}`, () => {
    afterAll(() => {
      for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    it('stores a buffer and a file with their size and sha256, and reads them back', async () => {
      const store = await makeStore();
      const put = await store.putBuffer('items/a/manifest.json', '{"x":1}', 'application/json');
      expect(put).toEqual({ key: 'items/a/manifest.json', size: 7, sha256: sha('{"x":1}') });
      const body = Buffer.alloc(300_000, 7);
      const file = tempFile('seg.ts', body);
      expect(await store.putFile('items/a/hls/720p/seg_000.ts', file, 'video/mp2t')).toEqual({ key: 'items/a/hls/720p/seg_000.ts', size: body.length, sha256: sha(body) });
      expect((await store.getBuffer('items/a/manifest.json'))?.toString()).toBe('{"x":1}');
      const info = await store.stat('items/a/hls/720p/seg_000.ts');
      expect(info?.size).toBe(body.length);
      expect(info?.modified).toBeInstanceOf(Date);
      // A store that keeps checksums must keep the right one.
      if (info?.sha256 !== undefined) expect(info.sha256).toBe(sha(body));
    });

    it('copies an object to another key, whole, and the copies live apart', async () => {
      const store = await makeStore();
      const body = Buffer.from('segment bytes é');
      const put = await store.putBuffer('items/c/r1/hls/seg.ts', body, 'video/mp2t');
      expect(await store.copy('items/c/r1/hls/seg.ts', 'items/c/r2/hls/seg.ts', put)).toEqual({ key: 'items/c/r2/hls/seg.ts', size: body.length, sha256: sha(body) });
      expect((await store.getBuffer('items/c/r2/hls/seg.ts'))?.equals(body)).toBe(true);
      const info = await store.stat('items/c/r2/hls/seg.ts');
      if (info?.sha256 !== undefined) expect(info.sha256).toBe(sha(body));
      // Replacing or deleting one key leaves the other as it was.
      await store.putBuffer('items/c/r1/hls/seg.ts', 'other', 'video/mp2t');
      expect((await store.getBuffer('items/c/r2/hls/seg.ts'))?.equals(body)).toBe(true);
      await store.delete('items/c/r2/hls/seg.ts');
      expect((await store.getBuffer('items/c/r1/hls/seg.ts'))?.toString()).toBe('other');
    });

    it('refuses to copy what is absent or not the object expected', async () => {
      const store = await makeStore();
      await expect(store.copy('items/none/x.ts', 'items/none/y.ts', { sha256: sha(''), size: 0 })).rejects.toThrow();
      await store.putBuffer('items/d/a.txt', 'abc', 'text/plain');
      await expect(store.copy('items/d/a.txt', 'items/d/b.txt', { sha256: sha('abc'), size: 4 })).rejects.toThrow(/items\/d\/a\.txt/);
      expect(await store.stat('items/d/b.txt')).toBeNull();
    });

    it('stores an empty object', async () => {
      const store = await makeStore();
      expect(await store.putBuffer('items/e/empty.txt', '', 'text/plain')).toEqual({ key: 'items/e/empty.txt', size: 0, sha256: sha('') });
      expect((await store.getBuffer('items/e/empty.txt'))?.length).toBe(0);
      expect((await store.stat('items/e/empty.txt'))?.size).toBe(0);
    });

    it('answers null for what is absent, and refuses to stream it', async () => {
      const store = await makeStore();
      expect(await store.getBuffer('items/none/manifest.json')).toBeNull();
      expect(await store.stat('items/none/manifest.json')).toBeNull();
      await expect(store.getStream('items/none/manifest.json')).rejects.toThrow();
      expect(await keysUnder(store, 'items/none/')).toEqual([]);
      await expect(store.delete('items/none/manifest.json')).resolves.toBeUndefined();
    });

    it('reads an inclusive byte range, as HTTP Range asks', async () => {
      const store = await makeStore();
      await store.putBuffer('items/r/t.txt', '0123456789', 'text/plain');
      expect(await text(await store.getStream('items/r/t.txt', { start: 2, end: 5 }))).toBe('2345');
      expect(await text(await store.getStream('items/r/t.txt', { start: 9, end: 9 }))).toBe('9');
      expect(await text(await store.getStream('items/r/t.txt'))).toBe('0123456789');
    });

    it('stores a large file whole (multipart on S3) and reads ranges across its parts', async () => {
      const store = await makeStore();
      // Random bytes: parts stored out of order or twice could not go unnoticed.
      const body = randomBytes(12 * MiB + 123);
      const file = tempFile('talk.mp4', body);
      expect(await store.putFile('items/big/download/talk.mp4', file, 'video/mp4')).toEqual({ key: 'items/big/download/talk.mp4', size: body.length, sha256: sha(body) });
      expect(sha(await buffer(await store.getStream('items/big/download/talk.mp4')))).toBe(sha(body));
      const start = 5 * MiB - 100;
      const end = 10 * MiB + 99;
      expect((await buffer(await store.getStream('items/big/download/talk.mp4', { start, end }))).equals(body.subarray(start, end + 1))).toBe(true);
      const info = await store.stat('items/big/download/talk.mp4');
      expect(info?.size).toBe(body.length);
      if (info?.sha256 !== undefined) expect(info.sha256).toBe(sha(body));
    });

    it('lists keys under a prefix, sorted, and deletes', async () => {
      const store = await makeStore();
      for (const key of ['items/b/x.txt', 'items/b/sub/y.txt', 'items/c/z.txt', 'items/bc/w.txt']) await store.putBuffer(key, key, 'text/plain');
      expect(await keysUnder(store, 'items/b/')).toEqual(['items/b/sub/y.txt', 'items/b/x.txt']);
      // A prefix is a folder, with or without its slash: items/b never lists items/bc.
      expect(await keysUnder(store, 'items/b')).toEqual(['items/b/sub/y.txt', 'items/b/x.txt']);
      const sizes: number[] = [];
      for await (const blob of store.list('items/c/')) sizes.push(blob.size);
      expect(sizes).toEqual(['items/c/z.txt'.length]);
      await store.delete('items/b/sub/y.txt');
      await store.delete('items/b/never-existed.txt');
      expect(await keysUnder(store, 'items/b/')).toEqual(['items/b/x.txt']);
      expect(await keysUnder(store, '')).toEqual(['items/b/x.txt', 'items/bc/w.txt', 'items/c/z.txt']);
    });

    it('lists the keys after a given key only, in order', async () => {
      const store = await makeStore();
      // No name beside a folder that sorts between it and its "/" ("a-b" beside "a/"): S3 lists those
      // in byte order, s3rver (the S3 server of the tests) folder by folder.
      const keys = ['changes/0001-a.json', 'changes/0002-b.json', 'changes/0002-c.json', 'changes/0003-a.json', 'changes/sub/x.json', 'changes-other/y.json', 'changes/a/c.json'];
      for (const key of keys) await store.putBuffer(key, key, 'application/json');
      expect(await keysUnder(store, 'changes/')).toEqual(['changes/0001-a.json', 'changes/0002-b.json', 'changes/0002-c.json', 'changes/0003-a.json', 'changes/a/c.json', 'changes/sub/x.json']);
      const after = async (startAfter: string): Promise<string[]> => {
        const found: string[] = [];
        for await (const blob of store.list('changes/', { startAfter })) found.push(blob.key);
        return found;
      };
      expect(await after('changes/0002-b.json')).toEqual(['changes/0002-c.json', 'changes/0003-a.json', 'changes/a/c.json', 'changes/sub/x.json']);
      // A key that is not stored works as well: what sorts after it.
      expect(await after('changes/0002')).toEqual(['changes/0002-b.json', 'changes/0002-c.json', 'changes/0003-a.json', 'changes/a/c.json', 'changes/sub/x.json']);
      expect(await after('changes/a/')).toEqual(['changes/a/c.json', 'changes/sub/x.json']);
      expect(await after('changes/sub/x.json')).toEqual([]);
      // Before the prefix: the whole folder; never a key outside it.
      expect(await after('a')).toEqual(await keysUnder(store, 'changes/'));
    });

    it('lists after a key across pages (S3 answers 1,000 at most)', async () => {
      const store = await makeStore();
      const keys = Array.from({ length: 1_050 }, (_, i) => `changes/${String(i).padStart(5, '0')}.json`);
      for (let i = 0; i < keys.length; i += 25) await Promise.all(keys.slice(i, i + 25).map((key) => store.putBuffer(key, 'x', 'application/json')));
      const found: string[] = [];
      for await (const blob of store.list('changes/', { startAfter: keys[20] })) found.push(blob.key);
      expect(found).toEqual(keys.slice(21));
    });

    it('lists more keys than one page holds (S3 answers 1,000 at most)', async () => {
      const store = await makeStore();
      const keys = Array.from({ length: 1_100 }, (_, i) => `items/many/hls/seg-${String(i).padStart(4, '0')}.ts`);
      for (let i = 0; i < keys.length; i += 20) {
        await Promise.all(keys.slice(i, i + 20).map((key) => store.putBuffer(key, 'x', 'video/mp2t')));
      }
      expect(await keysUnder(store, 'items/many/')).toEqual(keys);
    });

    it('leaves hidden names out of listings (writes in progress, probes)', async () => {
      const store = await makeStore();
      await store.putBuffer('items/h/.partial', 'x', 'text/plain');
      await store.putBuffer('items/h/.tmp/y', 'y', 'text/plain');
      await store.putBuffer('items/h/z', 'z', 'text/plain');
      expect(await keysUnder(store, 'items/h/')).toEqual(['items/h/z']);
    });

    it('replaces an object whole', async () => {
      const store = await makeStore();
      await store.putBuffer('items/d/m.json', 'old version, longer', 'application/json');
      await store.putBuffer('items/d/m.json', 'new', 'application/json');
      expect((await store.getBuffer('items/d/m.json'))?.toString()).toBe('new');
      const info = await store.stat('items/d/m.json');
      expect(info?.size).toBe(3);
      if (info?.sha256 !== undefined) expect(info.sha256).toBe(sha('new'));
    });

    it('keeps keys with spaces and accents as they are', async () => {
      const store = await makeStore();
      const key = `items/été 2025/l'été, ça va — "oui" & <100%>.txt`;
      await store.putBuffer(key, 'ok', 'text/plain');
      expect((await store.getBuffer(key))?.toString()).toBe('ok');
      expect((await store.stat(key))?.size).toBe(2);
      expect(await text(await store.getStream(key, { start: 1, end: 1 }))).toBe('k');
      expect(await keysUnder(store, 'items/été 2025/')).toEqual([key]);
      await store.delete(key);
      expect(await store.stat(key)).toBeNull();
    });

    it('refuses keys that would leave the archive', async () => {
      const store = await makeStore();
      for (const key of ['../etc/passwd', 'items/../../x', '/abs', 'items//x', 'items/./x']) {
        await expect(store.putBuffer(key, 'x', 'text/plain')).rejects.toThrow(/invalid storage key/);
        await expect(store.stat(key)).rejects.toThrow(/invalid storage key/);
      }
    });
  });
}
