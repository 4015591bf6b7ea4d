import type { JobQueue } from '../../ports/job-queue.js';
import type { DocumentTool } from '../../ports/document-tool.js';
import type { LicenceId } from '../../domain/licence.js';
import type { MediaTool } from '../../ports/media-tool.js';
import { readProgramme } from '../programme/read-programme.js';
import { ingestItem, type ItemIngestDeps } from './ingest-item.js';
import type { IngestSummary, ItemOutcome } from './reporter.js';

export interface IngestProgrammeDeps extends ItemIngestDeps {
  queue: JobQueue;
  media: MediaTool;
  documents: DocumentTool;
  defaultLicence: LicenceId;
  defaultLanguage: string;
  /**
   * Called once an item's manifest is written (ingested or updated), before it is reported:
   * keeps the search index in step. Must not throw; the item's outcome does not depend on it.
   */
  onPublished?: (id: string) => Promise<void>;
}

/**
 * Reads and validates the whole programme first (every problem listed, nothing transcoded yet),
 * then ingests every valid item; an item that fails never stops the others.
 */
export async function ingestProgramme(target: string, deps: IngestProgrammeDeps, options: { dryRun?: boolean } = {}): Promise<IngestSummary> {
  const started = performance.now();
  const programme = await readProgramme(target, {
    media: deps.media, documents: deps.documents, defaultLicence: deps.defaultLicence, defaultLanguage: deps.defaultLanguage,
  });
  deps.reporter.validated({ source: programme.source, items: programme.items.length, problems: programme.problems });
  let outcomes: ItemOutcome[] = [];
  if (!options.dryRun) {
    outcomes = await deps.queue.runAll(
      programme.items.map((item) => ({ type: 'ingest-item' as const, item })),
      { 'ingest-item': async (job) => {
        const outcome = await ingestItem(job.item, deps);
        if (outcome.status === 'ingested' || outcome.status === 'updated') await deps.onPublished?.(outcome.id);
        deps.reporter.itemFinished(outcome);
        return outcome;
      } },
    );
  }
  const summary: IngestSummary = { source: programme.source, outcomes, problems: programme.problems, wallSeconds: (performance.now() - started) / 1000 };
  deps.reporter.finished(summary);
  return summary;
}
