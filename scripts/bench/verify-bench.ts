/**
 * Fixity bench: `mediacommuns verify` reading a synthetic archive back from the filesystem store
 * and from S3 (s3rver on loopback), against coreutils' `sha256sum` (and `openssl dgst -sha256`)
 * over the same files in the same run. Each way runs `repeats` times, one after the other; the files were just written, so
 * every way reads them from the page cache: what is compared is the hashing and the store's path,
 * not the disk.
 * Run alone: `npx tsx scripts/bench/verify-bench.ts`; `npm run bench -- --only 8` prints it eighth.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { table } from '../../src/cli/format.js';
import { manifestKey, type Manifest, type StoredFile } from '../../src/domain/manifest.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { copyArchive } from '../../src/services/archive/copy-archive.js';
import { readLastAudit } from '../../src/services/archive/fixity-audit.js';
import { verifyArchive } from '../../src/services/archive/verify-archive.js';
import { startTestS3 } from '../../test/support/s3-server.js';
import { freshStore, writeItem } from '../../test/support/search-archive.js';
import { spawnMeasured } from './spawn-measured.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;

export interface VerifyBenchOptions {
  short: boolean;
  repeats: number;
}

/** Items of a talk's shape in bytes: one source of `sourceMb` and `segments` HLS segments of 1 MB (random: nothing to gain from caching). */
async function syntheticArchive(items: number, sourceMb: number, segments: number): Promise<{ store: FsBlobStore; files: StoredFile[] }> {
  const store = freshStore();
  const files: StoredFile[] = [];
  for (let i = 0; i < items; i++) {
    const manifest = await writeItem(store, { id: `2030-bench-talk-${i}`, kind: 'talk', title: `Conférence ${i}`, edition: '2030 Bench' });
    const added: StoredFile[] = [];
    const put = async (rel: string, bytes: number, contentType: string): Promise<void> => {
      const key = `items/${manifest.id}/a1b2c3d4e5f6/${rel}`;
      const stored = await store.putBuffer(key, randomBytes(bytes), contentType);
      added.push({ key, size: stored.size, sha256: stored.sha256, contentType });
    };
    await put('source/talk.mp4', sourceMb * MB, 'video/mp4');
    for (let s = 0; s < segments; s++) await put(`hls/720p/segment-${String(s).padStart(5, '0')}.ts`, MB, 'video/mp2t');
    const whole: Manifest = { ...manifest, files: [...manifest.files, ...added] };
    await store.putBuffer(manifestKey(manifest.id), JSON.stringify(whole), 'application/json');
    files.push(...whole.files);
  }
  return { store, files };
}

interface Row {
  store: string;
  how: string;
  seconds: number[];
  /** The seconds the audit itself spent reading, as its report says (the CLI's wall time adds the process start). */
  reading?: number[];
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function inProcess(store: BlobStore, label: string): Promise<void> {
  const outcome = await verifyArchive(store, { item: null, sample: null, storeLabel: label, restart: true });
  if (!outcome.finished || outcome.report.result !== 'clean') throw new Error(`verify of ${label} found problems`);
}

export async function runVerifyBench(options: VerifyBenchOptions): Promise<void> {
  const [items, sourceMb, segments] = options.short ? [4, 8, 8] : [10, 30, 20];
  const { store, files } = await syntheticArchive(items, sourceMb, segments);
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const s3 = await startTestS3();
  const rows: Row[] = [];
  const scratch = mkdtempSync(path.join(tmpdir(), 'mc-verify-bench-'));
  try {
    const bucket = s3.store();
    const copied = await copyArchive(store, bucket, { scratchDir: path.join(scratch, 'copy') });
    if (copied.complete !== items) throw new Error(`copy to S3: ${copied.complete} of ${items} items`);
    const repeat = async (work: () => Promise<unknown>): Promise<number[]> => {
      const seconds: number[] = [];
      for (let i = 0; i < options.repeats; i++) seconds.push(await timed(work));
      return seconds;
    };
    const paths = files.map((f) => store.localPath(f.key));
    rows.push({ store: 'filesystem', how: 'baseline: `sha256sum` (coreutils, one process) over the same files', seconds: await repeat(() => spawnMeasured('sha256sum', paths)) });
    rows.push({ store: 'filesystem', how: '`openssl dgst -sha256` (one process) over the same files', seconds: await repeat(() => spawnMeasured('openssl', ['dgst', '-sha256', ...paths])) });
    rows.push({ store: 'filesystem', how: 'verifyArchive in-process (4 reads at once)', seconds: await repeat(() => inProcess(store, 'fs')) });
    const cli = async (over: BlobStore, env: Record<string, string>): Promise<Pick<Row, 'seconds' | 'reading'>> => {
      const reading: number[] = [];
      const seconds = await repeat(async () => {
        await spawnMeasured(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), 'verify', '--restart'], { ...process.env, ...env });
        reading.push((await readLastAudit(over))?.report.counts.seconds ?? Number.NaN);
      });
      return { seconds, reading };
    };
    rows.push({ store: 'filesystem', how: '`mediacommuns verify` (wall: process start included)', ...(await cli(store, { DATA_DIR: store.root, STORAGE: 'fs' })) });
    rows.push({ store: 'S3 (s3rver, loopback)', how: 'verifyArchive in-process (4 reads at once)', seconds: await repeat(() => inProcess(bucket, 's3')) });
    rows.push({ store: 'S3 (s3rver, loopback)', how: '`mediacommuns verify` (wall: process start included)', ...(await cli(bucket, { ...s3.env, DATA_DIR: scratch })) });
  } finally {
    await s3.dispose();
    await rm(store.root, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  }
  const baseline = mean(rows[0]?.seconds ?? [1]);
  console.log(`Synthetic archive: ${items} items, ${files.length} objects, ${(bytes / MB).toFixed(0)} MB (random bytes: a ${sourceMb} MB source and ${segments} segments of 1 MB per item).\n`);
  console.log(table(['store', 'how', 'mean s (each)', 'MB/s', 'vs sha256sum', 'reading s, as reported', 'reading MB/s'], rows.map((row) => {
    const m = mean(row.seconds);
    const r = row.reading ? mean(row.reading) : null;
    return [
      row.store, row.how, `${m.toFixed(2)} (${row.seconds.map((s) => s.toFixed(2)).join(', ')})`, (bytes / MB / m).toFixed(0), `${(m / baseline).toFixed(2)}×`,
      r === null ? '–' : `${r.toFixed(2)} (${(row.reading ?? []).map((s) => s.toFixed(2)).join(', ')})`, r === null ? '–' : (bytes / MB / r).toFixed(0),
    ];
  })));
  console.log('\nvs sha256sum: wall time over the baseline\'s (1.00× = as fast). Reading: the seconds the CLI\'s audit spent reading and hashing, from its report (without starting Node and compiling TypeScript through tsx). Debian\'s coreutils hashes with its own C code; Node, like `openssl`, hashes through OpenSSL, which uses the CPU\'s SHA instructions where it has them. s3rver is a Node server on the same 2 cores: it shares them with the reader.');
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

if (import.meta.url === `file://${process.argv[1]}`) {
  await runVerifyBench({ short: process.argv.includes('--short'), repeats: 3 });
}
