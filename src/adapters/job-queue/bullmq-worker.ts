import { hostname } from 'node:os';
import { Queue, UnrecoverableError, Worker, type Job as BullJob } from 'bullmq';
import { describeError } from '../../domain/errors.js';
import { JobFailedError, JobSupersededError, type JobHandlers, type JobProgress, type RunningWorker, type WorkerOptions } from '../../ports/job-queue.js';
import { dispatch } from './inline-job-queue.js';
import { connectionOf, failedByEarlierStage, QUEUE_NAME, QUEUE_PREFIX, stageOf, type StoredProgress } from './bullmq-connection.js';

/**
 * Takes stages of jobs from the shared queue and runs them through `handlers`, `concurrency` at
 * a time. Each step event is stored as the stage's progress (so `status` and the waiting
 * `ingest` see queued / active / done / failed per step); a handler's JobFailedError with
 * `retry: false` fails the stage at once, anything else is retried with backoff until its
 * attempts run out. A stage that fails for good fails the stages after it (BullMQ moves them to
 * failed without running them).
 */
export async function startBullmqWorker(url: string, handlers: JobHandlers<unknown>, options: WorkerOptions): Promise<RunningWorker> {
  const running = new Map<string, { job: BullJob; token: string }>();
  const emit = options.onEvent ?? (() => {});
  const started = new Map<string, number>();
  const failedFiles = new Map<string, string>();
  // What each finished stage did, from its step events: none means it did not apply.
  const ran = new Map<string, 'done' | 'reused' | 'skipped'>();
  const lockMs = Math.max(1, options.lockSeconds) * 1000;
  // Reads a job's last stage before each stage: a newer version of the item may have been submitted.
  const jobs = new Queue(QUEUE_NAME, { prefix: QUEUE_PREFIX, connection: connectionOf(url) });
  jobs.on('error', () => {}); // reconnects by itself, like the worker

  const worker = new Worker(QUEUE_NAME, async (job: BullJob, token?: string) => {
    const data = stageOf(job.data);
    if (!data) throw new UnrecoverableError(`job ${job.id ?? '?'}: not a job this version knows (${JSON.stringify(job.name)})`);
    const id = job.id ?? data.key;
    running.set(id, { job, token: token ?? '' });
    started.set(id, Date.now());
    const attempt = job.attemptsStarted || job.attemptsMade + 1;
    emit({ kind: 'started', id, subject: data.item.id, stage: data.stage, attempt });
    // Progress writes go one after another, and all land before the job's result does.
    const steps: StoredProgress['steps'] = [];
    let writes: Promise<unknown> = Promise.resolve();
    const record = (update: JobProgress): void => {
      const last = steps.findLast((s) => s.step === update.step);
      if (last) last.state = update.state;
      else steps.push({ step: update.step, state: update.state });
      const stored: StoredProgress = { ...update, steps: steps.map((s) => ({ ...s })) };
      writes = writes.then(() => job.updateProgress(stored as unknown as object)).catch(() => {});
    };
    try {
      const newer = stageOf((await jobs.getJob(data.key))?.data)?.supersededBy;
      if (newer) throw new UnrecoverableError(new JobSupersededError(data.key, newer).message);
      const result = await dispatch(data, handlers, { stage: data.stage, attempt, progress: record });
      ran.set(id, steps.length === 0 ? 'skipped' : steps.every((s) => s.state === 'reused') ? 'reused' : 'done');
      await writes;
      return result;
    } catch (error) {
      if (error instanceof JobFailedError && error.progress) record(error.progress);
      if (error instanceof JobFailedError && error.progress?.file) failedFiles.set(id, error.progress.file);
      await writes;
      if (error instanceof JobFailedError && !error.retry) throw new UnrecoverableError(error.message);
      throw error instanceof Error ? error : new Error(describeError(error));
    } finally {
      running.delete(id);
    }
  }, {
    prefix: QUEUE_PREFIX,
    connection: connectionOf(url),
    concurrency: options.concurrency,
    name: `${hostname()}:${process.pid}`,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // A job whose worker died twice is failed rather than passed around for ever.
    maxStalledCount: 2,
    autorun: false,
  });

  const seconds = (id: string): number => (Date.now() - (started.get(id) ?? Date.now())) / 1000;
  worker.on('completed', (job, result) => {
    const id = job.id ?? '?';
    const data = stageOf(job.data);
    emit({ kind: 'completed', id, subject: data?.item.id ?? id, stage: data?.stage ?? '?', attempt: job.attemptsMade, seconds: seconds(id), result, ran: ran.get(id) ?? 'done' });
    started.delete(id);
    ran.delete(id);
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    // A stage after one that failed for good: failed without running, the cause was told then.
    if (failedByEarlierStage({ ...job, failedReason: error.message })) return;
    const id = job.id ?? '?';
    const data = stageOf(job.data);
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    emit({ kind: 'failed', id, subject: data?.item.id ?? id, stage: data?.stage ?? '?', attempt: job.attemptsMade, seconds: seconds(id), cause: error.message, file: failedFiles.get(id) ?? null, willRetry: !final });
    started.delete(id);
    failedFiles.delete(id);
  });
  worker.on('stalled', (jobId) => emit({ kind: 'stalled', id: jobId }));
  // ioredis repeats a connection error at every reconnection attempt: say each cause once.
  const said = new Set<string>();
  worker.on('error', (error) => {
    const message = describeError(error);
    if (said.has(message)) return;
    said.add(message);
    emit({ kind: 'error', message });
  });
  worker.on('ready', () => said.clear());

  let closing: Promise<void> | null = null;
  await worker.waitUntilReady();
  void worker.run().catch((error: unknown) => emit({ kind: 'error', message: describeError(error) }));

  return {
    get active() {
      return running.size;
    },
    async stop({ release }) {
      if (release) {
        // Back to the front of the queue now: another worker starts it at once instead of
        // after the lock expires. Its work folder stays here for when this worker comes back.
        for (const { job, token } of running.values()) await job.moveToWait(token).catch(() => {});
        running.clear();
        // A graceful close already under way waits for the steps just handed back (BullMQ
        // returns that same close to a forced one): the caller leaves without them, and its
        // exit ends their tools (ffmpeg dies with its parent).
        if (closing) {
          await jobs.close().catch(() => {});
          return;
        }
        closing = worker.close(true);
      } else {
        closing ??= worker.close();
      }
      await closing;
      await jobs.close().catch(() => {});
    },
  };
}
