import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { startLocalMeilisearch, type MeiliServer } from '../../src/adapters/search-index/meilisearch-process.js';
import { startWeb } from '../../src/http/start-web.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { siteFetch, type SiteFetch } from './web.js';

/**
 * The archive's own Meilisearch (DATA_DIR/meili), started by the test with the app's launcher
 * before any command runs on that DATA_DIR: every spawned ingest, status or search then finds it
 * running and uses it, as it does beside a running `serve`, instead of starting and stopping one
 * of its own each time. stop() ends it by its PID.
 */
export async function startArchiveMeili(dataDir: string): Promise<MeiliServer> {
  const server = await startLocalMeilisearch({ dataDir });
  if (!server.owned) throw new Error(`a Meilisearch already runs on ${dataDir}`);
  return server;
}

/** The website over an archive and that archive's own search (what its ingests indexed), on a free port. */
export async function startWebOnArchive(store: BlobStore, meili: MeiliServer): Promise<{
  url: string;
  fetch: SiteFetch;
  close(): Promise<void>;
}> {
  const index = new MeilisearchIndex({ url: meili.url, apiKey: meili.apiKey, mode: 'external' });
  await index.open();
  const web = await startWeb({ store, index, port: 0, host: '127.0.0.1', publicUrl: null, mediaOrigin: null, media: new FluentFfmpegMediaTool(), log: () => {} });
  const url = `http://127.0.0.1:${web.port}`;
  return {
    url,
    fetch: siteFetch(url),
    async close() {
      await web.close();
      await index.close();
    },
  };
}
