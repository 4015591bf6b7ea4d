import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError, describeError, MediaError } from '../../domain/errors.js';
import { expectedMediaClass, type ProgrammeItem } from '../../domain/item.js';
import type { MediaInfo } from '../../domain/manifest.js';
import { explainProbeFailure, interpretProbe } from '../../pipeline/probe.js';
import type { Step, StepContext, StepResult } from '../../pipeline/step.js';
import { readHead } from '../../pipeline/step-media.js';
import { JobFailedError } from '../../ports/job-queue.js';
import type { ItemIngestDeps } from './ingest-item.js';
import { declaredName } from './ingest-item.js';
import { basisOf, currentKeyOf, deletePrefix, filesAfter, ItemWork, readCurrentVersion, sweepLocalCopies, type StepRecord } from './item-work.js';
import { mergeResults } from './manifest-builder.js';
import { publishItem } from './publish.js';
import type { IngestReporter, ItemOutcome } from './reporter.js';
import { localInputs, readStagedInputs, type StagedInputs } from './staged-inputs.js';

/**
 * An item's ingest as a chain of stages that may each run on a different machine: the probe,
 * every step of its kind of media (those that do not apply are recorded as such), then publish.
 */
export interface ItemChain {
  /** The queue's name for this work (see chainKeyOf). */
  key: string;
  item: ProgrammeItem;
  inputsKey: string;
  stages: string[];
}

export type StageDeps = Omit<ItemIngestDeps, 'reporter'>;

/**
 * What a process that runs a whole chain itself (the in-process queue) already knows, because
 * it read or wrote it: nobody else works on the item meanwhile, so its stages need not ask the
 * store again (each question is a round trip to an object store).
 */
export interface ChainMemo {
  staged?: StagedInputs;
  records: Map<string, StepRecord>;
}

export const newChainMemo = (): ChainMemo => ({ records: new Map() });

const PROBE_VERSION = 1;

/**
 * Runs one stage of an item's chain, after the stages before it. A stage whose record is in the
 * store, built on the same runs of the earlier stages, is not run again: a chain taken over
 * after a crash, or submitted again, resumes where it was. Publish returns the item's outcome.
 * Failures are JobFailedErrors naming the step, the file and the cause; `retry: false` when the
 * input itself is bad (trying again cannot help).
 */
export async function runStage(chain: ItemChain, stage: string, deps: StageDeps, reporter: IngestReporter, memo?: ChainMemo): Promise<ItemOutcome | null> {
  const { item } = chain;
  const work = new ItemWork(deps.store, deps.workRoot, item.id, chain.inputsKey);
  let file = item.media.declared;
  let named = item; // the item with this machine's paths, once they are known
  try {
    // One round trip for everything this stage needs to know (object stores answer slowly, in parallel well).
    const before = chain.stages.slice(0, Math.max(0, chain.stages.indexOf(stage)));
    // (Not `memo?.records.set(…, await …)`: without a memo, that would skip the await inside.)
    const remember = (written: StepRecord): void => {
      memo?.records.set(written.step, written);
    };
    const record = async (name: string): Promise<StepRecord | null> => {
      const known = memo?.records.get(name) ?? await work.readRecord(name);
      if (known) memo?.records.set(name, known);
      return known;
    };
    const [, staged, earlierOrNull, saved] = await Promise.all([
      memo ? null : assertCurrent(chain, deps),
      memo?.staged ?? readStagedInputs(deps.store, `${work.staging}inputs.json`),
      Promise.all(before.map(record)),
      stage === 'publish' ? null : record(stage),
    ]);
    if (memo && staged) memo.staged = staged;
    if (!staged || staged.inputsKey !== chain.inputsKey) {
      throw new JobFailedError(`the staged copies of the programme files are gone (removed by a newer ingest?): run the ingest again`, false);
    }
    const missing = before.find((_, index) => !earlierOrNull[index]);
    if (missing) throw new JobFailedError(`the record of step ${missing} is missing from the store: run the ingest again`, false);
    const earlier = earlierOrNull as StepRecord[];
    // New work on this machine: first, room from the work that is over.
    if (!existsSync(work.localDir)) await sweepLocalCopies(deps.store, deps.workRoot);
    if (stage === 'publish') {
      reporter.stepStarted(item.id, stage);
      const t0 = performance.now();
      const outcome = await publish(chain, staged, earlier, deps);
      reporter.stepFinished(item.id, stage, { seconds: (performance.now() - t0) / 1000, reused: false });
      return outcome;
    }

    const step = stage === 'probe' ? null : stepNamed(chain, stage, deps);
    const version = step?.version ?? PROBE_VERSION;
    if (saved && saved.version === version && saved.basis === basisOf(earlier)) {
      if (saved.applies) reporter.stepFinished(item.id, stage, { seconds: 0, reused: true });
      return null;
    }
    const local = await localInputs(item, staged, work, deps.hashes);
    named = local;
    if (!step) {
      // The probe: what every step after it builds on.
      const t0 = performance.now();
      const media = await probe(local, staged, deps, reporter);
      const seconds = (performance.now() - t0) / 1000;
      remember(await work.writeRecord({ step: stage, version, basis: basisOf(earlier), applies: true, result: { media }, files: {}, removed: [], seconds }));
      return null;
    }
    const media = mergeResults(earlier.map((r) => r.result)).media;
    if (!media) throw new AppError(`${item.id}: ${stage} needs the probe's result`);
    if (!step.applies(local, media)) {
      remember(await work.writeRecord({ step: stage, version, basis: basisOf(earlier), applies: false, result: {}, files: {}, removed: [], seconds: 0 }));
      return null;
    }
    file = fileOfStep(stage, item);
    remember(await runStep(step, local, work, earlier, deps, reporter));
    return null;
  } catch (error) {
    if (error instanceof JobFailedError) {
      throw error.progress ? error : new JobFailedError(error.message, error.retry, { step: stage, state: 'failed', file, cause: error.message });
    }
    const cause = describeError(error);
    const failedFile = error instanceof MediaError ? declaredName(named, error.file) : file;
    const retry = !(error instanceof AppError && error.code === 'media_invalid');
    // A bad input file: no later run can use what this version stored (a mended file is a new version).
    if (!retry) await discardVersion(chain, work, deps).catch(() => {});
    throw new JobFailedError(cause, retry, { step: stage, state: 'failed', file: failedFile, cause });
  }
}

/** A stage of an older version of the item (another ingest came since) stops rather than publish stale work. */
async function assertCurrent(chain: ItemChain, deps: StageDeps): Promise<void> {
  const current = (await readCurrentVersion(deps.store, chain.item.id)).key;
  if (current !== undefined && current !== chain.key) {
    throw new JobFailedError('superseded: a newer ingest of this item was submitted, which replaces this one', false);
  }
}

/**
 * Removes what a version that failed for good stored: its original and step outputs (its
 * revision folder, never listed by a manifest), its staging, this machine's copies. Not when a
 * newer version is wanted now: it may share the staging (same files, other metadata).
 */
async function discardVersion(chain: ItemChain, work: ItemWork, deps: StageDeps): Promise<void> {
  await assertCurrent(chain, deps);
  for (const prefix of [work.revision, work.staging]) await deletePrefix(deps.store, prefix);
  // Without a pointer any version may run: the next ingest writes its own.
  await deps.store.delete(currentKeyOf(chain.item.id));
  await rm(work.localDir, { recursive: true, force: true });
}

function stepNamed(chain: ItemChain, name: string, deps: StageDeps): Step {
  const step = deps.stepsFor(expectedMediaClass(chain.item.kind)).find((s) => s.name === name);
  if (!step) throw new JobFailedError(`this worker has no step "${name}" (a different version of the application?)`, false);
  return step;
}

async function probe(item: ProgrammeItem, staged: StagedInputs, deps: StageDeps, reporter: IngestReporter): Promise<MediaInfo> {
  reporter.stepStarted(item.id, 'probe');
  const t0 = performance.now();
  const size = staged.inputs.find((i) => i.slot === 'media')?.size ?? 0;
  const expected = expectedMediaClass(item.kind);
  let media: MediaInfo;
  if (expected === 'document') {
    const info = await deps.documents.info(item.media.path);
    if (info.encrypted) throw new MediaError(item.media.path, 'PDF is encrypted: supply an unprotected copy');
    if (info.pages < 1) throw new MediaError(item.media.path, 'PDF has no pages');
    media = { class: 'document', container: 'pdf', duration: 0, size, bitRate: null, video: null, audio: null, pages: info.pages, tags: pdfTags(info) };
  } else {
    const raw = await deps.media.probe(item.media.path).catch(async (error: unknown) => {
      const head = await readHead(item.media.path).catch(() => Buffer.alloc(0));
      throw new MediaError(item.media.path, explainProbeFailure(error instanceof Error ? error.message : String(error), head), { cause: error });
    });
    media = interpretProbe(raw, item.media.path, expected, size);
  }
  reporter.stepFinished(item.id, 'probe', { seconds: (performance.now() - t0) / 1000, reused: false });
  return media;
}

function pdfTags(info: { title: string | null; author: string | null }): Record<string, string> {
  return Object.fromEntries(Object.entries({ title: info.title, author: info.author }).filter((e): e is [string, string] => e[1] !== null));
}

/**
 * The step on this machine: the outputs of the earlier steps made present locally, the step run
 * in a scratch folder of its own, what it wrote or rewrote stored, then its record.
 */
async function runStep(step: Step, item: ProgrammeItem, work: ItemWork, earlier: StepRecord[], deps: StageDeps, reporter: IngestReporter): Promise<StepRecord> {
  reporter.stepStarted(item.id, step.name);
  const t0 = performance.now();
  await work.syncOut(filesAfter(earlier));
  const before = await work.snapshot();
  const stepDir = path.join(work.localDir, 'tmp', step.name);
  await rm(stepDir, { recursive: true, force: true }); // leftovers of a killed attempt
  await mkdir(stepDir, { recursive: true });
  const previous: StepResult = mergeResults(earlier.filter((r) => r.applies).map((r) => r.result));
  const ctx: StepContext = {
    item, workDir: stepDir, outDir: work.outDir, previous,
    media: deps.media, images: deps.images, documents: deps.documents, ocr: deps.ocr, transcriber: deps.transcriber ?? null,
    progress: (p) => reporter.stepProgress(item.id, step.name, p),
  };
  const result = await step.run(ctx);
  const { files, removed } = await work.storeChanges(before);
  const seconds = (performance.now() - t0) / 1000;
  const record = await work.writeRecord({ step: step.name, version: step.version, basis: basisOf(earlier), applies: true, result, files, removed, seconds });
  await rm(stepDir, { recursive: true, force: true });
  reporter.stepFinished(item.id, step.name, { seconds, reused: false });
  return record;
}

async function publish(chain: ItemChain, staged: StagedInputs, records: StepRecord[], deps: StageDeps): Promise<ItemOutcome> {
  const { item } = chain;
  const applied = records.filter((r) => r.applies);
  const merged = mergeResults(applied.map((r) => r.result));
  if (!merged.media) throw new AppError(`${item.id}: nothing to publish without the probe's result`);
  await publishItem({
    store: deps.store, chain, staged, files: filesAfter(records), result: merged, media: merged.media,
    pipelineVersion: deps.pipelineVersion, workRoot: deps.workRoot, now: (deps.now ?? (() => new Date()))().toISOString(),
    stillCurrent: () => assertCurrent(chain, deps),
  });
  return {
    id: item.id, title: item.title, status: 'ingested',
    duration: merged.media.class === 'document' ? null : merged.media.duration,
    wallSeconds: applied.reduce((sum, r) => sum + r.seconds, 0), warnings: merged.warnings ?? [],
  };
}

/** The programme file a step reads, so failures name the right one. */
function fileOfStep(step: string, item: ProgrammeItem): string {
  if (step === 'sign-language' && item.signLanguage) return item.signLanguage.declared;
  if (step === 'audio-description' && item.audioDescription) return item.audioDescription.declared;
  if (step === 'slides' && item.slides) return item.slides.declared;
  if (step === 'captions') return item.captions.map((c) => c.declared).join(', ');
  return item.media.declared;
}
