import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { DiskFullError } from '../../src/domain/disk-full.js';
import { fillDisk, mountTmpfs, tmpfsProblem, type Tmpfs } from '../support/tmpfs.js';

const problem = tmpfsProblem();

/** The filesystem store on a real 1 MB disk: a write with no room says so about the store, and leaves nothing. */
describe.skipIf(problem !== null)(`filesystem store on a full disk${problem ? ` (skipped: ${problem})` : ''}`, () => {
  let disk: Tmpfs;
  let store: FsBlobStore;
  const hiddenParts = (): string[] => readdirSync(disk.dir, { recursive: true }).map(String).filter((f) => path.basename(f).endsWith('.part'));

  beforeEach(() => {
    disk = mountTmpfs('1m');
    store = new FsBlobStore(disk.dir);
  });
  afterEach(() => disk.unmount());

  it('refuses a buffer it has no room for with a DiskFullError naming its folder and its room, leaving no part', async () => {
    const error = await store.putBuffer('items/a/big.bin', Buffer.alloc(2 * 1024 * 1024, 1), 'application/octet-stream').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiskFullError);
    expect(error).toMatchObject({ code: 'disk_full', place: 'store', path: disk.dir });
    expect((error as DiskFullError).freeBytes).toBeGreaterThan(900_000); // the part written was removed
    expect((error as Error).message).toMatch(new RegExp(`^disk full: the store folder ${disk.dir} has [\\d.]+ [kM]?B free; free space there or set DATA_DIR`));
    expect(await store.stat('items/a/big.bin')).toBeNull();
    expect(hiddenParts()).toEqual([]);
  });

  it('refuses a file copied in the same way: the file itself is not named as at fault', async () => {
    const source = path.join(disk.dir, '..', `${path.basename(disk.dir)}-source.bin`);
    writeFileSync(source, Buffer.alloc(2 * 1024 * 1024, 2));
    try {
      const error = await store.putFile('items/a/source/talk.mp4', source, 'video/mp4').catch((e: unknown) => e);
      expect(error).toMatchObject({ place: 'store', path: disk.dir });
      expect((error as Error).message).not.toContain(source);
      expect(await store.stat('items/a/source/talk.mp4')).toBeNull();
      expect(hiddenParts()).toEqual([]);
    } finally {
      writeFileSync(source, '');
    }
  });

  it('says 0 B free once the disk is full to the last block; what was stored before stays readable', async () => {
    await store.putBuffer('items/a/manifest.json', '{"ok":true}', 'application/json');
    fillDisk(disk.dir);
    const error = await store.putBuffer('items/b/manifest.json', '{"ok":true}', 'application/json').catch((e: unknown) => e);
    expect(error).toMatchObject({ place: 'store', freeBytes: 0 });
    expect((await store.getBuffer('items/a/manifest.json'))?.toString()).toBe('{"ok":true}');
    expect(existsSync(path.join(disk.dir, 'items', 'b', 'manifest.json'))).toBe(false);
  });
});
