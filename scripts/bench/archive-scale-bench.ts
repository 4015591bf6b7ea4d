/**
 * Table 9: the website over a 10,000-item archive, on the filesystem and on S3 (s3rver), with
 * the old way of keeping the catalogue (every manifest and tombstone read again) measured beside
 * the change log in the same run. Per store:
 *   - the old reload: readManifests + listTombstones + buildSnapshot, in this process (baseline)
 *   - `serve` (the real CLI, its own process) started on the archive as written before the log
 *     (it reads everything once and writes the compacted catalogue), then started again (the
 *     compacted catalogue and the log's tail): seconds from spawn until `/` answers 200
 *   - requests to the store (a counting wrapper) and time of a refresh with nothing changed,
 *     of a start from the compacted catalogue and of the full pass, in this process
 *   - a new item published (texts, manifest, log entry, as a publish writes them) while `serve`
 *     runs: seconds until its edition page answers (the periodic refresh, every 30 s) and until
 *     another new item's own page answers (an unknown id refreshes from the log at once)
 *   - the `serve` process's RSS after pages of every kind were asked, and its peak
 *   - `reindex` (the real CLI): items/s and passages/s
 */
import { mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { table } from '../../src/cli/format.js';
import { listingOf, type Manifest } from '../../src/domain/manifest.js';
import { mapLimit } from '../../src/lib/concurrency.js';
import { freePort } from '../../src/lib/free-port.js';
import { startWeb } from '../../src/http/start-web.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { recordChange } from '../../src/services/archive/change-log.js';
import { readManifests } from '../../src/services/archive/manifests.js';
import { listTombstones } from '../../src/services/archive/tombstones.js';
import { buildSnapshot, Catalogue } from '../../src/services/catalogue/catalogue.js';
import { runCli, startCli } from '../../test/support/cli.js';
import { buildCli } from './scale-bench.js';
import { CountingStore } from '../../test/support/counting-store.js';
import { startTestMeili, type TestMeili } from '../../test/support/meili.js';
import { startTestS3, type TestS3 } from '../../test/support/s3-server.js';
import { ensureSampleArchive, sampleManifests } from '../../test/support/sample-archive.js';
import { fsWriter, generatedItem, storeWriter, writeArchive, writeGenerated } from './scale-archive.js';

/** Settings that define a run: whatever the caller's environment says, each run sets its own. */
const RUN_VARIABLES = /^(DATA_DIR|PORT|STORAGE|S3_.*|QUEUE|REDIS_URL|MEILI_URL|MEILI_MASTER_KEY|PUBLIC_URL)$/;
const POLL_MS = 200;
/** The edition of the items published while `serve` runs: its page exists only once the first is seen. */
const NEW_EDITION = { year: 2026, city: 'Marseille' };
const MB = 1024 * 1024;

interface StoreRun {
  label: string;
  /** A store over the archive, for the measures made in this process. */
  store: BlobStore;
  env: Record<string, string>;
  /** Absent: no reindex on this store. `prepare` runs first (not timed). */
  reindex?: { prepare(): Promise<void> };
}

interface StoreFigures {
  label: string;
  writeSeconds: number;
  old: { seconds: number; requests: number };
  migrationReady: number;
  compactedReady: number;
  appReady: number;
  start: { seconds: number; requests: number };
  refresh: { seconds: number; requests: number };
  fullPass: { seconds: number; requests: number };
  visibleListed: number;
  visibleAsked: number;
  rss: number;
  peakRss: number;
  reindex: { items: number; passages: number; seconds: number } | null;
}

const seconds = (from: number): number => (performance.now() - from) / 1000;

async function timed<T>(store: CountingStore, run: () => Promise<T>): Promise<{ seconds: number; requests: number; value: T }> {
  store.reset();
  const t0 = performance.now();
  const value = await run();
  return { seconds: seconds(t0), requests: store.total, value };
}

/** What the catalogue did before the change log, on every load (startup and every 30 s). */
async function oldReload(store: BlobStore): Promise<number> {
  const manifests: Manifest[] = [];
  for await (const manifest of readManifests(store)) manifests.push(manifest);
  return buildSnapshot(manifests.map((m) => listingOf(m, '')), [], await listTombstones(store)).items.length;
}

async function until(ok: () => Promise<boolean>, limitMs: number, what: string): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if (await ok().catch(() => false)) return seconds(t0);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`${what}: not after ${limitMs / 1000} s`);
}

const answers = (url: string) => async (): Promise<boolean> => (await fetch(url)).status === 200;

async function rssOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** `serve` in its own process: seconds from spawn until `/` answers; stop() ends it by its PID and waits. */
async function startServe(env: Record<string, string>): Promise<{ url: string; pid: number; ready: number; stop(): Promise<void> }> {
  const port = await freePort();
  const t0 = performance.now();
  const cli = startCli(['serve', '--port', String(port), '--host', '127.0.0.1'], { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  const exited = cli.done.then((run) => {
    throw new Error(`serve exited ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  });
  await Promise.race([until(answers(`${url}/`), 120_000, 'serve ready'), exited]);
  const ready = seconds(t0);
  const pid = cli.child.pid as number;
  return {
    url, pid, ready,
    async stop() {
      process.kill(pid, 'SIGTERM');
      await cli.done;
    },
  };
}

async function measureStore(run: StoreRun, templates: readonly Manifest[], count: number, meili: TestMeili, writeAll: () => Promise<unknown>): Promise<StoreFigures> {
  const t0 = performance.now();
  await writeAll();
  const writeSeconds = seconds(t0);
  const counted = new CountingStore(run.store);
  const env = { ...run.env, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey };

  const step = (what: string): void => void process.stderr.write(`table 9, ${run.label}: ${what} (${seconds(t0).toFixed(0)} s)\n`);
  step('archive written');
  const old = await timed(counted, () => oldReload(counted));
  step('old reload');
  if (old.value !== count) throw new Error(`${run.label}: ${old.value} items read, ${count} written`);

  const migration = await startServe(env); // the archive as written before the log: read once, compacted
  await migration.stop();
  step('first serve');
  const serve = await startServe(env);
  step('second serve');
  try {
    const catalogue = new Catalogue(counted);
    const start = await timed(counted, () => catalogue.snapshot());
    const refresh = await timed(counted, () => catalogue.refresh());
    const fullPass = await timed(counted, () => catalogue.reload());
    await catalogue.idle();
    // The app's own part of a start, without the process's (Node, modules): startWeb until `/` answers.
    const index = meili.connect();
    await index.open();
    const t2 = performance.now();
    const web = await startWeb({ store: run.store, index, port: 0, host: '127.0.0.1', log: () => {} });
    await until(answers(`http://127.0.0.1:${web.port}/`), 60_000, 'startWeb');
    const appReady = seconds(t2);
    await web.close();

    const put = storeWriter(run.store);
    const listed = generatedItem(templates, count + 1, NEW_EDITION);
    await writeGenerated(put, listed);
    await recordChange(run.store, listed.manifest.id, 'published');
    const visibleListed = await until(answers(`${serve.url}/editions/${listed.manifest.edition.slug}`), 90_000, 'new edition page');
    const asked = generatedItem(templates, count + 2, NEW_EDITION);
    await writeGenerated(put, asked);
    await recordChange(run.store, asked.manifest.id, 'published');
    const kind = asked.manifest.kind === 'document' ? 'documents' : asked.manifest.kind === 'podcast' ? 'podcasts' : 'talks';
    const visibleAsked = await until(answers(`${serve.url}/${kind}/${asked.manifest.id}`), 90_000, 'new item page');

    const some = (await catalogue.snapshot()).items.slice(0, 40);
    for (const manifest of some) {
      const section = manifest.kind === 'document' ? 'documents' : manifest.kind === 'podcast' ? 'podcasts' : 'talks';
      for (const page of [`/${section}/${manifest.id}`, `/en/${section}/${manifest.id}`, `/editions/${manifest.edition.slug}`, `/recherche?q=${encodeURIComponent(manifest.title.split(' ')[0] ?? '')}`]) await fetch(`${serve.url}${page}`);
    }
    for (const page of ['/', '/en/', '/api/items', '/sitemap.xml', '/feeds/podcasts.xml']) await fetch(`${serve.url}${page}`);
    const memory = await rssOf(serve.pid);
    await serve.stop();
    step('published, pages asked');

    let done: RegExpExecArray | null = null;
    let reindexSeconds = 0;
    if (run.reindex) {
      await run.reindex.prepare();
      const t1 = performance.now();
      const reindexRun = await runCli(['reindex'], env);
      reindexSeconds = seconds(t1);
      done = /Reindexed (\d+) item\(s\) and (\d+) passage\(s\)/.exec(reindexRun.stdout);
      if (!done) console.log(`reindex on ${run.label} exited ${reindexRun.code}: ${reindexRun.stderr.trim().split('\n').slice(-2).join(' | ')}`);
    }
    return {
      label: run.label, writeSeconds, old: { seconds: old.seconds, requests: old.requests },
      migrationReady: migration.ready, compactedReady: serve.ready, appReady,
      start: { seconds: start.seconds, requests: start.requests }, refresh: { seconds: refresh.seconds, requests: refresh.requests }, fullPass: { seconds: fullPass.seconds, requests: fullPass.requests },
      visibleListed, visibleAsked, rss: memory.rss, peakRss: memory.peak,
      reindex: done ? { items: Number(done[1]), passages: Number(done[2]), seconds: reindexSeconds } : null,
    };
  } finally {
    await serve.stop().catch(() => undefined);
  }
}

/**
 * `reindex` indexes again, one at a time, every manifest written in the 5 minutes before it
 * starts (they may have gone to the indexes it replaces): on an archive written a moment ago that
 * is all of them. Dated an hour back, they are what an archive in service is: the manifests of
 * the two items published during the run stay new and are caught up as they would be.
 */
async function ageManifests(root: string, count: number): Promise<void> {
  const hourAgo = new Date(Date.now() - 3_600_000);
  const ids = (await readdir(path.join(root, 'items'))).filter((id) => !id.startsWith(`${NEW_EDITION.year}-`));
  if (ids.length !== count) throw new Error(`${root}: ${ids.length} items of the archive, ${count} written`);
  await mapLimit(ids, 16, (id) => utimes(path.join(root, 'items', id, 'manifest.json'), hourAgo, hourAgo));
}

export async function runArchiveScaleBench(options: { items: number; sampleDir: string; stores?: readonly string[] }): Promise<void> {
  const wanted = (store: 'fs' | 's3'): boolean => !options.stores || options.stores.includes(store);
  // `serve` and `reindex` measured as users run them: the compiled CLI (bin/mediacommuns.js), not tsx.
  const cli = buildCli();
  if (cli.how.startsWith('node')) process.env.MEDIACOMMUNS_TEST_CLI = 'dist';
  console.log(`CLI measured: ${cli.how}\n`);
  const { dir } = await ensureSampleArchive(options.sampleDir);
  const templates = await sampleManifests(dir);
  // The CLI's processes inherit this environment: only the settings of each run may reach them.
  const saved = Object.entries(process.env).filter(([name]) => RUN_VARIABLES.test(name));
  for (const [name] of saved) delete process.env[name];
  const cleanEnv: Record<string, string> = {};
  const meili: TestMeili = await startTestMeili();
  const s3: TestS3 = await startTestS3();
  const dataDirs: string[] = [];
  const figures: StoreFigures[] = [];
  let manifestBytes = 0;
  let floor: { ready: number; rss: number } | null = null;
  try {
    // What any start costs (Node, the app's modules, Meilisearch opened) and weighs: `serve` on an empty archive.
    const emptyDir = await mkdtemp(path.join(tmpdir(), 'mc-scale-empty-'));
    dataDirs.push(emptyDir);
    const empty = await startServe({ ...cleanEnv, DATA_DIR: emptyDir, STORAGE: 'fs', MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey });
    for (const page of ['/', '/en/', '/api/items', '/recherche?q=communs', '/sitemap.xml']) await fetch(`${empty.url}${page}`);
    floor = { ready: empty.ready, rss: (await rssOf(empty.pid)).rss };
    await empty.stop();
    const fsDir = await mkdtemp(path.join(tmpdir(), 'mc-scale-fs-'));
    dataDirs.push(fsDir);
    const reindex = { prepare: () => ageManifests(fsDir, options.items) };
    if (wanted('fs')) figures.push(await measureStore({ label: 'filesystem', store: new FsBlobStore(fsDir), env: { ...cleanEnv, DATA_DIR: fsDir, STORAGE: 'fs' }, reindex }, templates, options.items, meili, async () => {
      manifestBytes = (await writeArchive(fsWriter(fsDir), templates, options.items, 16)).manifestBytes;
    }));
    const s3Data = await mkdtemp(path.join(tmpdir(), 'mc-scale-s3-'));
    dataDirs.push(s3Data);
    const s3Store = s3.store();
    if (wanted('s3')) figures.push(await measureStore({ label: 'S3 (s3rver)', store: s3Store, env: { ...cleanEnv, ...s3.env, DATA_DIR: s3Data } }, templates, options.items, meili, () => writeArchive(storeWriter(s3Store), templates, options.items, 16)));
  } finally {
    await s3.dispose();
    await meili.stop();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
    for (const [name, value] of saved) process.env[name] = value;
  }
  printTable(figures, options.items, manifestBytes, floor);
}

function printTable(figures: readonly StoreFigures[], items: number, manifestBytes: number, floor: { ready: number; rss: number } | null): void {
  const s = (value: number): string => `${value.toFixed(2)} s`;
  const req = (value: number): string => `${value} request${value === 1 ? '' : 's'}`;
  const rows: string[][] = floor ? [['filesystem', '`serve` on an empty archive: ready / RSS after 5 pages (the floor of both)', '–', `${s(floor.ready)} / ${Math.round(floor.rss / MB)} MB`, '–']] : [];
  for (const f of figures) {
    rows.push(
      [f.label, 'reload, nothing changed (every 30 s)', `${s(f.old.seconds)}, ${req(f.old.requests)}`, `${s(f.refresh.seconds)}, ${req(f.refresh.requests)}`, `≤ ${items / 1000} requests`],
      [f.label, 'catalogue start, in process', `${s(f.old.seconds)}, ${req(f.old.requests)}`, `${s(f.start.seconds)}, ${req(f.start.requests)}`, '–'],
      [f.label, 'full pass (heals; `reload()`, hourly in the background)', '–', `${s(f.fullPass.seconds)}, ${req(f.fullPass.requests)}`, '–'],
      [f.label, '`serve` ready: spawn → `/` answers', `${s(f.migrationReady)} (archive without log: read once, compacted)`, s(f.compactedReady), '≤ 5 s'],
      [f.label, '`serve` ready in this process (startWeb → `/` answers, modules loaded)', '–', s(f.appReady), '≤ 5 s'],
      [f.label, 'new item visible: its edition page (periodic refresh) / its own page (unknown id)', '≤ 30 s + a full listing', `${s(f.visibleListed)} / ${s(f.visibleAsked)}`, '≤ 30 s'],
      [f.label, '`serve` RSS after ~170 pages / peak', '–', `${Math.round(f.rss / MB)} MB / ${Math.round(f.peakRss / MB)} MB`, '≤ 300 MB'],
    );
    if (f.reindex) rows.push([f.label, '`reindex`', '–', `${f.reindex.items} items, ${f.reindex.passages} passages in ${s(f.reindex.seconds)}: ${Math.round(f.reindex.items / f.reindex.seconds)} items/s, ${Math.round(f.reindex.passages / f.reindex.seconds)} passages/s`, 'reported']);
  }
  console.log(table(['store', 'measure', 'full listing (before)', 'change log (now)', 'target'], rows));
  const writes = figures.map((f) => `${f.label} ${f.writeSeconds.toFixed(0)} s`).join(', ');
  console.log(`\nreindex on the filesystem only: it indexes again, one at a time, every manifest written in the 5 minutes before it, which on S3 (s3rver dates objects itself) is the whole archive just written.`);
  console.log(`${items.toLocaleString('en')} items made from the short sample's manifests (${Math.round(manifestBytes / items / 1024)} KiB of manifest each, ${Math.round(manifestBytes / MB)} MB in all), each with one transcript of 6 cues or 3 pages: a few passages per item, to keep the bench short (written in ${writes}). `
    + 'Requests counted by a wrapper around the store, a listing as one request per 1,000 keys as S3 bills it; the old reload reads one manifest at a time, the full pass 16 at a time. '
    + `\`serve\` and \`reindex\` run as the real CLI (the build, or tsx if it failed: "CLI measured" above; its start included), against one Meilisearch; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
}
