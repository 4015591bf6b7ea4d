import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { PopplerDocumentTool } from '../../src/adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { TesseractOcrTool } from '../../src/adapters/ocr/tesseract-ocr-tool.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { manifestKey, parseManifest } from '../../src/domain/manifest.js';
import { PIPELINE_VERSION, stepsFor } from '../../src/pipeline/steps/index.js';
import { JobFailedError, type IngestItemJob } from '../../src/ports/job-queue.js';
import { HashCache } from '../../src/services/ingest/hash-cache.js';
import { prepareItem, type ItemIngestDeps } from '../../src/services/ingest/ingest-item.js';
import { runStage } from '../../src/services/ingest/ingest-stages.js';
import { currentKeyOf } from '../../src/services/ingest/item-version.js';
import { silentReporter, type IngestReporter } from '../../src/services/ingest/reporter.js';
import { makeVideoClip } from '../support/clips.js';
import { programmeItem } from '../support/programme-item.js';

/**
 * One item's steps on two "machines" (two work folders, two checksum caches, one store), with
 * the programme's files gone once `ingest` has stored them: every step fetches what it needs
 * from the store, and the published item is whole.
 */
describe('an item\'s steps spread over two machines', () => {
  let root: string;
  let store: FsBlobStore;
  let item: ProgrammeItem;
  const machine = (name: string): ItemIngestDeps => ({
    store, media: new FluentFfmpegMediaTool(), images: new SharpImageTool(), documents: new PopplerDocumentTool(), ocr: new TesseractOcrTool(),
    hashes: new HashCache(path.join(root, name, 'sha256.json')), workRoot: path.join(root, name, 'work'),
    stepsFor, pipelineVersion: PIPELINE_VERSION, reporter: silentReporter,
  });
  const steps = (): { events: string[]; reporter: IngestReporter } => {
    const events: string[] = [];
    return {
      events,
      reporter: {
        ...silentReporter,
        stepStarted: (_id, step) => events.push(`${step} started`),
        stepFinished: (_id, step, info) => events.push(`${step} ${info.reused ? 'reused' : 'done'}`),
      },
    };
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'mc-stages-'));
    store = new FsBlobStore(path.join(root, 'store'));
    mkdirSync(path.join(root, 'programme'));
    const media = path.join(root, 'programme', 'atelier.mp4');
    await makeVideoClip(media, { seconds: 2, width: 320, height: 180 });
    const captions = path.join(root, 'programme', 'atelier.fr.vtt');
    writeFileSync(captions, 'WEBVTT\n\n00:00.000 --> 00:01.500\nBonjour à toutes et à tous.\n');
    item = programmeItem({
      id: '2025-test-atelier', media: { path: media, declared: 'atelier.mp4' }, captions: [{ path: captions, declared: 'atelier.fr.vtt', language: 'fr' }],
    });
  }, 60_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  let chain: IngestItemJob;

  it('stores the programme\'s files at ingest, then runs each step on either machine without them', async () => {
    const prepared = await prepareItem(item, machine('ingest'));
    if (!('job' in prepared)) throw new Error(`not prepared: ${JSON.stringify(prepared.outcome)}`);
    chain = prepared.job;
    // The steps of a video, but those for files the item does not have (slides, description, sign language).
    expect(chain.stages).toEqual(['probe', 'transcode-video', 'talk-audio', 'poster', 'storyboard', 'chapters', 'slide-ocr', 'captions', 'transcribe', 'publish']);
    renameSync(path.join(root, 'programme'), path.join(root, 'programme-away'));

    const [a, b] = [machine('a'), machine('b')];
    const { events, reporter } = steps();
    let outcome = null;
    // Steps alternate between the machines; machine a publishes (the next test looks at b's leftovers).
    for (const [index, stage] of chain.stages.entries()) outcome = await runStage(chain, stage, stage === 'publish' || index % 2 === 0 ? a : b, reporter);
    expect(outcome).toMatchObject({ id: item.id, status: 'ingested' });
    expect(events).toContain('transcode-video done');
    expect(events).toContain('captions done');

    const manifest = parseManifest(readFileSync(path.join(root, 'store', manifestKey(item.id)), 'utf8'));
    expect(manifest.hls?.variants.length).toBeGreaterThan(0);
    expect(manifest.tracks.some((t) => t.kind === 'captions' && t.language === 'fr')).toBe(true);
    expect(manifest.source.fileName).toBe('atelier.mp4');
    for (const file of manifest.files) {
      const bytes = readFileSync(path.join(root, 'store', file.key));
      expect(createHash('sha256').update(bytes).digest('hex'), file.key).toBe(file.sha256);
    }
    // Nothing stored that the manifest does not list; no work in progress left in the store.
    const stored = readdirSync(path.join(root, 'store', 'items', item.id), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).map((e) => path.relative(path.join(root, 'store'), path.join(e.parentPath, e.name)));
    expect(stored.sort()).toEqual(manifest.files.map((f) => f.key).concat(manifestKey(item.id)).sort());
    expect(existsSync(path.join(root, 'store', 'staging'))).toBe(false);
  }, 120_000);

  it('clears the other machine\'s local copies of the finished item at its next step', async () => {
    const leftovers = path.join(root, 'b', 'work', item.id);
    // Machine b ran steps of the item, machine a published it: b still has its copies.
    expect(readdirSync(leftovers)).toEqual([chain.inputsKey.slice(0, 16)]);
    renameSync(path.join(root, 'programme-away'), path.join(root, 'programme'));
    // A new version (mended captions): its steps run; the sweep runs before the first.
    writeFileSync(item.captions[0]?.path ?? '', 'WEBVTT\n\n00:00.000 --> 00:01.500\nBonjour à toutes et à tous !\n');
    const prepared = await prepareItem(item, machine('ingest'));
    if (!('job' in prepared)) throw new Error('not prepared');
    chain = prepared.job;
    await runStage(chain, 'probe', machine('b'), silentReporter);
    expect(readdirSync(leftovers).filter((version) => version !== chain.inputsKey.slice(0, 16))).toEqual([]);
  }, 60_000);

  it('carries over or reuses a step already recorded, from either machine, and runs again a step whose basis changed', async () => {
    const first = steps();
    await runStage(chain, 'probe', machine('a'), first.reporter);
    expect(first.events).toEqual(['probe reused']);
    // Only the captions changed: the published version's renditions are taken over, not made again.
    await runStage(chain, 'transcode-video', machine('a'), first.reporter);
    expect(first.events).toEqual(['probe reused', 'transcode-video reused']);
    const again = steps();
    await runStage(chain, 'transcode-video', machine('b'), again.reporter);
    expect(again.events).toEqual(['transcode-video reused']);
    // The probe ran again (another run of it recorded): what was built on the old run is not reused.
    const probeRecord = path.join(root, 'store', 'staging', item.id, chain.inputsKey.slice(0, 16), 'steps', 'probe.json');
    writeFileSync(probeRecord, JSON.stringify({ ...JSON.parse(readFileSync(probeRecord, 'utf8')), run: 'another-run' }));
    const rerun = steps();
    await runStage(chain, 'probe', machine('b'), rerun.reporter);
    await runStage(chain, 'transcode-video', machine('b'), rerun.reporter);
    expect(rerun.events).toEqual(['probe reused', 'transcode-video started', 'transcode-video done']);
  }, 60_000);

  it('stops a step of a version that a newer ingest replaced, for good', async () => {
    await store.putBuffer(currentKeyOf(item.id), JSON.stringify({ key: `${item.id}@newer`, inputsKey: 'f'.repeat(64) }), 'application/json');
    const failure = await runStage(chain, 'poster', machine('a'), silentReporter).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JobFailedError);
    expect(failure).toMatchObject({ retry: false, message: 'superseded: a newer ingest of this item was submitted, which replaces this one', progress: { step: 'poster', state: 'failed' } });
  });
});
