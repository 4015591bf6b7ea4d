import path from 'node:path';
import { makeSample } from '../scripts/sample/index.js';

/** Where the 2–5 s version of the sample edition lives; made once, reused while its stamp matches. */
export const SHORT_SAMPLE_DIR = path.resolve('test/.fixtures/sample-short');

export default async function setup(): Promise<void> {
  const started = Date.now();
  await makeSample({ out: SHORT_SAMPLE_DIR, short: true });
  process.stdout.write(`short sample edition ready in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
}
