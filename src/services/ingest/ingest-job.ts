import { access, constants } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { ProgrammeItem } from '../../domain/item.js';
import { JobFailedError, type JobContext, type JobHandlers } from '../../ports/job-queue.js';
import { ingestItem, type ItemIngestDeps } from './ingest-item.js';
import type { IngestReporter, ItemOutcome } from './reporter.js';

export interface IngestJobDeps extends Omit<ItemIngestDeps, 'reporter'> {
  /** Called once an item's manifest is written: the worker keeps the search index in step. Must not throw. */
  onPublished?: (id: string) => Promise<void>;
}

/**
 * What a `worker` does with an ingest job: the same ingest as in process, its step events sent
 * as the job's progress. A failed item fails the job, so the queue retries it with backoff;
 * a bad input file (media_invalid) fails it at once, since trying again cannot mend the file.
 */
export function ingestJobHandlers(deps: IngestJobDeps): JobHandlers<ItemOutcome> {
  return {
    'ingest-item': async (job, context) => {
      const missing = await unreachableInput(job.item);
      if (missing) {
        // Another worker may have the share mounted, or this one may get it back: worth a retry.
        const cause = `not reachable from this worker (${hostname()}) at ${missing.path}: programme files must be on a path every worker shares (same mount point)`;
        throw new JobFailedError(cause, true, { step: 'inputs', state: 'failed', file: missing.declared, cause });
      }
      const reporter = new JobProgressReporter(context);
      const outcome = await ingestItem(job.item, { ...deps, reporter });
      if (outcome.status === 'failed') {
        const cause = outcome.error ?? 'failed';
        throw new JobFailedError(cause, outcome.code !== 'media_invalid', {
          step: reporter.current ?? 'inputs', state: 'failed', cause, ...(outcome.file ? { file: outcome.file } : {}),
        });
      }
      if (outcome.status === 'ingested' || outcome.status === 'updated') await deps.onPublished?.(outcome.id);
      return outcome;
    },
  };
}

/** The first programme file this machine cannot read, if any. */
async function unreachableInput(item: ProgrammeItem): Promise<{ path: string; declared: string } | null> {
  const files = [item.media, ...item.captions, item.slides, item.audioDescription, item.signLanguage].filter((f) => f !== null);
  for (const file of files) {
    try {
      await access(file.path, constants.R_OK);
    } catch {
      return file;
    }
  }
  return null;
}

/** Step events of one item's ingest, as job progress. */
class JobProgressReporter implements IngestReporter {
  /** Where a failure happened: the step running, else publishing once a step has finished. */
  current: string | null = null;
  constructor(private readonly context: JobContext) {}
  validated(): void {}
  itemStarted(): void {}
  stepStarted(_id: string, step: string): void {
    this.current = step;
    this.context.progress({ step, state: 'started' });
  }
  stepProgress(): void {}
  stepFinished(_id: string, step: string, info: { seconds: number; reused: boolean }): void {
    this.current = 'publish';
    this.context.progress({ step, state: info.reused ? 'reused' : 'done', seconds: info.seconds });
  }
  itemFinished(): void {}
  finished(): void {}
}
