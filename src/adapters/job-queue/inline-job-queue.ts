import { describeError } from '../../domain/errors.js';
import {
  JobFailedError, JobSupersededError, type Job, type JobContext, type JobFailure, type JobHandlers, type JobProgress, type JobQueue, type JobWatch,
} from '../../ports/job-queue.js';

/**
 * The default queue: jobs run in this process, `concurrency` at a time, their stages one after
 * another, each tried once (the next run resumes what failed). ffmpeg already spreads one
 * transcode over every core, so 1 is the right default on small machines. It keeps the shared
 * queue's promises about keys (see Job) within one runAll: two lanes on the same key would
 * write the same revision folder at once, and an older version finishing after a newer one
 * would publish stale work.
 */
export class InlineJobQueue implements JobQueue {
  readonly kind = 'inline' as const;
  readonly attemptsPerStage = 1;
  constructor(private readonly concurrency = 1) {}

  async runAll<R>(jobs: Iterable<Job> | AsyncIterable<Job>, handlers: JobHandlers<R>, watch: JobWatch<R>): Promise<R[]> {
    const results: R[] = [];
    // Each lane asks for the next job when it is free: a job still being made is waited for.
    const source = Symbol.asyncIterator in jobs ? jobs[Symbol.asyncIterator]() : (async function* () { yield* jobs; })();
    // The jobs running now, by key, with the indexes that wait for each: a twin joins, and its
    // lane goes on to the next job instead of waiting.
    const running = new Map<string, number[]>();
    // The last key submitted for each item: a job under another key stops before its next stage.
    const newest = new Map<string, string>();
    let arrived = 0;
    const lane = async (): Promise<void> => {
      for (;;) {
        const next = await source.next();
        if (next.done) return;
        const index = arrived++;
        const job = next.value;
        newest.set(job.item.id, job.key);
        watch.started?.(index, 1);
        const twins = running.get(job.key);
        if (twins) {
          twins.push(index);
          continue;
        }
        const indexes = [index];
        running.set(job.key, indexes);
        const outcome = await runStages(job, handlers, (update) => {
          for (const i of indexes) watch.progress?.(i, update);
        }, () => newest.get(job.item.id) ?? job.key);
        running.delete(job.key);
        for (const i of indexes) {
          if ('failure' in outcome) {
            results[i] = watch.failed(i, outcome.failure);
          } else {
            results[i] = outcome.result;
            watch.finished?.(i, outcome.result);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.concurrency) }, lane));
    return results;
  }

  async check(): Promise<void> {}
  async close(): Promise<void> {}
}

/** One job's stages in order, each tried once; stops before a stage once a newer version of the item arrived. */
async function runStages<R>(
  job: Job, handlers: JobHandlers<R>, progress: (update: JobProgress) => void, newestKey: () => string,
): Promise<{ result: R } | { failure: JobFailure }> {
  try {
    let result: R | null = null;
    for (const stage of job.stages) {
      const newer = newestKey();
      if (newer !== job.key) throw new JobSupersededError(job.key, newer);
      result = await dispatch(job, handlers, { stage, attempt: 1, progress });
    }
    if (result === null) throw new Error(`${job.key}: the last stage returned no result`);
    return { result };
  } catch (error) {
    return { failure: { cause: describeError(error), attempts: 1, progress: error instanceof JobFailedError ? error.progress : null } };
  }
}

export function dispatch<R>(job: Job, handlers: JobHandlers<R>, context: JobContext): Promise<R | null> {
  switch (job.type) {
    case 'ingest-item':
      return handlers['ingest-item'](job, context);
  }
}
