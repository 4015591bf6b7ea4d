import type { Config } from '../config.js';

/** What commands may do to the outside world; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
  columns: number;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  // A pseudo-terminal may report 0 columns: fall back to a usual width.
  columns: process.stdout.columns || 100,
};

/** A command of the CLI: its arguments, the loaded configuration, its output; resolves to the exit code. */
export type CliCommand = (args: string[], config: Readonly<Config>, io: CliIo) => Promise<number>;
