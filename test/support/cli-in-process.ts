import path from 'node:path';
import type { CliCommand, CliIo } from '../../src/cli/io.js';
import { loadConfig } from '../../src/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One command of the CLI run in this process: the command's own function, with the configuration
 * the CLI loads from the environment of a spawned run (this process's environment with `env` over
 * it, set for the duration of the call, since some commands read it again) and its output captured
 * as a pipe sees it (no terminal). It prints and returns exactly what the spawned command would,
 * without a process start (about a second each). For the runs whose point is what a command does
 * and prints: keep a spawned run (test/support/cli.ts) of the same command beside it, which proves
 * the entry point itself (dispatch, exit codes, the "error: …" lines).
 *
 * What src/cli.ts turns into an "error: …" line and an exit code (a usage or configuration error,
 * an unknown item) is thrown here, as the command throws it: the test checks its class and message.
 */
export async function runCommand(command: CliCommand, args: string[], env: Record<string, string>): Promise<CommandRun> {
  const saved = { ...process.env };
  Object.assign(process.env, env, { NO_COLOR: '1' });
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (text) => void (stdout += text), err: (text) => void (stderr += text), isTty: false, columns: 100 };
  try {
    const code = await command(args, loadConfig(process.env, ROOT), io);
    return { code, stdout, stderr };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/**
 * What a command throws where src/cli.ts answers with "error: …" lines (bad usage, a configuration
 * problem, an unknown item): the error's name and message, or its name and each configuration
 * problem on its own line; "no error: exit N" when the command ran to its end.
 */
export async function commandRefusal(command: CliCommand, args: string[], env: Record<string, string>): Promise<string> {
  try {
    return `no error: exit ${(await runCommand(command, args, env)).code}`;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const problems = (error as { problems?: unknown }).problems;
    return `${error.name}: ${Array.isArray(problems) ? problems.join('\n') : error.message}`;
  }
}
