import { openSearchIndex } from '../compose.js';
import type { Config } from '../config.js';
import { describeError } from '../domain/errors.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { IndexStats } from '../ports/search-index.js';
import { SearchIndexer } from '../services/search/indexer.js';
import { IngestIndexing } from '../services/search/ingest-indexing.js';

/**
 * Search as the commands other than `search` and `reindex` use it: ingest and remove index as
 * they go, status reports on it. It lives here, beside the commands, so that no command imports
 * another (a command is an entry point, not a library).
 */
interface IngestSearch {
  indexing: IngestIndexing;
  close(): Promise<void>;
}

/**
 * The indexing that follows an ingest or a removal. When search cannot be opened the work goes
 * on without it, and says so once at the end.
 */
export async function startIngestIndexing(config: Readonly<Config>, store: BlobStore): Promise<IngestSearch> {
  try {
    const search = await openSearchIndex(config);
    return { indexing: new IngestIndexing(new SearchIndexer(store, search.index)), close: () => search.index.close() };
  } catch (error) {
    return { indexing: new IngestIndexing(null, describeError(error)), close: async () => {} };
  }
}

/**
 * Search for an ingest on the shared queue, opened only when an item is to be indexed: there the
 * workers index what they publish, and only manifests rewritten by ingest itself need search.
 */
export function lazyIngestIndexing(config: Readonly<Config>, store: BlobStore): { indexing: Pick<IngestIndexing, 'itemPublished' | 'report'>; close(): Promise<void> } {
  let opening: Promise<IngestSearch> | null = null;
  let opened: IngestSearch | null = null;
  return {
    indexing: {
      itemPublished: async (id) => {
        opening ??= startIngestIndexing(config, store).then((search) => (opened = search));
        await (await opening).indexing.itemPublished(id);
      },
      report: () => opened?.indexing.report() ?? [],
    },
    close: async () => {
      await (await opening)?.close();
    },
  };
}

/** The search service at a glance, for `status`: where it runs and what it holds, or why it does not answer. */
export async function searchStatus(config: Readonly<Config>): Promise<({ available: true } & IndexStats) | { available: false; error: string }> {
  try {
    const search = await openSearchIndex(config);
    try {
      return { available: true, ...(await search.index.stats()) };
    } finally {
      await search.index.close();
    }
  } catch (error) {
    return { available: false, error: describeError(error) };
  }
}
