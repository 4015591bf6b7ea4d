import type { JobContext, JobHandlers } from '../../ports/job-queue.js';
import { runStage, type StageDeps } from './ingest-stages.js';
import type { IngestReporter, ItemOutcome } from './reporter.js';

export interface IngestJobDeps extends StageDeps {
  /** Called once an item's manifest is written: the worker keeps the search index in step. Must not throw. */
  onPublished?: (id: string) => Promise<void>;
}

/**
 * What a `worker` does with a stage of an item's chain: the same stage as in process, its step
 * events sent as the stage's progress. A failed stage is retried by the queue with backoff; a
 * bad input file (retry: false) fails it, and the item, at once.
 */
export function ingestJobHandlers(deps: IngestJobDeps): JobHandlers<ItemOutcome> {
  return {
    'ingest-item': async (job, context) => {
      const outcome = await runStage(job, context.stage, deps, new JobProgressReporter(context));
      if (outcome) await deps.onPublished?.(outcome.id);
      return outcome;
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
