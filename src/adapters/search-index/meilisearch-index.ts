import { randomBytes } from 'node:crypto';
import { Meilisearch, type EnqueuedTaskPromise, type MultiSearchQuery, type Settings } from 'meilisearch';
import {
  SearchUnavailableError, type IndexAnswer, type IndexEntry, type IndexQuery, type IndexStats, type PassageHit, type RebuildProgress,
  type QueryLimits, type SearchIndex,
} from '../../ports/search-index.js';
import { STOP_WORDS } from './meili-derivations.js';
import { chunkDocumentsOf, countingDocumentOf, storedSegmentOf } from './meili-documents.js';
import { MeiliTaskError, translateMeiliError } from './meili-errors.js';
import { quoteFilterValue as quote } from './meili-filter.js';
import { CHUNKS, firstRequests, ITEMS, pageItems, passageRequests, SEGMENTS, shapeSearch, type FirstAnswer, type SearchBody } from './meili-search.js';
import {
  CHUNK_SETTINGS, INDEX_FORMAT, ITEM_SETTINGS, MAX_QUERY_WORDS, MAX_TOTAL_HITS, SEGMENT_SETTINGS, settingsDiff, type IndexSettings,
} from './meili-settings.js';
import { shapeWithin, withinRequest } from './meili-within.js';
import type { MeiliServer } from './meilisearch-process.js';
import { createNodeHttpClient, type NodeHttpClient } from './node-http-client.js';

export interface MeilisearchIndexOptions {
  url: string;
  apiKey: string | undefined;
  mode: 'own' | 'external';
  /** The server this process started: stopped by close(). */
  server?: MeiliServer;
  /** Documents per addDocuments call while rebuilding. */
  batchSize?: number;
  /** How long one task may take before we give up waiting (it goes on in Meilisearch). */
  taskTimeoutMs?: number;
  /**
   * How a search's requests travel: each as its own call, all of a round trip at once
   * (`parallel`, the default), or one `/multi-search` per round trip (kept to compare in the bench).
   */
  requests?: 'parallel' | 'multi-search';
  /**
   * Which words of the passages Meilisearch matched: found here by its rules (`local`, the
   * default), or asked of it by a third request that highlights the best few (`asked`, the way
   * before, kept for the bench and the tests to compare).
   */
  matchedWords?: 'local' | 'asked';
}

/**
 * The index holding the layout's version (INDEX_FORMAT) in one document: rebuilt and swapped in
 * with the others, so the version always names the indexes beside it.
 */
const FORMAT = 'search_format';
const FORMAT_ID = 'format';

/** A search's answers from Meilisearch: the counts and the page of items, then the page's passages ([terms,] best, more). */
interface SearchAnswers {
  count: FirstAnswer;
  ranking: FirstAnswer;
  alsoCounted: FirstAnswer[];
  passages: FirstAnswer[];
}

/** Every index of the layout with its settings; a rebuild makes each afresh and swaps them all at once. */
const LAYOUT: readonly { uid: string; settings: IndexSettings }[] = [
  { uid: ITEMS, settings: ITEM_SETTINGS },
  { uid: SEGMENTS, settings: SEGMENT_SETTINGS },
  { uid: CHUNKS, settings: CHUNK_SETTINGS },
];

/** Where a rebuild writes before the swap; a crashed rebuild's leftovers are dropped by the next. */
const next = (uid: string): string => `${uid}_next`;
const ALL = [...LAYOUT.map((l) => l.uid), FORMAT];

/** SearchIndex on Meilisearch (1.21): the only code that imports the meilisearch client. */
export class MeilisearchIndex implements SearchIndex {
  readonly limits: QueryLimits = {
    maxWords: MAX_QUERY_WORDS,
    stopWords: STOP_WORDS,
    maxTotalHits: MAX_TOTAL_HITS,
  };
  private readonly client: Meilisearch;
  private readonly http: NodeHttpClient;
  private readonly batchSize: number;
  private readonly taskTimeoutMs: number;
  /** The format found at open (null: none, an archive indexed before formats were recorded). */
  private format: number | null = INDEX_FORMAT;

  /** The server's URL without a trailing slash, and the header that opens it. */
  private readonly base: string;
  private readonly authorization: Readonly<Record<string, string>>;

  constructor(private readonly options: MeilisearchIndexOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.authorization = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};
    // A search sends up to five calls at once (more with facet counts beside): room for several searches.
    this.http = createNodeHttpClient({ maxSockets: 64 });
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey, httpClient: this.http.request });
    this.batchSize = options.batchSize ?? 10_000;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 10 * 60_000;
  }

  private get askWords(): boolean {
    return this.options.matchedWords === 'asked';
  }

  get url(): string {
    return this.options.url;
  }

  async open(): Promise<{ version: string; settingsUpdated: boolean; reindexNeeded: boolean }> {
    const version = await this.guard('version check', async () => (await this.client.getVersion()).pkgVersion);
    this.format = await this.readFormat();
    if (this.format === null && !(await this.holdsDocuments())) {
      // A new archive (or one never indexed): this version's layout from the start.
      await this.ensureFormat(FORMAT);
      this.format = INDEX_FORMAT;
    }
    if (this.format !== INDEX_FORMAT) {
      // Another layout: its settings are left alone, the indexes stay what they are until `reindex`.
      return { version, settingsUpdated: false, reindexNeeded: true };
    }
    let updated = false;
    for (const { uid, settings } of LAYOUT) updated = (await this.ensureIndex(uid, settings)) || updated;
    return { version, settingsUpdated: updated, reindexNeeded: false };
  }

  async upsert(entry: IndexEntry): Promise<void> {
    await this.requireFormat();
    const id = entry.item.id;
    // Stable ids overwrite in place; what this version no longer has is deleted after, in the
    // same task queue: searches never see the item without its passages.
    const batch = randomBytes(6).toString('hex');
    const tasks: EnqueuedTaskPromise[] = [this.client.index(ITEMS).addDocuments([countingDocumentOf(entry)], { primaryKey: 'id' })];
    for (const chunk of chunks(chunkDocumentsOf(entry).map((c) => ({ ...c, batch })), this.batchSize)) {
      tasks.push(this.client.index(CHUNKS).addDocuments(chunk, { primaryKey: 'id' }));
    }
    for (const chunk of chunks(entry.segments.map((s) => ({ ...storedSegmentOf(s), batch })), this.batchSize)) {
      tasks.push(this.client.index(SEGMENTS).addDocuments(chunk, { primaryKey: 'id' }));
    }
    for (const uid of [CHUNKS, SEGMENTS]) {
      tasks.push(this.client.index(uid).deleteDocuments({ filter: `itemId = ${quote(id)} AND batch != ${quote(batch)}` }));
    }
    await this.guard(`indexing ${id}`, () => this.waitAll(tasks));
  }

  async remove(itemId: string): Promise<void> {
    await this.requireFormat();
    await this.guard(`removing ${itemId}`, () =>
      this.waitAll([
        this.client.index(ITEMS).deleteDocument(itemId),
        this.client.index(CHUNKS).deleteDocuments({ filter: `itemId = ${quote(itemId)}` }),
        this.client.index(SEGMENTS).deleteDocuments({ filter: `itemId = ${quote(itemId)}` }),
      ]),
    );
  }

  async rebuild(entries: AsyncIterable<IndexEntry>, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    await this.dropNext();
    const count = await this.guard('rebuilding the indexes', async () => {
      try {
        for (const { uid, settings } of LAYOUT) await this.ensureIndex(next(uid), settings);
        await this.ensureFormat(next(FORMAT));
        const filled = await this.fillNext(entries, onProgress);
        // The live indexes must exist to be swapped (an archive indexed for the first time).
        for (const uid of ALL) await this.ensureExists(uid);
        // All pairs in one task: searches see every old index or every new one.
        await this.waitAll([this.client.swapIndexes(ALL.map((uid) => ({ indexes: [uid, next(uid)] as [string, string], rename: false })))]);
        this.format = INDEX_FORMAT;
        return filled;
      } catch (error) {
        // The live indexes were never touched; the half-built ones go now if the server lets us
        // (else the next rebuild drops them).
        await this.dropNext().catch(() => undefined);
        throw error;
      }
    });
    await this.dropNext(); // now the previous generation
    return count;
  }

  /** Streams the entries into the next indexes in batches; every task awaited. */
  private async fillNext(entries: AsyncIterable<IndexEntry>, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    const count: RebuildProgress = { items: 0, segments: 0 };
    // A few batches in flight keep Meilisearch busy while we read manifests; waiting on the
    // oldest bounds the queue and stops at the first failure.
    const pending: EnqueuedTaskPromise[] = [];
    const enqueue = async (task: EnqueuedTaskPromise): Promise<void> => {
      pending.push(task);
      if (pending.length > 3) await this.waitAll(pending.splice(0, 1));
    };
    const buffers = { [ITEMS]: [] as object[], [CHUNKS]: [] as object[], [SEGMENTS]: [] as object[] };
    // Counting documents hold a whole item's text each: fewer of them make a batch.
    const limits = { [ITEMS]: Math.max(1, Math.ceil(this.batchSize / 100)), [CHUNKS]: Math.max(1, Math.ceil(this.batchSize / 10)), [SEGMENTS]: this.batchSize };
    const flush = async (uid: keyof typeof buffers): Promise<void> => {
      if (buffers[uid].length > 0) await enqueue(this.client.index(next(uid)).addDocuments(buffers[uid].splice(0), { primaryKey: 'id' }));
    };
    try {
      for await (const entry of entries) {
        buffers[ITEMS].push(countingDocumentOf(entry));
        buffers[CHUNKS].push(...chunkDocumentsOf(entry));
        buffers[SEGMENTS].push(...entry.segments.map(storedSegmentOf));
        count.items++;
        count.segments += entry.segments.length;
        for (const uid of [ITEMS, CHUNKS, SEGMENTS] as const) if (buffers[uid].length >= limits[uid]) await flush(uid);
        onProgress?.({ ...count });
      }
      for (const uid of [ITEMS, CHUNKS, SEGMENTS] as const) await flush(uid);
    } catch (error) {
      // The batches on their way must reach the server before the half-built indexes are
      // deleted: one arriving after its index's deletion would create it again.
      await Promise.allSettled(pending);
      throw error;
    }
    await this.waitAll(pending.splice(0));
    return count;
  }

  async search(query: IndexQuery): Promise<IndexAnswer> {
    await this.requireFormat();
    return this.guard('search', async () => {
      const { count, ranking, alsoCounted, passages } = this.options.requests === 'multi-search' ? await this.batched(query) : await this.atOnce(query);
      const [terms, best, more] = this.askWords ? passages : [undefined, ...passages];
      return shapeSearch(query, { count, ranking, alsoCounted }, { terms: terms && (terms.hits ?? []), best: best?.hits ?? [], more: more?.hits ?? [] });
    });
  }

  /**
   * Each request a call of its own, a round trip's all at once: Meilisearch runs a multi-search's
   * queries one after another on one thread, separate calls on as many cores as it has. The
   * passages wait only for the page's items, not for the counts, which go on meanwhile.
   */
  private async atOnce(query: IndexQuery): Promise<SearchAnswers> {
    const [countBody, rankingBody, ...alsoBodies] = firstRequests(query) as [SearchBody, SearchBody, ...SearchBody[]];
    const counting = Promise.all([countBody, ...alsoBodies].map((body) => this.post(body)));
    counting.catch(() => {}); // awaited below: a failed ranking must not leave it unheard
    const ranking = await this.post(rankingBody);
    const second = passageRequests(query, pageItems(ranking).map((item) => item.id), this.askWords);
    const [[count, ...alsoCounted], passages] = await Promise.all([counting, Promise.all(second.map((body) => this.post(body)))]);
    return { count: count as FirstAnswer, ranking, alsoCounted, passages };
  }

  /** One `/multi-search` per round trip: the way searches went before, kept for the bench to compare. */
  private async batched(query: IndexQuery): Promise<SearchAnswers> {
    const [count, ranking, ...alsoCounted] = await this.multi(firstRequests(query)) as [FirstAnswer, FirstAnswer, ...FirstAnswer[]];
    const second = passageRequests(query, pageItems(ranking).map((item) => item.id), this.askWords);
    return { count, ranking, alsoCounted, passages: second.length > 0 ? await this.multi(second) : [] };
  }

  async searchWithin(itemId: string, q: string, limit: number): Promise<PassageHit[]> {
    return this.guard('search', async () => shapeWithin(await this.post(withinRequest(itemId, q, limit))));
  }

  async stats(): Promise<IndexStats> {
    return this.guard('statistics', async () => {
      const [version, stats, format] = await Promise.all([this.client.getVersion(), this.client.getStats(), this.readFormat()]);
      return {
        version: version.pkgVersion, url: this.options.url, mode: this.options.mode,
        items: stats.indexes[ITEMS]?.numberOfDocuments ?? 0,
        segments: stats.indexes[SEGMENTS]?.numberOfDocuments ?? 0,
        reindexNeeded: format !== INDEX_FORMAT,
      };
    });
  }

  async close(): Promise<void> {
    this.http.close();
    await this.options.server?.stop();
  }

  /** One search request on its own (`POST /indexes/<uid>/search`), straight over node:http: a search makes five. */
  private async post(body: SearchBody): Promise<FirstAnswer> {
    const { indexUid, ...params } = body;
    return (await this.http.postJson(`${this.base}/indexes/${encodeURIComponent(indexUid)}/search`, JSON.stringify(params), this.authorization)) as FirstAnswer;
  }

  /** Several requests in one `/multi-search` round trip; the answers in their order. */
  private async multi(bodies: SearchBody[]): Promise<FirstAnswer[]> {
    const { results } = await this.client.multiSearch({ queries: bodies as MultiSearchQuery[] });
    return results as unknown as FirstAnswer[];
  }

  /**
   * The layout's version recorded beside the indexes; null when there is none (indexes made
   * before versions were recorded, or none at all).
   */
  private async readFormat(): Promise<number | null> {
    return this.guard('index format check', async () => {
      const document = await this.client.index(FORMAT).getDocument(FORMAT_ID).catch((error: unknown) => {
        // No format index, or one that another process has just made and not yet written
        // (two workers opening a new archive's search at once): no format yet, either way.
        if (hasMeiliCode(error, 'index_not_found') || hasMeiliCode(error, 'document_not_found')) return null;
        throw error;
      });
      const version = (document as { version?: unknown } | null)?.version;
      return typeof version === 'number' ? version : null;
    });
  }

  /** Whether an index of the archive holds anything (an archive indexed in an older layout). */
  private async holdsDocuments(): Promise<boolean> {
    const stats = await this.guard('statistics', () => this.client.getStats());
    return [ITEMS, SEGMENTS].some((uid) => (stats.indexes[uid]?.numberOfDocuments ?? 0) > 0);
  }

  /** Writes this version's format into `uid` (created if needed). */
  private async ensureFormat(uid: string): Promise<void> {
    await this.ensureExists(uid);
    await this.guard(`format of ${uid}`, () => this.waitAll([this.client.index(uid).addDocuments([{ id: FORMAT_ID, version: INDEX_FORMAT }], { primaryKey: 'id' })]));
  }

  /**
   * Searching or indexing indexes of another layout would give wrong answers (an item index
   * without text counts titles only). A `reindex` run by another process meanwhile is seen here.
   */
  private async requireFormat(): Promise<void> {
    if (this.format === INDEX_FORMAT) return;
    this.format = await this.readFormat();
    if (this.format === INDEX_FORMAT) return;
    throw new SearchUnavailableError(
      `search is unavailable: its indexes were built by an earlier version of mediacommuns (index format ${this.format ?? 1}, this version reads ${INDEX_FORMAT}); run \`mediacommuns reindex\``,
    );
  }

  /** Creates the index if missing; returns whether it did. */
  private async ensureExists(uid: string): Promise<boolean> {
    return this.guard(`creating ${uid}`, async () => {
      const exists = await this.client.getRawIndex(uid).then(() => true, (error: unknown) => {
        if (hasMeiliCode(error, 'index_not_found')) return false;
        throw error;
      });
      if (exists) return false;
      // Two processes opening a new archive's search at once (two workers) both see it missing:
      // the one whose creation comes second finds it made, which is what it wanted.
      return this.waitAll([this.client.createIndex(uid, { primaryKey: 'id' })]).then(() => true, (error: unknown) => {
        if (hasMeiliCode(error, 'index_already_exists')) return false;
        throw error;
      });
    });
  }

  /** Creates the index if missing, and updates only the settings that differ. Returns whether it changed anything. */
  private async ensureIndex(uid: string, desired: IndexSettings): Promise<boolean> {
    return this.guard(`settings of ${uid}`, async () => {
      const created = await this.ensureExists(uid);
      const current = (await this.client.index(uid).getSettings()) as Record<string, unknown>;
      const differing = settingsDiff(desired, current);
      if (differing.length === 0) return created;
      const update = Object.fromEntries(differing.map((key) => [key, desired[key]])) as Settings;
      await this.waitAll([this.client.index(uid).updateSettings(update)]);
      return true;
    });
  }

  private async dropNext(): Promise<void> {
    await this.guard('removing the unfinished indexes of a previous rebuild', async () => {
      for (const uid of ALL.map(next)) {
        await this.waitAll([this.client.deleteIndex(uid)]).catch((error: unknown) => {
          if (!hasMeiliCode(error, 'index_not_found')) throw error;
        });
      }
    });
  }

  /** Waits for each task in order; a failed or cancelled one is an error naming Meilisearch's cause. */
  private async waitAll(tasks: EnqueuedTaskPromise[]): Promise<void> {
    // All were sent already: once one fails the others' failures are not news, only noise.
    for (const task of tasks) task.catch(() => undefined);
    for (const enqueued of tasks) {
      const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs, interval: 25 });
      if (task.status !== 'succeeded') {
        const cause = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
        throw new MeiliTaskError(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${cause}`, task.error?.code ?? null);
      }
    }
  }

  private async guard<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw translateMeiliError(what, this.options.url, error);
    }
  }
}

/** Whether Meilisearch's code anywhere in the error's causes is `what`. */
function hasMeiliCode(error: unknown, what: 'index_not_found' | 'document_not_found' | 'index_already_exists'): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { meiliCode?: unknown }).meiliCode;
    if (code === what) return true;
  }
  return false;
}

function* chunks<T>(list: T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
