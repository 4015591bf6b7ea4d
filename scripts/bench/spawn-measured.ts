import { spawn } from 'node:child_process';
import { ProcessSampler, type TreeSample } from './process-sampler.js';

export interface Measured {
  wallSeconds: number;
  sample: TreeSample;
}

/** Runs a command to its end (stdout/stderr discarded) while sampling its memory and CPU. */
export function spawnMeasured(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const sampler = new ProcessSampler(child.pid ?? -1).start();
    child.on('error', reject);
    child.on('close', (code) => {
      const sample = sampler.stop();
      if (code !== 0) reject(new Error(`${command} exited with ${code}: ${causeOf(stderr)}`));
      else resolve({ wallSeconds: (performance.now() - started) / 1000, sample });
    });
  });
}

/** The argument list fluent-ffmpeg builds for a command: input options, -i, then -y and outputs. */
export function ffmpegArgs(command: { inputs: { path: string; options: string[] }[]; outputs: { path: string; options: string[] }[] }): string[] {
  return [
    ...command.inputs.flatMap((input) => [...input.options, '-i', input.path]),
    '-y',
    ...command.outputs.flatMap((output) => [...output.options, output.path]),
  ];
}

/** The line of a failed command's stderr that says why: its last error line, not Node's version footer. */
function causeOf(stderr: string): string {
  const lines = stderr.trim().split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('Node.js v'));
  return [...lines].reverse().find((line) => /error/i.test(line)) ?? lines.at(-1) ?? '';
}
