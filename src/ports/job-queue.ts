import type { ProgrammeItem } from '../domain/item.js';

/** Every kind of background work, as a closed union: adding one forces a handler (see jobs/). */
export type Job = { type: 'ingest-item'; item: ProgrammeItem };
export type JobType = Job['type'];

export type JobHandlers<R> = { [T in JobType]: (job: Extract<Job, { type: T }>) => Promise<R> };

export interface JobQueue {
  readonly kind: 'inline' | 'bullmq';
  /** Runs every job through its handler; resolves with the results in the jobs' order. */
  runAll<R>(jobs: Job[], handlers: JobHandlers<R>): Promise<R[]>;
  close(): Promise<void>;
}
