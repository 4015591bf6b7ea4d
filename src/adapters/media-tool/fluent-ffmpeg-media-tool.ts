import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ffmpeg from 'fluent-ffmpeg';
import { MediaError, ToolError } from '../../domain/errors.js';
import type { FfmpegCommand, MediaTool, RawProbe, RunOptions, RunResult, SeekPointReader } from '../../ports/media-tool.js';
import { parseProgressLine } from './progress-line.js';

const execFileAsync = promisify(execFile);
const SETPRIV = '/usr/bin/setpriv';
const BOUND_FFMPEG = fileURLToPath(new URL('../../../bin/ffmpeg-bound.sh', import.meta.url));

/**
 * The only module that touches fluent-ffmpeg (archived upstream in 2025): commands arrive as
 * plain argument arrays, so replacing it with a bare `spawn` wrapper would change this file only.
 */
export class FluentFfmpegMediaTool implements MediaTool, SeekPointReader {
  constructor(private readonly binaries: { ffmpeg?: string; ffprobe?: string } = {}) {
    if (existsSync(SETPRIV) && existsSync(BOUND_FFMPEG)) {
      // The wrapper reads the real binary from the environment that fluent-ffmpeg passes on.
      if (binaries.ffmpeg) process.env.MEDIACOMMUNS_FFMPEG = binaries.ffmpeg;
      ffmpeg.setFfmpegPath(BOUND_FFMPEG);
    } else if (binaries.ffmpeg) {
      ffmpeg.setFfmpegPath(binaries.ffmpeg);
    }
    if (binaries.ffprobe) ffmpeg.setFfprobePath(binaries.ffprobe);
  }

  /**
   * ffprobe's own JSON, not fluent-ffmpeg's parse of its text output: that one flattens side data
   * (a phone video's display matrix) and loses types.
   */
  async probe(filePath: string): Promise<RawProbe> {
    const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', filePath];
    try {
      const { stdout } = await execFileAsync(this.binaries.ffprobe ?? 'ffprobe', args, { maxBuffer: 32 * 1024 * 1024 });
      return JSON.parse(stdout) as RawProbe;
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      // The whole text: the telling line ("moov atom not found") is often not the last one.
      throw new MediaError(filePath, stderr || (error instanceof Error ? error.message : String(error)), { cause: error });
    }
  }

  /**
   * ffprobe seeks as ffmpeg's `-ss` does (backwards, to a keyframe) and reports the first packet
   * it reads there: one packet, so only the index and a few kilobytes are read, over HTTP too.
   */
  async seekPoint(input: string, stream: 'video' | 'audio', time: number): Promise<number> {
    const args = ['-v', 'error', '-select_streams', stream === 'video' ? 'v:0' : 'a:0', '-read_intervals', `${time.toFixed(6)}%+#1`];
    args.push('-show_entries', 'packet=pts_time', '-of', 'csv=p=0', input);
    try {
      const { stdout } = await execFileAsync(this.binaries.ffprobe ?? 'ffprobe', args);
      const first = Number.parseFloat(stdout.trim().split('\n')[0] ?? '');
      if (!Number.isFinite(first)) throw new Error(`no ${stream} packet at ${time} s`);
      return first;
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      throw new MediaError(input.split('?')[0] ?? input, stderr || (error instanceof Error ? error.message : String(error)), { cause: error });
    }
  }

  run(command: FfmpegCommand, options: RunOptions = {}): Promise<RunResult> {
    const cmd = ffmpeg();
    // Several arguments are passed through as they are; fluent-ffmpeg splits a lone "a b" in two
    // and turns an empty call into an "undefined" argument, hence the guards.
    for (const input of command.inputs) {
      cmd.input(input.path);
      if (input.options.length > 0) cmd.inputOptions(...passThrough(input.options));
    }
    for (const output of command.outputs) {
      cmd.output(output.path);
      if (output.options.length > 0) cmd.outputOptions(...passThrough(output.options));
    }
    const stderrLines: string[] = [];
    let peakRss: number | null = null;
    let poll: NodeJS.Timeout | undefined;

    return new Promise<RunResult>((resolve, reject) => {
      const onAbort = (): void => {
        cmd.kill('SIGKILL');
      };
      const finish = (): void => {
        if (poll) clearInterval(poll);
        options.signal?.removeEventListener('abort', onAbort);
      };
      cmd.on('start', () => {
        // fluent-ffmpeg keeps the child on the command; VmHWM is the kernel's own peak RSS.
        const pid = (cmd as unknown as { ffmpegProc?: { pid?: number } }).ffmpegProc?.pid;
        if (pid) {
          poll = setInterval(() => {
            void readPeakRss(pid).then((rss) => {
              if (rss !== null) peakRss = Math.max(peakRss ?? 0, rss);
            });
          }, 200);
        }
      });
      cmd.on('stderr', (line: string) => {
        // Filters such as loudnorm print their results here: keep everything but progress lines.
        const progress = parseProgressLine(line, command.duration);
        if (progress) options.onProgress?.(progress);
        else stderrLines.push(line);
      });
      cmd.on('error', (error: Error) => {
        finish();
        const tail = stderrLines.slice(-8).join('\n');
        const why = options.signal?.aborted ? 'cancelled' : lastMeaningfulLine(stderrLines) ?? error.message;
        reject(new ToolError('ffmpeg', `ffmpeg failed: ${why}`, tail, { cause: error }));
      });
      cmd.on('end', () => {
        finish();
        resolve({ stderr: stderrLines.join('\n'), peakRss });
      });
      if (options.signal?.aborted) {
        reject(new ToolError('ffmpeg', 'ffmpeg failed: cancelled'));
        return;
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });
      cmd.run();
    });
  }

  check(): Promise<{ version: string }> {
    return new Promise((resolve, reject) => {
      ffmpeg.getAvailableEncoders((error, encoders) => {
        if (error) {
          reject(new ToolError('ffmpeg', `ffmpeg is not usable: ${lastLine(String(error.message))} (install Debian's ffmpeg)`));
          return;
        }
        const missing = ['libx264', 'aac', 'libmp3lame', 'libopus'].filter((name) => !(name in encoders));
        if (missing.length > 0) {
          reject(new ToolError('ffmpeg', `ffmpeg lacks encoders: ${missing.join(', ')} (install Debian's ffmpeg)`));
          return;
        }
        resolve({ version: 'ffmpeg with libx264, aac, libmp3lame, libopus' });
      });
    });
  }
}

/** A single option with exactly one space would be split: no ffmpeg flag alone has one. */
function passThrough(options: string[]): string[] {
  if (options.length === 1 && (options[0] ?? '').split(' ').length === 2) {
    throw new Error(`ambiguous lone ffmpeg option "${options[0]}": pass the flag and its value as two items`);
  }
  return options;
}

async function readPeakRss(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null; // the process has ended
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? text;
}

/** ffmpeg ends with generic lines ("Conversion failed!"): the cause is usually just before. */
function lastMeaningfulLine(lines: string[]): string | undefined {
  const generic = /^(Conversion failed!|Exiting normally|$)/;
  return [...lines].reverse().find((line) => !generic.test(line.trim()))?.trim();
}
