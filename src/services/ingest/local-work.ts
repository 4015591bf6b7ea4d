import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeOf } from '../../domain/content-type.js';
import type { StoredFile } from '../../domain/manifest.js';
import { mapLimit } from '../../lib/concurrency.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { sha256OfFile } from '../../lib/sha256.js';
import { versionInProgress, versionOf, type ItemVersion } from './item-version.js';

/** Local copies downloaded or stored at once: enough to hide an object store's latency. */
const LANES = 4;

/**
 * This machine's copy of one item version's work: the outputs the steps that ran here wrote,
 * or those fetched from the store for a step that needs them, with a ledger of the checksums
 * its copies have: a step that runs where the previous one ran downloads nothing. The store has
 * the truth; this folder can be lost at any time.
 */
export class LocalWork {
  readonly localDir: string;
  readonly outDir: string;
  private ledger: Record<string, string> | null = null;

  constructor(private readonly store: BlobStore, workRoot: string, readonly version: ItemVersion) {
    this.localDir = path.join(workRoot, version.id, versionOf(version.inputsKey));
    this.outDir = path.join(this.localDir, 'out');
  }

  /** Makes the local output folder hold exactly `files`: downloads what is missing or different, deletes the rest. */
  async syncOut(files: Map<string, StoredFile>): Promise<void> {
    const ledger = await this.loadLedger();
    await mkdir(this.outDir, { recursive: true });
    for (const rel of await listFiles(this.outDir)) {
      if (!files.has(rel)) {
        await rm(path.join(this.outDir, rel), { force: true });
        delete ledger[rel];
      }
    }
    await mapLimit([...files], LANES, async ([rel, file]) => {
      const local = path.join(this.outDir, rel);
      const size = await stat(local).then((s) => s.size, () => -1);
      if (ledger[rel] === file.sha256 && size === file.size) return;
      await this.download(file, local);
      ledger[rel] = file.sha256;
    });
    await this.saveLedger();
  }

  /** The local output files with their sizes and modification times, to tell later what a step changed. */
  async snapshot(): Promise<Map<string, string>> {
    const marks = new Map<string, string>();
    for (const rel of await listFiles(this.outDir)) {
      const s = await stat(path.join(this.outDir, rel));
      marks.set(rel, `${s.size}:${s.mtimeMs}`);
    }
    return marks;
  }

  /** Stores into the version's revision what changed in the output folder since `before`; says what was removed. */
  async storeChanges(before: Map<string, string>): Promise<{ files: Record<string, StoredFile>; removed: string[] }> {
    const ledger = await this.loadLedger();
    const after = await this.snapshot();
    const changed = [...after].filter(([rel, mark]) => before.get(rel) !== mark).map(([rel]) => rel);
    const files: Record<string, StoredFile> = {};
    await mapLimit(changed, LANES, async (rel) => {
      const key = this.version.revision + rel;
      const contentType = contentTypeOf(rel);
      const stored = await this.store.putFile(key, path.join(this.outDir, rel), contentType);
      files[rel] = { key, size: stored.size, sha256: stored.sha256, contentType };
      ledger[rel] = stored.sha256;
    });
    const removed = [...before.keys()].filter((rel) => !after.has(rel));
    for (const rel of removed) delete ledger[rel];
    await this.saveLedger();
    return { files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))), removed };
  }

  /** Copies a stored object to a local file, checking its checksum; the file appears whole or not at all. */
  async download(file: { key: string; sha256: string }, local: string): Promise<void> {
    await mkdir(path.dirname(local), { recursive: true });
    const part = `${local}.${process.pid}.part`;
    try {
      await pipeline(await this.store.getStream(file.key), createWriteStream(part));
      const sha256 = await sha256OfFile(part);
      if (sha256 !== file.sha256) throw new Error(`${file.key}: stored copy does not match its checksum (${sha256.slice(0, 12)}… instead of ${file.sha256.slice(0, 12)}…)`);
      await rename(part, local);
    } finally {
      await rm(part, { force: true });
    }
  }

  /** This version's local copies; the item's folder too when no other version is at work here. */
  async remove(): Promise<void> {
    await rm(this.localDir, { recursive: true, force: true });
    await rmdir(path.dirname(this.localDir)).catch(() => {});
  }

  private async loadLedger(): Promise<Record<string, string>> {
    this.ledger ??= await readFile(this.ledgerFile(), 'utf8').then((text) => JSON.parse(text) as Record<string, string>, () => ({}));
    return this.ledger;
  }

  private async saveLedger(): Promise<void> {
    if (!this.ledger) return;
    const temp = `${this.ledgerFile()}.${process.pid}.part`;
    await mkdir(this.localDir, { recursive: true });
    await writeFile(temp, JSON.stringify(this.ledger));
    await rename(temp, this.ledgerFile());
  }

  private ledgerFile(): string {
    return path.join(this.localDir, 'ledger.json');
  }
}

/** Local copies of the item's other versions: not needed any more once a new one is prepared. */
export async function removeOtherLocalVersions(keep: LocalWork): Promise<void> {
  const itemRoot = path.dirname(keep.localDir);
  const entries = await readdir(itemRoot).catch(() => [] as string[]);
  const kept = path.basename(keep.localDir);
  await Promise.all(entries.filter((e) => e !== kept).map((e) => rm(path.join(itemRoot, e), { recursive: true, force: true })));
}

/**
 * Removes this machine's local copies of work that is over: items published (or removed) since,
 * whose staging is gone from the store. Publishing cleans the machine it runs on; this cleans
 * the others, which ran earlier steps of the same items.
 */
export async function sweepLocalCopies(store: BlobStore, workRoot: string): Promise<void> {
  for (const id of await readdir(workRoot).catch(() => [] as string[])) {
    const versions = await readdir(path.join(workRoot, id)).catch(() => [] as string[]);
    for (const version of versions.filter((v) => /^[0-9a-f]+$/.test(v))) {
      if (await versionInProgress(store, id, version)) continue;
      await rm(path.join(workRoot, id, version), { recursive: true, force: true });
    }
  }
}

/** Relative "/"-separated paths of every file under `dir`, sorted (none when it does not exist). */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.part'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
