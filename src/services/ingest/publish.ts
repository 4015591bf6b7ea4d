import path from 'node:path';
import { contentTypeOf } from '../../domain/content-type.js';
import type { ProgrammeItem } from '../../domain/item.js';
import type { Manifest, MediaInfo, StoredFile } from '../../domain/manifest.js';
import type { StepResult } from '../../pipeline/step.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readManifest } from '../archive/manifests.js';
import { filesAfter, type ItemVersion, type StagedInput, type StepRecord } from './item-version.js';
import { buildManifest } from './manifest-builder.js';

export interface PublishInput {
  store: BlobStore;
  version: ItemVersion;
  item: ProgrammeItem;
  inputs: readonly StagedInput[];
  /** Every step's record, in order: their files are the version's outputs. */
  records: readonly StepRecord[];
  media: MediaInfo;
  result: StepResult;
  pipelineVersion: string;
  now: string;
  /** Throws when a newer version of the item was submitted meanwhile. */
  stillCurrent(): Promise<void>;
}

/**
 * The manifest of a version whose steps have all stored their outputs in its revision folder,
 * with the original and the step records, published by the ItemVersion (manifest last).
 */
export async function publishItem(input: PublishInput): Promise<Manifest> {
  const { item, version } = input;
  const media = input.inputs.find((i) => i.slot === 'media');
  if (!media) throw new Error(`${item.id}: the recording is missing from the staged inputs`);
  const files = filesAfter(input.records);
  const source: StoredFile = { key: media.key, size: media.size, sha256: media.sha256, contentType: contentTypeOf(media.path) };
  files.set(source.key.slice(version.revision.length), source);

  const existing = await readManifest(input.store, item.id);
  return version.publish((steps) => {
    files.set(steps.key.slice(version.revision.length), steps);
    const built = buildManifest({
      item, media: input.media, source: { ...source, fileName: path.basename(media.path) }, result: input.result,
      files, pipelineVersion: input.pipelineVersion, inputsKey: version.inputsKey, ingestedAt: existing?.pipeline.ingestedAt ?? input.now, now: input.now,
    });
    // What people changed since the ingest stays on record in every later version.
    return existing?.history ? { ...built, history: existing.history } : built;
  }, input.records, input.stillCurrent);
}
