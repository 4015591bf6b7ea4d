import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { startLocalMeilisearch } from '../../src/adapters/search-index/meilisearch-process.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';

/** What the indexer reads: manifests, tombstones and text files (not media). */
const INDEXED_TEXT = /\.(json|vtt|srt|txt)$/;

/**
 * A digest of everything a reindex of the archive at `root` reads (relative paths and bytes of
 * its text files under items/ and tombstones/): two archives with the same digest index the same.
 */
export async function indexedDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const top of ['items', 'tombstones']) {
    const files = await readdir(path.join(root, top), { recursive: true }).catch(() => [] as string[]);
    for (const file of files.filter((f) => INDEXED_TEXT.test(f)).sort()) {
      hash.update(`${top}/${file}\0`);
      hash.update(await readFile(path.join(root, top, file)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/**
 * The sample archive indexed once, by the same SearchIndexer.reindex a test's site runs, into a
 * Meilisearch folder that is then stopped; each test file that serves an unchanged copy of the
 * archive starts its own Meilisearch on a copy of that folder instead of indexing the archive
 * again (20–100 s of a browser test file's set-up on the 2 CI cores, for the same index).
 */
export async function buildSampleSearch(archiveDir: string): Promise<{ dir: string; digest: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-sample-search-'));
  const server = await startLocalMeilisearch({ dataDir: dir });
  try {
    const index = new MeilisearchIndex({ url: server.url, apiKey: server.apiKey, mode: 'external' });
    await index.open();
    await new SearchIndexer(new FsBlobStore(archiveDir), index).reindex();
    await index.close();
  } finally {
    await server.stop();
  }
  return { dir, digest: await indexedDigest(archiveDir) };
}

/** The prebuilt sample index's folder when the archive at `root` is an unchanged copy of the sample, else null. */
export async function prebuiltSearchFor(root: string): Promise<string | null> {
  const dir = process.env.SAMPLE_SEARCH_DIR;
  const digest = process.env.SAMPLE_SEARCH_DIGEST;
  if (!dir || !digest) return null;
  return (await indexedDigest(root)) === digest ? dir : null;
}

/** Copies a stopped Meilisearch's key and database (not its log, lock or instance record) into `dataDir`. */
export async function copySearchFolder(from: string, dataDir: string): Promise<void> {
  for (const entry of ['master-key', 'data']) await cp(path.join(from, 'meili', entry), path.join(dataDir, 'meili', entry), { recursive: true });
}
