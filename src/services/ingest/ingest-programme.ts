import { isSharedQueue, JobFailedError, type Job, type JobHandlers, type JobProgress, type JobQueue, type JobWatch } from '../../ports/job-queue.js';
import { diskFullOf } from '../../domain/disk-full.js';
import type { DocumentTool } from '../../ports/document-tool.js';
import type { LicenceId } from '../../domain/licence.js';
import type { ProgrammeItem } from '../../domain/item.js';
import type { MediaTool } from '../../ports/media-tool.js';
import { readProgramme } from '../programme/read-programme.js';
import { readArchivedMedia } from './archived-media.js';
import { prepareItem, type ItemIngestDeps, type Prepared } from './ingest-item.js';
import { RunStop } from './full-disk.js';
import { ingestJobHandlers } from './ingest-job.js';
import type { IngestReporter, IngestSummary, ItemOutcome, RunStopped } from './reporter.js';
import { refuseRemovedRows } from './removed-rows.js';

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
  /** Removed ids brought back on purpose (`--restore`): their rows are ingested despite their tombstone. */
  restore?: readonly string[];
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
 * never stops the others, except for a full disk, which stops the run (see RunStop).
 */
export async function ingestProgramme(target: string, deps: IngestProgrammeDeps, options: IngestOptions = {}): Promise<IngestSummary & { queued?: QueuedSummary }> {
  const started = performance.now();
  const read = await readProgramme(target, {
    media: deps.media, documents: deps.documents, defaultLicence: deps.defaultLicence, defaultLanguage: deps.defaultLanguage,
  });
  const programme = await refuseRemovedRows(read, deps.store, options.restore ?? []);
  deps.reporter.validated({ source: programme.source, items: programme.items.length, problems: programme.problems });
  let outcomes: ItemOutcome[] = [];
  let queued: QueuedSummary | undefined;
  let stop: RunStopped | undefined;
  if (!options.dryRun) {
    // Here, where the programme's files are, one item after another: checksums, the archive's
    // verdict, copies into the store. Each chain of steps starts as soon as its item is ready.
    const prepared: Prepared[] = [];
    const jobs: Job[] = [];
    const halt = new RunStop();
    async function* chains(): AsyncIterable<Job> {
      // Which recordings are archived under which id, as the programme starts: a row whose file is
      // already there under another id would make a second item (ingest-item.ts says what to do).
      const archived = await readArchivedMedia(deps.store);
      for (const item of programme.items) {
        if (halt.stopped) return;
        const result = await prepareItem(item, { ...deps, archived });
        prepared.push(result);
        if ('outcome' in result) {
          if (result.outcome.code === 'disk_full') halt.stop(result.outcome.error ?? 'disk full');
          await settled(result.outcome, item, deps);
          continue;
        }
        jobs.push(result.job);
        yield result.job;
      }
    }
    const byId = new Map<string, ItemOutcome>();
    const shared = isSharedQueue(deps.queue) ? deps.queue : null;
    const queueOnly = shared !== null && options.wait === false;
    if (shared && queueOnly) {
      queued = { source: programme.source, added: 0, alreadyQueued: 0 };
      for await (const job of chains()) {
        const counts = await shared.enqueue([job]);
        queued.added += counts.added;
        queued.alreadyQueued += counts.alreadyQueued;
      }
    } else {
      // Run here (the in-process queue), or by workers reporting back (the shared queue).
      const handlers = stoppingOnFullDisk(ingestJobHandlers(deps, { reporter: deps.reporter }), halt);
      const results = await deps.queue.runAll(chains(), handlers, watchItems(jobs, deps.reporter, isSharedQueue(deps.queue)));
      // A worker of another version could answer anything: the summary only takes outcomes.
      results.forEach((result, index) => {
        const item = (jobs[index] as Job).item;
        byId.set(item.id, isOutcome(result) ? result : unknownResult(item));
      });
    }
    // In the programme's order; items only queued have no outcome yet.
    for (const p of prepared) {
      if ('outcome' in p) outcomes.push(p.outcome);
      else if (!queueOnly) outcomes.push(byId.get(p.job.item.id) ?? unknownResult(p.job.item));
    }
    if (halt.stopped) {
      const tried = new Set(prepared.map((p) => ('outcome' in p ? p.outcome.id : p.job.item.id)));
      stop = { cause: halt.stopped, notAttempted: programme.items.filter((item) => !tried.has(item.id)).map(({ id, title }) => ({ id, title })) };
    }
  }
  const summary: IngestSummary = {
    source: programme.source, outcomes, problems: programme.problems, wallSeconds: (performance.now() - started) / 1000, ...(stop ? { stopped: stop } : {}),
  };
  if (queued) return { ...summary, queued };
  deps.reporter.finished(summary);
  return summary;
}

/**
 * The job handlers, watched for a full disk: the first stops the run (no later item is
 * prepared), and a job that another lane had already started stops before its next stage.
 */
function stoppingOnFullDisk<R>(handlers: JobHandlers<R>, halt: RunStop): JobHandlers<R> {
  return {
    'ingest-item': async (job, context) => {
      if (halt.stopped) throw new JobFailedError(`not finished: the run stopped (${halt.stopped})`, true);
      try {
        return await handlers['ingest-item'](job, context);
      } catch (error) {
        const full = diskFullOf(error);
        if (full) halt.stop(full.message);
        throw error;
      }
    },
  };
}

/** An item decided without any step (unchanged, metadata only, or unreadable): told at once. */
async function settled(outcome: ItemOutcome, item: ProgrammeItem, deps: IngestProgrammeDeps): Promise<void> {
  // An alias listed anew may have taken out the item under that id (retire-renamed.ts): out of search too.
  if (outcome.status === 'updated') for (const id of [outcome.id, ...(item.aliases ?? [])]) await deps.onPublished?.(id);
  deps.reporter.itemFinished(outcome);
}

/**
 * Turns what the queue says into the reporter's events. In process, the item's own ingest tells
 * the reporter as it goes; from workers, the job's start and step events stand in for it.
 */
function watchItems(jobs: Job[], reporter: IngestReporter, remote: boolean): JobWatch<ItemOutcome> {
  const itemAt = (index: number): ProgrammeItem => (jobs[index] as Job).item;
  return {
    started: (index: number) => reporter.itemStarted(itemAt(index).id, itemAt(index).title),
    ...(remote ? {
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
