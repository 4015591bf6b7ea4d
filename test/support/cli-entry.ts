import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT = path.join(ROOT, 'dist/cli.js');
const SOURCE = path.join(ROOT, 'src/cli.ts');

/** Newest modification time of the TypeScript sources under `dir` (0 when none). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Whether dist/ was built after every source file was last written. The built CLI starts in
 * ~1 s where tsx takes ~3 s (it compiles the sources at every start), and the suite spawns the
 * CLI a few hundred times; a stale build would test old code, so then tsx runs the sources.
 */
export function builtCliIsFresh(): boolean {
  try {
    return statSync(BUILT).mtimeMs >= newestSource(path.join(ROOT, 'src'));
  } catch {
    return false;
  }
}

/** Node arguments that start the CLI: the build when the global setup found it fresh, else the sources through tsx. */
export function cliEntry(): string[] {
  return process.env.MEDIACOMMUNS_TEST_CLI === 'dist' ? [BUILT] : ['--import', 'tsx', SOURCE];
}
