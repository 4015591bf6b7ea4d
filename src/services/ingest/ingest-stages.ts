import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError, describeError, MediaError } from '../../domain/errors.js';
import { expectedMediaClass, type ProgrammeItem } from '../../domain/item.js';
import type { MediaInfo } from '../../domain/manifest.js';
import type { Step, StepContext, StepResult } from '../../pipeline/step.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { DocumentTool } from '../../ports/document-tool.js';
import type { ImageTool } from '../../ports/image-tool.js';
import { JobFailedError, type IngestItemJob } from '../../ports/job-queue.js';
import type { MediaTool } from '../../ports/media-tool.js';
import type { OcrTool } from '../../ports/ocr-tool.js';
import type { Transcriber } from '../../ports/transcriber.js';
import { diskFullOfStep } from './full-disk.js';
import type { HashCache } from './hash-cache.js';
import { basisOf, filesAfter, ItemVersion, type StagedVersion, type StepRecord } from './item-version.js';
import { LocalWork, sweepLocalCopies } from './local-work.js';
import { mergeResults } from './manifest-builder.js';
import { publishItem } from './publish.js';
import { applyGlossaryAfterPublish } from '../glossary/apply-glossary.js';
import type { IngestReporter, ItemOutcome } from './reporter.js';
import { retireRenamed } from './retire-renamed.js';
import { declaredName, localInputs } from './staged-inputs.js';
import { needsOf } from './step-plan.js';

/** What running an item's stages takes, on whichever machine runs them. */
export interface StageDeps {
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
  now?: () => Date;
}

/**
 * What a process that runs a whole job itself (the in-process queue) already knows, because
 * it read or wrote it: nobody else works on the item meanwhile, so its stages need not ask the
 * store again (each question is a round trip to an object store).
 */
export interface ChainMemo {
  staged?: StagedVersion;
  records: Map<string, StepRecord>;
}

export const newChainMemo = (): ChainMemo => ({ records: new Map() });

/**
 * Runs one stage of an item's job, after the stages before it. A stage whose record is in the
 * store with the same fingerprint, built on the same runs of the steps it needs, is not run
 * again: a job taken over after a crash, or submitted again, resumes where it was. A step whose
 * outputs the published version has with the same fingerprint takes them over (copied inside
 * the store) instead of running. Publish returns the item's outcome. Failures are
 * JobFailedErrors naming the step, the file and the cause; `retry: false` when the input itself
 * is bad (trying again cannot help).
 */
export async function runStage(job: IngestItemJob, stage: string, deps: StageDeps, reporter: IngestReporter, memo?: ChainMemo): Promise<ItemOutcome | null> {
  const { item } = job;
  const version = new ItemVersion(deps.store, item.id, job.inputsKey);
  const work = new LocalWork(deps.store, deps.workRoot, version);
  // Where a failure happened: the programme file concerned, and the item with this machine's paths once known.
  const at = { file: item.media.declared, named: item };
  try {
    const { staged, earlier, saved } = await readStageState(job, stage, version, deps, memo);
    // New work on this machine: first, room from the work that is over.
    if (!existsSync(work.localDir)) await sweepLocalCopies(deps.store, deps.workRoot);
    if (stage === 'publish') {
      reporter.stepStarted(item.id, stage);
      const t0 = performance.now();
      const outcome = await publish(job, staged, earlier, deps);
      await work.remove();
      reporter.stepFinished(item.id, stage, { seconds: (performance.now() - t0) / 1000, reused: false });
      return outcome;
    }
    const record = await stepStage(job, stage, { staged, earlier, saved }, work, deps, reporter, at);
    if (record) memo?.records.set(record.step, record);
    return null;
  } catch (error) {
    // No room: not the item's fault, nor any file's; what was stored stays for the next run.
    const full = await diskFullOfStep(error, deps.workRoot);
    if (full) throw full;
    if (error instanceof JobFailedError) {
      throw error.progress ? error : new JobFailedError(error.message, error.retry, { step: stage, state: 'failed', file: at.file, cause: error.message });
    }
    const cause = describeError(error);
    const failedFile = error instanceof MediaError ? declaredName(at.named, error.file) : at.file;
    const retry = !(error instanceof AppError && error.code === 'media_invalid');
    // A bad input file: no later run can use what this version stored (a mended file is a new version).
    if (!retry) await discardVersion(job, version, work, deps).catch(() => {});
    throw new JobFailedError(cause, retry, { step: stage, state: 'failed', file: failedFile, cause });
  }
}

interface StageFacts {
  staged: StagedVersion;
  /** The records of the stages before this one, in order. */
  earlier: StepRecord[];
  /** This stage's own record, from an earlier run of this version. */
  saved: StepRecord | null;
}

/**
 * Everything a stage needs to know, in one round trip (object stores answer slowly, in
 * parallel well); what the in-process memo already holds is not asked again.
 */
async function readStageState(job: IngestItemJob, stage: string, version: ItemVersion, deps: StageDeps, memo?: ChainMemo): Promise<StageFacts> {
  const before = job.stages.slice(0, Math.max(0, job.stages.indexOf(stage)));
  const record = async (name: string): Promise<StepRecord | null> => {
    const known = memo?.records.get(name) ?? await version.readRecord(name);
    if (known) memo?.records.set(name, known);
    return known;
  };
  const [, staged, earlier, saved] = await Promise.all([
    memo ? null : assertCurrent(job, deps),
    memo?.staged ?? version.readStaged(),
    Promise.all(before.map(record)),
    stage === 'publish' ? null : record(stage),
  ]);
  if (memo && staged) memo.staged = staged;
  if (!staged || staged.inputsKey !== job.inputsKey) {
    throw new JobFailedError('the staged copies of the programme files are gone (removed by a newer ingest?): run the ingest again', false);
  }
  const missing = before.find((_, index) => !earlier[index]);
  if (missing) throw new JobFailedError(`the record of step ${missing} is missing from the store: run the ingest again`, false);
  return { staged, earlier: earlier as StepRecord[], saved };
}

/**
 * A step's stage: its record of an earlier run of this version when its fingerprint and the
 * runs it built on are the same (nothing new); else the published version's outputs carried
 * over when they were made from the same; else the step runs (or is recorded as not applying).
 * Returns the record written, null when the saved one stands.
 */
async function stepStage(
  job: IngestItemJob, stage: string, { staged, earlier, saved }: StageFacts, work: LocalWork, deps: StageDeps, reporter: IngestReporter,
  at: { file: string; named: ProgrammeItem },
): Promise<StepRecord | null> {
  const { item } = job;
  const steps = deps.stepsFor(expectedMediaClass(item.kind)).filter((s) => job.stages.includes(s.name));
  const index = steps.findIndex((s) => s.name === stage);
  const step = steps[index];
  if (!step) throw new JobFailedError(`this worker has no step "${stage}" (a different version of the application?)`, false);
  const fingerprint = staged.fingerprints[stage];
  if (!fingerprint) throw new JobFailedError(`the step plan has no step "${stage}" (a different version of the application?)`, false);
  const needs = needsOf(steps, index).map((name) => earlier.find((r) => r.step === name)).filter((r): r is StepRecord => r !== undefined);
  const basis = basisOf(needs);
  const reused = (record: StepRecord): void => {
    if (record.applies) reporter.stepFinished(item.id, stage, { seconds: 0, reused: true });
  };
  if (saved && saved.fingerprint === fingerprint && saved.basis === basis) {
    reused(saved);
    return null;
  }
  const carried = staged.carried.find((r) => r.step === stage && r.fingerprint === fingerprint && r.basis === basis);
  // The published revision may be gone (a newer version published meanwhile): the step then runs.
  const taken = carried ? await work.version.carry(carried).catch(() => null) : null;
  if (taken) {
    reused(taken);
    return taken;
  }
  const base = { step: stage, version: step.version, fingerprint, basis, files: {}, removed: [], seconds: 0 };
  if (step.applies) {
    const media = mergeResults(earlier.map((r) => r.result)).media;
    if (!media) throw new AppError(`${item.id}: ${stage} needs the probe's result`);
    if (!step.applies(item, media)) return work.version.writeRecord({ ...base, applies: false, result: {} });
  }
  at.file = fileOfStep(step, item);
  at.named = await localInputs(item, staged.inputs, work, deps.hashes, step.reads);
  return runStep(step, base, at.named, work, earlier, deps, reporter);
}

/** A stage of an older version of the item (another ingest came since) stops rather than publish stale work. */
async function assertCurrent(job: IngestItemJob, deps: StageDeps): Promise<void> {
  const current = (await ItemVersion.readCurrent(deps.store, job.item.id)).key;
  if (current !== undefined && current !== job.key) {
    throw new JobFailedError('superseded: a newer ingest of this item was submitted, which replaces this one', false);
  }
}

/**
 * Removes what a version that failed for good stored, and this machine's copies. Not when a
 * newer version is wanted now: it may share the staging (same files, other metadata).
 */
async function discardVersion(job: IngestItemJob, version: ItemVersion, work: LocalWork, deps: StageDeps): Promise<void> {
  await assertCurrent(job, deps);
  await version.discard();
  await work.remove();
}

/**
 * The step on this machine: the outputs of the earlier steps made present locally, the step run
 * in a scratch folder of its own, what it wrote or rewrote stored, then its record.
 */
async function runStep(
  step: Step, base: Omit<StepRecord, 'run' | 'applies' | 'result'>, item: ProgrammeItem, work: LocalWork, earlier: StepRecord[], deps: StageDeps, reporter: IngestReporter,
): Promise<StepRecord> {
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
  const record = await work.version.writeRecord({ ...base, applies: true, result, files, removed, seconds });
  await rm(stepDir, { recursive: true, force: true });
  reporter.stepFinished(item.id, step.name, { seconds, reused: false });
  return record;
}

async function publish(job: IngestItemJob, staged: StagedVersion, records: StepRecord[], deps: StageDeps): Promise<ItemOutcome> {
  const { item } = job;
  const applied = records.filter((r) => r.applies);
  const merged = mergeResults(applied.map((r) => r.result));
  if (!merged.media) throw new AppError(`${item.id}: nothing to publish without the probe's result`);
  const manifest = await publishItem({
    store: deps.store, version: new ItemVersion(deps.store, item.id, job.inputsKey), item, inputs: staged.inputs, records, result: merged,
    media: merged.media, pipelineVersion: deps.pipelineVersion, now: (deps.now ?? (() => new Date()))().toISOString(),
    stillCurrent: () => assertCurrent(job, deps),
  });
  // A rename: the item under its old id goes once the new one is there (the old id then redirects).
  await retireRenamed(deps.store, manifest, deps.workRoot);
  // The glossary's recurring fixes on the automatic transcripts just published, each in the item's history.
  const glossaryWarnings = await applyGlossaryAfterPublish(deps.store, manifest);
  return {
    id: item.id, title: item.title, status: 'ingested',
    duration: merged.media.class === 'document' ? null : merged.media.duration,
    wallSeconds: applied.reduce((sum, r) => sum + r.seconds, 0), warnings: [...(merged.warnings ?? []), ...glossaryWarnings],
  };
}

/** The programme file a step reads first (the recording, undeclared), so failures name the right one. */
function fileOfStep(step: Step, item: ProgrammeItem): string {
  switch (step.reads?.[0] ?? 'media') {
    case 'media':
      return item.media.declared;
    case 'captions':
      return item.captions.map((c) => c.declared).join(', ') || item.media.declared;
    case 'slides':
      return item.slides?.declared ?? item.media.declared;
    case 'audioDescription':
      return item.audioDescription?.declared ?? item.media.declared;
    case 'signLanguage':
      return item.signLanguage?.declared ?? item.media.declared;
  }
}
