import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isNoSpace } from '../../domain/disk-full.js';
import { diskFullAt } from '../../lib/free-space.js';
import { HashingStream, sha256Of } from '../../lib/sha256.js';
import type { BlobInfo, BlobStore, ListOptions, PutResult } from '../../ports/blob-store.js';

/**
 * The default store: plain files under one folder, same keys as in S3.
 * Writes go to a hidden temporary file that is fsync'ed then renamed: readers never see a part.
 */
export class FsBlobStore implements BlobStore {
  readonly kind = 'fs' as const;
  constructor(readonly root: string) {}

  async putFile(key: string, filePath: string, _contentType: string): Promise<PutResult> {
    return this.withRoom(() => this.write(key, createReadStream(filePath)));
  }

  async putBuffer(key: string, body: Buffer | string, _contentType: string): Promise<PutResult> {
    const buffer = typeof body === 'string' ? Buffer.from(body) : body;
    return this.withRoom(async () => {
      const target = this.pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = tempPathFor(target);
      try {
        const handle = await open(temp, 'w');
        try {
          await handle.writeFile(buffer);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true }); // a part written before the disk filled up
        throw error;
      }
      return { key, size: buffer.length, sha256: sha256Of(buffer) };
    });
  }

  async stat(key: string): Promise<BlobInfo | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { key, size: info.size, modified: info.mtime } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async getBuffer(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async getStream(key: string, range?: { start: number; end: number }): Promise<Readable> {
    const file = this.pathOf(key);
    await stat(file); // fail now with ENOENT rather than later on the stream
    return createReadStream(file, range ? { start: range.start, end: range.end } : {});
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<BlobInfo> {
    const base = this.pathOf(prefix.replace(/\/+$/, '') || '.');
    yield* this.walk(base, options.startAfter ?? '');
  }

  /**
   * A hard link: no bytes copied. Safe because no write ever changes a file in place (every put
   * renames a new file over the key), so the two keys can only part, never see each other's
   * changes. Across filesystems (EXDEV) or where links are refused, a real copy.
   */
  async copy(from: string, to: string, expected: { sha256: string; size: number }): Promise<PutResult> {
    const source = this.pathOf(from);
    const target = this.pathOf(to);
    const info = await stat(source);
    if (info.size !== expected.size) throw new Error(`copy ${from}: ${info.size} bytes stored, ${expected.size} expected`);
    return this.withRoom(async () => {
      await mkdir(path.dirname(target), { recursive: true });
      const temp = tempPathFor(target);
      try {
        await link(source, temp).catch(() => copyFile(source, temp));
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return { key: to, size: info.size, sha256: expected.sha256 };
    });
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
    await this.pruneEmptyParents(path.dirname(this.pathOf(key)));
  }

  localPath(key: string): string {
    return this.pathOf(key);
  }

  /**
   * A write that failed for lack of room says so about the store's folder (the file being
   * copied in is not at fault), with the room left there.
   */
  private async withRoom<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isNoSpace(error)) throw await diskFullAt('store', this.root, error);
      throw error;
    }
  }

  /** Keys are relative, "/"-separated, with no "." or ".." segment: no way out of the root. */
  private pathOf(key: string): string {
    if (key === '.') return this.root;
    const segments = key.split('/');
    if (key.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) {
      throw new Error(`invalid storage key "${key}"`);
    }
    return path.join(this.root, ...segments);
  }

  private async write(key: string, source: Readable): Promise<PutResult> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = tempPathFor(target);
    const meter = new HashingStream();
    try {
      const out = createWriteStream(temp);
      await pipeline(source, meter, out);
      const handle = await open(temp, 'r+');
      await handle.sync().finally(() => handle.close());
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { key, size: meter.size, sha256: meter.sha256() };
  }

  /**
   * Depth first in byte order of the whole keys, as S3 lists: a folder sorts as its name plus
   * "/", so "a-b" comes before "a/x". Folders and files at or before `startAfter` are skipped
   * without a stat, so a listing of the last few keys of a long folder costs one readdir.
   */
  private async *walk(dir: string, startAfter: string): AsyncIterable<BlobInfo> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
      throw error;
    }
    const folder = path.relative(this.root, dir).split(path.sep).join('/');
    const keyOf = (name: string): string => (folder === '' ? name : `${folder}/${name}`);
    const named = entries
      .filter((entry) => !entry.name.startsWith('.')) // temporary files of writes in progress
      .map((entry) => {
        const sortKey = entry.isDirectory() ? `${keyOf(entry.name)}/` : keyOf(entry.name);
        return { entry, sortKey, bytes: Buffer.from(sortKey) };
      })
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    for (const { entry, sortKey } of named) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // Every key inside starts with sortKey: all at or before startAfter unless startAfter lies inside.
        if (startAfter !== '' && sortKey < startAfter && !startAfter.startsWith(sortKey)) continue;
        yield* this.walk(full, startAfter);
      } else if (entry.isFile()) {
        if (startAfter !== '' && Buffer.compare(Buffer.from(sortKey), Buffer.from(startAfter)) <= 0) continue;
        const info = await stat(full);
        yield { key: sortKey, size: info.size, modified: info.mtime };
      }
    }
  }

  private async pruneEmptyParents(dir: string): Promise<void> {
    let current = dir;
    while (current.startsWith(this.root + path.sep)) {
      const entries = await readdir(current).catch(() => null);
      if (!entries || entries.length > 0) return;
      await rmdir(current).catch(() => undefined);
      current = path.dirname(current);
    }
  }
}

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
