import { Queue, QueueEvents, type Job as BullJob } from 'bullmq';
import type {
  Job, JobHandlers, JobWatch, QueueOverview, QueuedJobInfo, RunningWorker, SharedJobQueue, WorkerOptions,
} from '../../ports/job-queue.js';
import { connectionOf, jobOf, checkRedis, QUEUE_NAME, QUEUE_PREFIX, storedProgressOf } from './bullmq-connection.js';
import { startBullmqWorker } from './bullmq-worker.js';

export interface BullmqQueueOptions {
  url: string;
  /** Tries per job (a worker that dies mid-job costs a try too). */
  attempts?: number;
  /** First retry delay; doubled at each further try. */
  backoffMs?: number;
  /** How often the submitter re-reads its jobs' states, in case an event was missed (Redis restart). */
  pollMs?: number;
}

const ONE_DAY = 24 * 3600;
const UNFINISHED = ['wait', 'delayed', 'prioritized', 'paused'] as const;

/**
 * The shared queue on Redis (BullMQ): `ingest` adds one job per item and waits for the results;
 * `worker` processes, on any machine that reaches Redis and the programme files, take them.
 * A job whose worker dies is found by another worker's stalled check once its lock expires, and
 * runs again there: the steps are idempotent and resume from the item's step journal.
 */
export class BullmqJobQueue implements SharedJobQueue {
  readonly kind = 'bullmq' as const;
  private opened: Queue | null = null;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly pollMs: number;

  constructor(private readonly options: BullmqQueueOptions) {
    this.attempts = options.attempts ?? 3;
    this.backoffMs = options.backoffMs ?? 10_000;
    this.pollMs = options.pollMs ?? 5000;
  }

  check(): Promise<void> {
    return checkRedis(this.options.url);
  }

  async enqueue(jobs: Job[]): Promise<{ added: number; alreadyQueued: number }> {
    let added = 0;
    let alreadyQueued = 0;
    await this.removeSuperseded(jobs);
    for (const job of jobs) {
      if (await this.add(job)) added++;
      else alreadyQueued++;
    }
    return { added, alreadyQueued };
  }

  async runAll<R>(jobs: Job[], _handlers: JobHandlers<R>, watch: JobWatch<R>): Promise<R[]> {
    const queue = this.queue();
    const events = new QueueEvents(QUEUE_NAME, { prefix: QUEUE_PREFIX, connection: connectionOf(this.options.url) });
    events.on('error', () => {}); // reconnects by itself; the poll below covers what it misses
    try {
      // Listening before adding: no event of ours can be missed.
      await events.waitUntilReady();
      const results: R[] = new Array(jobs.length);
      const pending = new Map<string, number[]>();
      jobs.forEach((job, index) => pending.set(job.key, [...(pending.get(job.key) ?? []), index]));
      const starts = new Map<string, number>();
      let resolveAll: () => void = () => {};
      const allDone = new Promise<void>((resolve) => (resolveAll = resolve));
      const settle = (id: string, result: (index: number) => R): void => {
        const indexes = pending.get(id);
        if (!indexes) return;
        pending.delete(id);
        for (const index of indexes) results[index] = result(index);
        if (pending.size === 0) resolveAll();
      };
      const finish = (id: string, value: unknown): void => settle(id, (index) => {
        watch.finished?.(index, value as R);
        return value as R;
      });
      const fail = (job: BullJob | undefined, id: string, cause: string): void => settle(id, (index) => watch.failed(index, {
        cause, attempts: job?.attemptsMade ?? 0, progress: storedProgressOf(job?.progress),
      }));
      const failFromQueue = async (id: string, cause: string): Promise<void> => fail(await queue.getJob(id).catch(() => undefined), id, cause);

      events.on('active', ({ jobId }) => {
        const attempt = (starts.get(jobId) ?? 0) + 1;
        starts.set(jobId, attempt);
        for (const index of pending.get(jobId) ?? []) watch.started?.(index, attempt);
      });
      events.on('progress', ({ jobId, data }) => {
        const progress = storedProgressOf(data);
        if (progress) for (const index of pending.get(jobId) ?? []) watch.progress?.(index, progress);
      });
      events.on('completed', ({ jobId, returnvalue }) => finish(jobId, returnvalue));
      events.on('failed', ({ jobId, failedReason }) => void failFromQueue(jobId, failedReason));

      const counts = await this.enqueue(jobs);
      watch.queued?.(counts);
      const poll = setInterval(() => void this.poll([...pending.keys()], finish, fail), this.pollMs);
      try {
        await this.poll([...pending.keys()], finish, fail); // work that was already finished when we joined it
        if (pending.size > 0) await allDone;
      } finally {
        clearInterval(poll);
      }
      return results;
    } finally {
      await events.close().catch(() => {});
    }
  }

  /**
   * The states of jobs still awaited, read directly: events are a fast path, not the only one.
   * The state is read first and the job after: a job read first could finish in between and
   * show a finished state without its result.
   */
  private async poll(ids: string[], finish: (id: string, value: unknown) => void, fail: (job: BullJob | undefined, id: string, cause: string) => void): Promise<void> {
    const queue = this.queue();
    for (const id of ids) {
      let state: string;
      let job: BullJob | undefined;
      try {
        state = await queue.getJobState(id);
        job = state === 'completed' || state === 'failed' || state === 'unknown' ? await queue.getJob(id) : undefined;
      } catch {
        return; // Redis is away: the next poll will tell
      }
      if (state === 'unknown' && !job) fail(undefined, id, 'the job was removed from the queue before it finished (replaced by a newer ingest of the item?)');
      else if (state === 'completed' && job) finish(id, job.returnvalue);
      else if (state === 'failed' && job) fail(job, id, job.failedReason || 'failed');
    }
  }

  work(handlers: JobHandlers<unknown>, options: WorkerOptions): Promise<RunningWorker> {
    return startBullmqWorker(this.options.url, handlers, options);
  }

  async overview(): Promise<QueueOverview> {
    const queue = this.queue();
    const c = await queue.getJobCounts('wait', 'prioritized', 'paused', 'active', 'delayed', 'completed', 'failed');
    const n = (name: string): number => c[name] ?? 0;
    // Running and retrying jobs are few; failures are shown newest first, a screenful at most.
    const jobs = [
      ...await queue.getJobs(['active'], 0, 99),
      ...await queue.getJobs(['delayed'], 0, 49),
      ...await queue.getJobs(['failed'], 0, 19, false),
    ];
    const infos = await Promise.all(jobs.map((job) => infoOf(job)));
    return {
      counts: { waiting: n('wait') + n('prioritized') + n('paused'), active: n('active'), delayed: n('delayed'), completed: n('completed'), failed: n('failed') },
      jobs: infos.filter((info): info is QueuedJobInfo => info !== null),
    };
  }

  async close(): Promise<void> {
    await this.opened?.close().catch(() => {});
    this.opened = null;
  }

  private queue(): Queue {
    if (!this.opened) {
      this.opened = new Queue(QUEUE_NAME, {
        prefix: QUEUE_PREFIX,
        connection: connectionOf(this.options.url),
        defaultJobOptions: {
          attempts: this.attempts,
          backoff: { type: 'exponential', delay: this.backoffMs },
          // Kept for `status` (and to join finished work), then trimmed.
          removeOnComplete: { age: 7 * ONE_DAY, count: 5000 },
          removeOnFail: { age: 30 * ONE_DAY, count: 5000 },
        },
      });
      this.opened.on('error', () => {}); // ioredis reconnects by itself; commands wait meanwhile
    }
    return this.opened;
  }

  /**
   * Adds one job under its key; a job with the same key that is waiting or running is joined
   * instead, and a finished one is replaced (the archive may have changed since: the new run
   * decides, cheaply, whether there is anything to do).
   */
  private async add(job: Job): Promise<boolean> {
    const queue = this.queue();
    const existing = await queue.getJob(job.key);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
      await existing.remove();
    }
    await queue.add(job.type, job, { jobId: job.key });
    return true;
  }

  /**
   * Jobs for the same items under other keys (older inputs or metadata) that have not started
   * are dropped, and so are their failures: the new job supersedes them. A running one is left
   * to finish (see the report in the README: one item's two versions may then overlap).
   */
  private async removeSuperseded(jobs: Job[]): Promise<void> {
    const keyOf = new Map(jobs.map((job) => [job.item.id, job.key]));
    const queued = await this.queue().getJobs([...UNFINISHED, 'failed']);
    for (const old of queued) {
      const data = jobOf(old.data);
      if (!data || old.id === undefined) continue;
      const key = keyOf.get(data.item.id);
      if (key !== undefined && key !== old.id) await old.remove().catch(() => {}); // it may have just started: then it stays
    }
  }
}

async function infoOf(job: BullJob): Promise<QueuedJobInfo | null> {
  const data = jobOf(job.data);
  if (!data || job.id === undefined) return null;
  const state = await job.getState().catch(() => 'unknown');
  const progress = storedProgressOf(job.progress);
  const failed = state === 'failed' || state === 'delayed';
  return {
    id: job.id,
    type: data.type,
    subject: data.item.id,
    state: state === 'active' || state === 'delayed' || state === 'completed' || state === 'failed' ? state : 'waiting',
    attempts: job.attemptsMade,
    step: progress?.step ?? null,
    steps: progress?.steps ?? [],
    cause: failed ? (job.failedReason || progress?.cause || null) : null,
    file: failed ? (progress?.file ?? null) : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}
