import { describeError } from '../../domain/errors.js';
import { SearchUnavailableError } from '../../ports/search-index.js';
import type { SearchIndexer } from './indexer.js';

/**
 * Indexing that follows an ingest: each item is indexed right after its manifest is written.
 * The archive is the truth and the index can always be rebuilt, so a search problem never fails
 * the ingest: the first "unavailable" stops further attempts (no timeout per item), and the run
 * ends with one line saying what was not indexed and to run `reindex`.
 */
export class IngestIndexing {
  private indexed = 0;
  private notIndexed = 0;
  private unavailable: string | null;
  private readonly itemProblems: string[] = [];

  /** `indexer` null: the index could not even be opened (`cause` says why). */
  constructor(private readonly indexer: SearchIndexer | null, cause: string | null = null) {
    this.unavailable = indexer ? null : (cause ?? 'the search index is not available');
  }

  /** Never throws: the outcome of the ingest does not depend on the index. */
  async itemPublished(id: string): Promise<void> {
    if (!this.indexer || this.unavailable) {
      this.notIndexed++;
      return;
    }
    try {
      const problems = await this.indexer.indexItem(id);
      for (const problem of problems) this.itemProblems.push(`${id}: search: ${problem}`);
      this.indexed++;
    } catch (error) {
      this.notIndexed++;
      if (error instanceof SearchUnavailableError) this.unavailable = describeError(error);
      else this.itemProblems.push(`${id}: not indexed for search (${describeError(error)})`);
    }
  }

  /** Warning lines for the end of the run (empty when everything was indexed). */
  report(): string[] {
    const lines = [...this.itemProblems];
    if (this.unavailable && this.notIndexed > 0) {
      lines.push(`search index not updated for ${this.notIndexed} item(s): ${this.unavailable}; run \`mediacommuns reindex\` once search is back`);
    } else if (this.notIndexed > 0) {
      lines.push(`${this.notIndexed} item(s) not indexed for search; run \`mediacommuns reindex\``);
    }
    return lines;
  }

  get counts(): { indexed: number; notIndexed: number } {
    return { indexed: this.indexed, notIndexed: this.notIndexed };
  }
}
