import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BullmqJobQueue } from '../../src/adapters/job-queue/bullmq-job-queue.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { JobFailedError, type Job, type JobContext, type JobFailure, type JobHandlers, type JobProgress, type RunningWorker } from '../../src/ports/job-queue.js';
import { startTestRedis, type TestRedis } from '../support/redis.js';

/** The BullMQ adapter against a real Redis: workers in this process, jobs as the ingest submits them. */
describe('BullmqJobQueue', () => {
  let redis: TestRedis;
  const opened: { queues: BullmqJobQueue[]; workers: RunningWorker[] } = { queues: [], workers: [] };
  let run = 0;

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterEach(async () => {
    for (const worker of opened.workers.splice(0)) await worker.stop({ release: false });
    for (const queue of opened.queues.splice(0)) await queue.close();
    // Each test starts on an empty Redis: the queue's name is the same for every process of the archive.
    await flush(redis);
  });
  afterAll(async () => {
    await redis?.stop();
  });

  const queue = (): BullmqJobQueue => {
    const q = new BullmqJobQueue({ url: redis.url, backoffMs: 50, pollMs: 200 });
    opened.queues.push(q);
    return q;
  };
  const STAGES = ['probe', 'transcode', 'publish'];
  const job = (id: string): Job => {
    run++;
    return { type: 'ingest-item', key: `${id}@run${run}`, item: { id, title: `Titre ${id}` } as ProgrammeItem, inputsKey: 'f'.repeat(64), stages: STAGES };
  };
  const work = async (q: BullmqJobQueue, handler: (job: Job, context: JobContext) => Promise<unknown | null>, concurrency = 1): Promise<RunningWorker> => {
    const worker = await q.work({ 'ingest-item': handler }, { concurrency, lockSeconds: 2 });
    opened.workers.push(worker);
    return worker;
  };
  const watcher = () => {
    const seen = { started: [] as [number, number][], progress: [] as [number, JobProgress][], finished: [] as number[], failures: new Map<number, JobFailure>() };
    return {
      seen,
      watch: {
        started: (index: number, attempt: number) => seen.started.push([index, attempt]),
        progress: (index: number, update: JobProgress) => seen.progress.push([index, update]),
        finished: (index: number) => seen.finished.push(index),
        failed: (index: number, failure: JobFailure) => {
          seen.failures.set(index, failure);
          return `failed: ${failure.cause}`;
        },
      },
    };
  };
  const noHandlers = {} as JobHandlers<unknown>;

  it('runs each job\'s stages in order, possibly on different workers, and returns the last stage\'s results in the jobs\' order', async () => {
    const q = queue();
    await q.check();
    const ran: string[] = [];
    const handler = (worker: string) => async (j: Job, context: JobContext): Promise<string | null> => {
      ran.push(`${j.item.id} ${context.stage} ${worker}`);
      context.progress({ step: context.stage, state: 'started' });
      await new Promise((resolve) => setTimeout(resolve, j.item.id === 'a' ? 100 : 10)); // a finishes last
      context.progress({ step: context.stage, state: 'done', seconds: 0.1 });
      return context.stage === 'publish' ? `done ${j.item.id}` : null;
    };
    await work(q, handler('w1'));
    await work(q, handler('w2'));
    const { seen, watch } = watcher();
    const results = await q.runAll([job('a'), job('b'), job('c')], noHandlers as JobHandlers<string>, watch);
    expect(results).toEqual(['done a', 'done b', 'done c']);
    expect(seen.finished.sort()).toEqual([0, 1, 2]);
    expect(seen.started.map(([, attempt]) => attempt)).toEqual([1, 1, 1]);
    for (const id of ['a', 'b', 'c']) {
      expect(ran.filter((line) => line.startsWith(`${id} `)).map((line) => line.split(' ')[1])).toEqual(STAGES);
    }
    // Nine stages for two workers: both had some.
    expect(new Set(ran.map((line) => line.split(' ')[2]))).toEqual(new Set(['w1', 'w2']));
    const progress = seen.progress.filter(([index]) => index === 0).map(([, p]) => `${p.step} ${p.state}`);
    expect(progress).toEqual(expect.arrayContaining(['probe done', 'transcode done', 'publish done']));
  });

  it('queues each job as soon as it is made: workers start on the first while the next is being made', async () => {
    const q = queue();
    let firstStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    await work(q, async (j, context) => {
      if (j.item.id === 'premier') firstStarted();
      return context.stage === 'publish' ? `done ${j.item.id}` : null;
    });
    async function* madeOneByOne(): AsyncIterable<Job> {
      yield job('premier');
      await started; // the second is made only once a worker is on the first
      yield job('second');
    }
    const { watch } = watcher();
    expect(await q.runAll(madeOneByOne(), noHandlers as JobHandlers<string>, watch)).toEqual(['done premier', 'done second']);
  });

  it('does the same work once when it is queued twice, and runs it again once it has finished', async () => {
    const q = queue();
    const same = job('doublon');
    expect(await q.enqueue([same])).toEqual({ added: 1, alreadyQueued: 0 });
    expect(await q.enqueue([same])).toEqual({ added: 0, alreadyQueued: 1 });
    let runs = 0;
    let entered: () => void = () => {};
    const running = new Promise<void>((resolve) => (entered = resolve));
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await work(q, async (_j, context) => {
      if (context.stage !== 'transcode') return context.stage === 'publish' ? runs : null;
      runs++;
      entered();
      await gate;
      return null;
    });
    await running;
    // Submitted again while it runs: joined, not added.
    const { watch } = watcher();
    let queued: (counts: { added: number; alreadyQueued: number }) => void = () => {};
    const submitted = new Promise<{ added: number; alreadyQueued: number }>((resolve) => (queued = resolve));
    const joined = q.runAll([same], noHandlers as JobHandlers<number>, { ...watch, queued } as never);
    expect(await submitted).toEqual({ added: 0, alreadyQueued: 1 });
    release();
    expect(await joined).toEqual([1]);
    expect(runs).toBe(1);
    // Finished work is not joined: the archive may have changed since, so it runs again.
    expect(await q.runAll([same], noHandlers as JobHandlers<number>, watch as never)).toEqual([2]);
  });

  it('drops a queued job that a newer version of the same item supersedes, with all its stages', async () => {
    const q = queue();
    const old = job('remplace');
    await q.enqueue([old]);
    const newer = job('remplace');
    await q.enqueue([newer]);
    const overview = await q.overview();
    expect(overview.counts.waiting).toBe(1);
    const keys = new Set<string>();
    await work(q, async (j, context) => {
      keys.add(j.key);
      return context.stage === 'publish' ? j.key : null;
    });
    const { watch } = watcher();
    expect(await q.runAll([newer], noHandlers as JobHandlers<string>, watch)).toEqual([newer.key]);
    expect([...keys]).toEqual([newer.key]);
  });

  it('retries a failed stage with backoff until it succeeds, without running the stages before it again', async () => {
    const q = queue();
    const tries = new Map<string, number>();
    await work(q, async (_j, context) => {
      tries.set(context.stage, (tries.get(context.stage) ?? 0) + 1);
      if (context.stage === 'transcode' && context.attempt < 2) throw new Error('ffmpeg was killed (signal SIGKILL)');
      return context.stage === 'publish' ? 'second time lucky' : null;
    });
    const { seen, watch } = watcher();
    expect(await q.runAll([job('retry')], noHandlers as JobHandlers<string>, watch)).toEqual(['second time lucky']);
    expect(Object.fromEntries(tries)).toEqual({ probe: 1, transcode: 2, publish: 1 });
    expect(seen.started.map(([, attempt]) => attempt)).toEqual([1]);
  });

  it('fails a job for good when a stage runs out of attempts, or at once when retrying cannot help, with cause and step; later stages never run', async () => {
    const q = queue();
    const tries = new Map<string, number>();
    await work(q, async (j, context) => {
      tries.set(`${j.item.id} ${context.stage}`, (tries.get(`${j.item.id} ${context.stage}`) ?? 0) + 1);
      context.progress({ step: context.stage, state: 'started' });
      if (j.item.id === 'corrompu' && context.stage === 'probe') {
        throw new JobFailedError('not a media file (moov atom not found)', false, { step: 'probe', state: 'failed', file: 'talks/x.mp4', cause: 'not a media file (moov atom not found)' });
      }
      if (j.item.id === 'instable' && context.stage === 'transcode') throw new Error('S3 answered 503 Slow Down');
      context.progress({ step: context.stage, state: 'done' });
      return context.stage === 'publish' ? 'published' : null;
    });
    const { seen, watch } = watcher();
    const results = await q.runAll([job('corrompu'), job('instable')], noHandlers as JobHandlers<string>, watch);
    expect(results).toEqual(['failed: not a media file (moov atom not found)', 'failed: S3 answered 503 Slow Down']);
    expect(Object.fromEntries(tries)).toEqual({ 'corrompu probe': 1, 'instable probe': 1, 'instable transcode': 3 });
    expect(seen.failures.get(0)).toMatchObject({ attempts: 1, progress: { step: 'probe', state: 'failed', file: 'talks/x.mp4' } });
    expect(seen.failures.get(1)).toMatchObject({ attempts: 3, progress: { step: 'transcode', state: 'started' } });

    const overview = await q.overview();
    expect(overview.counts).toMatchObject({ failed: 2, waiting: 0, active: 0 });
    const corrupt = overview.jobs.find((j) => j.subject === 'corrompu');
    expect(corrupt).toMatchObject({ state: 'failed', step: 'probe', file: 'talks/x.mp4', cause: 'not a media file (moov atom not found)', attempts: 1 });
    expect(corrupt?.steps).toEqual([{ step: 'probe', state: 'failed' }, { step: 'transcode', state: 'not run' }, { step: 'publish', state: 'not run' }]);
    const unstable = overview.jobs.find((j) => j.subject === 'instable');
    expect(unstable).toMatchObject({ state: 'failed', step: 'transcode', cause: 'S3 answered 503 Slow Down', attempts: 3 });
    expect(unstable?.steps).toEqual([{ step: 'probe', state: 'done' }, { step: 'transcode', state: 'failed' }, { step: 'publish', state: 'not run' }]);
  });

  it('shows a running job with the state of every stage', async () => {
    const q = queue();
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => {};
    const running = new Promise<void>((resolve) => (entered = resolve));
    await work(q, async (_j, context) => {
      context.progress({ step: context.stage, state: 'started' });
      if (context.stage === 'transcode') {
        entered();
        await blocked;
      }
      context.progress({ step: context.stage, state: 'done', seconds: 0.1 });
      return context.stage === 'publish' ? 'ok' : null;
    });
    const { watch } = watcher();
    const done = q.runAll([job('en-cours')], noHandlers as JobHandlers<string>, watch);
    await running;
    const overview = await q.overview();
    expect(overview.counts).toMatchObject({ waiting: 0, active: 1, delayed: 0, failed: 0 });
    expect(overview.jobs.find((j) => j.state === 'active')).toMatchObject({
      subject: 'en-cours', step: 'transcode',
      steps: [{ step: 'probe', state: 'done' }, { step: 'transcode', state: 'active' }, { step: 'publish', state: 'queued' }],
    });
    release();
    expect(await done).toEqual(['ok']);
    expect((await q.overview()).counts).toMatchObject({ waiting: 0, active: 0, completed: 1 });
  });

  it('hands a running stage back to the queue when a worker stops with release, and another worker finishes the job', async () => {
    const q = queue();
    let entered: () => void = () => {};
    const running = new Promise<void>((resolve) => (entered = resolve));
    const first = await q.work({ 'ingest-item': async (_j, context) => {
      if (context.stage === 'probe') return null;
      entered();
      await new Promise(() => {}); // never finishes here
      return 'first';
    } }, { concurrency: 1, lockSeconds: 30 });
    const { watch } = watcher();
    const done = q.runAll([job('relache')], noHandlers as JobHandlers<string>, watch);
    await running;
    await first.stop({ release: true });
    const stages: string[] = [];
    await work(q, async (_j, context) => {
      stages.push(context.stage);
      return context.stage === 'publish' ? 'second' : null;
    });
    // Not after the 30 s lock: at once, from the stage that was running.
    expect(await done).toEqual(['second']);
    expect(stages).toEqual(['transcode', 'publish']);
  });

  it('says clearly when Redis does not answer', async () => {
    const down = new BullmqJobQueue({ url: 'redis://127.0.0.1:1' });
    await expect(down.check()).rejects.toThrow(/queue unavailable: Redis at redis:\/\/127\.0\.0\.1:1 does not answer \(.*ECONNREFUSED.*\); start it or fix REDIS_URL/);
    const secret = new BullmqJobQueue({ url: 'redis://user:s3cret@127.0.0.1:1' });
    await expect(secret.check()).rejects.not.toThrow(/s3cret/);
  });
});

/** Empties the test's Redis between tests (FLUSHALL over a raw connection). */
async function flush(redis: TestRedis): Promise<void> {
  const net = await import('node:net');
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: redis.port }, () => socket.write('FLUSHALL\r\n'));
    socket.on('data', () => {
      socket.end();
      resolve();
    });
    socket.on('error', reject);
  });
}
