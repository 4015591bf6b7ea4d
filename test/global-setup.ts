import path from 'node:path';
import { makeSample } from '../scripts/sample/index.js';
import { builtCliIsFresh } from './support/cli-entry.js';
import { rm } from 'node:fs/promises';
import { ensureSampleArchive } from './support/sample-archive.js';
import { buildSampleSearch } from './support/sample-search.js';

/** Where the 2–5 s version of the sample edition lives; made once, reused while its stamp matches. */
export const SHORT_SAMPLE_DIR = path.resolve('test/.fixtures/sample-short');

export default async function setup(): Promise<() => Promise<void>> {
  const teardown: (() => Promise<void>)[] = [];
  const started = Date.now();
  // Spawned CLIs run the build when it is newer than every source (CI builds it at setup).
  process.env.MEDIACOMMUNS_TEST_CLI = builtCliIsFresh() ? 'dist' : 'tsx';
  process.stdout.write(`CLI under test: ${process.env.MEDIACOMMUNS_TEST_CLI === 'dist' ? 'dist/cli.js (built after the last source change)' : 'src/cli.ts through tsx (dist/ is older than the sources: npm run build)'}\n`);
  await makeSample({ out: SHORT_SAMPLE_DIR, short: true });
  process.stdout.write(`short sample edition ready in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  // The same edition ingested once by the real CLI, for the pages, the browser tests and the web bench.
  // A failed ingest fails only the files that need the archive (with its cause), not the whole run.
  try {
    const archive = await ensureSampleArchive(SHORT_SAMPLE_DIR);
    process.env.SHORT_ARCHIVE_DIR = archive.dir;
    if (archive.built) process.stdout.write(`short sample archive ingested in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
    // Its search index, built once by this run's code, for the files that serve an unchanged copy
    // (without it, each of them indexes its copy itself).
    try {
      const search = await buildSampleSearch(archive.dir);
      teardown.push(() => rm(search.dir, { recursive: true, force: true }));
      process.env.SAMPLE_SEARCH_DIR = search.dir;
      process.env.SAMPLE_SEARCH_DIGEST = search.digest;
    } catch (error) {
      process.stdout.write(`sample search index not prebuilt (each file indexes its copy): ${(error as Error).message}\n`);
    }
  } catch (error) {
    process.env.SHORT_ARCHIVE_ERROR = (error as Error).message;
    process.stdout.write(`short sample archive not available: ${(error as Error).message}\n`);
  }
  return async () => {
    for (const step of teardown) await step();
  };
}
