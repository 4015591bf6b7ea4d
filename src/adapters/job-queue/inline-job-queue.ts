import type { Job, JobHandlers, JobQueue } from '../../ports/job-queue.js';

/**
 * The default queue: jobs run in this process, `concurrency` at a time. ffmpeg already spreads
 * one transcode over every core, so 1 is the right default on small machines.
 */
export class InlineJobQueue implements JobQueue {
  readonly kind = 'inline' as const;
  constructor(private readonly concurrency = 1) {}

  async runAll<R>(jobs: Job[], handlers: JobHandlers<R>): Promise<R[]> {
    const results: R[] = new Array(jobs.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const index = next++;
        const job = jobs[index] as Job;
        results[index] = await dispatch(job, handlers);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, jobs.length) }, worker));
    return results;
  }

  async close(): Promise<void> {}
}

function dispatch<R>(job: Job, handlers: JobHandlers<R>): Promise<R> {
  switch (job.type) {
    case 'ingest-item':
      return handlers['ingest-item'](job);
  }
}
