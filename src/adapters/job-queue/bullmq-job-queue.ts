import { FlowProducer, Queue, QueueEvents, type FlowJob, type Job as BullJob } from 'bullmq';
import type {
  Job, JobFailure, JobHandlers, JobWatch, QueueOverview, RunningWorker, SharedJobQueue, WorkerOptions,
} from '../../ports/job-queue.js';
import { checkRedis, connectionOf, jobKeyOfId, QUEUE_NAME, QUEUE_PREFIX, stageJobId, stageOf, storedProgressOf, type StageData } from './bullmq-connection.js';
import { queueOverview, stagesOf, UNFINISHED } from './bullmq-overview.js';
import { startBullmqWorker } from './bullmq-worker.js';

export interface BullmqQueueOptions {
  url: string;
  /** Tries per stage (a worker that dies mid-stage costs a try too). */
  attempts?: number;
  /** First retry delay; doubled at each further try. */
  backoffMs?: number;
  /** How often the submitter re-reads its jobs' states, in case an event was missed (Redis restart). */
  pollMs?: number;
}

const ONE_DAY = 24 * 3600;

/**
 * The shared queue on Redis (BullMQ): `ingest` adds each item as a chain of stage jobs (a BullMQ
 * flow in which every stage is the child of the next, so they run in order) and waits for the
 * results; `worker` processes, on any machine that reaches Redis and the archive's storage,
 * take the stages as they become ready: one item's transcode and its speech-to-text may run on
 * two machines. A stage whose worker dies is found by another worker's stalled check once its
 * lock expires, and runs again there: stages are idempotent and their results are in the store.
 */
export class BullmqJobQueue implements SharedJobQueue {
  readonly kind = 'bullmq' as const;
  readonly attemptsPerStage: number;
  private opened: Queue | null = null;
  private flows: FlowProducer | null = null;
  private readonly backoffMs: number;
  private readonly pollMs: number;

  constructor(private readonly options: BullmqQueueOptions) {
    this.attemptsPerStage = options.attempts ?? 3;
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

  async runAll<R>(jobs: Iterable<Job> | AsyncIterable<Job>, _handlers: JobHandlers<R>, watch: JobWatch<R>): Promise<R[]> {
    const events = new QueueEvents(QUEUE_NAME, { prefix: QUEUE_PREFIX, connection: connectionOf(this.options.url) });
    events.on('error', () => {}); // reconnects by itself; the poll below covers what it misses
    try {
      // Listening before adding: no event of ours can be missed.
      await events.waitUntilReady();
      const results: R[] = [];
      // A job's last stage has the job's key as its id: it stands for the whole job.
      const pending = new Map<string, number[]>();
      const started = new Set<string>();
      let submitted = false;
      let resolveAll: () => void = () => {};
      const allDone = new Promise<void>((resolve) => (resolveAll = resolve));
      const settle = (key: string, result: (index: number) => R): void => {
        const indexes = pending.get(key);
        if (!indexes) return;
        pending.delete(key);
        for (const index of indexes) results[index] = result(index);
        if (pending.size === 0 && submitted) resolveAll();
      };
      const finish = (key: string, value: unknown): void => settle(key, (index) => {
        watch.finished?.(index, value as R);
        return value as R;
      });
      const fail = (key: string, failure: JobFailure): void => settle(key, (index) => watch.failed(index, failure));
      const failFromQueue = async (key: string, fallback: string): Promise<void> => fail(key, await this.failureOf(key).catch(() => null) ?? { cause: fallback, attempts: 0, progress: null });

      events.on('active', ({ jobId }) => {
        const key = jobKeyOfId(jobId);
        if (started.has(key)) return;
        started.add(key);
        for (const index of pending.get(key) ?? []) watch.started?.(index, 1);
      });
      events.on('progress', ({ jobId, data }) => {
        const progress = storedProgressOf(data);
        if (progress) for (const index of pending.get(jobKeyOfId(jobId)) ?? []) watch.progress?.(index, progress);
      });
      events.on('completed', ({ jobId, returnvalue }) => {
        if (pending.has(jobId)) finish(jobId, returnvalue);
      });
      events.on('failed', ({ jobId, failedReason }) => {
        if (pending.has(jobId)) void failFromQueue(jobId, failedReason);
      });

      const poll = setInterval(() => void this.poll([...pending.keys()], finish, failFromQueue), this.pollMs);
      try {
        // Each job is queued as soon as it is made: workers start on the first while the next is prepared.
        const counts = { added: 0, alreadyQueued: 0 };
        let index = 0;
        for await (const job of jobs) {
          pending.set(job.key, [...(pending.get(job.key) ?? []), index++]);
          const one = await this.enqueue([job]);
          counts.added += one.added;
          counts.alreadyQueued += one.alreadyQueued;
        }
        submitted = true;
        watch.queued?.(counts);
        await this.poll([...pending.keys()], finish, failFromQueue); // work that was already finished when we joined it
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
  private async poll(keys: string[], finish: (key: string, value: unknown) => void, fail: (key: string, fallback: string) => Promise<void>): Promise<void> {
    const queue = this.queue();
    for (const key of keys) {
      let state: string;
      let job: BullJob | undefined;
      try {
        state = await queue.getJobState(key);
        job = state === 'completed' || state === 'failed' || state === 'unknown' ? await queue.getJob(key) : undefined;
      } catch {
        return; // Redis is away: the next poll will tell
      }
      if (state === 'unknown' && !job) await fail(key, 'the job was removed from the queue before it finished (replaced by a newer ingest of the item?)');
      else if (state === 'completed' && job) finish(key, job.returnvalue);
      else if (state === 'failed' && job) await fail(key, job.failedReason || 'failed');
    }
  }

  /**
   * Why a job failed: the first of its stages that failed for good (the stages after it were
   * failed by BullMQ without running), with that stage's tries, file and cause.
   */
  private async failureOf(key: string): Promise<JobFailure | null> {
    const stages = await stagesOf(this.queue(), key);
    const failed = stages.find((s) => s.state === 'failed');
    if (!failed?.job) return null;
    return { cause: failed.job.failedReason || 'failed', attempts: failed.job.attemptsMade, progress: storedProgressOf(failed.job.progress) };
  }

  /** The jobs worth a look and the counts, as `status` shows them (bullmq-overview.ts). */
  overview(): Promise<QueueOverview> {
    return queueOverview(this.queue());
  }

  work(handlers: JobHandlers<unknown>, options: WorkerOptions): Promise<RunningWorker> {
    return startBullmqWorker(this.options.url, handlers, options);
  }

  async close(): Promise<void> {
    await this.opened?.close().catch(() => {});
    await this.flows?.close().catch(() => {});
    this.opened = null;
    this.flows = null;
  }

  private queue(): Queue {
    if (!this.opened) {
      this.opened = new Queue(QUEUE_NAME, {
        prefix: QUEUE_PREFIX,
        connection: connectionOf(this.options.url),
        defaultJobOptions: {
          attempts: this.attemptsPerStage,
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

  private flowProducer(): FlowProducer {
    if (!this.flows) {
      this.flows = new FlowProducer({ prefix: QUEUE_PREFIX, connection: connectionOf(this.options.url) });
      this.flows.on('error', () => {});
    }
    return this.flows;
  }

  /**
   * Adds one job under its key, as a chain of stages; a job with the same key that is waiting
   * or running is joined instead, and a finished one is replaced (the archive may have changed
   * since: the new run decides, cheaply, whether there is anything to do).
   */
  private async add(job: Job): Promise<boolean> {
    const existing = await this.queue().getJob(job.key);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') {
        // Submitted again after a newer version marked it: it is the newest again, and goes on.
        const data = stageOf(existing.data);
        if (data?.supersededBy) await existing.updateData({ ...data, supersededBy: undefined }); // JSON leaves it out
        return false;
      }
      await existing.remove(); // with its stages
    }
    await this.flowProducer().add(this.chainOf(job));
    return true;
  }

  /**
   * The flow: each stage is the only child of the next, so a stage starts once the one before it
   * is done. Costlier items first, and an item's later stages before its earlier ones (stagePriority).
   */
  private chainOf(job: Job): FlowJob {
    let chain: FlowJob | undefined;
    for (const [index, stage] of job.stages.entries()) {
      const data: StageData = { ...job, stage };
      chain = {
        name: stage,
        queueName: QUEUE_NAME,
        prefix: QUEUE_PREFIX,
        data,
        opts: {
          jobId: stageJobId(job, stage),
          priority: stagePriority(job, index),
          attempts: this.attemptsPerStage,
          backoff: { type: 'exponential', delay: this.backoffMs },
          // A stage that fails for good fails the rest of the chain (which then never runs).
          failParentOnFailure: true,
          // Kept for `status` (and to join finished work), then trimmed.
          removeOnComplete: { age: 7 * ONE_DAY, count: 50_000 },
          removeOnFail: { age: 30 * ONE_DAY, count: 50_000 },
        },
        ...(chain ? { children: [chain] } : {}),
      };
    }
    if (!chain) throw new Error(`${job.key}: a job needs at least one stage`);
    return chain;
  }

  /**
   * Jobs for the same items under other keys (older inputs or metadata) that have not started
   * are dropped, and so are their failures: the new job supersedes them. One with a stage
   * running cannot be removed (BullMQ keeps locked jobs): it is marked on its last stage, which
   * workers read before each stage, so none of its later stages runs (see Job).
   * Read by ids (the item is the part of a key before "@"): cheap however long the queue.
   */
  private async removeSuperseded(jobs: Job[]): Promise<void> {
    const keyOf = new Map(jobs.map((job) => [subjectOf(job.key), job.key]));
    const queued = await this.queue().getRanges([...UNFINISHED, 'failed'], 0, -1);
    for (const id of queued) {
      if (id.includes('~')) continue; // only whole jobs (their last stage)
      const key = keyOf.get(subjectOf(id));
      if (key === undefined || key === id) continue;
      const older = await this.queue().getJob(id);
      const data = stageOf(older?.data);
      if (!older || !data) continue;
      await older.remove().catch(async () => {
        const marked: StageData = { ...data, supersededBy: key };
        await older.updateData(marked).catch(() => {}); // finished meanwhile: nothing left to stop
      });
    }
  }
}

/** Levels per doubling of a job's work: jobs 0.2% apart still come in order. */
const LEVELS_PER_DOUBLING = 500;
/** Up to 2^40 (a terabyte of recordings): 20,000 levels. */
const TOP_LEVEL = 40 * LEVELS_PER_DOUBLING;
/** Room for each stage of a job within its level (a job has 15 at most today). */
const STAGE_SLOTS = 64;

/**
 * The priority of a job's stage `index` (BullMQ: 1 comes first; the largest here, 1,280,064, is
 * within its 2^21): the costliest job first, and within one job its later stages before its
 * earlier ones. A free worker thus goes on with the costliest item that has a stage ready (the
 * one it just ran, where its files are) and starts the next costliest once one ends: the
 * longest recordings are never left to the end of a run while the other workers run out of
 * work, since an item's steps cannot be shared out (longest first: the usual rule for the
 * shortest run on several machines). On a log scale, which keeps the order in BullMQ's range.
 */
export function stagePriority(job: Pick<Job, 'work'>, index: number): number {
  const level = Math.min(TOP_LEVEL, Math.round(Math.log2(1 + Math.max(0, job.work ?? 0)) * LEVELS_PER_DOUBLING));
  return 1 + (TOP_LEVEL - level) * STAGE_SLOTS + (STAGE_SLOTS - 1 - Math.min(STAGE_SLOTS - 1, index));
}

/** The item of a job key (`<item id>@<version>`). */
function subjectOf(key: string): string {
  const at = key.indexOf('@');
  return at < 0 ? key : key.slice(0, at);
}
