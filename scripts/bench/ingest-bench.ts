import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FfmpegCommand } from '../../src/ports/media-tool.js';
import type { IngestOneResult } from './ingest-one.js';
import { ffmpegArgs, spawnMeasured, type Measured } from './spawn-measured.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;

export interface IngestComparison {
  duration: number;
  ours: { wallSeconds: number; cpuSeconds: number; nodePeakRss: number; ffmpegPeakRss: number };
  bare: { wallSeconds: number; cpuSeconds: number; ffmpegPeakRss: number; commands: number };
  ladder: FfmpegCommand;
}

/** Our ingest of one item (in a child process, sampled), then the same ffmpeg calls run bare. */
export async function compareIngest(programme: string, itemId: string): Promise<IngestComparison> {
  const work = await mkdtemp(path.join(tmpdir(), 'mc-bench-'));
  const dataDir = path.join(work, 'ours');
  const resultFile = path.join(work, 'ours.json');
  const child = await spawnMeasured(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/ingest-one.ts'), programme, itemId, dataDir, resultFile]);
  const ours = JSON.parse(await readFile(resultFile, 'utf8')) as IngestOneResult;
  if (ours.status !== 'ingested') throw new Error(`bench ingest of ${itemId} ${ours.status}: ${ours.error ?? ''}`);

  const replayDir = path.join(work, 'bare');
  const bare = await replay(ours, dataDir, replayDir);
  const ladder = ours.calls.find((c) => c.kind === 'run' && c.command.outputs.some((o) => o.options.includes('-var_stream_map')));
  if (!ladder || ladder.kind !== 'run') throw new Error('no ladder command was recorded');
  await rm(work, { recursive: true, force: true });
  return {
    duration: ours.duration ?? 0,
    ours: {
      wallSeconds: ours.wallSeconds,
      cpuSeconds: child.sample.cpuSeconds,
      nodePeakRss: ours.nodeMaxRss,
      ffmpegPeakRss: Math.max(0, ...ours.calls.map((c) => (c.kind === 'run' ? c.peakRss ?? 0 : 0))),
    },
    bare,
    ladder: rebase(ladder.command, dataDir, path.join(tmpdir(), 'mc-bench-ladder')),
  };
}

/** Every recorded call again, one after another, with its paths moved to a fresh folder. */
async function replay(ours: IngestOneResult, from: string, to: string): Promise<IngestComparison['bare']> {
  let wallSeconds = 0;
  let cpuSeconds = 0;
  let ffmpegPeakRss = 0;
  for (const call of ours.calls) {
    let run: Measured;
    if (call.kind === 'probe') {
      run = await spawnMeasured('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', call.path]);
    } else {
      const command = rebase(call.command, from, to);
      await makeOutputFolders(command);
      run = await spawnMeasured('ffmpeg', ffmpegArgs(command));
      ffmpegPeakRss = Math.max(ffmpegPeakRss, run.sample.rootPeakRss);
    }
    wallSeconds += run.wallSeconds;
    cpuSeconds += run.sample.cpuSeconds;
  }
  return { wallSeconds, cpuSeconds, ffmpegPeakRss, commands: ours.calls.length };
}

export function rebase(command: FfmpegCommand, from: string, to: string): FfmpegCommand {
  const move = (value: string): string => value.split(from).join(to);
  return {
    ...command,
    inputs: command.inputs.map((i) => ({ path: move(i.path), options: i.options.map(move) })),
    outputs: command.outputs.map((o) => ({ path: move(o.path), options: o.options.map(move) })),
  };
}

/** Output folders, with `%v` expanded from -var_stream_map's names, as the step had made them. */
export async function makeOutputFolders(command: FfmpegCommand): Promise<void> {
  for (const output of command.outputs) {
    const map = output.options[output.options.indexOf('-var_stream_map') + 1] ?? '';
    const names = output.options.includes('-var_stream_map') ? [...map.matchAll(/name:([^, ]+)/g)].map((m) => m[1] as string) : [''];
    const patterns = [output.path, output.options[output.options.indexOf('-hls_segment_filename') + 1] ?? output.path];
    for (const pattern of patterns) for (const name of names) await mkdir(path.dirname(pattern.replaceAll('%v', name)), { recursive: true });
  }
}

export const mb = (bytes: number): string => `${Math.round(bytes / MB)} MB`;
