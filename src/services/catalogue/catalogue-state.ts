import { describeError } from '../../domain/errors.js';
import { listingOf, manifestKey, parseManifest, type ManifestListing } from '../../domain/manifest.js';
import type { Tombstone } from '../../domain/tombstone.js';
import { mapLimit } from '../../lib/concurrency.js';
import { sha256Of } from '../../lib/sha256.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { changeKeyAt, listChanges, LISTING_OVERLAP_MS, type ChangeEntry } from '../archive/change-log.js';
import { listTombstones, readTombstone } from '../archive/tombstones.js';
import { shareStrings } from './shared-strings.js';

/** What the catalogue knows of the store: every live manifest and tombstone, and where it is in the change log. */
export interface CatalogueState {
  /** Every live manifest as held (without its files); the same stored bytes (`stored.digest`) keep the same object. */
  items: Map<string, ManifestListing>;
  tombstones: Map<string, Tombstone>;
  /** Manifests that could not be read, key → cause. */
  unreadable: Map<string, string>;
  /** The newest time (ms) of the change log known: listings start LISTING_OVERLAP_MS before it. */
  cursor: number;
  /** Log entries already applied within the overlap, so that a listing applies only what is new. */
  applied: Map<string, number>;
}

/** Reads at once from the store: a few requests in flight hide S3's latency, few enough not to crowd it. */
const READ_LANES = 16;
const MANIFEST_KEY = /^items\/([^/]+)\/manifest\.json$/;

export type Unreadable = (key: string, cause: string) => void;

/**
 * The old way, and the authority: every manifest and tombstone of the store read again. Objects
 * of manifests whose bytes did not change are taken from `previous`, so pages kept for them stay
 * valid. The log is listed first: entries there now are covered by this read; later ones are not.
 */
export async function readWholeState(store: BlobStore, previous: CatalogueState | null, onUnreadable: Unreadable, now: number = Date.now()): Promise<CatalogueState> {
  const inOverlap = await listChanges(store, changeKeyAt(now - LISTING_OVERLAP_MS));
  const keys: string[] = [];
  for await (const blob of store.list('items/')) if (MANIFEST_KEY.test(blob.key)) keys.push(blob.key);
  const unreadable = new Map<string, string>();
  const read = await mapLimit(keys, READ_LANES, async (key) => {
    const buffer = await store.getBuffer(key);
    if (!buffer) return null;
    const id = (MANIFEST_KEY.exec(key) as RegExpExecArray)[1] as string;
    const held = holdManifest(buffer, previous?.items.get(id));
    if ('cause' in held) {
      unreadable.set(key, held.cause);
      onUnreadable(key, held.cause);
      return null;
    }
    return held;
  });
  const items = new Map<string, ManifestListing>();
  for (const held of read) if (held) items.set(held.id, held);
  const tombstones = new Map((await listTombstones(store, onUnreadable)).map((t) => [t.id, t]));
  const cursor = Math.max(now, ...inOverlap.map((e) => e.at));
  return { items, tombstones, unreadable, cursor, applied: new Map(inOverlap.map((e) => [e.key, e.at])) };
}

/**
 * The change log's tail applied to `state` (in place): the entries not applied yet, each item
 * they name read again (its manifest, else its tombstone). Nothing new costs one list request.
 * Returns the entries applied and whether anything the website shows changed.
 */
export async function applyNewChanges(store: BlobStore, state: CatalogueState, onUnreadable: Unreadable): Promise<{ entries: ChangeEntry[]; changed: boolean }> {
  const listed = await listChanges(store, changeKeyAt(state.cursor - LISTING_OVERLAP_MS));
  const fresh = listed.filter((entry) => !state.applied.has(entry.key));
  let changed = false;
  const ids = [...new Set(fresh.map((entry) => entry.id))];
  await mapLimit(ids, READ_LANES, async (id) => {
    if (await rereadItem(store, state, id, onUnreadable)) changed = true;
  });
  for (const entry of fresh) {
    state.applied.set(entry.key, entry.at);
    state.cursor = Math.max(state.cursor, entry.at);
  }
  for (const [key, at] of state.applied) if (at < state.cursor - LISTING_OVERLAP_MS) state.applied.delete(key);
  return { entries: fresh, changed };
}

/** One item read again: live (its manifest), removed (its tombstone) or gone; true when that differs from what was held. */
async function rereadItem(store: BlobStore, state: CatalogueState, id: string, onUnreadable: Unreadable): Promise<boolean> {
  const key = manifestKey(id);
  const [buffer, tombstone] = await Promise.all([store.getBuffer(key), readTombstone(store, id)]);
  const before = state.items.get(id);
  const tombstoneBefore = state.tombstones.get(id);
  let changed = JSON.stringify(tombstoneBefore ?? null) !== JSON.stringify(tombstone);
  if (tombstone) state.tombstones.set(id, tombstone);
  else state.tombstones.delete(id);
  if (!buffer) {
    state.unreadable.delete(key);
    state.items.delete(id);
    return changed || before !== undefined;
  }
  const held = holdManifest(buffer, before);
  if ('cause' in held) {
    // An unreadable new version: the item leaves the site as a full pass would leave it out.
    state.unreadable.set(key, held.cause);
    onUnreadable(key, held.cause);
    state.items.delete(id);
    return true;
  }
  state.unreadable.delete(key);
  state.items.set(id, held);
  return changed || held !== before;
}

/** The held object when the bytes are the same, else the manifest parsed anew. */
function holdManifest(buffer: Buffer, before: ManifestListing | undefined): ManifestListing | { cause: string } {
  const digest = sha256Of(buffer);
  if (before?.stored.digest === digest) return before;
  try {
    return shareStrings(listingOf(parseManifest(buffer.toString('utf8')), digest));
  } catch (error) {
    return { cause: describeError(error) };
  }
}

/** Whether two states show the same thing (same objects, same tombstones): a full pass that found nothing new keeps the snapshot. */
export function sameContent(a: CatalogueState, b: CatalogueState): boolean {
  if (a.items.size !== b.items.size || a.tombstones.size !== b.tombstones.size || a.unreadable.size !== b.unreadable.size) return false;
  for (const [id, held] of a.items) if (b.items.get(id) !== held) return false;
  for (const [id, tombstone] of a.tombstones) if (JSON.stringify(b.tombstones.get(id) ?? null) !== JSON.stringify(tombstone)) return false;
  for (const [key, cause] of a.unreadable) if (b.unreadable.get(key) !== cause) return false;
  return true;
}
