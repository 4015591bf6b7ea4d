import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTinyWhisperModel } from '../../scripts/make-tiny-whisper-model.js';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { PopplerDocumentTool } from '../../src/adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { TesseractOcrTool } from '../../src/adapters/ocr/tesseract-ocr-tool.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { manifestKey, parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { PIPELINE_VERSION, stepsFor } from '../../src/pipeline/steps/index.js';
import { HashCache } from '../../src/services/ingest/hash-cache.js';
import { ingestItem, type ItemIngestDeps } from '../../src/services/ingest/ingest-item.js';
import { silentReporter } from '../../src/services/ingest/reporter.js';
import { readProgramme } from '../../src/services/programme/read-programme.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { runCli, type CliRun } from '../support/cli.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { sampleProgramme } from '../support/sample-programme.js';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every object a manifest lists holds the bytes its checksum says, and nothing else of the item is stored. */
function expectWhole(root: string, manifest: Manifest): void {
  for (const file of manifest.files) expect(sha256(path.join(root, file.key)), file.key).toBe(file.sha256);
  const stored = readdirSync(path.join(root, 'items', manifest.id), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  expect(stored.sort()).toEqual(manifest.files.map((f) => f.key).concat(manifestKey(manifest.id)).sort());
}

/** A manifest's files by path inside the revision folder (items/<id>/<rev>/…), with their checksums. */
function filesByPath(manifest: Manifest): Map<string, string> {
  return new Map(manifest.files.map((f) => [f.key.split('/').slice(3).join('/'), f.sha256]));
}

/** The steps that ran (not reused) per item, from `ingest --plain` lines "<id>: <step> done in 1.2s". */
function ranSteps(run: CliRun): Map<string, string[]> {
  const ran = new Map<string, string[]>();
  for (const [, id = '', step = ''] of run.stdout.matchAll(/^(\S+): (\S+) done in /gm)) ran.set(id, [...(ran.get(id) ?? []), step]);
  return ran;
}

describe('configuring a speech-to-text model on the ingested sample edition', () => {
  /**
   * Rows of the edition, by media file: a talk and a podcast without a transcript (a video, an
   * audio), and a talk with captions and the magazine, which must be left as they are. The rows
   * left out are more of the same kinds: each recording without a transcript among them would
   * cost one more speech-to-text run and prove nothing more.
   */
  const ROWS = ['talks/pitch-seconde-vie-tablettes.mp4', 'podcasts/paroles-de-mediatrices-permanences-rurales.m4a', 'talks/atelier-donnees-ouvertes.mp4', 'documents/magazine-nec-2025.pdf'];
  const listed = (m: Manifest): boolean => ROWS.some((row) => m.source.key.endsWith(`/source/${path.basename(row)}`));
  const untranscribedOf = (manifests: Manifest[]): Manifest[] => manifests.filter((m) => listed(m) && m.accessibility.transcript === 'none' && m.media.audio !== null);
  let store: FsBlobStore;
  let before: Manifest[];
  let withModel: CliRun;

  beforeAll(async () => {
    store = await copySampleArchive();
    before = await sampleManifests(store.root);
    const model = await ensureTinyWhisperModel(path.resolve('test/.fixtures/whisper'));
    const programme = sampleProgramme(SHORT_SAMPLE_DIR, ROWS);
    try {
      withModel = await runCli(['ingest', '--plain', programme.file], {
        DATA_DIR: store.root, TRANSCRIBER: 'whisper', TRANSCRIBER_MODEL: model,
      });
    } finally {
      programme.remove();
    }
  }, 300_000);

  afterAll(() => removeArchiveCopy(store));

  it('runs speech-to-text for the recordings without a transcript, and nothing else: no transcode', () => {
    expect(withModel.code, withModel.stderr).toBe(0);
    expect(before.filter(listed)).toHaveLength(ROWS.length);
    const untranscribed = untranscribedOf(before).map((m) => m.id).sort();
    expect(untranscribed).toHaveLength(2);
    // The talk with captions and the magazine are left as they are.
    expect(withModel.stdout).toMatch(new RegExp(`^${untranscribed.length} ingested, 0 updated, ${ROWS.length - untranscribed.length} unchanged, 0 failed`, 'm'));
    const ran = ranSteps(withModel);
    expect([...ran.keys()].sort()).toEqual(untranscribed);
    for (const id of untranscribed) expect(ran.get(id), id).toEqual(['inputs', 'transcribe', 'publish']);
    // Every other step of those items took the published outputs over.
    for (const id of untranscribed) expect(withModel.stdout, id).toMatch(new RegExp(`^${id}: (transcode-video|podcast-audio) reused`, 'm'));
  });

  it('publishes each of them whole, with its automatic transcript and the carried outputs', async () => {
    const after = new Map((await sampleManifests(store.root)).map((m) => [m.id, m]));
    for (const old of untranscribedOf(before)) {
      const manifest = after.get(old.id) as Manifest;
      expect(manifest.accessibility.transcript, old.id).toBe('automatic');
      expect(manifest.pipeline.inputs).not.toBe(old.pipeline.inputs);
      // The renditions, downloads and pictures are the same bytes, under the new revision.
      const now = filesByPath(manifest);
      for (const [rel, sha] of filesByPath(old)) if (/^(hls|download|images)\//.test(rel)) expect(now.get(rel), `${old.id} ${rel}`).toBe(sha);
      expectWhole(store.root, manifest);
    }
  });
});

describe('a new version of one step', () => {
  /** A talk of the sample edition, with sound, captions and a storyboard. */
  const TALK = '2025-strasbourg-atelier-donnees-ouvertes';
  let root: string;
  let store: FsBlobStore;
  let item: ProgrammeItem;
  const deps = (steps: typeof stepsFor, events: string[] = []): ItemIngestDeps => ({
    store, media: new FluentFfmpegMediaTool(), images: new SharpImageTool(), documents: new PopplerDocumentTool(), ocr: new TesseractOcrTool(),
    hashes: new HashCache(path.join(root, 'sha256.json')), workRoot: path.join(root, 'work'), stepsFor: steps, pipelineVersion: PIPELINE_VERSION,
    reporter: { ...silentReporter, stepFinished: (_id, step, info) => events.push(`${step} ${info.reused ? 'reused' : 'done'}`) },
  });

  beforeAll(async () => {
    // The ingested sample edition (a private copy) and the talk's row as the programme reader
    // makes it: the archive is what the current steps make of it, so nothing is to be done.
    store = await copySampleArchive();
    root = mkdtempSync(path.join(tmpdir(), 'mc-reruns-'));
    const programme = await readProgramme(path.join(SHORT_SAMPLE_DIR, 'programme.csv'), {
      media: new FluentFfmpegMediaTool(), documents: new PopplerDocumentTool(), defaultLicence: 'CC-BY-SA-4.0',
    });
    item = programme.items.find((i) => i.id === TALK) as ProgrammeItem;
    expect(await ingestItem(item, deps(stepsFor))).toMatchObject({ status: 'unchanged' });
  }, 120_000);

  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await removeArchiveCopy(store);
  });

  it('re-makes the posters only, carrying every other output over', async () => {
    const old = parseManifest(readFileSync(path.join(store.root, manifestKey(item.id)), 'utf8'));
    const bumped: typeof stepsFor = (kind) => stepsFor(kind).map((step) => (step.name === 'poster' ? { ...step, version: step.version + 1 } : step));
    const events: string[] = [];
    expect(await ingestItem(item, deps(bumped, events))).toMatchObject({ status: 'ingested' });
    expect(events.filter((e) => e.endsWith(' done'))).toEqual(['inputs done', 'poster done', 'publish done']);
    expect(events).toEqual(expect.arrayContaining(['probe reused', 'transcode-video reused', 'storyboard reused']));

    const manifest = parseManifest(readFileSync(path.join(store.root, manifestKey(item.id)), 'utf8'));
    expect(manifest.pipeline.inputs).not.toBe(old.pipeline.inputs);
    const revision = manifest.pipeline.inputs.slice(0, 12);
    expect(manifest.files.every((f) => f.key.startsWith(`items/${item.id}/${revision}/`))).toBe(true);
    const [was, now] = [filesByPath(old), filesByPath(manifest)];
    for (const [rel, sha] of now) if (!rel.startsWith('images/poster-') && rel !== 'steps.json') expect(sha, rel).toBe(was.get(rel));
    expectWhole(store.root, manifest);
  }, 120_000);
});
