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
