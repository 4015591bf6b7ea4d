import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AAC_OPTIONS, AUDIO_FORMAT_FILTER, buildLadderCommand, gopOptions, hlsMuxerOptions, NO_SOURCE_METADATA, renditionOptions, scaleFilter, X264_OPTIONS,
} from '../../src/pipeline/hls-command.js';
import { SOURCE_INPUT_OPTIONS } from '../../src/pipeline/step-media.js';
import { chooseLadder, downloadRendition, outputFps, type Rendition } from '../../src/pipeline/video-ladder.js';
import type { FfmpegCommand } from '../../src/ports/media-tool.js';
import { makeOutputFolders } from './ingest-bench.js';
import { ffmpegArgs, spawnMeasured } from './spawn-measured.js';

export interface LadderRun {
  how: string;
  wallSeconds: number;
  cpuSeconds: number;
  peakRss: number;
}

/** One rendition (or the MP4) alone, as a naive pipeline would run it: its own decode and audio. */
function separateCommand(source: string, dir: string, rendition: Rendition, fps: number, mp4: boolean): FfmpegCommand {
  const graph = `[0:v]${scaleFilter(rendition)}[v];[0:a:0]${AUDIO_FORMAT_FILTER}[a]`;
  const common = ['-filter_complex', graph, '-map', '[v]', '-map', '[a]', ...NO_SOURCE_METADATA, ...X264_OPTIONS, ...renditionOptions(rendition, 'v')];
  const output = mp4
    ? { path: path.join(dir, 'download.mp4'), options: [...common, ...AAC_OPTIONS, '-movflags', '+faststart', '-f', 'mp4'] }
    : { path: path.join(dir, rendition.name, 'index.m3u8'), options: [...common, ...gopOptions(fps), ...AAC_OPTIONS, ...hlsMuxerOptions(path.join(dir, rendition.name, 'segment-%05d.ts'))] };
  return { inputs: [{ path: source, options: [...SOURCE_INPUT_OPTIONS] }], outputs: [output] };
}

/** Our single-process ladder against one process per output, in sequence and in parallel. */
export async function compareLadders(source: string, video: { displayWidth: number; displayHeight: number; fps: number }, duration: number): Promise<LadderRun[]> {
  const fps = outputFps(video.fps);
  const ladder = chooseLadder({ displayWidth: video.displayWidth, displayHeight: video.displayHeight, fps });
  const download = downloadRendition(ladder);
  const runs: LadderRun[] = [];

  const single = await mkdtemp(path.join(tmpdir(), 'mc-ladder-'));
  const command = buildLadderCommand({ source, itemDir: single, itemId: 'bench', ladder, download, fps, audio: true, duration });
  await makeOutputFolders(command);
  const one = await spawnMeasured('ffmpeg', ffmpegArgs(command));
  runs.push({ how: `one process, split graph (${ladder.map((r) => r.name).join('/')} + audio + MP4)`, wallSeconds: one.wallSeconds, cpuSeconds: one.sample.cpuSeconds, peakRss: one.sample.rootPeakRss });

  const separate = async (parallel: boolean): Promise<LadderRun> => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mc-ladder-'));
    const commands = [...ladder.map((r) => separateCommand(source, dir, r, fps, false)), separateCommand(source, dir, download, fps, true)];
    for (const c of commands) await makeOutputFolders(c);
    const started = performance.now();
    const results = parallel
      ? await Promise.all(commands.map((c) => spawnMeasured('ffmpeg', ffmpegArgs(c))))
      : await commands.reduce<Promise<Awaited<ReturnType<typeof spawnMeasured>>[]>>(async (acc, c) => [...(await acc), await spawnMeasured('ffmpeg', ffmpegArgs(c))], Promise.resolve([]));
    await rm(dir, { recursive: true, force: true });
    const peaks = results.map((r) => r.sample.rootPeakRss);
    return {
      how: `one process per output (${commands.length}), ${parallel ? 'in parallel' : 'one after another'}`,
      wallSeconds: (performance.now() - started) / 1000,
      cpuSeconds: results.reduce((sum, r) => sum + r.sample.cpuSeconds, 0),
      // In parallel the peaks add up; in sequence only the largest one counts.
      peakRss: parallel ? peaks.reduce((a, b) => a + b, 0) : Math.max(...peaks),
    };
  };
  runs.push(await separate(false));
  runs.push(await separate(true));
  await rm(single, { recursive: true, force: true });
  return runs;
}
