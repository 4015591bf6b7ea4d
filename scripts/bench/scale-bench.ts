/**
 * Table 4: the whole sample edition ingested by the real CLI in its scale-out shapes, each run
 * into a fresh DATA_DIR with fresh services, on this one machine:
 *   (a) `ingest` alone: in-process queue, filesystem store (the baseline)
 *   (b) QUEUE=bullmq, one `worker` process, filesystem
 *   (c) QUEUE=bullmq, two `worker` processes, filesystem
 *   (d) in-process queue, STORAGE=s3 against s3rver on loopback
 *   (e) QUEUE=bullmq, two `worker` processes, S3
 *   (f) as (e), each worker on a DATA_DIR of its own: two machines sharing only Redis, the bucket
 *       and one Meilisearch, whose steps fetch what the other machine's steps stored
 *   (g) QUEUE=bullmq, one `worker` pinned to one core (`taskset`), filesystem
 *   (h) as (g) with two workers, each pinned to a core of its own: two one-core machines
 *   (i), (j) as (g), (h) with the run's folder (store, work folders, Meilisearch, Redis) on tmpfs:
 *       two machines have a disk each, and on this one the two workers share one
 * Every run but (f) indexes for search in the archive's own Meilisearch (the default), started by
 * the app under DATA_DIR/meili. Everything a run starts is stopped by its PID before the next one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { deviceOf, diskCounters } from './disk-stats.js';
import path from 'node:path';
import { table } from '../../src/cli/format.js';
import { startTestMeili } from '../../test/support/meili.js';
import { startTestRedis } from '../../test/support/redis.js';
import { startTestS3 } from '../../test/support/s3-server.js';
import { mb, mean } from './ingest-bench.js';
import { ProcessSampler } from './process-sampler.js';
import { LineStamper, workerIdle, type StampedLine, type WorkerIdle } from './worker-timeline.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Linux clock ticks per second (USER_HZ), as in process-sampler.ts. */
const TICKS = 100;
/** Process names (`node --title`, 15 characters at most in /proc) that single out the app's processes in the samples. */
const INGEST_TITLE = 'mc-ingest';
const WORKER_TITLE = 'mc-worker';
/** The processes of a run that a deployment would not run on the workers' machines (names as /proc/<pid>/stat gives them). */
const SHARED_COMMANDS = [INGEST_TITLE, 'redis-server', 'meilisearch'];
/** Where the in-memory runs put their folder: tmpfs on Linux. */
const IN_MEMORY = '/dev/shm';
/** Settings that define a run: whatever the caller's environment says, each run sets its own. */
const RUN_VARIABLES = /^(DATA_DIR|PORT|STORAGE|S3_.*|QUEUE|REDIS_URL|MEILI_URL|MEILI_MASTER_KEY|INGEST_CONCURRENCY)$/;

interface RunSpec {
  key: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j';
  label: string;
  workers: 0 | 1 | 2;
  store: 'fs' | 's3';
  /** Each worker with a DATA_DIR of its own (as on separate machines), one shared Meilisearch. */
  separate?: true;
  /** Worker i runs on core i only (its ffmpeg children inherit the affinity): one-core machines. */
  pinned?: true;
  /** The run's folder in memory (/dev/shm): no disk at all, so none that workers share. */
  inMemory?: true;
}

const RUNS: RunSpec[] = [
  { key: 'a', label: 'ingest alone: in-process queue, filesystem', workers: 0, store: 'fs' },
  { key: 'b', label: 'BullMQ, 1 worker, filesystem', workers: 1, store: 'fs' },
  { key: 'c', label: 'BullMQ, 2 workers, filesystem', workers: 2, store: 'fs' },
  { key: 'd', label: 'ingest alone: in-process queue, S3 (s3rver)', workers: 0, store: 's3' },
  { key: 'e', label: 'BullMQ, 2 workers, S3 (s3rver)', workers: 2, store: 's3' },
  { key: 'f', label: 'BullMQ, 2 workers as 2 machines, S3 (s3rver)', workers: 2, store: 's3', separate: true },
  { key: 'g', label: 'BullMQ, 1 worker pinned to 1 core, filesystem', workers: 1, store: 'fs', pinned: true },
  { key: 'h', label: 'BullMQ, 2 workers pinned to a core each, filesystem', workers: 2, store: 'fs', pinned: true },
  { key: 'i', label: 'as (g), every folder on tmpfs', workers: 1, store: 'fs', pinned: true, inMemory: true },
  { key: 'j', label: 'as (h), every folder on tmpfs', workers: 2, store: 'fs', pinned: true, inMemory: true },
];

/** The ratio each run answers besides "vs (a)": the pair that differs by one thing only. */
const PAIRS: Partial<Record<RunSpec['key'], { against: RunSpec['key']; what: string; speedUp?: true }>> = {
  c: { against: 'b', what: '2 workers / 1 worker' },
  d: { against: 'a', what: 'S3 / filesystem' },
  e: { against: 'c', what: 'S3 / filesystem' },
  f: { against: 'e', what: 'own work folders / shared' },
  h: { against: 'g', what: 'speed-up of 2 one-core workers over 1', speedUp: true },
  j: { against: 'i', what: 'speed-up of 2 one-core workers over 1, no disk', speedUp: true },
};

interface RunFigures {
  wallSeconds: number;
  cpuSeconds: number;
  /** CPU of the processes that would run elsewhere in a deployment: the ingest CLI, Redis, Meilisearch. */
  sharedCpuSeconds: number;
  appPeakRss: number;
  ffmpegPeakRss: number;
  ingested: number;
  /** The item whose steps took longest, added up (the workers' "<id>: ingested in Ns" line says that sum); null without workers. */
  longestChain: { id: string; seconds: number } | null;
  /** The run folder's disk during the ingest: its share of the wall time with I/O in flight, and what was written; null on tmpfs. */
  disk: { busyShare: number; writtenBytes: number; flushes?: number; flushSeconds?: number } | null;
  /** Each worker's busy and idle time during the ingest, from its step lines as they arrived. */
  idle: WorkerIdle[];
  /** Every item's steps added up, longest first. */
  chains: { id: string; seconds: number }[];
}

export interface Cli {
  how: string;
  args(title: string, commandArgs: string[]): string[];
}

export interface ScaleBenchOptions {
  /** The edition's programme.csv. */
  programme: string;
  rounds: number;
  /** Only these runs (e.g. ['g', 'h']); all when absent. (a) is the baseline: it is always run. */
  only?: readonly string[];
}

/** Runs (a)–(f) `rounds` times, alternating their order, and prints table 4. */
export async function runScaleBench({ programme, rounds, only }: ScaleBenchOptions): Promise<void> {
  const cli = buildCli();
  const runs = RUNS.filter((r) => !only || r.key === 'a' || only.includes(r.key));
  const figures = new Map<RunSpec['key'], RunFigures[]>(runs.map((r) => [r.key, []]));
  for (let round = 0; round < rounds; round++) {
    // Alternate the order so that no run always gets the warm page cache or the cooler CPU.
    for (const spec of round % 2 === 0 ? runs : [...runs].reverse()) {
      const result = await runOnce(spec, programme, cli);
      figures.get(spec.key)?.push(result);
      process.stderr.write(`  round ${round + 1}, (${spec.key}) ${spec.label}: ${result.wallSeconds.toFixed(1)} s\n`);
    }
  }

  const wallOf = (key: RunSpec['key']): number => mean((figures.get(key) ?? []).map((f) => f.wallSeconds));
  const x = (value: number): string => `${value.toFixed(2)}×`;
  const s = (value: number): string => `${value.toFixed(1)} s`;
  const baseline = wallOf('a');
  const items = figures.get('a')?.[0]?.ingested ?? 0;
  const pairRatio = (key: RunSpec['key']): string => {
    const pair = PAIRS[key];
    if (!pair || !figures.has(pair.against)) return '–';
    // A speed-up reads the other way round: the baseline's wall over this run's.
    return pair.speedUp
      ? `${pair.what} (${pair.against})/(${key}): ${x(wallOf(pair.against) / wallOf(key))}`
      : `${pair.what} (${key})/(${pair.against}): ${x(wallOf(key) / wallOf(pair.against))}`;
  };
  console.log(table(['run', 'wall, mean (each round)', 'vs (a)', 'pair ratio', 'CPU, mean', 'of which CLI, Redis, Meilisearch', 'disk busy, written, flushes', 'peak RSS app process', 'peak RSS ffmpeg'], runs.map((spec) => {
    const runs = figures.get(spec.key) ?? [];
    const disks = runs.flatMap((f) => (f.disk ? [f.disk] : []));
    return [
      `(${spec.key}) ${spec.label}`,
      `${s(wallOf(spec.key))} (${runs.map((f) => f.wallSeconds.toFixed(1)).join(', ')})`,
      x(wallOf(spec.key) / baseline),
      pairRatio(spec.key),
      s(mean(runs.map((f) => f.cpuSeconds))),
      s(mean(runs.map((f) => f.sharedCpuSeconds))),
      disks.length === 0 ? 'tmpfs' : `${Math.round(mean(disks.map((d) => d.busyShare)) * 100)}%, ${mb(mean(disks.map((d) => d.writtenBytes)))}${disks.every((d) => d.flushes !== undefined) ? `, ${Math.round(mean(disks.map((d) => d.flushes ?? 0)))} (${s(mean(disks.map((d) => d.flushSeconds ?? 0)))})` : ''}`,
      mb(Math.max(...runs.map((f) => f.appPeakRss))),
      mb(Math.max(...runs.map((f) => f.ffmpegPeakRss))),
    ];
  })));
  console.log([
    '',
    `${items} items, every run into a fresh DATA_DIR (fresh Redis, fresh S3 server), through the real CLI (${cli.how}); ${rounds} round(s), the order reversed every other round.`,
    'Wall: from starting `ingest` to its exit, search indexing in the archive\'s own Meilisearch included; the workers were started and',
    'waiting beforehand, as in a deployment. CPU: every process of the run (CLI, workers, ffmpeg, Meilisearch, Redis, s3rver), sampled',
    'from /proc every 100 ms, a floor. Peak RSS app process: the largest ingest or worker process.',
    'This machine has 2 cores and ffmpeg already uses both: two workers on one machine mostly overlap I/O and the single-threaded',
    'steps (probe, sharp, checksums, uploads, indexing), so (c)/(b) shows the queue\'s overhead and that overlap, not the gain of',
    'workers on separate machines, which add their cores. (f) shows what steps that land on the other machine cost: they fetch the',
    'earlier steps\' files from the bucket (here on the same disk) into their own work folder.',
    '(g)/(h) stand for one-core machines: each worker and its ffmpeg children are pinned to a core of their own with taskset',
    '(ffmpeg then sizes its threads to that one core); the ingest CLI, Redis and Meilisearch are not pinned and take their CPU',
    'from both cores, as the shared services of a deployment would run elsewhere. Their CPU is the column "of which CLI, Redis,',
    'Meilisearch" (their start included): on the pinned runs it is taken from the workers\' own cores.',
    '(i)/(j) are (g)/(h) with the run\'s whole folder on tmpfs (/dev/shm): on this machine the two workers share one disk, where',
    'two machines would have one each; without a disk, neither run waits on one. Disk busy: the share of the ingest\'s wall time',
    'with I/O in flight on the run folder\'s disk (/proc/diskstats, the whole device: other processes count too), the bytes written,',
    'and the cache flushes the device was asked for (each fsync asks one) with the time they took.',
  ].join('\n'));
  for (const spec of runs) {
    const chains = (figures.get(spec.key) ?? []).map((f) => f.longestChain).filter((c) => c !== null);
    if (chains.length === 0) continue;
    // A floor for this run's wall: its longest chain of stages, which no second worker can shorten.
    console.log(`(${spec.key}) longest item, its steps added up: ${chains.map((c) => `${c.id} ${s(c.seconds)}`).join(', ')}`);
  }
  printIdle(runs, figures);
}

/**
 * Where the workers waited, per run with workers (its first round): each worker's time busy,
 * idle before its first step, between steps and after its last one, and the items it took.
 */
function printIdle(runs: readonly RunSpec[], figures: ReadonlyMap<RunSpec['key'], RunFigures[]>): void {
  const s = (value: number): string => `${value.toFixed(1)} s`;
  for (const spec of runs) {
    const first = figures.get(spec.key)?.[0];
    if (!first || first.idle.length === 0) continue;
    console.log(`\n(${spec.key}) where the workers waited (round 1, wall ${s(first.wallSeconds)}); items' steps added up: ${first.chains.map((c) => `${c.id} ${c.seconds.toFixed(0)}`).join(', ')}`);
    console.log(table(['worker', 'busy', 'idle before first step', 'idle between steps (gaps > 50 ms, longest)', 'idle after last step', 'items, in the order taken'], first.idle.map((w, i) => [
      String(i + 1),
      `${s(w.busySeconds)} (${w.steps} steps)`,
      s(w.beforeFirst),
      `${s(w.between.seconds)} (${w.between.count}, ${s(w.between.longest)})`,
      s(w.afterLast),
      w.items.join(' '),
    ])));
  }
}

/**
 * The item whose steps, added up, took longest: no run can end before that chain does (an
 * item's steps run one after another), however many workers there are.
 */
export function longestChain(workerOutput: string): { id: string; seconds: number } | null {
  return itemChains(workerOutput)[0] ?? null;
}

/** Every item's steps added up (the workers' "<id>: ingested in Ns" lines), longest first. */
export function itemChains(workerOutput: string): { id: string; seconds: number }[] {
  return [...workerOutput.matchAll(/^(\S+): (?:ingested|updated) in ([\d.]+)s$/gm)]
    .map(([, id, seconds]) => ({ id: id as string, seconds: Number(seconds) }))
    .sort((a, b) => b.seconds - a.seconds);
}

/** The compiled CLI, fresh from `npm run build`; tsx on the sources if the build fails. */
export function buildCli(): Cli {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status === 0) {
    const bin = path.join(ROOT, 'bin/mediacommuns.js');
    return { how: 'node bin/mediacommuns.js', args: (title, commandArgs) => [`--title=${title}`, bin, ...commandArgs] };
  }
  const firstError = `${build.stdout}${build.stderr}`.split('\n').find((l) => l.includes('error')) ?? `exit ${build.status}`;
  process.stderr.write(`  npm run build failed (${firstError.trim()}): running the sources through tsx instead\n`);
  const tsx = import.meta.resolve('tsx');
  const cli = path.join(ROOT, 'src/cli.ts');
  return { how: 'tsx src/cli.ts, the build having failed', args: (title, commandArgs) => [`--title=${title}`, '--import', tsx, cli, ...commandArgs] };
}

async function runOnce(spec: RunSpec, programme: string, cli: Cli): Promise<RunFigures> {
  const root = await mkdtemp(path.join(spec.inMemory ? IN_MEMORY : tmpdir(), `mc-scale-${spec.key}-`));
  const device = deviceOf(root);
  const dataDir = path.join(root, 'data');
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !RUN_VARIABLES.test(key)));
  env.DATA_DIR = dataDir;
  env.NO_COLOR = '1';
  const stops: (() => Promise<void>)[] = [];
  const workers: Started[] = [];
  try {
    if (spec.store === 's3') {
      const s3 = await startTestS3();
      stops.push(() => s3.dispose());
      Object.assign(env, s3.env);
    }
    if (spec.separate) {
      // Machines apart share one search service, as they would in a deployment.
      const meili = await startTestMeili();
      stops.push(() => meili.stop());
      Object.assign(env, { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey });
    }
    if (spec.workers > 0) {
      const redis = await startTestRedis();
      stops.push(() => redis.stop());
      Object.assign(env, { QUEUE: 'bullmq', REDIS_URL: redis.url });
      for (let i = 0; i < spec.workers; i++) {
        const own = spec.separate ? { DATA_DIR: path.join(root, `machine-${i + 1}`) } : {};
        const args = cli.args(WORKER_TITLE, ['worker']);
        const workerEnv = { ...env, ...own };
        workers.push(spec.pinned
          ? start('taskset', ['-c', String(i % availableParallelism()), process.execPath, ...args], workerEnv, root)
          : start(process.execPath, args, workerEnv, root));
      }
      await Promise.all(workers.map((w) => w.until('waiting for jobs', 60_000)));
    }

    const before = treeTicks(process.pid);
    const ownBefore = process.cpuUsage();
    const sampler = new ProcessSampler(process.pid).start();
    const diskBefore = device ? diskCounters(device) : null;
    const started = performance.now();
    const startAt = started / 1000;
    const ingest = start(process.execPath, cli.args(INGEST_TITLE, ['ingest', '--plain', programme]), env, root);
    const { code } = await ingest.done; // never rejects: a failed spawn resolves with code null
    const endAt = performance.now() / 1000;
    const wallSeconds = endAt - startAt;
    const sample = sampler.stop();
    const diskAfter = device ? diskCounters(device) : null;
    const own = process.cpuUsage(ownBefore);

    const summary = /(\d+) ingested, (\d+) updated, (\d+) unchanged, (\d+) failed/.exec(ingest.stdout());
    if (code !== 0 || !summary || summary[4] !== '0') {
      // The run's folder goes: its output is kept beside it for a look.
      const log = `${root}.log`;
      await writeFile(log, `${ingest.stdout()}\n--- stderr ---\n${ingest.stderr()}\n${workers.map((w, i) => `--- worker ${i + 1} ---\n${w.stdout()}\n${w.stderr()}`).join('\n')}`);
      throw new Error(`(${spec.key}) ${spec.label}: ingest exited with ${code}: ${lastLines(ingest.stderr() || ingest.stdout())} (output in ${log})`);
    }
    return {
      wallSeconds,
      cpuSeconds: Math.max(0, sample.cpuSeconds - before / TICKS - (own.user + own.system) / 1e6),
      sharedCpuSeconds: SHARED_COMMANDS.reduce((sum, command) => sum + (sample.cpuSecondsByCommand.get(command) ?? 0), 0),
      appPeakRss: Math.max(sample.peakRssByCommand.get(INGEST_TITLE) ?? 0, sample.peakRssByCommand.get(WORKER_TITLE) ?? 0),
      ffmpegPeakRss: sample.peakRssByCommand.get('ffmpeg') ?? 0,
      ingested: Number(summary[1]),
      longestChain: longestChain(workers.map((w) => w.stdout()).join('\n')),
      idle: workers.map((w) => workerIdle(w.lines, startAt, endAt)),
      chains: itemChains(workers.map((w) => w.stdout()).join('\n')),
      disk: diskBefore && diskAfter ? {
        busyShare: (diskAfter.busyMs - diskBefore.busyMs) / 1000 / wallSeconds,
        writtenBytes: diskAfter.writtenBytes - diskBefore.writtenBytes,
        ...(diskAfter.flushes !== undefined && diskBefore.flushes !== undefined
          ? { flushes: diskAfter.flushes - diskBefore.flushes, flushSeconds: ((diskAfter.flushMs ?? 0) - (diskBefore.flushMs ?? 0)) / 1000 }
          : {}),
      } : null,
    };
  } finally {
    // The worker that started the archive's Meilisearch stops it as it exits.
    await Promise.all(workers.map((w) => w.stop()));
    await stopLeftoverMeilisearch(dataDir);
    for (const stop of stops.reverse()) await stop();
    await rm(root, { recursive: true, force: true });
  }
}

interface Started {
  child: ChildProcess;
  done: Promise<{ code: number | null }>;
  stdout(): string;
  stderr(): string;
  /** stdout's lines, stamped as they arrived. */
  lines: readonly StampedLine[];
  /** Resolves once stdout holds `text`; fails if the process exits first or time runs out. */
  until(text: string, timeoutMs: number): Promise<void>;
  /** SIGTERM (finish and exit), SIGKILL after 30 s. */
  stop(): Promise<void>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Started {
  // cwd is the run's own folder: no .env file from elsewhere is read.
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const stamper = new LineStamper();
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    stamper.push(chunk.toString());
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  const done = new Promise<{ code: number | null }>((resolve) => {
    child.once('error', (error) => {
      stderr += error.message;
      resolve({ code: null });
    });
    child.once('close', (code) => resolve({ code }));
  });
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    done,
    stdout: () => stdout,
    stderr: () => stderr,
    lines: stamper.lines,
    async until(text, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!stdout.includes(text)) {
        if (exited()) throw new Error(`${args.slice(-1)[0] ?? command} exited before "${text}": ${lastLines(stderr || stdout)}`);
        if (Date.now() > deadline) throw new Error(`${args.slice(-1)[0] ?? command}: no "${text}" within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (exited() || child.pid === undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/**
 * The app stops the Meilisearch it starts, and the server dies with its parent; should one
 * still run on this run's DATA_DIR (recorded in DATA_DIR/meili/instance.json), it is ours:
 * stop it by its PID.
 */
async function stopLeftoverMeilisearch(dataDir: string): Promise<void> {
  const file = path.join(dataDir, 'meili', 'instance.json');
  if (!existsSync(file)) return;
  const { pid } = JSON.parse(await readFile(file, 'utf8')) as { pid: number };
  const isOurServer = (): boolean => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.includes('meilisearch') && cmdline.includes(dataDir);
    } catch {
      return false;
    }
  };
  if (!isOurServer()) return;
  process.stderr.write(`  a Meilisearch (pid ${pid}) was left running on ${dataDir}: stopping it\n`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (isOurServer() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isOurServer()) process.kill(pid, 'SIGKILL');
}

/** CPU ticks (user + system) used so far by a process and its living descendants. */
function treeTicks(rootPid: number): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(entry), Number(fields[1]));
    ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
  }
  let total = 0;
  for (const [pid, used] of ticks) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === rootPid) {
        total += used;
        break;
      }
    }
  }
  return total;
}

/** The first error line (a stack's message, or the CLI's `error:` line), else the last lines. */
function lastLines(text: string): string {
  const lines = text.trim().split('\n');
  return lines.find((l) => /^(error|\w*Error)\b/i.test(l.trim())) ?? lines.slice(-3).join(' | ');
}
