import { describeError } from '../../domain/errors.js';
import { manifestKey, parseManifest, type Manifest } from '../../domain/manifest.js';
import { sha256Of } from '../../lib/sha256.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { recordChange, type ChangeKind } from './change-log.js';
import type { ZodType } from 'zod';

/**
 * Every readable manifest of the archive, one at a time (an archive may hold thousands). An
 * unreadable one is reported through `onUnreadable`, never a reason to show nothing.
 */
export async function* readManifests(store: BlobStore, onUnreadable: (key: string, cause: string) => void = () => {}): AsyncIterable<Manifest> {
  for await (const { manifest } of readStoredManifests(store, onUnreadable)) yield manifest;
}

/** As readManifests, each with the sha256 of its stored bytes (what the catalogue's listings carry as `stored.digest`). */
export async function* readStoredManifests(
  store: BlobStore, onUnreadable: (key: string, cause: string) => void = () => {},
): AsyncIterable<{ manifest: Manifest; digest: string }> {
  for await (const blob of store.list('items/')) {
    if (!/^items\/[^/]+\/manifest\.json$/.test(blob.key)) continue;
    const buffer = await store.getBuffer(blob.key);
    if (!buffer) continue;
    try {
      yield { manifest: parseManifest(buffer.toString('utf8')), digest: sha256Of(buffer) };
    } catch (error) {
      onUnreadable(blob.key, describeError(error));
    }
  }
}

/** All of them at once, sorted by id: for listings. */
export async function allManifests(store: BlobStore, onUnreadable?: (key: string, cause: string) => void): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  for await (const manifest of readManifests(store, onUnreadable)) manifests.push(manifest);
  return manifests.sort((a, b) => a.id.localeCompare(b.id));
}

/** One item's manifest; null when absent, or unreadable or of an unknown version (the item is then made again). */
export async function readManifest(store: BlobStore, id: string): Promise<Manifest | null> {
  const buffer = await store.getBuffer(manifestKey(id));
  if (!buffer) return null;
  try {
    return parseManifest(buffer.toString('utf8'));
  } catch {
    return null;
  }
}

/** A stored JSON object (a text file, a record, a report) checked against its schema; null when absent, damaged or of another shape. */
export async function readStoredJson<T>(store: BlobStore, key: string, schema: ZodType<T>): Promise<T | null> {
  const buffer = await store.getBuffer(key);
  return buffer ? parseStoredJson(buffer, schema) : null;
}

/** Stored JSON bytes read against `schema`; null when they are not JSON or do not match. */
export function parseStoredJson<T>(buffer: Buffer, schema: ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(buffer.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Writes an item's manifest (the commit point of whatever it lists), then its change log entry:
 * after the manifest, never before, so a crash in between leaves the item written and seen at the
 * catalogue's next full pass. `bytes` are written as they are (a copy of another store's).
 */
export async function writeManifest(store: BlobStore, manifest: Manifest | { id: string; bytes: Buffer }, kind: ChangeKind): Promise<void> {
  const bytes = 'bytes' in manifest ? manifest.bytes : JSON.stringify(manifest, null, 2);
  await store.putBuffer(manifestKey(manifest.id), bytes, 'application/json');
  await recordChange(store, manifest.id, kind);
}
