/**
 * Child process of the benchmark: ingests one programme item exactly as `mediacommuns ingest`
 * does, recording every ffprobe/ffmpeg call so the parent can replay them bare.
 * Usage: ingest-one.ts <programme> <item id> <data dir> <result.json>
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { PopplerDocumentTool } from '../../src/adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { TesseractOcrTool } from '../../src/adapters/ocr/tesseract-ocr-tool.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { PIPELINE_VERSION, stepsFor } from '../../src/pipeline/steps/index.js';
import type { FfmpegCommand, MediaTool, RawProbe, RunOptions, RunResult } from '../../src/ports/media-tool.js';
import { HashCache } from '../../src/services/ingest/hash-cache.js';
import { ingestItem } from '../../src/services/ingest/ingest-item.js';
import { silentReporter } from '../../src/services/ingest/reporter.js';
import { readProgramme } from '../../src/services/programme/read-programme.js';

export type RecordedCall = { kind: 'probe'; path: string } | { kind: 'run'; command: FfmpegCommand; peakRss: number | null };

export interface IngestOneResult {
  wallSeconds: number;
  duration: number | null;
  status: string;
  error?: string;
  calls: RecordedCall[];
  nodeMaxRss: number;
}

class RecordingMediaTool implements MediaTool {
  readonly calls: RecordedCall[] = [];
  constructor(private readonly inner: MediaTool) {}
  probe(filePath: string): Promise<RawProbe> {
    this.calls.push({ kind: 'probe', path: filePath });
    return this.inner.probe(filePath);
  }
  async run(command: FfmpegCommand, options?: RunOptions): Promise<RunResult> {
    const call: RecordedCall = { kind: 'run', command, peakRss: null };
    this.calls.push(call);
    const result = await this.inner.run(command, options);
    call.peakRss = result.peakRss;
    return result;
  }
  check(): Promise<{ version: string }> {
    return this.inner.check();
  }
}

const [programmeFile, itemId, dataDir, resultFile] = process.argv.slice(2);
if (!programmeFile || !itemId || !dataDir || !resultFile) throw new Error('usage: ingest-one.ts <programme> <item id> <data dir> <result.json>');

const media = new RecordingMediaTool(new FluentFfmpegMediaTool());
const documents = new PopplerDocumentTool();
const programme = await readProgramme(programmeFile, { media, documents, defaultLicence: 'CC-BY-SA-4.0' });
const item = programme.items.find((i) => i.id === itemId);
if (!item) throw new Error(`no item ${itemId} in ${programmeFile}`);
media.calls.length = 0; // reading the programme is not part of the item's ingest

// Table 1 compares media work with its bare ffmpeg replay; the text steps run Tesseract, poppler
// and whisper.cpp, which the replay has no record of: table 5 measures them.
const TEXT_STEPS = new Set(['slide-ocr', 'transcribe', 'document-text', 'slide-deck-text']);
const mediaStepsFor: typeof stepsFor = (mediaClass) => stepsFor(mediaClass).filter((step) => !TEXT_STEPS.has(step.name));

const started = performance.now();
const outcome = await ingestItem(item, {
  store: new FsBlobStore(dataDir), media, images: new SharpImageTool(), documents, ocr: new TesseractOcrTool(),
  hashes: new HashCache(path.join(dataDir, '.cache', 'sha256.json')), workRoot: path.join(dataDir, '.work'),
  stepsFor: mediaStepsFor, pipelineVersion: PIPELINE_VERSION, reporter: silentReporter,
});
const result: IngestOneResult = {
  wallSeconds: (performance.now() - started) / 1000,
  duration: outcome.duration,
  status: outcome.status,
  ...(outcome.error ? { error: outcome.error } : {}),
  calls: media.calls,
  nodeMaxRss: process.resourceUsage().maxRSS * 1024,
};
await writeFile(resultFile, JSON.stringify(result));
