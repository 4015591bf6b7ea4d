import type { Manifest } from '../../domain/manifest.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readManifest } from '../archive/manifests.js';
import { planRemoval, removeItem } from '../archive/remove-item.js';

/**
 * After a renamed item is published under its new id, the item published under an old id it
 * lists as an alias is taken out (manifest first, then its files and work): it lives on as the
 * alias, which answers 301, so it leaves no tombstone. Only an item made from the same
 * recording is taken: ingest refuses an alias naming another live item, and this check keeps
 * that true even if the archive changed in between. Returns the ids taken out.
 */
export async function retireRenamed(store: BlobStore, published: Manifest, workRoot: string): Promise<string[]> {
  const retired: string[] = [];
  for (const alias of published.aliases) {
    const old = await readManifest(store, alias);
    if (!old || old.source.sha256 !== published.source.sha256) continue;
    const plan = await planRemoval(store, alias);
    if (!plan) continue;
    await removeItem(store, plan, workRoot);
    retired.push(alias);
  }
  return retired;
}
