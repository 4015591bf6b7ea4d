import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BullmqJobQueue } from '../../src/adapters/job-queue/bullmq-job-queue.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { JobFailedError, type Job, type JobContext, type JobFailure, type JobHandlers, type JobProgress, type RunningWorker } from '../../src/ports/job-queue.js';
import { jobQueueContract } from '../contract/job-queue-contract.js';
import { startTestRedis, type TestRedis } from '../support/redis.js';
import { until } from '../support/wait.js';

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

  jobQueueContract('BullMQ on a real Redis, two workers in this process', { shared: true }, async (handlers) => {
    const q = queue();
    await q.check();
    if (handlers) for (let i = 0; i < 2; i++) await work(q, handlers['ingest-item']);
    return q;
  });

  it('gives stages to every worker: one job\'s stages may run on different machines', async () => {
    const q = queue();
    const ran: string[] = [];
    const handler = (worker: string) => async (j: Job, context: JobContext): Promise<string | null> => {
      ran.push(`${j.item.id} ${context.stage} ${worker}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return context.stage === 'publish' ? `done ${j.item.id}` : null;
    };
    await work(q, handler('w1'));
    await work(q, handler('w2'));
    const { watch } = watcher();
    expect(await q.runAll([job('a'), job('b'), job('c')], noHandlers as JobHandlers<string>, watch)).toEqual(['done a', 'done b', 'done c']);
    // Nine stages for two workers: both had some.
    expect(new Set(ran.map((line) => line.split(' ')[2]))).toEqual(new Set(['w1', 'w2']));
  });

  it('gives the costliest item first, and each item’s next stage before the next item', async () => {
    const q = queue();
    // Queued before any worker runs, cheapest first: the queue's order, not the submitter's, decides.
    const jobs = [{ ...job('petit'), work: 10 }, { ...job('moyen'), work: 2_000_000 }, job('inconnu'), { ...job('grand'), work: 3_000_000_000 }];
    expect(await q.enqueue(jobs)).toEqual({ added: 4, alreadyQueued: 0 });
    const ran: string[] = [];
    await work(q, async (j, context) => {
      ran.push(`${j.item.id} ${context.stage}`);
      return context.stage === 'publish' ? j.item.id : null;
    });
    await until(() => (ran.length === 12 ? true : null), 30_000, 'every stage of the four jobs');
    expect(ran).toEqual(['grand', 'moyen', 'petit', 'inconnu'].flatMap((id) => STAGES.map((stage) => `${id} ${stage}`)));
  });

  it('counts work already queued when it is enqueued again, and a later submitter joins the running job', async () => {
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

  it('shows failed jobs with the stage that failed, its tries, file and cause, and the stages that never ran', async () => {
    const q = queue();
    await work(q, async (j, context) => {
      context.progress({ step: context.stage, state: 'started' });
      if (j.item.id === 'corrompu' && context.stage === 'probe') {
        throw new JobFailedError('not a media file (moov atom not found)', false, { step: 'probe', state: 'failed', file: 'talks/x.mp4', cause: 'not a media file (moov atom not found)' });
      }
      if (j.item.id === 'instable' && context.stage === 'transcode') throw new Error('S3 answered 503 Slow Down');
      context.progress({ step: context.stage, state: 'done' });
      return context.stage === 'publish' ? 'published' : null;
    });
    // How each job fails is the contract's; here, what `status` shows of it.
    const { watch } = watcher();
    await q.runAll([job('corrompu'), job('instable')], noHandlers as JobHandlers<string>, watch);
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
