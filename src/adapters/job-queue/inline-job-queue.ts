import { describeError } from '../../domain/errors.js';
import { JobFailedError, type Job, type JobContext, type JobHandlers, type JobQueue, type JobWatch } from '../../ports/job-queue.js';

/**
 * The default queue: jobs run in this process, `concurrency` at a time, each tried once (the
 * next run resumes what failed). ffmpeg already spreads one transcode over every core, so 1 is
 * the right default on small machines.
 */
export class InlineJobQueue implements JobQueue {
  readonly kind = 'inline' as const;
  constructor(private readonly concurrency = 1) {}

  async runAll<R>(jobs: Job[], handlers: JobHandlers<R>, watch: JobWatch<R>): Promise<R[]> {
    const results: R[] = new Array(jobs.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const index = next++;
        const job = jobs[index] as Job;
        watch.started?.(index, 1);
        const context: JobContext = { attempt: 1, progress: (update) => watch.progress?.(index, update) };
        try {
          results[index] = await dispatch(job, handlers, context);
          watch.finished?.(index, results[index] as R);
        } catch (error) {
          results[index] = watch.failed(index, {
            cause: describeError(error), attempts: 1, progress: error instanceof JobFailedError ? error.progress : null,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, jobs.length) }, worker));
    return results;
  }

  async check(): Promise<void> {}
  async close(): Promise<void> {}
}

export function dispatch<R>(job: Job, handlers: JobHandlers<R>, context: JobContext): Promise<R> {
  switch (job.type) {
    case 'ingest-item':
      return handlers['ingest-item'](job, context);
  }
}
