import type { JobContext, JobHandlers } from '../../ports/job-queue.js';
import { newChainMemo, runStage, type ChainMemo, type StageDeps } from './ingest-stages.js';
import type { IngestReporter, ItemOutcome } from './reporter.js';

export interface IngestJobDeps extends StageDeps {
  /** Called once an item's manifest is written: keeps the search index in step. Must not throw. */
  onPublished?: (id: string) => Promise<void>;
}

/**
 * The one table of job handlers, for the in-process queue and for `worker` processes alike: a
 * stage of an item's job runs the same way wherever it runs. A failed stage is retried by the
 * queue with backoff; a bad input file (retry: false) fails it, and the item, at once.
 *
 * `inProcess`: every stage of a job runs in this process, one after another, told to this
 * reporter; the stages then share what they read and wrote (nobody else works on the item).
 * Without it (a worker), each stage reads the store afresh and its step events become the
 * job's progress.
 */
export function ingestJobHandlers(deps: IngestJobDeps, inProcess?: { reporter: IngestReporter }): JobHandlers<ItemOutcome> {
  const memos = new Map<string, ChainMemo>();
  return {
    'ingest-item': async (job, context) => {
      let memo: ChainMemo | undefined;
      if (inProcess) {
        memo = memos.get(job.key) ?? newChainMemo();
        memos.set(job.key, memo);
      }
      const last = context.stage === job.stages.at(-1);
      try {
        const outcome = await runStage(job, context.stage, deps, inProcess?.reporter ?? new JobProgressReporter(context), memo);
        // The ids it was renamed from have no manifest any more: indexing them takes them out of search.
        if (outcome) for (const id of [outcome.id, ...(job.item.aliases ?? [])]) await deps.onPublished?.(id);
        if (last) memos.delete(job.key);
        return outcome;
      } catch (error) {
        memos.delete(job.key);
        throw error;
      }
    },
  };
}

/** Step events of one stage, as job progress. */
class JobProgressReporter implements IngestReporter {
  constructor(private readonly context: JobContext) {}
  validated(): void {}
  itemStarted(): void {}
  stepStarted(_id: string, step: string): void {
    this.context.progress({ step, state: 'started' });
  }
  stepProgress(): void {}
  stepFinished(_id: string, step: string, info: { seconds: number; reused: boolean }): void {
    this.context.progress({ step, state: info.reused ? 'reused' : 'done', seconds: info.seconds });
  }
  itemFinished(): void {}
  finished(): void {}
}
