import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BlobStore } from '../ports/blob-store.js';
import type { MediaTool, SeekPointReader } from '../ports/media-tool.js';
import type { SearchIndex } from '../ports/search-index.js';
import { Catalogue } from '../services/catalogue/catalogue.js';
import { ClipService, type ClipOptions } from '../services/clips/index.js';
import { SearchIndexer } from '../services/search/indexer.js';
import { SearchService } from '../services/search/search-service.js';
import { StatsRecorder } from '../services/stats/stats-recorder.js';
import { createApp } from './create-app.js';
import { PageCache } from './page-cache.js';
import { assetVersion, VIEWS_DIR, ViewEngine } from './view-engine.js';
import type { WebDeps } from './web-deps.js';

export interface WebServer {
  url: string;
  port: number;
  deps: WebDeps;
  server: Server;
  close(): Promise<void>;
}

/**
 * Builds the web dependencies over a store and a search index and listens on `port` (0: a free
 * one). Used by the serve command, the tests and the benchmark alike.
 */
export async function startWeb(options: {
  store: BlobStore;
  index: SearchIndex;
  port: number;
  host?: string;
  publicUrl?: string | null;
  /** See WebDeps.mediaOrigin. */
  mediaOrigin?: string | null;
  log?: (line: string) => void;
  /** ffmpeg for the clips cut on demand, and how many at a time; absent: no clips. */
  media?: MediaTool & SeekPointReader;
  clips?: ClipOptions;
  oai?: WebDeps['oai'];
  /** The rendered pages kept (default: a PageCache of PAGE_CACHE_MAX_BYTES); null: none, every page rendered. */
  pages?: PageCache | null;
  /** The statistics' recorder options (flush interval, process id); null: nothing counted. */
  stats?: ConstructorParameters<typeof StatsRecorder>[1] | null;
}): Promise<WebServer> {
  const version = assetVersion(path.join(VIEWS_DIR, 'static'));
  const catalogue = new Catalogue(options.store, {
    onUnreadable: (key, cause) => options.log?.(`warning: ${key}: ${cause}`),
    ...(options.log ? { log: options.log } : {}),
  });
  await catalogue.snapshot();
  const deps: WebDeps = {
    catalogue,
    search: new SearchService(options.index),
    indexer: new SearchIndexer(options.store, options.index),
    store: options.store,
    views: ViewEngine.load(VIEWS_DIR, `/assets/${version}`),
    publicUrl: options.publicUrl ?? null,
    mediaOrigin: options.mediaOrigin ?? null,
    ...(options.log ? { log: options.log } : {}),
    ...(options.oai ? { oai: options.oai } : {}),
    ...(options.pages === null ? {} : { pages: options.pages ?? new PageCache() }),
    ...(options.media ? { clips: new ClipService(options.store, options.media, options.clips) } : {}),
    ...(options.stats === null ? {} : { stats: new StatsRecorder(options.store, { ...(options.log ? { log: options.log } : {}), ...options.stats }) }),
  };
  const app = createApp(deps, { assetVersion: version });
  const server = app.listen(options.port, options.host ?? '0.0.0.0');
  await once(server, 'listening');
  // Slow clients must not hold sockets forever; keep-alive a little longer than common proxies.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    deps,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).then(() => catalogue.idle()).then(() => deps.stats?.close()),
  };
}
