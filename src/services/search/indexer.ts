import { manifestKey, parseManifest } from '../../domain/manifest.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { IndexEntry, RebuildProgress, SearchIndex } from '../../ports/search-index.js';
import { readManifests } from '../archive/manifests.js';
import { indexEntryOf } from './documents.js';

export interface ReindexSummary extends RebuildProgress {
  /** One line per unreadable manifest or text file: "<key>: <cause>". */
  problems: string[];
}

/**
 * How far before a rebuild's start a manifest counts as written "during" it: store clocks (an S3
 * server, another machine's filesystem) may be a little off from this one.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;

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
   * and leaves the previous indexes serving. Items that workers published or removed while it
   * ran went to the indexes swapped out: they are indexed again, or removed, in the new ones.
   */
  async reindex(onProgress?: (progress: RebuildProgress) => void): Promise<ReindexSummary> {
    const problems: string[] = [];
    const store = this.store;
    const since = Date.now() - CLOCK_MARGIN_MS;
    const rebuilt = new Set<string>();
    async function* entries(): AsyncIterable<IndexEntry> {
      for await (const manifest of readManifests(store, (key, cause) => problems.push(`${key}: unreadable manifest (${cause})`))) {
        const { entry, problems: textProblems } = await indexEntryOf(manifest, store);
        problems.push(...textProblems);
        rebuilt.add(manifest.id);
        yield entry;
      }
    }
    const counts = await this.index.rebuild(entries(), onProgress);
    // Manifests written since shortly before the start: any of them may have gone to the old indexes.
    let caughtUp = 0;
    const present = new Set<string>();
    for await (const blob of store.list('items/')) {
      const id = /^items\/([^/]+)\/manifest\.json$/.exec(blob.key)?.[1];
      if (id) present.add(id);
      if (!id || blob.modified.getTime() < since) continue;
      try {
        problems.push(...await this.indexItem(id));
        caughtUp++;
      } catch (error) {
        problems.push(`${blob.key}: not indexed again after the rebuild (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    // Items the rebuild read whose manifest is gone now: removed meanwhile.
    for (const id of rebuilt) {
      if (present.has(id)) continue;
      await this.index.remove(id);
      caughtUp++;
    }
    // An item indexed twice says its problems once.
    const unique = [...new Set(problems)];
    if (caughtUp === 0) return { ...counts, problems: unique };
    const stats = await this.index.stats();
    return { items: stats.items, segments: stats.segments, problems: unique };
  }
}
