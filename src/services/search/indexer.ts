import { manifestKey, parseManifest } from '../../domain/manifest.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { IndexEntry, RebuildProgress, SearchIndex } from '../../ports/search-index.js';
import { readManifests } from '../archive/manifests.js';
import { indexEntryOf } from './documents.js';

export interface ReindexSummary extends RebuildProgress {
  /** One line per unreadable manifest or text file: "<key>: <cause>". */
  problems: string[];
}

/** Keeps the search index in step with the archive: the manifests are the truth, the index follows. */
export class SearchIndexer {
  constructor(private readonly store: BlobStore, private readonly index: SearchIndex) {}

  /**
   * Indexes one item from its stored manifest (upsert of the item, replacement of its
   * segments). Returns the text files that could not be used; throws when the index fails.
   */
  async indexItem(id: string): Promise<string[]> {
    const buffer = await this.store.getBuffer(manifestKey(id));
    if (!buffer) {
      await this.index.remove(id); // no manifest: the item does not exist
      return [];
    }
    const { entry, problems } = await indexEntryOf(parseManifest(buffer.toString('utf8')), this.store);
    await this.index.upsert(entry);
    return problems;
  }

  async removeItem(id: string): Promise<void> {
    await this.index.remove(id);
  }

  /**
   * Rebuilds both indexes from every manifest, beside the live ones, then swaps them in. An
   * unreadable manifest is reported and left out; a failure of the index stops the rebuild
   * and leaves the previous indexes serving.
   */
  async reindex(onProgress?: (progress: RebuildProgress) => void): Promise<ReindexSummary> {
    const problems: string[] = [];
    const store = this.store;
    async function* entries(): AsyncIterable<IndexEntry> {
      for await (const manifest of readManifests(store, (key, cause) => problems.push(`${key}: unreadable manifest (${cause})`))) {
        const { entry, problems: textProblems } = await indexEntryOf(manifest, store);
        problems.push(...textProblems);
        yield entry;
      }
    }
    const counts = await this.index.rebuild(entries(), onProgress);
    return { ...counts, problems };
  }
}
