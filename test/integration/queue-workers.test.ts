import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSampleTimeline, type SampleTimeline } from '../../scripts/sample/texts.js';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { BullmqJobQueue } from '../../src/adapters/job-queue/bullmq-job-queue.js';
import { parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { runCli, startCli, type CliRun } from '../support/cli.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { startTestRedis, type TestRedis } from '../support/redis.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';
import { scratchParent } from '../support/scratch.js';
import { until } from '../support/wait.js';

const BROKEN_ID = '2025-strasbourg-fichier-abime';
const BROKEN_FILE = 'talks/fichier-abime.mp4';

/**
 * Where the workers store the archive: the filesystem (one DATA_DIR, as a shared volume) or an
 * S3 server, with each worker on a DATA_DIR of its own: two machines that share nothing but
 * Redis and the bucket.
 */
interface ArchiveUnderTest {
  env: Record<string, string>;
  /** Each worker's own local folder (work copies, checksum cache), or none: the shared DATA_DIR. */
  separateMachines: boolean;
  read(key: string): Promise<Buffer | null>;
  keys(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

async function keysOf(store: { list(prefix: string): AsyncIterable<{ key: string }> }, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const blob of store.list(prefix)) keys.push(blob.key);
  return keys;
}

const STORES: Record<'fs' | 's3', (dataDir: string) => Promise<ArchiveUnderTest>> = {
  fs: async (dataDir) => ({
    env: {},
    separateMachines: false,
    read: async (key) => (existsSync(path.join(dataDir, key)) ? readFileSync(path.join(dataDir, key)) : null),
    keys: (prefix) => keysOf(new FsBlobStore(dataDir), prefix),
    close: async () => {},
  }),
  s3: async () => {
    const s3: TestS3 = await startTestS3();
    const store = s3.store();
    return { env: s3.env, separateMachines: true, read: (key) => store.getBuffer(key), keys: (prefix) => keysOf(store, prefix), close: () => s3.dispose() };
  },
};

/**
 * The scale-out ingest with real processes: Redis, two `worker` processes of the real CLI and
 * `ingest` submitting the short sample edition (plus one corrupt recording) to them, each item
 * a chain of steps. One worker is killed (SIGKILL) in the middle of a step: the other takes the
 * step over once its lock expires (with S3, on a machine of its own that fetches the earlier
 * steps' files from the bucket), and the edition completes, every file stored with the
 * checksum its manifest gives. The run's files and Meilisearch are on a tmpfs (scratchParent).
 */
describe.each(['fs', 's3'] as const)('ingest on two workers through the BullMQ queue, archive on %s', (storeKind) => {
  let redis: TestRedis;
  let archive: ArchiveUnderTest;
  let meili: TestMeili;
  let root: string;
  let dataDir: string;
  let env: Record<string, string>;
  let timeline: SampleTimeline;
  let ingest: CliRun;
  let killed: { subject: string; stage: string; worker: number };
  const workers: { child: ChildProcess; done: Promise<CliRun>; stdout: () => string }[] = [];
  const manifests = new Map<string, Manifest>();
  /** The worker that was not killed, and the one started in the killed one's place. */
  let survivors: CliRun[];
  let wallSeconds = 0;

  beforeAll(async () => {
    [redis, meili] = await Promise.all([startTestRedis(), startTestMeili({ inMemory: true })]);
    root = mkdtempSync(path.join(scratchParent(), 'mc-queue-'));
    dataDir = path.join(root, 'data');
    archive = await STORES[storeKind](dataDir);
    // The programme folder stands for the share every worker mounts at the same path.
    const incoming = path.join(root, 'incoming');
    cpSync(SHORT_SAMPLE_DIR, incoming, { recursive: true });
    writeFileSync(path.join(incoming, BROKEN_FILE), 'Compte rendu de la table ronde, à relire.\n'.repeat(50));
    appendFileSync(path.join(incoming, 'programme.csv'),
      `${BROKEN_ID},2025 Strasbourg,2025-10-30,Un export abîmé,talk,Accessibilité,Jeanne Martin (La Mednum),fr,CC-BY-4.0,,${BROKEN_FILE},,,,\n`);
    timeline = await readSampleTimeline(SHORT_SAMPLE_DIR);
    env = {
      DATA_DIR: dataDir, QUEUE: 'bullmq', REDIS_URL: redis.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey, TRANSCRIBER: 'none', ...archive.env,
    };

    const started = performance.now();
    const own = (n: number): Record<string, string> => (archive.separateMachines ? { DATA_DIR: path.join(root, `worker-${n}`) } : {});
    for (let i = 0; i < 2; i++) workers.push(startCli(['worker', '--lock-seconds', '5'], { ...env, ...own(i + 1) }));
    // A worker that exits or hangs before it is ready fails here with what it printed.
    await Promise.all(workers.map((w, n) => Promise.race([
      until(() => w.stdout().includes('waiting for jobs'), 60_000, `worker ${n + 1} ready`),
      w.done.then((run) => { throw new Error(`worker ${n + 1} exited ${run.code} before it was ready: ${run.stderr.trim()}`); }),
    ]).catch((error: unknown) => { throw new Error(`${(error as Error).message}\nstdout: ${w.stdout().trim()}`); })));
    const submitted = startCli(['ingest', '--plain', path.join(incoming, 'programme.csv')], env);

    // Kill a worker while it runs a step of a recording with at least one step done: the step
    // is active, locked to that worker, and the store has the earlier steps' results.
    const queue = new BullmqJobQueue({ url: redis.url });
    try {
      killed = await until(async () => {
        const overview = await queue.overview();
        for (const job of overview.jobs.filter((j) => j.state === 'active' && j.subject !== BROKEN_ID && j.steps.some((s) => s.state === 'done'))) {
          const worker = workers.findIndex((w) => lastStarted(w.stdout())?.subject === job.subject);
          const running = lastStarted(workers[worker]?.stdout() ?? '');
          if (worker >= 0 && running && running.stage === job.step) return { subject: job.subject, stage: running.stage, worker };
        }
        return null;
      }, 120_000, 'a worker in the middle of a job');
    } finally {
      await queue.close();
    }
    workers[killed.worker]?.child.kill('SIGKILL');
    // The killed machine comes back as a new worker (the kill comes early: alone, the survivor
    // did most of the edition one step at a time). The killed step goes to whichever of the two
    // finds it first once its lock expires: either way, a worker other than the one that died.
    const replacement = startCli(['worker', '--lock-seconds', '5'], { ...env, ...own(3) });
    workers.push(replacement);

    ingest = await submitted.done;
    wallSeconds = (performance.now() - started) / 1000;
    for (const item of timeline.items) {
      const manifest = await archive.read(`items/${item.id}/manifest.json`);
      if (manifest) manifests.set(item.id, parseManifest(manifest.toString('utf8')));
    }
    const others = [workers[1 - killed.worker], replacement].filter((w) => w !== undefined);
    for (const w of others) w.child.kill('SIGTERM');
    survivors = await Promise.all(others.map((w) => w.done));
  }, 600_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all([redis?.stop(), meili?.stop(), archive?.close()]);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('completes the edition although a worker was killed mid-step: another took the step over', () => {
    process.stdout.write(`queue-workers (${storeKind}): edition ingested by two workers (one killed) in ${wallSeconds.toFixed(1)} s\n`);
    expect(ingest.stdout).toMatch(/8 ingested, 0 updated, 0 unchanged, 1 failed/);
    expect(ingest.code).toBe(1); // the corrupt recording
    expect(manifests.size).toBe(8);
    // Another worker ran the killed step again (a second attempt), and the rest of that item ended on one of them.
    const retaken = survivors.filter((run) => new RegExp(`^${killed.subject}: ${killed.stage} started \\(attempt 2\\)$`, 'm').test(run.stdout));
    expect(retaken).toHaveLength(1);
    expect(survivors.map((run) => run.stdout).join('')).toMatch(new RegExp(`${killed.subject}: ingested in`));
    for (const run of survivors) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('worker stopped');
    }
  });

  it('stores every file with the checksum its manifest gives', async () => {
    for (const manifest of manifests.values()) {
      expect(manifest.files.length, manifest.id).toBeGreaterThan(1);
      for (const file of manifest.files) {
        const bytes = await archive.read(file.key);
        expect(bytes, file.key).not.toBeNull();
        expect(createHash('sha256').update(bytes ?? '').digest('hex'), file.key).toBe(file.sha256);
      }
    }
    const killedItem = manifests.get(killed.subject);
    // The job the killed worker held was finished by the other one: its media is all there.
    expect(killedItem?.downloads.length ?? 0, killed.subject).toBeGreaterThan(0);
    if (killedItem?.media.class !== 'document') expect(killedItem?.hls?.master, killed.subject).toMatch(/\/hls\/master\.m3u8$/);
  });

  it('fails the corrupt recording at once, with its file and cause, while the others complete', () => {
    const line = ingest.stderr.split('\n').find((l) => l.startsWith(`error: ${BROKEN_ID}`));
    expect(line).toMatch(new RegExp(`^error: ${BROKEN_ID} ${BROKEN_FILE}: .*(not a (media|video)|text|invalid|format)`, 'i'));
    // Bad input is not retried: one attempt of the probe, on whichever worker took it, and no step after it.
    const lines = workers.map((w) => w.stdout()).join('').split('\n').filter((l) => l.startsWith(`${BROKEN_ID}: `));
    expect(lines.filter((l) => l.includes(' started'))).toEqual([`${BROKEN_ID}: probe started`]);
  });

  it('publishes nothing for the corrupt recording, keeps nothing of it, and leaves no work in progress', async () => {
    expect(await archive.keys(`items/${BROKEN_ID}/`)).toEqual([]);
    expect(await archive.keys('staging/')).toEqual([]);
  });

  it('has the workers index what they publish', async () => {
    const stats = await fetch(`${meili.url}/indexes/items/stats`, { headers: { Authorization: `Bearer ${meili.apiKey}` } });
    // A worker never fails a job for search: what it could not index, it says on stderr.
    const warnings = (await Promise.all(workers.map((w) => w.done))).flatMap((run) => run.stderr.split('\n').filter((l) => l.includes('search')));
    expect(((await stats.json()) as { numberOfDocuments: number }).numberOfDocuments, warnings.join('\n')).toBe(8);
  });

  it('shows the queue in status: counts, and the failed job with its step and cause', async () => {
    const [status, jsonStatus] = await Promise.all([runCli(['status'], env), runCli(['status', '--json'], env)]);
    expect(status.stdout).toMatch(/Queue: 0 waiting, 0 active, 0 to retry, 8 done, 1 failed/);
    expect(status.stdout).toMatch(new RegExp(`error: ${BROKEN_ID} ${BROKEN_FILE}: .+ \\(in probe, after 1 attempt\\)`));
    const json = JSON.parse(jsonStatus.stdout) as { queue: { counts: Record<string, number>; jobs: { subject: string; state: string; step: string }[] } };
    expect(json.queue.counts).toMatchObject({ completed: 8, failed: 1 });
    expect(json.queue.jobs).toContainEqual(expect.objectContaining({ subject: BROKEN_ID, state: 'failed', step: 'probe' }));
  }, 60_000);

  it('re-running the ingest with one summary changed: the others unchanged, that one rewritten and indexed without the workers, only the failed one queued again', async () => {
    const csv = path.join(root, 'incoming', 'programme.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('"Une médiatrice numérique raconte', '"Un résumé tout neuf sur les jardins partagés. Une médiatrice numérique raconte'));
    const rerun = await runCli(['ingest', '--plain', '--no-wait', csv], env);
    expect(rerun.stdout.split('\n').filter((l) => /: unchanged \(/.test(l))).toHaveLength(7);
    const updated = rerun.stdout.split('\n').filter((l) => /: updated \(/.test(l));
    expect(updated).toHaveLength(1);
    // Queued: the failed recording alone; the metadata change needed no step of the workers.
    expect(rerun.stdout).toMatch(/1 job\(s\) queued for the workers; follow them with `mediacommuns status`/);
    expect(rerun.code).toBe(0);
    const id = updated[0]?.split(':')[0] ?? '';
    // Rewritten and searchable before any worker runs again.
    expect((await archive.read(`items/${id}/manifest.json`))?.toString('utf8')).toContain('jardins partagés');
    const search = await fetch(`${meili.url}/indexes/items/search`, {
      method: 'POST', headers: { Authorization: `Bearer ${meili.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ q: 'jardins partagés' }),
    });
    expect(((await search.json()) as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual([id]);

    const worker = startCli(['worker'], env);
    workers.push(worker);
    const queue = new BullmqJobQueue({ url: redis.url });
    try {
      await until(async () => {
        const { counts } = await queue.overview();
        return counts.waiting + counts.active + counts.delayed === 0 && counts.completed + counts.failed === 9 ? counts : null;
      }, 120_000, 'the queue drained');
    } finally {
      await queue.close();
    }
    worker.child.kill('SIGTERM');
    const run = await worker.done;
    expect(run.stderr).toMatch(new RegExp(`error: ${BROKEN_ID} ${BROKEN_FILE}: .+ \\(probe, attempt 1, failed for good\\)`));
  }, 180_000);
});

/** The item and step of the last "<id>: <step> started" line a worker printed, if that step still runs. */
function lastStarted(stdout: string): { subject: string; stage: string } | null {
  const lines = stdout.split('\n').filter((l) => /^\S+: \S+ started( \(attempt \d+\))?$/.test(l));
  const last = lines.at(-1);
  if (!last) return null;
  const [subject = '', stage = ''] = last.split(/:? /);
  // Its step is still running if the worker has not printed its end since.
  const after = stdout.slice(stdout.lastIndexOf(last) + last.length);
  return after.includes(`${subject}: `) ? null : { subject, stage };
}

