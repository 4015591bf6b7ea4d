import { describeError } from '../../domain/errors.js';
import { JobFailedError, type Job, type JobContext, type JobHandlers, type JobQueue, type JobWatch } from '../../ports/job-queue.js';

/**
 * The default queue: jobs run in this process, `concurrency` at a time, their stages one after
 * another, each tried once (the next run resumes what failed). ffmpeg already spreads one
 * transcode over every core, so 1 is the right default on small machines.
 */
export class InlineJobQueue implements JobQueue {
  readonly kind = 'inline' as const;
  constructor(private readonly concurrency = 1) {}

  async runAll<R>(jobs: Iterable<Job> | AsyncIterable<Job>, handlers: JobHandlers<R>, watch: JobWatch<R>): Promise<R[]> {
    const results: R[] = [];
    // Each lane asks for the next job when it is free: a job still being made is waited for.
    const source = Symbol.asyncIterator in jobs ? jobs[Symbol.asyncIterator]() : (async function* () { yield* jobs; })();
    let arrived = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const next = await source.next();
        if (next.done) return;
        const index = arrived++;
        const job = next.value;
        watch.started?.(index, 1);
        try {
          let result: R | null = null;
          for (const stage of job.stages) {
            const context: JobContext = { stage, attempt: 1, progress: (update) => watch.progress?.(index, update) };
            result = await dispatch(job, handlers, context);
          }
          if (result === null) throw new Error(`${job.key}: the last stage returned no result`);
          results[index] = result;
          watch.finished?.(index, result);
        } catch (error) {
          results[index] = watch.failed(index, {
            cause: describeError(error), attempts: 1, progress: error instanceof JobFailedError ? error.progress : null,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.concurrency) }, worker));
    return results;
  }

  async check(): Promise<void> {}
  async close(): Promise<void> {}
}

export function dispatch<R>(job: Job, handlers: JobHandlers<R>, context: JobContext): Promise<R | null> {
  switch (job.type) {
    case 'ingest-item':
      return handlers['ingest-item'](job, context);
  }
}
