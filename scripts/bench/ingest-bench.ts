import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FfmpegCommand } from '../../src/ports/media-tool.js';
import type { IngestOneResult } from './ingest-one.js';
import { ffmpegArgs, spawnMeasured, type Measured } from './spawn-measured.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;

export interface RunFigures {
  /** Each round's wall time, in the order run. */
  walls: number[];
  cpuSeconds: number;
  ffmpegPeakRss: number;
}

export interface IngestComparison {
  duration: number;
  ours: RunFigures & { nodePeakRss: number };
  bare: RunFigures & { commands: number };
  ladder: FfmpegCommand;
}

/**
 * Our ingest of one item (in a child process, sampled) against the same ffmpeg calls run bare,
 * in `rounds` rounds whose order alternates (ours first, then bare first), so that neither side
 * always gets the warm page cache or the cooler CPU.
 */
export async function compareIngest(programme: string, itemId: string, rounds = 2): Promise<IngestComparison> {
  const work = await mkdtemp(path.join(tmpdir(), 'mc-bench-'));
  let recorded: IngestOneResult | null = null;
  let recordedDir = '';
  const ours: IngestComparison['ours'] = { walls: [], cpuSeconds: 0, ffmpegPeakRss: 0, nodePeakRss: 0 };
  const bare: IngestComparison['bare'] = { walls: [], cpuSeconds: 0, ffmpegPeakRss: 0, commands: 0 };

  const runOurs = async (round: number): Promise<void> => {
    const dataDir = path.join(work, `ours-${round}`);
    const resultFile = path.join(work, `ours-${round}.json`);
    const child = await spawnMeasured(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/ingest-one.ts'), programme, itemId, dataDir, resultFile]);
    const result = JSON.parse(await readFile(resultFile, 'utf8')) as IngestOneResult;
    if (result.status !== 'ingested') throw new Error(`bench ingest of ${itemId} ${result.status}: ${result.error ?? ''}`);
    ours.walls.push(result.wallSeconds);
    ours.cpuSeconds = Math.max(ours.cpuSeconds, child.sample.cpuSeconds);
    ours.nodePeakRss = Math.max(ours.nodePeakRss, result.nodeMaxRss);
    ours.ffmpegPeakRss = Math.max(ours.ffmpegPeakRss, ...result.calls.map((c) => (c.kind === 'run' ? c.peakRss ?? 0 : 0)));
    recorded ??= result;
    recordedDir ||= dataDir;
  };
  const runBare = async (round: number): Promise<void> => {
    if (!recorded) throw new Error('the bare run replays what our ingest recorded');
    const result = await replay(recorded, recordedDir, path.join(work, `bare-${round}`));
    bare.walls.push(result.wallSeconds);
    bare.cpuSeconds = Math.max(bare.cpuSeconds, result.cpuSeconds);
    bare.ffmpegPeakRss = Math.max(bare.ffmpegPeakRss, result.ffmpegPeakRss);
    bare.commands = result.commands;
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await runOurs(round);
      await runBare(round);
    } else {
      await runBare(round);
      await runOurs(round);
    }
  }
  const done = recorded as IngestOneResult | null;
  const ladder = done?.calls.find((c) => c.kind === 'run' && c.command.outputs.some((o) => o.options.includes('-var_stream_map')));
  if (!done || !ladder || ladder.kind !== 'run') throw new Error('no ladder command was recorded');
  await rm(work, { recursive: true, force: true });
  return { duration: done.duration ?? 0, ours, bare, ladder: rebase(ladder.command, recordedDir, path.join(tmpdir(), 'mc-bench-ladder')) };
}

export const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Every recorded call again, one after another, with its paths moved to a fresh folder. */
async function replay(ours: IngestOneResult, from: string, to: string): Promise<{ wallSeconds: number; cpuSeconds: number; ffmpegPeakRss: number; commands: number }> {
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
