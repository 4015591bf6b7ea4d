import { AppError } from '../domain/errors.js';
import type { ProgrammeItem } from '../domain/item.js';

/**
 * Every kind of background work, as a closed union: adding one forces a handler. A job is a
 * chain of stages run in order, each of which a shared queue may give to a different worker
 * (for an item: probe, each step, publish); the last stage's result is the job's. `key` names
 * the work itself, `<item id>@<version>` (the version: a hash of the item's inputs and
 * metadata). Every queue keeps two promises about keys (test/contract/job-queue-contract.ts):
 * - one job per key: the same key submitted while its job waits or runs joins it (it runs
 *   once, and each submission hears its result); submitted after it finished, it runs again
 *   (the archive may have changed since);
 * - a newer version supersedes: a job submitted while a job of the same item under another key
 *   is unfinished stops that one before its next stage (a shared queue drops it whole if none of
 *   its stages started), and that one's submitters hear it failed (JobSupersededError). A stage
 *   already running is not interrupted: a handler that must not finish stale work checks the
 *   archive's current version itself.
 * The inline queue keeps both within one runAll: it holds no jobs outside it.
 */
export type Job = IngestItemJob;
/**
 * An item's ingest: its stages are the probe, each step its kind of media calls for, then
 * publish; `inputsKey` names the version of the item being made (see ItemVersion).
 */
export interface IngestItemJob {
  type: 'ingest-item';
  key: string;
  item: ProgrammeItem;
  inputsKey: string;
  stages: string[];
  /**
   * How costly the whole job is, roughly, in a unit shared by every job (see estimatedWork): a
   * shared queue gives first the stages with the most work left behind them. Absent: the least.
   */
  work?: number;
}
export type JobType = Job['type'];

/** What a running job says about itself: the step it is in and how that step ended. */
export interface JobProgress {
  step: string;
  state: 'started' | 'done' | 'reused' | 'failed';
  /** For a finished step: how long it took here. */
  seconds?: number;
  /** For a failed step: the file concerned and the cause, one line each. */
  file?: string;
  cause?: string;
}

/** Given to a handler while it runs its job. */
export interface JobContext {
  /** The stage to run (one of the job's `stages`; those before it have finished). */
  stage: string;
  /** 1 for the first try of this stage; more when it is retried (after a failure, or a worker that died). */
  attempt: number;
  progress(update: JobProgress): void;
}

/** A handler runs one stage of a job; it returns the job's result from the last stage, null before. */
export type JobHandlers<R> = { [T in JobType]: (job: Extract<Job, { type: T }>, context: JobContext) => Promise<R | null> };

/**
 * Thrown by a handler when its job failed. `retry: false` says trying again cannot help (the
 * input itself is bad): a shared queue then fails the job at once instead of after every attempt.
 */
export class JobFailedError extends AppError {
  override name = 'JobFailedError';
  override readonly code = 'job_failed';
  constructor(message: string, readonly retry: boolean, readonly progress: JobProgress | null = null) {
    super(message);
  }
}

/** A job stopped before its next stage: a newer version of its item was submitted (see Job). */
export class JobSupersededError extends AppError {
  override name = 'JobSupersededError';
  override readonly code = 'job_superseded';
  constructor(readonly key: string, readonly newerKey: string) {
    super(`${key}: superseded by a newer version of the item (${newerKey}), its remaining stages not run`);
  }
}

/** A job that failed for good: its cause, the tries it had, and where it was. */
export interface JobFailure {
  cause: string;
  attempts: number;
  progress: JobProgress | null;
}

/** What the submitting process hears about its jobs, wherever they run (index = position in the list). */
export interface JobWatch<R> {
  /** A shared queue has the jobs (some may have been queued or running already): workers can take them. */
  queued?(counts: { added: number; alreadyQueued: number }): void;
  started?(index: number, attempt: number): void;
  progress?(index: number, update: JobProgress): void;
  finished?(index: number, result: R): void;
  /** The result that stands for a job that failed for good (its handler threw, on the last try). */
  failed(index: number, failure: JobFailure): R;
}

export interface JobQueue {
  readonly kind: 'inline' | 'bullmq';
  /**
   * Tries a stage gets before its job fails for good (a JobFailedError with `retry: false` fails
   * it at the first). 1 for the inline queue: the next run resumes what failed.
   */
  readonly attemptsPerStage: number;
  /**
   * Runs every job and resolves with the results in the jobs' order. Jobs may arrive as they are
   * made (an async iterable): each starts as soon as it arrives and a lane is free. The inline
   * queue calls `handlers` in this process; the shared queue hands the jobs to `worker`
   * processes, which run the same handlers built from their own configuration, and reports back
   * through `watch` (indexes: the order of arrival).
   */
  runAll<R>(jobs: Iterable<Job> | AsyncIterable<Job>, handlers: JobHandlers<R>, watch: JobWatch<R>): Promise<R[]>;
  /** Proves the queue usable before any work (the shared queue: its Redis answers). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** Counts of a shared queue's jobs (items), and the jobs worth a look (those running and those that failed). */
export interface QueueOverview {
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  jobs: QueuedJobInfo[];
}

/**
 * A stage of a job as the queue sees it. `skipped`: it did not apply (nothing to do); `not run`:
 * an earlier stage failed for good.
 */
export type StageState = 'queued' | 'active' | 'retrying' | 'done' | 'reused' | 'skipped' | 'failed' | 'not run';

export interface QueuedJobInfo {
  id: string;
  type: JobType;
  /** The item the job is about. */
  subject: string;
  state: 'waiting' | 'active' | 'delayed' | 'completed' | 'failed';
  /** Tries of the stage it is in (or failed in). */
  attempts: number;
  /** The stage the job is in (or failed in), and every stage with its state, in order. */
  step: string | null;
  steps: { step: string; state: StageState }[];
  cause: string | null;
  file: string | null;
  finishedAt: string | null;
}

export interface WorkerOptions {
  concurrency: number;
  /** How long a job stays claimed by a worker that stopped answering before another takes it. */
  lockSeconds: number;
  onEvent?(event: WorkerEvent): void;
}

export type WorkerEvent =
  | { kind: 'started'; id: string; subject: string; stage: string; attempt: number }
  | { kind: 'completed'; id: string; subject: string; stage: string; attempt: number; seconds: number; result: unknown; ran: 'done' | 'reused' | 'skipped' }
  | { kind: 'failed'; id: string; subject: string; stage: string; attempt: number; seconds: number; cause: string; file: string | null; willRetry: boolean }
  | { kind: 'stalled'; id: string }
  | { kind: 'error'; message: string };

export interface RunningWorker {
  /**
   * Stops taking jobs. `release`: hand the running ones back to the queue now and return without
   * waiting for their steps, which keep running until the caller exits (it must exit then).
   */
  stop(options: { release: boolean }): Promise<void>;
  /** Jobs in progress in this worker right now. */
  readonly active: number;
}

/** A queue that other processes, on any machine, take jobs from (`mediacommuns worker`). */
export interface SharedJobQueue extends JobQueue {
  readonly kind: 'bullmq';
  /** Adds the jobs without waiting for them (work already queued or running is not added twice). */
  enqueue(jobs: Job[]): Promise<{ added: number; alreadyQueued: number }>;
  work(handlers: JobHandlers<unknown>, options: WorkerOptions): Promise<RunningWorker>;
  overview(): Promise<QueueOverview>;
}

export function isSharedQueue(queue: JobQueue): queue is SharedJobQueue {
  return queue.kind === 'bullmq';
}

export class QueueUnavailableError extends AppError {
  override name = 'QueueUnavailableError';
  override readonly code = 'queue_unavailable';
}
