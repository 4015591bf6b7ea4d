import { describeError } from '../../domain/errors.js';
import { SearchUnavailableError } from '../../ports/search-index.js';
import { MeilisearchIndex } from './meilisearch-index.js';
import { startLocalMeilisearch } from './meilisearch-process.js';

export interface OpenedSearch {
  index: MeilisearchIndex;
  version: string;
  settingsUpdated: boolean;
  /** Indexes of an earlier layout: searches are refused until `reindex` (see MeilisearchIndex.open). */
  reindexNeeded: boolean;
}

export interface OpenMeilisearchOptions {
  dataDir: string;
  /** MEILI_URL (+ MEILI_MASTER_KEY): use that server; null: the archive's own. */
  external: { url: string; masterKey: string | undefined } | null;
  binary?: string;
}

/**
 * The search index ready for use: the server found (or started), the boot check passed (it
 * answers, its version is known) and the settings in place. Any failure is a
 * SearchUnavailableError, and nothing is left running.
 */
export async function openMeilisearch(options: OpenMeilisearchOptions): Promise<OpenedSearch> {
  let index: MeilisearchIndex;
  if (options.external) {
    index = new MeilisearchIndex({ url: options.external.url.replace(/\/+$/, ''), apiKey: options.external.masterKey, mode: 'external' });
  } else {
    const server = await startLocalMeilisearch({ dataDir: options.dataDir, ...(options.binary ? { binary: options.binary } : {}) }).catch((error: unknown) => {
      throw new SearchUnavailableError(`search is unavailable: could not start Meilisearch (${describeError(error)})`, { cause: error });
    });
    index = new MeilisearchIndex({ url: server.url, apiKey: server.apiKey, mode: 'own', server });
  }
  try {
    return { index, ...(await index.open()) };
  } catch (error) {
    await index.close();
    throw error instanceof SearchUnavailableError ? error : new SearchUnavailableError(`search is unavailable: ${describeError(error)}`, { cause: error });
  }
}
