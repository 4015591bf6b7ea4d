import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf } from '../../domain/content-type.js';
import type { ProgrammeItem } from '../../domain/item.js';
import { manifestKey, type MediaInfo, type StoredFile } from '../../domain/manifest.js';
import { sanitiseFileName } from '../../domain/slug.js';
import type { StepResult } from '../../pipeline/step.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { buildManifest } from './manifest-builder.js';

export interface PublishInput {
  store: BlobStore;
  item: ProgrammeItem;
  outDir: string;
  media: MediaInfo;
  result: StepResult;
  source: { path: string; sha256: string; size: number };
  inputsKey: string;
  pipelineVersion: string;
  ingestedAt: string;
  now: string;
}

/**
 * Copies the original and every output into the store under a folder of their own revision
 * (`items/<id>/<revision>/…`, named after the inputs), checks each stored checksum, then writes
 * the manifest LAST. Until that moment readers see the previous version whole: nothing it lists
 * is ever overwritten. The previous revision's objects are removed once the manifest is in.
 */
export async function publishItem(input: PublishInput): Promise<void> {
  const { store, item } = input;
  const previous = await listKeys(store, `items/${item.id}/`);
  const prefix = `items/${item.id}/${revisionOf(input.inputsKey)}/`;
  const files = new Map<string, StoredFile>();

  const sourceName = sanitiseFileName(path.basename(input.source.path));
  const sourceRel = `source/${sourceName}`;
  const source = await put(store, prefix + sourceRel, input.source.path, input.source.sha256);
  files.set(sourceRel, source);

  for (const rel of await listFiles(input.outDir)) {
    files.set(rel, await put(store, prefix + rel, path.join(input.outDir, rel)));
  }

  const manifest = buildManifest({
    item, media: input.media, source: { ...source, fileName: path.basename(input.source.path) }, result: input.result,
    files, pipelineVersion: input.pipelineVersion, inputsKey: input.inputsKey, ingestedAt: input.ingestedAt, now: input.now,
  });
  await store.putBuffer(manifestKey(item.id), JSON.stringify(manifest, null, 2), 'application/json');

  const kept = new Set([...files.values()].map((f) => f.key).concat(manifestKey(item.id)));
  for (const key of previous) if (!kept.has(key)) await store.delete(key);
}

/** Twelve hex digits of the inputs' hash: short in URLs, unique per item in practice. */
export const revisionOf = (inputsKey: string): string => inputsKey.slice(0, 12);

async function put(store: BlobStore, key: string, filePath: string, expectedSha?: string): Promise<StoredFile> {
  const contentType = contentTypeOf(filePath);
  const stored = await store.putFile(key, filePath, contentType);
  if (expectedSha && stored.sha256 !== expectedSha) {
    throw new Error(`${key}: checksum changed while storing (the source file was modified during ingest)`);
  }
  return { key, size: stored.size, sha256: stored.sha256, contentType };
}

async function listKeys(store: BlobStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const blob of store.list(prefix)) keys.push(blob.key);
  return keys;
}

/** Relative "/"-separated paths of every file under `dir`, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
