import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError, describeError, MediaError } from '../../domain/errors.js';
import { expectedMediaClass, type ProgrammeItem } from '../../domain/item.js';
import { manifestKey, parseManifest, type Manifest, type MediaInfo } from '../../domain/manifest.js';
import { primaryLanguage } from '../../domain/text.js';
import type { Step } from '../../pipeline/step.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { DocumentTool } from '../../ports/document-tool.js';
import type { ImageTool } from '../../ports/image-tool.js';
import { JobFailedError } from '../../ports/job-queue.js';
import type { MediaTool } from '../../ports/media-tool.js';
import type { OcrTool } from '../../ports/ocr-tool.js';
import type { Transcriber } from '../../ports/transcriber.js';
import type { HashCache } from './hash-cache.js';
import { newChainMemo, runStage, type ItemChain } from './ingest-stages.js';
import { currentKeyOf, ItemWork } from './item-work.js';
import { metadataOf, withMetadata } from './manifest-builder.js';
import type { IngestReporter, ItemOutcome } from './reporter.js';
import { inputFilesOf, stageInputs, type InputSlot } from './staged-inputs.js';

export interface ItemIngestDeps {
  store: BlobStore;
  media: MediaTool;
  images: ImageTool;
  documents: DocumentTool;
  ocr: OcrTool;
  /** Speech-to-text; absent or null when none is configured. */
  transcriber?: Transcriber | null;
  hashes: HashCache;
  /** This machine's scratch space: local copies of work in progress (the store has the truth). */
  workRoot: string;
  stepsFor(mediaClass: MediaInfo['class']): Step[];
  pipelineVersion: string;
  reporter: IngestReporter;
  now?: () => Date;
}

/** What `ingest` decides for an item before any step: nothing to do, only the manifest, or a chain of steps. */
export type Prepared = { outcome: ItemOutcome } | { chain: ItemChain };

/**
 * Done where the programme's files are (the `ingest` process): checksums the item's files,
 * compares them with the archive (unchanged → skipped; metadata only → manifest rewritten),
 * else copies them into the store and returns the chain of steps that any worker can run.
 */
export async function prepareItem(item: ProgrammeItem, deps: ItemIngestDeps): Promise<Prepared> {
  const started = performance.now();
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();
  const outcome = (fields: Pick<ItemOutcome, 'status'> & Partial<ItemOutcome>): ItemOutcome => ({
    id: item.id, title: item.title, duration: null, warnings: [], ...fields, wallSeconds: (performance.now() - started) / 1000,
  });
  let currentFile = item.media.declared;
  try {
    const inputs = await describeInputs(item, deps, (file) => (currentFile = file));
    currentFile = item.media.declared;
    const inputsKey = hashInputs(item, inputs, deps);
    const existing = await readManifest(deps.store, item.id);
    if (existing && existing.pipeline.inputs === inputsKey) {
      const updated = withMetadata(existing, item, now());
      if (metadataOf(updated) === metadataOf(existing)) return { outcome: outcome({ status: 'unchanged', duration: existing.media.duration }) };
      await deps.store.putBuffer(manifestKey(item.id), JSON.stringify(updated, null, 2), 'application/json');
      return { outcome: outcome({ status: 'updated', duration: existing.media.duration }) };
    }
    const work = new ItemWork(deps.store, deps.workRoot, item.id, inputsKey);
    await removeOtherVersions(path.join(deps.workRoot, item.id), path.basename(work.localDir));
    const t0 = performance.now();
    const digests = new Map<InputSlot, { sha256: string; size: number }>(inputs.all.map((d) => [d.slot, d]));
    await stageInputs(deps.store, work, item, digests);
    const chain: ItemChain = {
      key: chainKeyOf(item, inputsKey), item, inputsKey,
      stages: ['probe', ...deps.stepsFor(expectedMediaClass(item.kind)).filter((s) => s.wanted?.(item) ?? true).map((s) => s.name), 'publish'],
    };
    // The version wanted from now on: steps of an older one still queued or running stop at their next step.
    await deps.store.putBuffer(currentKeyOf(item.id), JSON.stringify({ key: chain.key, inputsKey }), 'application/json');
    deps.reporter.stepFinished(item.id, 'inputs', { seconds: (performance.now() - t0) / 1000, reused: false });
    return { chain };
  } catch (error) {
    const file = error instanceof MediaError ? declaredName(item, error.file) : currentFile;
    return { outcome: outcome({ status: 'failed', file, error: describeError(error), ...(error instanceof AppError ? { code: error.code } : {}) }) };
  }
}

/**
 * One item ingested in this process, every step in turn: what the in-process queue does with
 * a chain, for callers that have a single item.
 */
export async function ingestItem(item: ProgrammeItem, deps: ItemIngestDeps): Promise<ItemOutcome> {
  const started = performance.now();
  const prepared = await prepareItem(item, deps);
  if ('outcome' in prepared) return prepared.outcome;
  try {
    let last: ItemOutcome | null = null;
    const memo = newChainMemo();
    for (const stage of prepared.chain.stages) last = await runStage(prepared.chain, stage, deps, deps.reporter, memo);
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
export function chainKeyOf(item: ProgrammeItem, inputsKey: string): string {
  return `${item.id}@${createHash('sha256').update(JSON.stringify({ inputs: inputsKey, item })).digest('hex').slice(0, 16)}`;
}

/** What an item's inputs key depends on (see hashInputs). */
type InputsKeyDeps = Pick<ItemIngestDeps, 'hashes' | 'transcriber' | 'stepsFor' | 'pipelineVersion'>;

interface InputDigest {
  slot: InputSlot;
  role: string;
  language?: string;
  path: string;
  sha256: string;
  size: number;
}

const ROLE_OF: Record<string, string> = { media: 'media', slides: 'slides', audioDescription: 'audio-description', signLanguage: 'sign-language' };

async function describeInputs(item: ProgrammeItem, deps: InputsKeyDeps, onFile: (declared: string) => void) {
  const all: InputDigest[] = [];
  for (const { slot, file } of inputFilesOf(item)) {
    onFile(file.declared);
    const { sha256, size } = await deps.hashes.sha256(file.path);
    if (size === 0) throw new MediaError(file.path, 'file is empty (0 bytes)');
    const language = 'language' in file && typeof file.language === 'string' ? file.language : undefined;
    all.push({ slot, role: ROLE_OF[slot] ?? 'captions', path: file.path, sha256, size, ...(language ? { language } : {}) });
  }
  const speechModel = await speechToTextInput(item, deps);
  await deps.hashes.save();
  return { all, speechModel };
}

/**
 * The speech-to-text model is an input of the recordings it would transcribe (those without
 * captions in their own language), so configuring or changing a model re-runs exactly those.
 */
async function speechToTextInput(item: ProgrammeItem, deps: InputsKeyDeps): Promise<{ role: string; sha256: string } | null> {
  if (!deps.transcriber || expectedMediaClass(item.kind) === 'document') return null;
  if (item.captions.some((c) => primaryLanguage(c.language) === primaryLanguage(item.language))) return null;
  const model = await deps.transcriber.check();
  const { sha256 } = await deps.hashes.sha256(model.modelPath);
  return { role: `speech-to-text ${model.engine}`, sha256 };
}

/**
 * What the outputs depend on: the input bytes, the pipeline and the versions of this item's
 * steps, and the metadata that steps write into files (tags, a drawn title). Other metadata
 * (summary, themes, licence…) only changes the manifest.
 */
function hashInputs(item: ProgrammeItem, inputs: Awaited<ReturnType<typeof describeInputs>>, deps: InputsKeyDeps): string {
  const steps = deps.stepsFor(expectedMediaClass(item.kind)).map((s) => ({ step: `${s.name}@${s.version}`, embeds: s.embeds?.(item) ?? null }));
  const files = [...inputs.all, ...(inputs.speechModel ? [inputs.speechModel] : [])]
    .map((d) => ({ role: d.role, language: 'language' in d ? d.language : undefined, sha256: d.sha256 }));
  return createHash('sha256').update(JSON.stringify({ pipeline: deps.pipelineVersion, steps, files })).digest('hex');
}

export async function readManifest(store: BlobStore, id: string): Promise<Manifest | null> {
  const buffer = await store.getBuffer(manifestKey(id));
  if (!buffer) return null;
  try {
    return parseManifest(buffer.toString('utf8'));
  } catch {
    return null; // unreadable or from an unknown version: rebuilt from the sources
  }
}

export function declaredName(item: ProgrammeItem, file: string): string {
  return inputFilesOf(item).find(({ file: f }) => f.path === file)?.file.declared ?? file;
}

/** Local copies of other versions of the item's inputs: not needed any more. */
async function removeOtherVersions(itemWorkRoot: string, keep: string): Promise<void> {
  const entries = await readdir(itemWorkRoot).catch(() => [] as string[]);
  await Promise.all(entries.filter((e) => e !== keep).map((e) => rm(path.join(itemWorkRoot, e), { recursive: true, force: true })));
}
