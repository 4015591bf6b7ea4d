import { randomBytes } from 'node:crypto';
import { mapLimit } from '../../lib/concurrency.js';
import type { BlobStore } from '../../ports/blob-store.js';

/**
 * The archive's change log: one small object per change of an item (published, its metadata
 * rewritten, removed, retired under an alias), written by whoever made the change, AFTER the
 * change itself (the manifest written or deleted, the tombstone written). Readers (the website's
 * catalogue) list the log from where they were with a start-after key: nothing changed is one
 * list request, whatever the size of the archive.
 *
 * An entry says only which item changed; the reader reads the item's manifest and tombstone
 * again, so entries may arrive in any order, twice, or from several workers at once without a
 * change being lost or applied out of order. Everything an entry says is in its key
 * (`changes/<ms, 13 digits>-<random>-<id>.json`): listing the log is enough, no entry is read.
 *
 * Keys start with the writer's clock: an entry written late (a slow upload, another machine's
 * clock behind) can sort before keys a reader already saw, so readers list from LISTING_OVERLAP_MS
 * before the newest key they saw and skip the keys they applied. Beyond that, and when a writer
 * crashed between its change and its entry, the catalogue's periodic full pass heals.
 */
export const CHANGES_PREFIX = 'changes/';

/** How far back of its newest key a reader lists again: longer than any upload, any clock skew tolerated. */
export const LISTING_OVERLAP_MS = 10 * 60_000;

export type ChangeKind = 'published' | 'updated' | 'removed';

export interface ChangeEntry {
  key: string;
  /** The writer's clock when it wrote the entry, ms since the epoch. */
  at: number;
  id: string;
}

const TIME_DIGITS = 13;
const ENTRY_KEY = /^changes\/(\d{13})-[0-9a-f]{8}-([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/;

/** The first key of the log written at or after `at`: a start-after key for listing from then. */
export function changeKeyAt(at: number): string {
  return `${CHANGES_PREFIX}${String(Math.max(0, Math.floor(at))).padStart(TIME_DIGITS, '0')}`;
}

export function changeKey(id: string, at: number): string {
  return `${changeKeyAt(at)}-${randomBytes(4).toString('hex')}-${id}.json`;
}

export function parseChangeKey(key: string): ChangeEntry | null {
  const match = ENTRY_KEY.exec(key);
  return match ? { key, at: Number(match[1]), id: match[2] as string } : null;
}

/** Tells readers that `id` changed; call it after the change is in the store. */
export async function recordChange(store: BlobStore, id: string, kind: ChangeKind, now: Date = new Date()): Promise<void> {
  const body = JSON.stringify({ id, kind, at: now.toISOString() });
  await store.putBuffer(changeKey(id, now.getTime()), body, 'application/json');
}

/** The log's entries after `startAfter` (a key, or changeKeyAt(ms)), oldest first; keys of another shape are skipped. */
export async function listChanges(store: BlobStore, startAfter: string): Promise<ChangeEntry[]> {
  const entries: ChangeEntry[] = [];
  for await (const blob of store.list(CHANGES_PREFIX, { startAfter })) {
    const entry = parseChangeKey(blob.key);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Deletes the entries written before `before` (ms): a compacted catalogue covers them. */
export async function pruneChanges(store: BlobStore, before: number): Promise<number> {
  const old: string[] = [];
  for await (const blob of store.list(CHANGES_PREFIX)) {
    const entry = parseChangeKey(blob.key);
    if (!entry) continue;
    if (entry.at >= before) break; // byte order is time order: the rest are newer
    old.push(blob.key);
  }
  // Several at a time: after a compaction there are a few hundred, each one request on S3.
  await mapLimit(old, DELETE_LANES, (key) => store.delete(key));
  return old.length;
}

const DELETE_LANES = 8;
