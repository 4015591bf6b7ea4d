import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describeError, NotFoundError } from '../../domain/errors.js';
import { manifestKey, parseManifest, type Manifest, type StoredFile } from '../../domain/manifest.js';
import { mapLimit } from '../../lib/concurrency.js';
import { HashingStream } from '../../lib/sha256.js';
import type { BlobStore } from '../../ports/blob-store.js';
import {
  deleteAuditCheckpoint, emptyCounts, inSample, readAuditCheckpoint, sameScope, writeAuditCheckpoint, writeAuditReport,
  type AuditCheckpoint, type AuditProblem, type AuditReport,
} from './fixity-audit.js';

export interface VerifyOptions {
  /** One item, or null for the whole archive. */
  item: string | null;
  /** A share of the objects (percent in (0, 100]); the seed is drawn when not given and not resumed. */
  sample: { percent: number; seed?: string } | null;
  /** Said in the report: which copy of the archive was read. */
  storeLabel: string;
  /** Start afresh even when an unfinished audit of the same scope could be resumed. */
  restart?: boolean;
  /** Objects read at once (object stores answer faster in parallel; a disk is not slowed by 4). */
  concurrency?: number;
  /** Seconds between two checkpoints at most: a killed audit re-reads no more than that. */
  checkpointSeconds?: number;
  onStart?: (start: { resumed: AuditCheckpoint | null; setAside: AuditCheckpoint | null; items: number; seed: string | null }) => void;
  onProblem?: (problem: AuditProblem) => void;
  onProgress?: (progress: { objects: number; bytes: number; seconds: number; itemsDone: number; items: number }) => void;
  onItem?: (item: { id: string; checked: number; bytes: number; problems: number }) => void;
  /** Stops, as a killed run would after its last checkpoint, once this many objects were read in this run. */
  stopAfterObjects?: number;
  now?: () => Date;
}

export type VerifyOutcome = { finished: true; key: string; report: AuditReport } | { finished: false; checkpoint: AuditCheckpoint };

const DEFAULT_CONCURRENCY = 4;
const MANIFEST_ITEM = /^items\/([^/]+)\/manifest\.json$/;

/**
 * The fixity audit: re-reads every object the manifests list (or one item's, or a seeded sample),
 * hashing it as it streams (never a whole file in memory), and compares its size and sha256 with
 * the manifest's. Items are taken in id order; after each one (at most every few seconds) the
 * audit's state goes to `audit/in-progress.json`, so a killed audit resumes where it stopped.
 * An item re-published or removed during the audit is read again from its new manifest, or left
 * out, never reported as damaged. The report goes to `audit/<date>.json`.
 */
export async function verifyArchive(store: BlobStore, options: VerifyOptions): Promise<VerifyOutcome> {
  const now = options.now ?? (() => new Date());
  const ids = options.item ? [await itemInArchive(store, options.item)] : await itemIds(store);
  const previous = await readAuditCheckpoint(store);
  // Same scope, same copy of the archive: an audit of the filesystem is not finished on the bucket.
  const resumed = previous && !options.restart && previous.store === options.storeLabel && sameScope(previous.scope, options) ? previous : null;
  const state: AuditCheckpoint = resumed
    ? { ...resumed, runs: resumed.runs + 1 }
    : {
      format: 1, startedAt: now().toISOString(), store: options.storeLabel, runs: 1, counts: emptyCounts(), problems: [], itemsDone: [],
      scope: { item: options.item, sample: options.sample ? { percent: options.sample.percent, seed: options.sample.seed ?? randomBytes(4).toString('hex') } : null },
    };
  options.onStart?.({ resumed, setAside: previous && !resumed ? previous : null, items: ids.length, seed: state.scope.sample?.seed ?? null });

  const done = new Set(state.itemsDone);
  const run = { objects: 0, bytes: 0, started: performance.now() };
  const secondsBefore = state.counts.seconds;
  let lastCheckpoint = performance.now();
  const checkpoint = async (): Promise<void> => {
    state.counts.seconds = secondsBefore + (performance.now() - run.started) / 1000;
    state.itemsDone = [...done];
    await writeAuditCheckpoint(store, state);
    lastCheckpoint = performance.now();
  };
  const progress = (): void => options.onProgress?.({
    objects: state.counts.checked, bytes: state.counts.bytes, seconds: secondsBefore + (performance.now() - run.started) / 1000, itemsDone: done.size, items: ids.length,
  });

  for (const id of ids) {
    if (done.has(id)) continue;
    const outcome = await auditItem(store, id, state.scope.sample, options.concurrency ?? DEFAULT_CONCURRENCY, (bytes) => {
      run.objects++;
      run.bytes += bytes;
      state.counts.checked++;
      state.counts.bytes += bytes;
      progress();
    });
    done.add(id);
    if (outcome) {
      state.counts.items++;
      state.counts.listed += outcome.listed;
      state.counts.ok += outcome.checked - outcome.problems.length;
      for (const p of outcome.problems) {
        state.counts[p.kind]++;
        state.problems.push(p);
        options.onProblem?.(p);
      }
      options.onItem?.({ id, checked: outcome.checked, bytes: outcome.bytes, problems: outcome.problems.length });
    }
    const stop = options.stopAfterObjects !== undefined && run.objects >= options.stopAfterObjects;
    if (stop || performance.now() - lastCheckpoint >= (options.checkpointSeconds ?? 2) * 1000) await checkpoint();
    if (stop && done.size < ids.length) return { finished: false, checkpoint: state };
  }

  state.counts.seconds = secondsBefore + (performance.now() - run.started) / 1000;
  const { itemsDone: _done, ...kept } = state;
  const report: AuditReport = { ...kept, finishedAt: now().toISOString(), result: state.problems.length > 0 ? 'problems' : 'clean' };
  const key = await writeAuditReport(store, report);
  await deleteAuditCheckpoint(store);
  return { finished: true, key, report };
}

interface ItemAudit {
  listed: number;
  checked: number;
  bytes: number;
  problems: AuditProblem[];
}

/**
 * One item's objects against its manifest. When something is wrong, the manifest is read again:
 * an item published anew meanwhile (its old revision deleted) is checked against the new one, an
 * item removed meanwhile is left out (null). Object reads count once each in `onRead`.
 */
async function auditItem(store: BlobStore, id: string, sample: { percent: number; seed: string } | null, concurrency: number, onRead: (bytes: number) => void): Promise<ItemAudit | null> {
  let manifest = await readItemManifest(store, id);
  for (let attempt = 0; ; attempt++) {
    if (manifest === null) return null;
    if ('problem' in manifest) return { listed: 0, checked: 0, bytes: 0, problems: [manifest.problem] };
    const files = manifest.files.filter((file) => !sample || inSample(sample, file.key));
    const audit: ItemAudit = { listed: manifest.files.length, checked: files.length, bytes: 0, problems: [] };
    await mapLimit(files, concurrency, async (file) => {
      const found = await checkObject(store, id, file);
      audit.bytes += found.bytes;
      onRead(found.bytes);
      if (found.problem) audit.problems.push(found.problem);
    });
    audit.problems.sort((a, b) => a.key.localeCompare(b.key));
    if (audit.problems.length === 0 || attempt > 0) return audit;
    const again = await readItemManifest(store, id);
    if (again !== null && !('problem' in again) && sameFiles(again, manifest)) return audit;
    manifest = again;
  }
}

const sameFiles = (a: Manifest, b: Manifest): boolean => a.files.length === b.files.length && a.files.every((f, i) => f.key === b.files[i]?.key && f.sha256 === b.files[i]?.sha256);

/** Streams the object through a hash: its size and sha256 against the manifest's. */
async function checkObject(store: BlobStore, item: string, file: StoredFile): Promise<{ bytes: number; problem?: AuditProblem }> {
  const expected = { size: file.size, sha256: file.sha256 };
  const meter = new HashingStream();
  try {
    await pipeline(await store.getStream(file.key), meter, new Writable({ write: (_chunk, _encoding, next) => next() }));
  } catch (error) {
    if (isMissing(error)) return { bytes: meter.size, problem: { item, key: file.key, kind: 'missing', expected, found: null } };
    return { bytes: meter.size, problem: { item, key: file.key, kind: 'unreadable', expected, found: null, cause: describeError(error) } };
  }
  const found = { size: meter.size, sha256: meter.sha256() };
  if (found.size === expected.size && found.sha256 === expected.sha256) return { bytes: found.size };
  return { bytes: found.size, problem: { item, key: file.key, kind: 'damaged', expected, found } };
}

const isMissing = (error: unknown): boolean => error instanceof NotFoundError || (error as NodeJS.ErrnoException).code === 'ENOENT';

async function readItemManifest(store: BlobStore, id: string): Promise<Manifest | { problem: AuditProblem } | null> {
  const key = manifestKey(id);
  const buffer = await store.getBuffer(key);
  if (!buffer) return null;
  try {
    return parseManifest(buffer.toString('utf8'));
  } catch (error) {
    return { problem: { item: id, key, kind: 'unreadable', expected: null, found: null, cause: `unreadable manifest: ${describeError(error)}` } };
  }
}

async function itemIds(store: BlobStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const blob of store.list('items/')) {
    const id = MANIFEST_ITEM.exec(blob.key)?.[1];
    if (id) ids.push(id);
  }
  return ids.sort();
}

async function itemInArchive(store: BlobStore, id: string): Promise<string> {
  if (!(await store.stat(manifestKey(id)))) throw new NotFoundError(`no item "${id}" in the archive`);
  return id;
}
