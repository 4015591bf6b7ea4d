/**
 * `npm run bench`: measured, never asserted. Each table compares against a baseline run in the
 * same process, on the same machine, one after the other.
 *   --short       use the 2–5 s sample edition and a search archive of 20,000 passages instead of
 *                 400,000 (a quick check of the bench itself)
 *   --rounds N    rounds of the ingest comparisons (tables 1 and 4), alternating the order (default 2)
 *   --only 2,5    run only these tables (1 = ingest, ladder and re-runs, 2 = search, 3 = web pages,
 *                 4 = scale-out: workers and S3, 5 = text, 6 = clips, 7 = edition export,
 *                 8 = fixity: verify vs sha256sum, 9 = archive scale: 10,000 items, fs and S3,
 *                 10 = statistics: /api/events and the talk page with and without them)
 *   --seconds N   seconds of load per web measure (default 10, --short 3)
 *   --scale-runs g,h  only these runs of table 4 besides its baseline (a) (g, h: workers pinned to one core each; i, j: the same on tmpfs)
 *   --scale-items N   items of the archive of table 9 (default 10,000; --short 1,000)
 *   --scale-stores fs  only these stores in table 9 (fs, s3; default both)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { table } from '../../src/cli/format.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { interpretProbe } from '../../src/pipeline/probe.js';
import { makeSample } from '../sample/index.js';
import { readSampleTimeline } from '../sample/texts.js';
import { runClipBench } from './clip-bench.js';
import { runExportBench } from './export-bench.js';
import { compareIngest, mb, mean } from './ingest-bench.js';
import { compareLadders } from './ladder-bench.js';
import { runRerunBench } from './rerun-bench.js';
import { OCR_PDF_HEADERS, ocrPdfRows } from './ocr-pdf-bench.js';
import { sttRows } from './stt-bench.js';
import { runArchiveScaleBench } from './archive-scale-bench.js';
import { runScaleBench } from './scale-bench.js';
import { runSearchBench } from './search-bench.js';
import { runStatsBench } from './stats-bench.js';
import { runVerifyBench } from './verify-bench.js';
import { runWebBench } from './web-bench.js';

const { values } = parseArgs({ options: { short: { type: 'boolean' }, rounds: { type: 'string' }, only: { type: 'string' }, seconds: { type: 'string' }, 'scale-runs': { type: 'string' }, 'scale-items': { type: 'string' }, 'scale-stores': { type: 'string' } } });
const only = values.only ? new Set(values.only.split(',').map((t) => t.trim())) : null;
const runs = (tableNumber: string): boolean => only === null || only.has(tableNumber);
const short = values.short ?? false;
const rounds = Math.max(1, Number(values.rounds ?? 2));
const out = path.resolve(short ? 'test/.fixtures/sample-short' : 'sample');
const x = (value: number): string => `${value.toFixed(2)}×`;
const s = (value: number): string => `${value.toFixed(1)} s`;

console.log(`Médiacommuns bench — ${new Date().toISOString()} — ${short ? 'short' : 'full'} sample edition in ${out}\n`);
const { programme } = await makeSample({ out, short, log: () => {} });
if (runs('1')) {
  const timeline = await readSampleTimeline(out);
  const talk = timeline.items.find((i) => i.kind === 'talk');
  if (!talk) throw new Error('the sample edition has no talk');
  const source = path.join(out, talk.media);
  const { size } = await import('node:fs').then((fs) => fs.statSync(source));
  const media = interpretProbe(await new FluentFfmpegMediaTool().probe(source), source, 'video', size);
  const video = media.video;
  if (!video) throw new Error(`${source} has no video`);
  const geometry = `${video.displayWidth}x${video.displayHeight} ${video.fps} fps, ${media.duration.toFixed(1)} s`;

  console.log(`## 1. Ingest of one talk (${talk.id}, ${geometry})\n`);
  const ingest = await compareIngest(programme, talk.id, rounds);
  const realTime = (wall: number): string => x(ingest.duration / wall);
  const walls = (list: number[]): string => `${s(mean(list))} (${list.map((w) => w.toFixed(1)).join(', ')})`;
  const bareWall = mean(ingest.bare.walls);
  const oursWall = mean(ingest.ours.walls);
  console.log(table(['run', 'wall, mean (each round)', '× real time', 'vs bare', 'CPU', 'peak RSS node', 'peak RSS ffmpeg'], [
    [`bare ffprobe/ffmpeg commands (${ingest.bare.commands}, one after another)`, walls(ingest.bare.walls), realTime(bareWall), x(1), s(ingest.bare.cpuSeconds), '–', mb(ingest.bare.ffmpegPeakRss)],
    ['mediacommuns ingest, media steps (same calls + sharp, checksums, publish)', walls(ingest.ours.walls), realTime(oursWall), x(oursWall / bareWall), s(ingest.ours.cpuSeconds), mb(ingest.ours.nodePeakRss), mb(ingest.ours.ffmpegPeakRss)],
  ]));
  console.log(`Rounds alternate which side runs first (${rounds} rounds); the poster step seeks its candidate frames in parallel, the bare replay one after another.`);

  console.log(`\n## 1b. The HLS ladder + MP4 (${geometry})\n`);
  const ladders = await compareLadders(source, video, media.duration);
  const first = ladders[0];
  console.log(table(['how', 'wall', '× real time', 'vs one process', 'CPU', 'peak RSS'], ladders.map((run) => [
    run.how, s(run.wallSeconds), x(media.duration / run.wallSeconds), x(run.wallSeconds / (first?.wallSeconds ?? run.wallSeconds)), s(run.cpuSeconds), mb(run.peakRss),
  ])));
  console.log('\nCPU and peak RSS are sampled from /proc every 100 ms: floors, not exact figures.');

  console.log(`\n## 1c. A change of one step on the ingested ${short ? 'short' : 'full'} sample edition: a speech-to-text model configured, vs the first ingest\n`);
  await runRerunBench({ programme });
}

if (runs('2')) {
  console.log(`\n## 2. Search (${short ? 'short: 200 items, 20,000 passages' : '2,000 items, 400,000 passages'}, synthetic)\n`);
  await runSearchBench({ short });
}

if (runs('3')) {
  console.log('\n## 3. Web pages: talk and search under 50 connections, vs a bare Express handler (short sample edition)\n');
  await runWebBench({ seconds: Number(values.seconds ?? (short ? 3 : 10)) });
}

if (runs('4')) {
  console.log(`\n## 4. Scale-out: ingest of the ${short ? 'short' : 'full'} sample edition on 1 and 2 workers, filesystem and S3 (same machine)\n`);
  await runScaleBench({ programme, rounds, only: values['scale-runs']?.split(',').map((key) => key.trim()) });
}

if (runs('5')) {
  console.log(`\n## 5. Text: slide OCR, PDF pages, speech-to-text (${short ? 'short' : 'full'} sample edition)\n`);
  const sttModel = process.env.TRANSCRIBER_MODEL;
  console.log(table(OCR_PDF_HEADERS, [...(await ocrPdfRows(out)), ...(await sttRows(out, sttModel))]));
  console.log(sttModel
    ? `\nSpeech-to-text with TRANSCRIBER_MODEL=${sttModel}.`
    : '\nNo TRANSCRIBER_MODEL: speech-to-text ran a tiny model with random weights, the speed floor of the engine (its words mean nothing).');
}

if (runs('6')) {
  console.log('\n## 6. Clips: 1, 5 and 10 minutes of an 11-minute 1080p talk through ClipService, vs the bare `ffmpeg -ss S -to E -i src -c copy`\n');
  await runClipBench({ rounds });
}

if (runs('7')) {
  console.log('\n## 7. Edition export: the ZIP of an edition streamed by the server, vs yazl alone and Info-ZIP over the same files\n');
  await runExportBench({ repeats: rounds + 1 });
}

if (runs('8')) {
  console.log('\n## 8. Fixity: `verify` reading the archive back from the filesystem and from S3, vs `sha256sum` over the same files\n');
  await runVerifyBench({ short, repeats: rounds + 1 });
}

if (runs('9')) {
  const items = Number(values['scale-items'] ?? (short ? 1_000 : 10_000));
  console.log(`\n## 9. Archive scale: the website over ${items.toLocaleString('en')} items, filesystem and S3 (s3rver), the change log vs the old full listing\n`);
  const stores = values['scale-stores']?.split(',').map((store) => store.trim());
  await runArchiveScaleBench({ items, sampleDir: path.resolve('test/.fixtures/sample-short'), ...(stores ? { stores } : {}) });
}

if (runs('10')) {
  console.log('\n## 10. Statistics: POST /api/events under 50 connections vs bare Express, and the talk page with and without them (short sample edition)\n');
  await runStatsBench({ seconds: Number(values.seconds ?? (short ? 3 : 10)) });
}
