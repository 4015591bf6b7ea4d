/**
 * Generates the sample corpus (one edition, eight items, programme.csv), offline:
 *   npx tsx scripts/make-sample.ts [--out DIR] [--short]
 * --short makes 2–5 s recordings at small sizes for the automated tests.
 */
import { parseArgs } from 'node:util';
import { makeSample } from './sample/index.js';

const USAGE = `Usage: npx tsx scripts/make-sample.ts [--out DIR] [--short]

Generates the sample corpus "2025 Strasbourg": three slide talks, a round table, two podcasts,
a vertical phone video and a PDF magazine, with programme.csv, captions and extra tracks.

  --out DIR   output folder (default: sample)
  --short     2-5 s recordings at small sizes, for the automated tests
  --help      show this help
`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string', default: 'sample' },
        short: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const result = await makeSample({
    out: values.out ?? 'sample',
    short: values.short ?? false,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`programme: ${result.programme}\n`);
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`make-sample: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
