import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { startWeb, type WebServer } from '../../src/http/start-web.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { startTestMeili, type TestMeili } from './meili.js';
import { prebuiltSearchFor } from './sample-search.js';
import { freshStore, writeItem, type ArchiveItem } from './search-archive.js';

export type SiteFetch = (path: string, init?: RequestInit) => Promise<{ status: number; headers: Headers; text: string }>;

/** Requests to a test site at `url`: redirects not followed, the body read as text. */
export function siteFetch(url: string): SiteFetch {
  return async (path, init) => {
    const response = await fetch(`${url}${path}`, { redirect: 'manual', ...init });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
}

/** The website over a real store and a real Meilisearch, on a free port; stop it with close(). */
export interface TestWeb<S extends BlobStore = FsBlobStore> {
  url: string;
  web: WebServer;
  store: S;
  meili: TestMeili;
  /** GET (or any method) on the site: the response with its body read as text. */
  fetch: SiteFetch;
  close(): Promise<void>;
}

/**
 * A site over items written like the ingest writes them (manifests and text files, no media):
 * fast, and any title or transcript can be made to hold what a test needs (`<script>`…).
 */
export async function startTestWeb(items: readonly ArchiveItem[], options: { store?: FsBlobStore; publicUrl?: string } = {}): Promise<TestWeb> {
  const store = options.store ?? freshStore();
  for (const item of items) await writeItem(store, item);
  return startWebOver(store, options.publicUrl);
}

/**
 * A site over an existing store (e.g. a copy of the ingested sample edition): indexed, then
 * served. An unchanged copy of the sample starts from the index global setup built for it.
 */
export async function startWebOver<S extends BlobStore = FsBlobStore>(store: S, publicUrl?: string, mediaOrigin?: string): Promise<TestWeb<S>> {
  const prebuilt = store instanceof FsBlobStore ? await prebuiltSearchFor(store.root) : null;
  const meili = await startTestMeili(prebuilt ? { from: prebuilt } : {});
  const index = meili.connect();
  await index.open();
  if (!prebuilt) await new SearchIndexer(store, index).reindex();
  const web = await startWeb({ store, index, port: 0, host: '127.0.0.1', publicUrl: publicUrl ?? null, mediaOrigin: mediaOrigin ?? null, media: new FluentFfmpegMediaTool(), log: () => {} });
  const url = `http://127.0.0.1:${web.port}`;
  return {
    url,
    web,
    store,
    meili,
    fetch: siteFetch(url),
    async close() {
      await web.close();
      await meili.stop();
    },
  };
}
