import { createHash } from 'node:crypto';
import { AppError, describeError, MediaError } from '../../domain/errors.js';
import { expectedMediaClass, type ProgrammeItem } from '../../domain/item.js';
import type { Manifest } from '../../domain/manifest.js';
import type { PipelineSettings } from '../../pipeline/step.js';
import type { IngestItemJob } from '../../ports/job-queue.js';
import { JobFailedError } from '../../ports/job-queue.js';
import { readManifest, writeManifest } from '../archive/manifests.js';
import { archivedMediaProblem, readArchivedMedia, type ArchivedMedia } from './archived-media.js';
import { diskFullOfStep } from './full-disk.js';
import { newChainMemo, runStage, type StageDeps } from './ingest-stages.js';
import { ItemVersion, type InputSlot, type StepRecord } from './item-version.js';
import { LocalWork, removeOtherLocalVersions } from './local-work.js';
import { metadataOf, withMetadata } from './manifest-builder.js';
import type { IngestReporter, ItemOutcome } from './reporter.js';
import { retireRenamed } from './retire-renamed.js';
import { declaredName, inputFilesOf, roleOf, stageInputs } from './staged-inputs.js';
import { carriedRecords, stepFingerprints, versionKey, type InputDigest } from './step-plan.js';
import { estimatedWork } from './work-estimate.js';

export interface ItemIngestDeps extends StageDeps {
  reporter: IngestReporter;
  now?: () => Date;
  /** The archive's recordings by checksum, read once per programme; absent: read for this item. */
  archived?: ArchivedMedia;
}

/** What `ingest` decides for an item before any step: nothing to do, only the manifest, or a job of steps. */
export type Prepared = { outcome: ItemOutcome } | { job: IngestItemJob };

/**
 * Done where the programme's files are (the `ingest` process): checksums the item's files,
 * compares them with the archive (unchanged → skipped; metadata only → manifest rewritten),
 * else copies them into the store, decides which steps the published version's outputs can be
 * carried over for, and returns the job of steps that any worker can run.
 */
export async function prepareItem(item: ProgrammeItem, deps: ItemIngestDeps): Promise<Prepared> {
  const started = performance.now();
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();
  const outcome = (fields: Pick<ItemOutcome, 'status'> & Partial<ItemOutcome>): ItemOutcome => ({
    id: item.id, title: item.title, duration: null, warnings: [], ...fields, wallSeconds: (performance.now() - started) / 1000,
  });
  let currentFile = item.media.declared;
  try {
    const digests = await checksumInputs(item, deps, (file) => (currentFile = file));
    currentFile = item.media.declared;
    const mediaSha256 = digests.find(({ slot }) => slot === 'media')?.digest.sha256;
    const duplicate = mediaSha256 === undefined ? null : archivedMediaProblem(item, mediaSha256, deps.archived ?? await readArchivedMedia(deps.store));
    if (duplicate !== null) return { outcome: outcome({ status: 'failed', file: item.media.declared, error: duplicate, code: 'duplicate_media' }) };
    const steps = deps.stepsFor(expectedMediaClass(item.kind)).filter((s) => s.wanted?.(item) ?? true);
    const settings = await settingsFor(item, deps);
    const fingerprints = stepFingerprints(steps, item, digests.map(({ digest }) => digest), settings, deps.pipelineVersion);
    const inputsKey = versionKey(fingerprints);
    const existing = await readManifest(deps.store, item.id);
    if (existing && existing.pipeline.inputs === inputsKey) {
      const updated = withMetadata(existing, item, now());
      if (metadataOf(updated) === metadataOf(existing)) return { outcome: outcome({ status: 'unchanged', duration: existing.media.duration }) };
      await writeManifest(deps.store, updated, 'updated');
      await retireRenamed(deps.store, updated, deps.workRoot);
      return { outcome: outcome({ status: 'updated', duration: existing.media.duration }) };
    }
    const version = new ItemVersion(deps.store, item.id, inputsKey);
    await removeOtherLocalVersions(new LocalWork(deps.store, deps.workRoot, version));
    const t0 = performance.now();
    const published = existing ? await ItemVersion.publishedRecords(deps.store, existing) : null;
    const inputs = await stageInputs(deps.store, version, item, new Map(digests.map(({ slot, digest, size }) => [slot, { sha256: digest.sha256, size }])), publishedSource(existing));
    const carried = published ? carriedRecords(steps, fingerprints, published.records) : [];
    await version.writeStaged({ inputsKey, inputs, fingerprints: Object.fromEntries(fingerprints), carried: withPublishedFiles(carried, published?.files) });
    const job: IngestItemJob = {
      type: 'ingest-item', key: jobKeyOf(item, inputsKey), item, inputsKey, stages: [...steps.map((s) => s.name), 'publish'], work: estimatedWork(item, digests),
    };
    await version.claimCurrent(job.key);
    deps.reporter.stepFinished(item.id, 'inputs', { seconds: (performance.now() - t0) / 1000, reused: false });
    return { job };
  } catch (error) {
    // Copying the files into a full store is no fault of theirs: the outcome names no file.
    const full = await diskFullOfStep(error, deps.workRoot);
    if (full) return { outcome: outcome({ status: 'failed', error: full.message, code: full.code }) };
    const file = error instanceof MediaError ? declaredName(item, error.file) : currentFile;
    return { outcome: outcome({ status: 'failed', file, error: describeError(error), ...(error instanceof AppError ? { code: error.code } : {}) }) };
  }
}

/**
 * One item ingested in this process, every step in turn: what the in-process queue does with
 * a job, for callers that have a single item.
 */
export async function ingestItem(item: ProgrammeItem, deps: ItemIngestDeps): Promise<ItemOutcome> {
  const started = performance.now();
  const prepared = await prepareItem(item, deps);
  if ('outcome' in prepared) return prepared.outcome;
  try {
    let last: ItemOutcome | null = null;
    const memo = newChainMemo();
    for (const stage of prepared.job.stages) last = await runStage(prepared.job, stage, deps, deps.reporter, memo);
    if (!last) throw new AppError(`${item.id}: the publish step returned no outcome`);
    return { ...last, wallSeconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return failedOutcome(item, error, (performance.now() - started) / 1000);
  }
}

/** A step's failure as the item's outcome. */
function failedOutcome(item: ProgrammeItem, error: unknown, wallSeconds: number): ItemOutcome {
  const progress = error instanceof JobFailedError ? error.progress : null;
  return {
    id: item.id, title: item.title, status: 'failed', duration: null, wallSeconds, warnings: [],
    ...(progress?.file ? { file: progress.file } : {}),
    error: progress?.cause ?? describeError(error),
    ...(error instanceof JobFailedError && !error.retry ? { code: 'media_invalid' } : {}),
  };
}

/**
 * The queue's name for this work: the item, its inputs and its metadata (which the manifest
 * takes at publish time). The same work submitted twice has the same key; a changed file or
 * title is new work.
 */
function jobKeyOf(item: ProgrammeItem, inputsKey: string): string {
  return `${item.id}@${createHash('sha256').update(JSON.stringify({ inputs: inputsKey, item })).digest('hex').slice(0, 16)}`;
}

/** Every programme file of the item with its checksum; an empty file is refused here. */
async function checksumInputs(item: ProgrammeItem, deps: Pick<StageDeps, 'hashes'>, onFile: (declared: string) => void) {
  const all: { slot: InputSlot; digest: InputDigest; size: number }[] = [];
  for (const { slot, file } of inputFilesOf(item)) {
    onFile(file.declared);
    const { sha256, size } = await deps.hashes.sha256(file.path);
    if (size === 0) throw new MediaError(file.path, 'file is empty (0 bytes)');
    const language = 'language' in file && typeof file.language === 'string' ? file.language : undefined;
    all.push({ slot, size, digest: { role: roleOf(slot), sha256, ...(language ? { language } : {}) } });
  }
  await deps.hashes.save();
  return all;
}

/** The settings steps may depend on (each step says which matter to it): the speech-to-text model. */
async function settingsFor(item: ProgrammeItem, deps: Pick<StageDeps, 'hashes' | 'transcriber'>): Promise<PipelineSettings> {
  if (!deps.transcriber || expectedMediaClass(item.kind) === 'document') return { speechToText: null };
  const model = await deps.transcriber.check();
  const { sha256 } = await deps.hashes.sha256(model.modelPath);
  await deps.hashes.save();
  return { speechToText: { engine: model.engine, sha256 } };
}

/** The published original, when the manifest names one: a new version with the same recording copies it inside the store. */
function publishedSource(manifest: Manifest | null) {
  return manifest ? { key: manifest.source.key, size: manifest.source.size, sha256: manifest.source.sha256, contentType: manifest.source.contentType } : null;
}

/** Carried records name the files as the published revision holds them (a later step may have rewritten one). */
function withPublishedFiles(records: StepRecord[], files: ReadonlyMap<string, Manifest['files'][number]> | undefined): StepRecord[] {
  if (!files) return records;
  return records.map((record) => ({
    ...record,
    files: Object.fromEntries(Object.keys(record.files).flatMap((rel) => {
      const file = files.get(rel);
      return file ? [[rel, file]] : [];
    })),
  }));
}

