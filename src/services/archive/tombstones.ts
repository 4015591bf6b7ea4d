import { describeError } from '../../domain/errors.js';
import { parseTombstone, tombstoneSchema, type Tombstone } from '../../domain/tombstone.js';
import type { BlobStore } from '../../ports/blob-store.js';

/** The store's prefix for tombstones: `tombstones/<id>.json`, one per removed item, kept for good. */
const PREFIX = 'tombstones/';

export function tombstoneKey(id: string): string {
  return `${PREFIX}${id}.json`;
}

/** Writes (or replaces) an item's tombstone; checked against the schema first. */
export async function writeTombstone(store: BlobStore, tombstone: Tombstone): Promise<void> {
  const checked = tombstoneSchema.parse(tombstone);
  await store.putBuffer(tombstoneKey(checked.id), `${JSON.stringify(checked, null, 2)}\n`, 'application/json');
}

/** The tombstone of `id`, or null when the item was never removed (or its tombstone is unreadable). */
export async function readTombstone(store: BlobStore, id: string): Promise<Tombstone | null> {
  const buffer = await store.getBuffer(tombstoneKey(id));
  if (!buffer) return null;
  try {
    return parseTombstone(buffer.toString('utf8'));
  } catch {
    return null;
  }
}

/** Every readable tombstone; an unreadable one is reported through `onUnreadable`, never a reason to list nothing. */
export async function listTombstones(store: BlobStore, onUnreadable: (key: string, cause: string) => void = () => {}): Promise<Tombstone[]> {
  const found: Tombstone[] = [];
  for await (const blob of store.list(PREFIX)) {
    if (!blob.key.endsWith('.json')) continue;
    const buffer = await store.getBuffer(blob.key);
    if (!buffer) continue;
    try {
      found.push(parseTombstone(buffer.toString('utf8')));
    } catch (error) {
      onUnreadable(blob.key, describeError(error));
    }
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

/** Forgets a removal: only once the item is published again (`ingest --restore`), so its id is never simply unknown. */
export async function deleteTombstone(store: BlobStore, id: string): Promise<void> {
  await store.delete(tombstoneKey(id));
}
