import { userInfo } from 'node:os';

/**
 * Who the history and the operator log name for a change made with a command: `--as <name>`
 * when given (the operator at the keyboard), else `cli:<system account>` that ran it.
 */
export function cliOperator(as?: string): string {
  if (as && as.trim() !== '') return as.trim();
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No entry in the password database (a container's arbitrary uid): still says it was the command line.
  }
  return `cli:${user}`;
}
