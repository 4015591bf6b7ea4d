import { rm } from 'node:fs/promises';
import path from 'node:path';
import { manifestKey, parseManifest } from '../../domain/manifest.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { deleteKeys, itemPrefix, stagingRoot } from '../ingest/item-version.js';

export interface RemovalPlan {
  id: string;
  /** From the manifest; null when only leftovers of an unpublished item are there. */
  title: string | null;
  keys: string[];
  bytes: number;
}

const ITEM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What removing an item would delete: every stored object under items/<id>/, and its unfinished work under staging/<id>/. */
export async function planRemoval(store: BlobStore, id: string): Promise<RemovalPlan | null> {
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
  let title: string | null = null;
  try {
    title = buffer ? parseManifest(buffer.toString('utf8')).title : null;
  } catch {
    title = null; // an unreadable manifest is removed like the rest
  }
  return { id, title, keys, bytes };
}

/**
 * Removes an item from the archive. The manifest goes first: from that moment the item does
 * not exist for the website, search rebuilds and status, even if deleting its files is then
 * interrupted (a second `remove` finishes the job). Its work folder goes too.
 */
export async function removeItem(store: BlobStore, plan: RemovalPlan, workRoot: string): Promise<void> {
  const manifest = manifestKey(plan.id);
  if (plan.keys.includes(manifest)) await store.delete(manifest);
  await deleteKeys(store, plan.keys.filter((key) => key !== manifest));
  await rm(path.join(workRoot, plan.id), { recursive: true, force: true });
}
