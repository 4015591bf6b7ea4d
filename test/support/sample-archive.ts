import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { allSteps, PIPELINE_VERSION } from '../../src/pipeline/steps/index.js';
import { lastIngestPath } from '../../src/services/archive/archive-status.js';
import { STAMP_FILE as SAMPLE_STAMP_FILE } from '../../scripts/sample/index.js';
import { runCli, type CliRun } from './cli.js';

/**
 * The short sample edition ingested by the real CLI, once, into a shared read-only folder that
 * the browser tests, the page-weight test and the web bench copy from. Rebuilt when the sample
 * or the pipeline version changes; built in a temporary sibling and renamed into place, so a
 * crashed or concurrent build is never mistaken for a finished one.
 */
export const SHORT_ARCHIVE_DIR = path.resolve('test/.fixtures/archive-short');
const ARCHIVE_STAMP_FILE = '.archive-version';
/** Beside the items: what the ingest that made them printed and reported (see copySampleIngest). */
const INGEST_RUN_FILE = '.ingest-run.json';
const SOURCES = path.resolve(import.meta.dirname, '../../src');

/** What the ingest of the archive said and reported, and which sources said it. */
interface IngestRunRecord {
  /** sourcesDigest() when the ingest ran. */
  sources: string;
  run: CliRun;
  /** The run's DATA_DIR/.state/last-ingest.json, as written. */
  lastIngest: string;
}

/** A digest of every file under src/ (paths and contents): the code a recorded run's output came from. */
async function sourcesDigest(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else hash.update(`${path.relative(SOURCES, full)}\0`).update(await readFile(full)).update('\0');
    }
  };
  await walk(SOURCES);
  return hash.digest('hex');
}

async function sampleStamp(sampleDir: string): Promise<string> {
  const parsed = JSON.parse(await readFile(path.join(sampleDir, SAMPLE_STAMP_FILE), 'utf8')) as { stamp?: unknown };
  if (typeof parsed.stamp !== 'string') throw new Error(`${sampleDir}/${SAMPLE_STAMP_FILE}: no stamp (make the sample first)`);
  return parsed.stamp;
}

async function readArchiveStamp(dir: string): Promise<string | null> {
  try {
    return (await readFile(path.join(dir, ARCHIVE_STAMP_FILE), 'utf8')).trim();
  } catch {
    return null;
  }
}

/** Ingests the sample once (about 20 s on two cores); later calls return at once. */
export async function ensureSampleArchive(sampleDir: string, out = SHORT_ARCHIVE_DIR): Promise<{ dir: string; built: boolean }> {
  // A step's new version or declarations make a new archive, as they would re-run that step on a real one.
  const steps = JSON.stringify(allSteps().map((step) => [step.name, step.version, step.reads ?? null, step.needs ?? null]));
  // "ingest-run 1": archives made before the run's record was kept beside the items are made again.
  const stamp = `sample ${await sampleStamp(sampleDir)} pipeline ${PIPELINE_VERSION} ${steps} ingest-run 1`;
  if ((await readArchiveStamp(out)) === stamp) return { dir: out, built: false };

  // A sibling of the target: same filesystem, so the final rename is atomic.
  const work = await mkdtemp(`${out}.building-`);
  try {
    // No speech-to-text: recordings without captions stay without transcript, as on a machine with no model.
    const sources = await sourcesDigest();
    const run = await runCli(['ingest', '--plain', path.join(sampleDir, 'programme.csv')], { DATA_DIR: work, TRANSCRIBER: 'none' });
    if (run.code !== 0) throw new Error(`ingest of the sample edition into ${work} exited ${run.code}:\n${run.stderr}`);
    // The run's own output and report, kept for the test of the ingest itself (it need not ingest the edition again).
    const record: IngestRunRecord = { sources, run, lastIngest: await readFile(lastIngestPath(work), 'utf8') };
    // Only the archive itself is kept: the ingest's own search index, work and cache folders are not.
    for (const entry of await readdir(work)) if (entry !== 'items') await rm(path.join(work, entry), { recursive: true, force: true });
    await writeFile(path.join(work, INGEST_RUN_FILE), JSON.stringify(record));
    await writeFile(path.join(work, ARCHIVE_STAMP_FILE), `${stamp}\n`);
    const stale = `${out}.stale-${process.pid}`;
    await rename(out, stale).catch(() => undefined);
    try {
      await rename(work, out);
    } catch (error) {
      // Another process finished the same build first: keep theirs if it is current.
      if ((await readArchiveStamp(out)) !== stamp) throw error;
    }
    await rm(stale, { recursive: true, force: true });
    return { dir: out, built: true };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The shared archive's folder, as global setup made it (env SHORT_ARCHIVE_DIR) or the default. */
export function sampleArchiveDir(): string {
  const failure = process.env.SHORT_ARCHIVE_ERROR;
  if (failure) throw new Error(`the sample archive could not be built in global setup: ${failure}`);
  return process.env.SHORT_ARCHIVE_DIR ?? SHORT_ARCHIVE_DIR;
}

/**
 * A private copy of the ingested sample in a fresh temporary DATA_DIR: every test file serves
 * its own copy with its own Meilisearch, never the shared folder.
 */
export async function copySampleArchive(from = sampleArchiveDir()): Promise<FsBlobStore> {
  if ((await readArchiveStamp(from)) === null) throw new Error(`${from}: no ingested sample archive (global setup builds it)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-sample-archive-'));
  await cp(path.join(from, 'items'), path.join(dir, 'items'), { recursive: true });
  return new FsBlobStore(dir);
}

/** The manifests of an archive folder, by id: tests pick their items from them, not from guessed ids. */
export async function sampleManifests(dir = sampleArchiveDir()): Promise<Manifest[]> {
  const ids = (await readdir(path.join(dir, 'items'))).sort();
  return Promise.all(ids.map(async (id) => parseManifest(await readFile(path.join(dir, 'items', id, 'manifest.json'), 'utf8'))));
}

/**
 * The shared archive's ingest as it ran (exit code, stdout, stderr) and a private copy of what it
 * left: the items, and its report in .state/ where `status` reads it. null when the archive is
 * not available or its run's output came from other sources than the current ones (src/ changed
 * since: the archive is rebuilt only when the pipeline changes): then a test ingests for itself.
 */
export async function copySampleIngest(from?: string): Promise<{ run: CliRun; store: FsBlobStore } | null> {
  let dir: string;
  let record: IngestRunRecord;
  try {
    dir = from ?? sampleArchiveDir();
    record = JSON.parse(await readFile(path.join(dir, INGEST_RUN_FILE), 'utf8')) as IngestRunRecord;
  } catch {
    return null;
  }
  if (record.sources !== (await sourcesDigest())) return null;
  const store = await copySampleArchive(dir);
  await mkdir(path.dirname(lastIngestPath(store.root)), { recursive: true });
  await writeFile(lastIngestPath(store.root), record.lastIngest);
  return { run: record.run, store };
}

/** Removes a private copy made by copySampleArchive. */
export async function removeArchiveCopy(store: FsBlobStore): Promise<void> {
  await rm(store.root, { recursive: true, force: true });
}
