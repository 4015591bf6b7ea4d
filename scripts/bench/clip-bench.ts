import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { table } from '../../src/cli/format.js';
import { clipTagsOf } from '../../src/http/view-models/clip-tags.js';
import { ClipService } from '../../src/services/clips/index.js';
import { putClipTalk } from '../../test/support/clip-items.js';
import { mb, mean } from './ingest-bench.js';
import { spawnMeasured } from './spawn-measured.js';

const run = promisify(execFile);

/** ~11 minutes of 1080p25 H.264 + AAC at a talk's bit rate, 2 s GOP, moov first: what clips are cut from. */
const FIXTURE_SECONDS = 660;
const FIXTURE = path.resolve(`test/.fixtures/clip-bench/talk-1080p-${FIXTURE_SECONDS}s.mp4`);
const CLIP_MINUTES = [1, 5, 10];
/** Each clip starts here (mid-GOP, so both cut at the keyframe before it). */
const START = 31;

/** Made once (a few minutes on two cores), kept between runs; built under a temporary name, then renamed. */
async function ensureFixture(log: (line: string) => void): Promise<string> {
  if (existsSync(FIXTURE)) return FIXTURE;
  await mkdir(path.dirname(FIXTURE), { recursive: true });
  log(`making ${path.relative(process.cwd(), FIXTURE)} (1080p, ${FIXTURE_SECONDS} s, libx264 ultrafast)…`);
  const temp = `${FIXTURE}.${process.pid}.mp4`;
  await run('ffmpeg', [
    '-y', '-hide_banner', '-loglevel', 'error',
    '-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=25:duration=${FIXTURE_SECONDS}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${FIXTURE_SECONDS}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-b:v', '3M', '-maxrate', '3M', '-bufsize', '6M',
    '-g', '50', '-keyint_min', '50', '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-movflags', '+faststart', '-shortest', temp,
  ], { maxBuffer: 1024 * 1024 });
  await rename(temp, FIXTURE);
  return FIXTURE;
}

interface ClipRow {
  minutes: number;
  bare: number[];
  service: number[];
  served: number[];
  size: number;
  realStart: number;
}

/**
 * Clip times through ClipService (keyframe probe, captions cut and muxed, tags, moov moved to
 * the front, put into a filesystem store) vs the bare `ffmpeg -ss S -to E -i src -c copy`, one
 * after the other in alternating order; then the same clip asked again (served from the store).
 */
export async function runClipBench(options: { rounds: number; log?: (line: string) => void }): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const source = await ensureFixture(log);
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-clip-bench-'));
  try {
    const store = new FsBlobStore(path.join(dir, 'data'));
    const talk = await putClipTalk(store, { id: '2025-bench-clip-talk', seconds: FIXTURE_SECONDS, video: source });
    const clips = new ClipService(store, new FluentFfmpegMediaTool(), { slots: 1 });
    const tags = clipTagsOf(talk, 'https://archives.example.org', 'fr');
    const rows: ClipRow[] = [];
    for (const minutes of CLIP_MINUTES) {
      const row: ClipRow = { minutes, bare: [], service: [], served: [], size: 0, realStart: 0 };
      for (let round = 0; round < options.rounds; round++) {
        // A start a millisecond later each round: a new clip for the service, not one it has kept.
        const range = { start: START + round / 1000, end: START + round / 1000 + minutes * 60 };
        const bare = async (): Promise<void> => {
          const out = path.join(dir, `bare-${minutes}-${round}.mp4`);
          const measured = await spawnMeasured('ffmpeg', ['-v', 'error', '-y', '-ss', String(range.start), '-to', String(range.end), '-i', source, '-c', 'copy', out]);
          row.bare.push(measured.wallSeconds);
          await rm(out);
        };
        const ours = async (): Promise<void> => {
          const started = performance.now();
          const clip = await clips.clip(talk, 'mp4', range, tags);
          row.service.push((performance.now() - started) / 1000);
          row.size = clip.size;
          row.realStart = clip.start;
          const again = performance.now();
          await clips.clip(talk, 'mp4', range, tags);
          row.served.push((performance.now() - again) / 1000);
        };
        if (round % 2 === 0) {
          await bare();
          await ours();
        } else {
          await ours();
          await bare();
        }
      }
      rows.push(row);
    }
    const s = (value: number): string => `${value.toFixed(2)} s`;
    const ms = (value: number): string => `${(value * 1000).toFixed(1)} ms`;
    const sourceSize = (await stat(source)).size;
    log(table(['clip', 'bare ffmpeg -c copy', 'ClipService (cut + store)', 'vs bare', 'asked again (from store)', 'clip size', 'real start'], rows.map((row) => [
      `${row.minutes} min`, s(mean(row.bare)), s(mean(row.service)), `${(mean(row.service) / mean(row.bare)).toFixed(2)}×`, ms(mean(row.served)), mb(row.size), `${row.realStart} s`,
    ])));
    log(`\nSource: ${FIXTURE_SECONDS} s of 1080p25 H.264 (3 Mb/s, 2 s GOP) + AAC, ${mb(sourceSize)}, on the filesystem store; ${options.rounds} round(s), alternating which runs first; clips start at ${START} s.`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
