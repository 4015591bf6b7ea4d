import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError, describeError, MediaError } from '../../domain/errors.js';
import { expectedMediaClass, type ProgrammeItem } from '../../domain/item.js';
import { manifestKey, parseManifest, type Manifest, type MediaInfo } from '../../domain/manifest.js';
import { explainProbeFailure, interpretProbe } from '../../pipeline/probe.js';
import type { Step, StepContext, StepResult } from '../../pipeline/step.js';
import { readHead } from '../../pipeline/step-media.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { DocumentTool } from '../../ports/document-tool.js';
import type { ImageTool } from '../../ports/image-tool.js';
import type { MediaTool } from '../../ports/media-tool.js';
import type { OcrTool } from '../../ports/ocr-tool.js';
import type { Transcriber } from '../../ports/transcriber.js';
import { primaryLanguage } from '../../domain/text.js';
import type { HashCache } from './hash-cache.js';
import { metadataOf, mergeResults, withMetadata } from './manifest-builder.js';
import { publishItem } from './publish.js';
import type { IngestReporter, ItemOutcome } from './reporter.js';
import { StepJournal } from './step-journal.js';

export interface ItemIngestDeps {
  store: BlobStore;
  media: MediaTool;
  images: ImageTool;
  documents: DocumentTool;
  ocr: OcrTool;
  /** Speech-to-text; absent or null when none is configured. */
  transcriber?: Transcriber | null;
  hashes: HashCache;
  /** Scratch space for work in progress (kept after a crash so the next run resumes). */
  workRoot: string;
  stepsFor(mediaClass: MediaInfo['class']): Step[];
  pipelineVersion: string;
  reporter: IngestReporter;
  now?: () => Date;
}

/** Ingests one programme item: unchanged → skipped; metadata only → manifest rewritten; else the pipeline. */
export async function ingestItem(item: ProgrammeItem, deps: ItemIngestDeps): Promise<ItemOutcome> {
  const started = performance.now();
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();
  const outcome = (fields: Pick<ItemOutcome, 'status'> & Partial<ItemOutcome>): ItemOutcome => ({
    id: item.id, title: item.title, duration: null, warnings: [], ...fields, wallSeconds: (performance.now() - started) / 1000,
  });
  deps.reporter.itemStarted(item.id, item.title);
  let currentFile = item.media.declared;
  try {
    const inputs = await describeInputs(item, deps, (file) => (currentFile = file));
    currentFile = item.media.declared;
    const inputsKey = hashInputs(item, inputs, deps);
    const existing = await readManifest(deps.store, item.id);
    if (existing && existing.pipeline.inputs === inputsKey) {
      const updated = withMetadata(existing, item, now());
      if (metadataOf(updated) === metadataOf(existing)) return outcome({ status: 'unchanged', duration: existing.media.duration });
      await deps.store.putBuffer(manifestKey(item.id), JSON.stringify(updated, null, 2), 'application/json');
      return outcome({ status: 'updated', duration: existing.media.duration });
    }

    const workDir = path.join(deps.workRoot, item.id, inputsKey.slice(0, 16));
    await removeOtherVersions(path.join(deps.workRoot, item.id), path.basename(workDir));
    const journal = new StepJournal(path.join(workDir, 'steps'));
    const outDir = path.join(workDir, 'out');
    await mkdir(outDir, { recursive: true });

    const media = await probe(item, inputs.media.size, deps, journal);
    const results: StepResult[] = [{ media }];
    // Once a step runs again, every later step runs again too: they may build on its files
    // (audio description extends the master playlist that the transcode writes).
    let reusable = true;
    for (const step of deps.stepsFor(media.class).filter((s) => s.applies(item, media))) {
      const saved = reusable ? await journal.read(step.name, step.version) : null;
      if (saved) {
        deps.reporter.stepFinished(item.id, step.name, { seconds: 0, reused: true });
        results.push(saved);
        continue;
      }
      reusable = false;
      results.push(await runStep(step, item, { workDir, outDir, media, results }, deps, journal, (file) => (currentFile = file)));
      currentFile = item.media.declared;
    }
    const merged = mergeResults(results);
    await publishItem({
      // Steps may complete the probe's facts (the source's loudness, measured while transcoding).
      store: deps.store, item, outDir, media: merged.media ?? media, result: merged, source: inputs.media,
      inputsKey, pipelineVersion: deps.pipelineVersion, ingestedAt: existing?.pipeline.ingestedAt ?? now(), now: now(),
    });
    await rm(path.join(deps.workRoot, item.id), { recursive: true, force: true });
    return outcome({ status: 'ingested', duration: media.class === 'document' ? null : media.duration, warnings: merged.warnings ?? [] });
  } catch (error) {
    const file = error instanceof MediaError ? declaredName(item, error.file) : currentFile;
    return outcome({ status: 'failed', file, error: describeError(error), ...(error instanceof AppError ? { code: error.code } : {}) });
  }
}

/** What an item's inputs key depends on (see hashInputs). */
type InputsKeyDeps = Pick<ItemIngestDeps, 'hashes' | 'transcriber' | 'stepsFor' | 'pipelineVersion'>;

/**
 * The hash of everything the item's outputs depend on, as its manifest will record it
 * (`pipeline.inputs`): a queue uses it to recognise the same work submitted twice.
 */
export async function inputsKeyOf(item: ProgrammeItem, deps: InputsKeyDeps): Promise<string> {
  return hashInputs(item, await describeInputs(item, deps, () => {}), deps);
}

interface InputDigest {
  role: string;
  language?: string;
  path: string;
  sha256: string;
  size: number;
}

async function describeInputs(item: ProgrammeItem, deps: InputsKeyDeps, onFile: (declared: string) => void) {
  const digest = async (role: string, file: { path: string; declared: string }, language?: string): Promise<InputDigest> => {
    onFile(file.declared);
    const { sha256, size } = await deps.hashes.sha256(file.path);
    if (size === 0) throw new MediaError(file.path, 'file is empty (0 bytes)');
    return { role, path: file.path, sha256, size, ...(language ? { language } : {}) };
  };
  const media = await digest('media', item.media);
  const others: InputDigest[] = [];
  for (const caption of item.captions) others.push(await digest('captions', caption, caption.language));
  if (item.slides) others.push(await digest('slides', item.slides));
  if (item.audioDescription) others.push(await digest('audio-description', item.audioDescription));
  if (item.signLanguage) others.push(await digest('sign-language', item.signLanguage));
  const speechModel = await speechToTextInput(item, deps);
  if (speechModel) others.push(speechModel);
  await deps.hashes.save();
  return { media, others };
}

/**
 * The speech-to-text model is an input of the recordings it would transcribe (those without
 * captions in their own language), so configuring or changing a model re-runs exactly those.
 */
async function speechToTextInput(item: ProgrammeItem, deps: InputsKeyDeps): Promise<InputDigest | null> {
  if (!deps.transcriber || expectedMediaClass(item.kind) === 'document') return null;
  if (item.captions.some((c) => primaryLanguage(c.language) === primaryLanguage(item.language))) return null;
  const model = await deps.transcriber.check();
  const { sha256, size } = await deps.hashes.sha256(model.modelPath);
  return { role: `speech-to-text ${model.engine}`, path: model.modelPath, sha256, size };
}

/**
 * What the outputs depend on: the input bytes, the pipeline and the versions of this item's
 * steps, and the metadata that steps write into files (tags, a drawn title). Other metadata
 * (summary, themes, licence…) only changes the manifest.
 */
function hashInputs(item: ProgrammeItem, inputs: { media: InputDigest; others: InputDigest[] }, deps: InputsKeyDeps): string {
  const steps = deps.stepsFor(expectedMediaClass(item.kind)).map((s) => ({ step: `${s.name}@${s.version}`, embeds: s.embeds?.(item) ?? null }));
  const files = [inputs.media, ...inputs.others].map(({ role, language, sha256 }) => ({ role, language, sha256 }));
  return createHash('sha256').update(JSON.stringify({ pipeline: deps.pipelineVersion, steps, files })).digest('hex');
}

async function readManifest(store: BlobStore, id: string): Promise<Manifest | null> {
  const buffer = await store.getBuffer(manifestKey(id));
  if (!buffer) return null;
  try {
    return parseManifest(buffer.toString('utf8'));
  } catch {
    return null; // unreadable or from an unknown version: rebuilt from the sources
  }
}

async function probe(item: ProgrammeItem, size: number, deps: ItemIngestDeps, journal: StepJournal): Promise<MediaInfo> {
  const saved = await journal.read('probe', 1);
  if (saved?.media) {
    deps.reporter.stepFinished(item.id, 'probe', { seconds: 0, reused: true });
    return saved.media;
  }
  deps.reporter.stepStarted(item.id, 'probe');
  const t0 = performance.now();
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
  await journal.write('probe', 1, { media });
  deps.reporter.stepFinished(item.id, 'probe', { seconds: (performance.now() - t0) / 1000, reused: false });
  return media;
}

function pdfTags(info: { title: string | null; author: string | null }): Record<string, string> {
  return Object.fromEntries(Object.entries({ title: info.title, author: info.author }).filter((e): e is [string, string] => e[1] !== null));
}

async function runStep(
  step: Step,
  item: ProgrammeItem,
  state: { workDir: string; outDir: string; media: MediaInfo; results: StepResult[] },
  deps: ItemIngestDeps,
  journal: StepJournal,
  onFile: (declared: string) => void,
): Promise<StepResult> {
  onFile(fileOfStep(step.name, item));
  deps.reporter.stepStarted(item.id, step.name);
  const t0 = performance.now();
  const stepDir = path.join(state.workDir, 'tmp', step.name);
  await rm(stepDir, { recursive: true, force: true }); // leftovers of a killed attempt
  await mkdir(stepDir, { recursive: true });
  const ctx: StepContext = {
    item, workDir: stepDir, outDir: state.outDir, previous: mergeResults(state.results),
    media: deps.media, images: deps.images, documents: deps.documents, ocr: deps.ocr, transcriber: deps.transcriber ?? null,
    progress: (p) => deps.reporter.stepProgress(item.id, step.name, p),
  };
  const result = await step.run(ctx);
  await journal.write(step.name, step.version, result);
  await rm(stepDir, { recursive: true, force: true });
  deps.reporter.stepFinished(item.id, step.name, { seconds: (performance.now() - t0) / 1000, reused: false });
  return result;
}

/** The programme file a step reads, so failures name the right one. */
function fileOfStep(step: string, item: ProgrammeItem): string {
  if (step === 'sign-language' && item.signLanguage) return item.signLanguage.declared;
  if (step === 'audio-description' && item.audioDescription) return item.audioDescription.declared;
  if (step === 'slides' && item.slides) return item.slides.declared;
  if (step === 'captions') return item.captions.map((c) => c.declared).join(', ');
  return item.media.declared;
}

function declaredName(item: ProgrammeItem, file: string): string {
  const all = [item.media, item.slides, item.audioDescription, item.signLanguage, ...item.captions].filter((f) => f !== null);
  return all.find((f) => f.path === file)?.declared ?? file;
}

async function removeOtherVersions(itemWorkRoot: string, keep: string): Promise<void> {
  const entries = await readdir(itemWorkRoot).catch(() => [] as string[]);
  await Promise.all(entries.filter((e) => e !== keep).map((e) => rm(path.join(itemWorkRoot, e), { recursive: true, force: true })));
}
