import { createHash } from 'node:crypto';
import { isSharedQueue, type Job, type JobProgress, type JobQueue, type JobWatch } from '../../ports/job-queue.js';
import type { DocumentTool } from '../../ports/document-tool.js';
import type { LicenceId } from '../../domain/licence.js';
import type { ProgrammeItem } from '../../domain/item.js';
import type { MediaTool } from '../../ports/media-tool.js';
import { readProgramme } from '../programme/read-programme.js';
import { ingestItem, inputsKeyOf, type ItemIngestDeps } from './ingest-item.js';
import type { IngestReporter, IngestSummary, ItemOutcome } from './reporter.js';

export interface IngestProgrammeDeps extends ItemIngestDeps {
  queue: JobQueue;
  media: MediaTool;
  documents: DocumentTool;
  defaultLicence: LicenceId;
  defaultLanguage: string;
  /**
   * Called once an item's manifest is written (ingested or updated), before it is reported:
   * keeps the search index in step. Must not throw; the item's outcome does not depend on it.
   * (With a shared queue the workers index what they publish.)
   */
  onPublished?: (id: string) => Promise<void>;
}

export interface IngestOptions {
  dryRun?: boolean;
  /** Shared queue only: false adds the jobs and returns without waiting for the workers. */
  wait?: boolean;
}

/** What `ingest --no-wait` did: jobs handed to the workers. */
export interface QueuedSummary {
  source: string;
  added: number;
  alreadyQueued: number;
}

/**
 * Reads and validates the whole programme first (every problem listed, nothing transcoded yet),
 * then ingests every valid item (here, or on the workers of a shared queue); an item that fails
 * never stops the others.
 */
export async function ingestProgramme(target: string, deps: IngestProgrammeDeps, options: IngestOptions = {}): Promise<IngestSummary & { queued?: QueuedSummary }> {
  const started = performance.now();
  const programme = await readProgramme(target, {
    media: deps.media, documents: deps.documents, defaultLicence: deps.defaultLicence, defaultLanguage: deps.defaultLanguage,
  });
  deps.reporter.validated({ source: programme.source, items: programme.items.length, problems: programme.problems });
  let outcomes: ItemOutcome[] = [];
  let queued: QueuedSummary | undefined;
  if (!options.dryRun) {
    const jobs = await jobsFor(programme.items, deps);
    if (isSharedQueue(deps.queue) && options.wait === false) {
      queued = { source: programme.source, ...await deps.queue.enqueue(jobs) };
    } else {
      const results = await deps.queue.runAll(jobs, {
        'ingest-item': async (job) => {
          const outcome = await ingestItem(job.item, deps);
          if (outcome.status === 'ingested' || outcome.status === 'updated') await deps.onPublished?.(outcome.id);
          return outcome;
        },
      }, watchItems(programme.items, deps.reporter, isSharedQueue(deps.queue)));
      // A worker of another version could answer anything: the summary only takes outcomes.
      outcomes = results.map((result, index) => (isOutcome(result) ? result : unknownResult(programme.items[index] as ProgrammeItem)));
    }
  }
  const summary: IngestSummary = { source: programme.source, outcomes, problems: programme.problems, wallSeconds: (performance.now() - started) / 1000 };
  if (queued) return { ...summary, queued };
  deps.reporter.finished(summary);
  return summary;
}

/**
 * One job per item. For a shared queue each is keyed by the item, its inputs and its metadata,
 * so the same work submitted twice (a second `ingest` while the first is queued) is done once,
 * while a changed file or title is new work. The inline queue needs no key.
 */
async function jobsFor(items: ProgrammeItem[], deps: IngestProgrammeDeps): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const item of items) {
    let key = item.id;
    if (isSharedQueue(deps.queue)) {
      // An unreadable file gets a key all the same: the worker reports it, naming the file.
      const inputs = await inputsKeyOf(item, deps).catch(() => 'unreadable');
      key = `${item.id}@${createHash('sha256').update(JSON.stringify({ inputs, item })).digest('hex').slice(0, 16)}`;
    }
    jobs.push({ type: 'ingest-item', key, item });
  }
  return jobs;
}

/**
 * Turns what the queue says into the reporter's events. In process, the item's own ingest tells
 * the reporter as it goes; from workers, the job's start and step events stand in for it.
 */
function watchItems(items: ProgrammeItem[], reporter: IngestReporter, remote: boolean): JobWatch<ItemOutcome> {
  const itemAt = (index: number): ProgrammeItem => items[index] as ProgrammeItem;
  return {
    ...(remote ? {
      started: (index: number) => reporter.itemStarted(itemAt(index).id, itemAt(index).title),
      progress: (index: number, update: JobProgress) => {
        const id = itemAt(index).id;
        if (update.state === 'started') reporter.stepStarted(id, update.step);
        else if (update.state === 'done' || update.state === 'reused') {
          reporter.stepFinished(id, update.step, { seconds: update.seconds ?? 0, reused: update.state === 'reused' });
        }
      },
    } : {}),
    finished: (index, outcome) => reporter.itemFinished(isOutcome(outcome) ? outcome : unknownResult(itemAt(index))),
    failed: (index, failure) => {
      const outcome: ItemOutcome = {
        id: itemAt(index).id, title: itemAt(index).title, status: 'failed', duration: null, wallSeconds: 0,
        ...(failure.progress?.file ? { file: failure.progress.file } : {}),
        error: failure.attempts > 1 ? `${failure.cause} (after ${failure.attempts} attempts)` : failure.cause, warnings: [],
      };
      reporter.itemFinished(outcome);
      return outcome;
    },
  };
}

function isOutcome(value: unknown): value is ItemOutcome {
  const outcome = value as Partial<ItemOutcome> | null;
  return typeof outcome?.id === 'string' && typeof outcome.status === 'string' && Array.isArray(outcome.warnings);
}

function unknownResult(item: ProgrammeItem): ItemOutcome {
  return { id: item.id, title: item.title, status: 'failed', duration: null, wallSeconds: 0, error: 'the worker returned no outcome for this item (a different version?)', warnings: [] };
}
