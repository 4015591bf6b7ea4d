import { spawn } from 'node:child_process';

export interface RunOptions {
  /** What is being made, for error messages: usually the output file. */
  label: string;
  /** Bytes written to the tool's standard input (espeak-ng reads its text there). */
  input?: string | Buffer;
}

const STDERR_KEEP = 8_192;

function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}

/**
 * Runs a tool with an argument array (never through a shell, so titles with quotes or
 * accents need no escaping) and resolves with its standard output. On failure the error
 * names the file being made and quotes the end of the tool's stderr, which is where
 * ffmpeg and espeak-ng put the actual reason.
 */
export function runTool(tool: string, args: readonly string[], options: RunOptions): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? `${tool} is not installed or not on PATH` : error.message;
      reject(new Error(`${options.label}: ${why}`));
    });
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolvePromise(Buffer.concat(chunks));
        return;
      }
      const status = signal ? `killed by ${signal}` : `exit code ${code}`;
      reject(new Error(`${options.label}: ${tool} failed (${status}): ${lastLines(stderr, 6) || 'no output'}`));
    });
    // A tool that exits before reading its input closes the pipe; the exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs tasks with at most `limit` at once (two cores here) and keeps results in task order. */
export async function runPool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  async function worker(): Promise<void> {
    while (next < tasks.length && !failure) {
      const index = next++;
      const task = tasks[index];
      try {
        if (task) results[index] = await task();
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  // Wait for every running task to settle before reporting, so the caller can safely delete
  // the scratch folder without pulling it from under a tool that is still writing.
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, () => worker()));
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}

/** Common ffmpeg output flags that keep files byte-identical from one run to the next. */
export const BITEXACT_FLAGS: readonly string[] = [
  '-fflags', '+bitexact',
  '-flags:v', '+bitexact',
  '-flags:a', '+bitexact',
  '-map_metadata', '-1',
];

/** ffmpeg's common prefix: quiet, no prompts, overwrite (outputs are regenerated as a whole). */
export const FFMPEG_PREFIX: readonly string[] = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];
