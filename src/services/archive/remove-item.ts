import { rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../domain/errors.js';
import { manifestKey, parseManifest, type Manifest } from '../../domain/manifest.js';
import type { Tombstone } from '../../domain/tombstone.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { itemClipsPrefix } from '../clips/clip-keys.js';
import { deleteKeys, itemPrefix, stagingRoot } from '../ingest/item-version.js';
import { COMPACTED_KEY } from '../catalogue/compacted-catalogue.js';
import { recordChange } from './change-log.js';
import { editionExportsPrefix } from './edition-export.js';
import { readTombstone, writeTombstone } from './tombstones.js';

/** What the notice of a removed item says: why, and what replaces it; a purge says neither. */
export interface RemovalNotice {
  /** Required unless purging: the 410 page shows it to every visitor of the old links. */
  reason: string | null;
  replacedBy: string | null;
  /** A rights or personal-data request: the tombstone keeps only the id and the date. */
  purge: boolean;
}

export interface RemovalPlan {
  id: string;
  /** From the manifest; null when only leftovers of an unpublished item are there. */
  title: string | null;
  keys: string[];
  bytes: number;
  /**
   * The tombstone written before the manifest goes. Null without a notice (an item retired under
   * an alias lives on as a redirect) or without a manifest: an item never published had no public
   * links to answer for, and a removal interrupted after its manifest went already wrote one
   * (kept as it is).
   */
  tombstone: Tombstone | null;
}

const ITEM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A reason is shown on a page and in feeds of harvesters: one line of readable length. */
const MAX_REASON_LENGTH = 500;

/** The notice checked as the command line gives it; a UsageError names what is wrong. */
export function checkNotice(options: { reason?: string | undefined; replacedBy?: string | undefined; purge?: boolean | undefined }): RemovalNotice {
  const purge = options.purge ?? false;
  const reason = options.reason?.replace(/\s+/g, ' ').trim() ?? '';
  if (purge) {
    // A purge keeps nothing but the id and the date: a reason or a replacement would be dropped silently.
    if (options.reason !== undefined || options.replacedBy !== undefined) throw new UsageError('--purge keeps only the id and the date: leave out --reason and --replaced-by');
    return { reason: null, replacedBy: null, purge };
  }
  if (reason === '') throw new UsageError('--reason "…" is required: the page of a removed item tells its visitors why (or use --purge for a rights or personal-data request)');
  if (reason.length > MAX_REASON_LENGTH) throw new UsageError(`--reason: at most ${MAX_REASON_LENGTH} characters (${reason.length} given)`);
  return { reason, replacedBy: options.replacedBy ?? null, purge };
}

/** A replacement must be an item people can open now, and not one being removed with it. */
export async function checkReplacement(store: BlobStore, replacedBy: string | null, removing: readonly string[]): Promise<void> {
  if (replacedBy === null) return;
  if (removing.includes(replacedBy)) throw new UsageError(`--replaced-by ${replacedBy}: this item is being removed itself`);
  const live = ITEM_ID.test(replacedBy) && (await store.stat(manifestKey(replacedBy))) !== null;
  if (!live) throw new UsageError(`--replaced-by ${replacedBy}: no such item in the archive (it must name a published item)`);
}

/** The tombstone of a published item: what its 410 notice and harvesters will say. */
export function tombstoneOf(id: string, manifest: Manifest | null, notice: RemovalNotice, removedAt: Date): Tombstone {
  const kept = !notice.purge && manifest !== null;
  return {
    version: 1,
    id,
    purged: notice.purge,
    title: kept ? manifest.title : null,
    kind: kept ? manifest.kind : null,
    edition: kept ? { slug: manifest.edition.slug, label: manifest.edition.label } : null,
    archivedAt: kept ? manifest.pipeline.ingestedAt : null,
    removedAt: removedAt.toISOString(),
    reason: notice.purge ? null : notice.reason,
    replacedBy: notice.purge ? null : notice.replacedBy,
  };
}

/**
 * What removing an item would delete: every stored object under items/<id>/, and its unfinished
 * work under staging/<id>/; with a notice, the tombstone that will say so.
 */
export async function planRemoval(store: BlobStore, id: string, notice: RemovalNotice | null = null, now: Date = new Date()): Promise<RemovalPlan | null> {
  // The id becomes a storage prefix: only the shape ids have, so "x/.." can never widen it.
  if (!ITEM_ID.test(id)) return null;
  const keys: string[] = [];
  let bytes = 0;
  for (const prefix of [itemPrefix(id), stagingRoot(id)]) {
    for await (const blob of store.list(prefix)) {
      keys.push(blob.key);
      bytes += blob.size;
    }
  }
  if (keys.length === 0) return null;
  const buffer = await store.getBuffer(manifestKey(id));
  let manifest: Manifest | null = null;
  try {
    manifest = buffer ? parseManifest(buffer.toString('utf8')) : null;
  } catch {
    manifest = null; // an unreadable manifest is removed like the rest; its tombstone keeps the id and the notice
  }
  // What was made from it goes too: its clips, and its edition's cached packages (which hold its
  // texts and would only be replaced at the next export) — a purge must leave none of its bytes.
  const derived = [itemClipsPrefix(id), ...(manifest ? [editionExportsPrefix(manifest.edition.slug)] : [])];
  for (const prefix of derived) {
    for await (const blob of store.list(prefix)) {
      keys.push(blob.key);
      bytes += blob.size;
    }
  }
  const tombstone = buffer && notice ? tombstoneOf(id, manifest, notice, now) : null;
  return { id, title: manifest?.title ?? null, keys, bytes, tombstone };
}

/** Why an id is not in the archive: removed (its tombstone), or never there. */
export async function removedAlready(store: BlobStore, id: string): Promise<Tombstone | null> {
  return ITEM_ID.test(id) ? readTombstone(store, id) : null;
}

/**
 * Removes an item from the archive. Its tombstone is written first, then the manifest goes: the
 * id is never simply unknown (its links answer 410 Gone from then on), and from that moment the
 * item does not exist for the website, search rebuilds and status, even if deleting its files is
 * then interrupted (a second `remove` finishes the job). Its work folder goes too.
 */
export async function removeItem(store: BlobStore, plan: RemovalPlan, workRoot: string): Promise<void> {
  if (plan.tombstone) await writeTombstone(store, plan.tombstone);
  const manifest = manifestKey(plan.id);
  if (plan.keys.includes(manifest)) await store.delete(manifest);
  // After the manifest is gone (and the tombstone written): readers then find the item removed.
  if (plan.keys.includes(manifest) || plan.tombstone) await recordChange(store, plan.id, 'removed');
  // A purge leaves none of the item's bytes: the compacted catalogue holds its manifest (derived: the next start reads the archive again).
  if (plan.tombstone?.purged) await store.delete(COMPACTED_KEY);
  await deleteKeys(store, plan.keys.filter((key) => key !== manifest));
  await rm(path.join(workRoot, plan.id), { recursive: true, force: true });
}
