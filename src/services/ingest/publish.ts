import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf } from '../../domain/content-type.js';
import { manifestKey, type MediaInfo, type StoredFile } from '../../domain/manifest.js';
import type { StepResult } from '../../pipeline/step.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { ItemChain } from './ingest-stages.js';
import { readManifest } from './ingest-item.js';
import { currentKeyOf, deleteKeys, ItemWork, readCurrentVersion, stagingPrefix, stagingRoot } from './item-work.js';
import { buildManifest } from './manifest-builder.js';
import type { StagedInputs } from './staged-inputs.js';

export interface PublishInput {
  store: BlobStore;
  chain: ItemChain;
  staged: StagedInputs;
  /** Every output the steps stored, by path relative to the revision folder. */
  files: Map<string, StoredFile>;
  media: MediaInfo;
  result: StepResult;
  pipelineVersion: string;
  workRoot: string;
  now: string;
  /** Throws when a newer version of the item was submitted meanwhile. */
  stillCurrent(): Promise<void>;
}

/**
 * The steps stored the original and every output under the item's revision folder
 * (`items/<id>/<revision>/…`, named after the inputs), checked as they went; publishing writes
 * the manifest that lists them, LAST. Until that moment readers see the previous version whole:
 * nothing it lists is ever overwritten. Then the previous revision's objects, the item's staging
 * folder and this machine's local copies go.
 */
export async function publishItem(input: PublishInput): Promise<void> {
  const { store, chain: { item, inputsKey } } = input;
  const media = input.staged.inputs.find((i) => i.slot === 'media');
  if (!media) throw new Error(`${item.id}: the recording is missing from the staged inputs`);
  const files = new Map(input.files);
  const sourceRel = media.key.slice(media.key.indexOf('/source/') + 1);
  const source: StoredFile = { key: media.key, size: media.size, sha256: media.sha256, contentType: contentTypeOf(media.path) };
  files.set(sourceRel, source);

  const existing = await readManifest(store, item.id);
  const manifest = buildManifest({
    item, media: input.media, source: { ...source, fileName: path.basename(media.path) }, result: input.result,
    files, pipelineVersion: input.pipelineVersion, inputsKey, ingestedAt: existing?.pipeline.ingestedAt ?? input.now, now: input.now,
  });
  const previous: string[] = [];
  for await (const blob of store.list(`items/${item.id}/`)) previous.push(blob.key);
  await input.stillCurrent();
  await store.putBuffer(manifestKey(item.id), JSON.stringify(manifest, null, 2), 'application/json');

  const kept = new Set([...files.values()].map((f) => f.key).concat(manifestKey(item.id)));
  await deleteKeys(store, previous.filter((key) => !kept.has(key)));
  await removeStaging(store, item.id, input.chain.key);
  await rm(new ItemWork(store, input.workRoot, item.id, inputsKey).localDir, { recursive: true, force: true });
  await rmdir(path.join(input.workRoot, item.id)).catch(() => {}); // kept while another version is at work here
}

/**
 * The item's work in progress in the store, every version, once one is published: except a
 * newer version submitted meanwhile (named by the current pointer), which keeps its own.
 */
async function removeStaging(store: BlobStore, id: string, publishedKey: string): Promise<void> {
  const current = await readCurrentVersion(store, id);
  const newer = current.key !== undefined && current.key !== publishedKey && current.inputsKey ? stagingPrefix(id, current.inputsKey) : null;
  const keys: string[] = [];
  for await (const blob of store.list(stagingRoot(id))) keys.push(blob.key);
  await deleteKeys(store, keys.filter((key) => !(newer && (key.startsWith(newer) || key === currentKeyOf(id)))));
}
