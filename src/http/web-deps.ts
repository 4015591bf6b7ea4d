import type { BlobStore } from '../ports/blob-store.js';
import type { Catalogue } from '../services/catalogue/catalogue.js';
import type { ClipService } from '../services/clips/index.js';
import type { SearchIndexer } from '../services/search/indexer.js';
import type { SearchService } from '../services/search/search-service.js';
import type { StatsRecorder } from '../services/stats/stats-recorder.js';
import type { PageCache } from './page-cache.js';
import type { ViewEngine } from './view-engine.js';

/** What the web layer needs; built by the serve command (or a test) and handed to createApp. */
export interface WebDeps {
  catalogue: Catalogue;
  search: SearchService;
  store: BlobStore;
  views: ViewEngine;
  /** The site's public origin ("https://archives.example.org"); null: taken from each request. */
  publicUrl: string | null;
  /**
   * Where browsers fetch media from when the store hands out its own URLs (S3: the public base
   * URL or the endpoint of presigned URLs); null: media goes through this server (filesystem).
   */
  mediaOrigin: string | null;
  /** Clips cut on demand (/api/items/<id>/clip.*); absent: those answer 503. */
  clips?: ClipService;
  /** The OAI-PMH endpoint: its contact (default webmaster@<host>) and records per answer (default 100). */
  oai?: { adminEmail?: string | null; pageSize?: number };
  /** Rendered pages kept by what they were made from (home, search, item pages); absent: every page is rendered. */
  pages?: PageCache;
  /** Daily totals of plays, downloads, embeds and searches without result (services/stats); absent: nothing is counted. */
  stats?: StatsRecorder;
  /** Reindexes one item after the console changed it (an accepted correction); absent: `reindex` later. */
  indexer?: SearchIndexer;
  /** Where server errors are written (one line each); stderr by default. */
  log?: (line: string) => void;
}
