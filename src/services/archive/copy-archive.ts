import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describeError } from '../../domain/errors.js';
import { manifestKey, parseManifest, type StoredFile } from '../../domain/manifest.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { mapLimit } from '../../lib/concurrency.js';
import { HashingStream, sha256OfStream } from '../../lib/sha256.js';
import { writeManifest } from './manifests.js';

export interface CopyProblem {
  itemId: string;
  key: string;
  cause: string;
}

export interface ItemCopy {
  id: string;
  /** Objects written to the target (or that would be, on a dry run). */
  copied: number;
  /** Already in the target with the manifest's size and checksum. */
  skipped: number;
  failed: number;
  bytes: number;
  /** Objects of an older version of the item in the target, removed once the manifest is in. */
  removed: number;
  /** held back: some object failed, so the target keeps the item as it was (or without it). */
  manifest: 'copied' | 'unchanged' | 'held back';
}

export interface CopySummary {
  items: number;
  /** Items whose every object and manifest are in the target. */
  complete: number;
  copied: number;
  skipped: number;
  failed: number;
  bytes: number;
  removed: number;
  problems: CopyProblem[];
}

export interface CopyOptions {
  dryRun?: boolean;
  /** A local folder for objects in transit from a store without local files (S3 → filesystem). */
  scratchDir: string;
  /** Objects of one item copied at once (object stores answer faster in parallel). */
  concurrency?: number;
  onItem?: (item: ItemCopy) => void;
  onProblem?: (problem: CopyProblem) => void;
}

const MANIFEST_KEY = /^items\/([^/]+)\/manifest\.json$/;

/**
 * Copies every item of the archive from one store to another. Each object that the item's
 * manifest lists is copied and checked against the manifest's size and sha256; the manifest
 * goes LAST, and only when every object is in: the target never shows an item whose files are
 * missing. Objects already in the target with the right checksum are skipped, so a second run
 * resumes an interrupted one. An object that fails (missing, damaged at the source, store
 * down) fails its item only; the others carry on.
 */
export async function copyArchive(source: BlobStore, target: BlobStore, options: CopyOptions): Promise<CopySummary> {
  const summary: CopySummary = { items: 0, complete: 0, copied: 0, skipped: 0, failed: 0, bytes: 0, removed: 0, problems: [] };
  const problem = (p: CopyProblem): void => {
    summary.problems.push(p);
    options.onProblem?.(p);
  };
  try {
    for await (const blob of source.list('items/')) {
      const id = MANIFEST_KEY.exec(blob.key)?.[1];
      if (!id) continue;
      summary.items++;
      const item = await copyItem(source, target, id, options, problem);
      summary.copied += item.copied;
      summary.skipped += item.skipped;
      summary.failed += item.failed;
      summary.bytes += item.bytes;
      summary.removed += item.removed;
      if (item.manifest !== 'held back') summary.complete++;
      options.onItem?.(item);
    }
  } finally {
    await rm(options.scratchDir, { recursive: true, force: true });
  }
  return summary;
}

async function copyItem(source: BlobStore, target: BlobStore, id: string, options: CopyOptions, problem: (p: CopyProblem) => void): Promise<ItemCopy> {
  const item: ItemCopy = { id, copied: 0, skipped: 0, failed: 0, bytes: 0, removed: 0, manifest: 'held back' };
  const key = manifestKey(id);
  let manifestBytes: Buffer;
  let files: StoredFile[];
  try {
    manifestBytes = (await source.getBuffer(key)) ?? Buffer.alloc(0);
    files = parseManifest(manifestBytes.toString('utf8')).files;
  } catch (error) {
    item.failed++;
    problem({ itemId: id, key, cause: `unreadable manifest: ${describeError(error)}` });
    return item;
  }

  await mapLimit(files, options.concurrency ?? 4, async (file) => {
    try {
      if (await isInPlace(target, file)) {
        item.skipped++;
        return;
      }
      if (!options.dryRun) await copyObject(source, target, file, options.scratchDir);
      item.copied++;
      item.bytes += file.size;
    } catch (error) {
      item.failed++;
      problem({ itemId: id, key: file.key, cause: describeError(error) });
    }
  });
  if (item.failed > 0) return item;

  try {
    const existing = await target.getBuffer(key);
    if (existing?.equals(manifestBytes)) item.manifest = 'unchanged';
    else {
      if (!options.dryRun) {
        await writeManifest(target, { id, bytes: manifestBytes }, 'published');
      }
      item.manifest = 'copied';
    }
    // What the target held of an older version of the item: unreferenced now that the manifest is in.
    const kept = new Set([key, ...files.map((f) => f.key)]);
    for await (const blob of target.list(`items/${id}/`)) {
      if (kept.has(blob.key)) continue;
      if (!options.dryRun) await target.delete(blob.key);
      item.removed++;
    }
  } catch (error) {
    item.failed++;
    item.manifest = 'held back';
    problem({ itemId: id, key, cause: describeError(error) });
  }
  return item;
}

/** The target holds the object as the manifest describes it: its checksum if the store keeps one, else its content hashed. */
async function isInPlace(target: BlobStore, file: StoredFile): Promise<boolean> {
  const info = await target.stat(file.key);
  if (!info || info.size !== file.size) return false;
  if (info.sha256 !== undefined) return info.sha256 === file.sha256;
  return (await sha256OfStream(await target.getStream(file.key))) === file.sha256;
}

/**
 * From a local file when the source has one (the filesystem store), else through a scratch file
 * checked before it is sent. The target's own checksum of what it stored must be the manifest's:
 * a source object damaged since it was ingested is caught here, and its copy removed.
 */
async function copyObject(source: BlobStore, target: BlobStore, file: StoredFile, scratchDir: string): Promise<void> {
  const info = await source.stat(file.key);
  if (!info) throw new Error('missing from the source store');
  if (info.size !== file.size) throw new Error(`the source holds ${info.size} bytes, the manifest says ${file.size}: damaged or replaced`);
  if (info.sha256 !== undefined && info.sha256 !== file.sha256) throw new Error(`the source's sha256 is ${info.sha256}, the manifest says ${file.sha256}: damaged or replaced`);
  let scratch: string | null = null;
  try {
    let from = source.localPath(file.key);
    if (!from) {
      await mkdir(scratchDir, { recursive: true });
      scratch = path.join(scratchDir, `${randomBytes(8).toString('hex')}.part`);
      const sha256 = await download(await source.getStream(file.key), scratch);
      if (sha256 !== file.sha256) throw new Error(`read back with sha256 ${sha256}, the manifest says ${file.sha256}: damaged or replaced`);
      from = scratch;
    }
    const stored = await target.putFile(file.key, from, file.contentType);
    if (stored.sha256 !== file.sha256 || stored.size !== file.size) {
      await target.delete(file.key);
      throw new Error(`copied with sha256 ${stored.sha256} (${stored.size} bytes), the manifest says ${file.sha256} (${file.size} bytes): the source object is damaged`);
    }
  } finally {
    if (scratch) await rm(scratch, { force: true });
  }
}

async function download(stream: Readable, file: string): Promise<string> {
  const meter = new HashingStream();
  await pipeline(stream, meter, createWriteStream(file));
  return meter.sha256();
}
