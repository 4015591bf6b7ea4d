import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256OfFile } from '../../lib/sha256.js';

interface Entry {
  size: number;
  mtimeMs: number;
  ino: number;
  sha256: string;
}

/**
 * sha256 of source files, remembered by path + size + mtime + inode, so that re-running an
 * edition of 100 hours of video does not re-read every byte to find out nothing changed.
 */
export class HashCache {
  private entries: Record<string, Entry> | null = null;
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();
  private loading: Promise<Record<string, Entry>> | null = null;

  constructor(private readonly file: string) {}

  async sha256(filePath: string): Promise<{ sha256: string; size: number }> {
    const entries = await this.load();
    const info = await stat(filePath);
    const known = entries[filePath];
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs && known.ino === info.ino) {
      return { sha256: known.sha256, size: info.size };
    }
    const sha256 = await sha256OfFile(filePath);
    entries[filePath] = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, sha256 };
    this.dirty = true;
    return { sha256, size: info.size };
  }

  /** Saves run one after another (items hash in parallel), each through its own temporary file. */
  save(): Promise<void> {
    this.saving = this.saving.then(() => this.write());
    return this.saving;
  }

  private async write(): Promise<void> {
    if (!this.dirty || !this.entries) return;
    this.dirty = false;
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
    await writeFile(temp, JSON.stringify(this.entries));
    await rename(temp, this.file);
  }

  /** Read once, however many items ask at the same time. */
  private load(): Promise<Record<string, Entry>> {
    this.loading ??= readFile(this.file, 'utf8')
      .then((text) => JSON.parse(text) as Record<string, Entry>)
      .catch(() => ({})) // absent or damaged: it is only a cache
      .then((entries) => (this.entries = entries));
    return this.loading;
  }

}
