import { randomBytes } from 'node:crypto';
import { Meilisearch, type EnqueuedTaskPromise, type MultiSearchQuery, type Settings } from 'meilisearch';
import {
  type IndexAnswer, type IndexEntry, type IndexQuery, type IndexStats, type ItemDocument, type PassageHit, type RebuildProgress,
  type QueryLimits, type SearchIndex, type SegmentDocument,
} from '../../ports/search-index.js';
import { MeiliTaskError, translateMeiliError } from './meili-errors.js';
import { quoteFilterValue as quote } from './meili-filter.js';
import { withoutMarkers } from './meili-highlight.js';
import { storedMarks, type StoredMark } from './meili-marks.js';
import { firstRequest, ITEMS, pageItemIds, secondRequests, SEGMENTS, shapeBrowse, shapeSearch, type FirstAnswer, type SearchBody } from './meili-search.js';
import { FRENCH_STOP_WORDS, ITEM_SETTINGS, MAX_TOTAL_HITS, SEGMENT_SETTINGS, settingsDiff, type IndexSettings } from './meili-settings.js';
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
}

/** Where a rebuild writes before the swap; a crashed rebuild's leftovers are dropped by the next. */
const NEXT = { items: `${ITEMS}_next`, segments: `${SEGMENTS}_next` };

/** Segment fields cleaned of the highlight markers before indexing. */
type Texts = Pick<SegmentDocument, 'title' | 'text' | 'people' | 'topics'>;

/** A segment as stored: its time marks in the index's own form (see meili-marks.ts). */
type StoredSegment = Omit<SegmentDocument, 'marks'> & { marks: StoredMark[] };

/** SearchIndex on Meilisearch (1.21): the only code that imports the meilisearch client. */
export class MeilisearchIndex implements SearchIndex {
  /** Meilisearch reads the first 10 words of a query and drops the rest silently. */
  readonly limits: QueryLimits = {
    maxWords: 10,
    stopWords: new Set(FRENCH_STOP_WORDS.map((w) => w.normalize('NFD').replace(/\p{M}/gu, ''))),
    maxTotalHits: MAX_TOTAL_HITS,
  };
  private readonly client: Meilisearch;
  private readonly http: NodeHttpClient;
  private readonly batchSize: number;
  private readonly taskTimeoutMs: number;

  constructor(private readonly options: MeilisearchIndexOptions) {
    this.http = createNodeHttpClient();
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey, httpClient: this.http.request });
    this.batchSize = options.batchSize ?? 10_000;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 10 * 60_000;
  }

  get url(): string {
    return this.options.url;
  }

  async open(): Promise<{ version: string; settingsUpdated: boolean }> {
    const version = await this.guard('version check', async () => (await this.client.getVersion()).pkgVersion);
    const items = await this.ensureIndex(ITEMS, ITEM_SETTINGS);
    const segments = await this.ensureIndex(SEGMENTS, SEGMENT_SETTINGS);
    return { version, settingsUpdated: items || segments };
  }

  async upsert(entry: IndexEntry): Promise<void> {
    const id = entry.item.id;
    // Stable passage ids overwrite in place; what this version no longer has is deleted after,
    // in the same task queue: searches never see the item without its passages.
    const batch = randomBytes(6).toString('hex');
    const tasks: EnqueuedTaskPromise[] = [this.client.index(ITEMS).addDocuments([cleanItem(entry.item)], { primaryKey: 'id' })];
    for (const chunk of chunks(entry.segments.map((s) => ({ ...cleanSegment(s), batch })), this.batchSize)) {
      tasks.push(this.client.index(SEGMENTS).addDocuments(chunk, { primaryKey: 'id' }));
    }
    tasks.push(this.client.index(SEGMENTS).deleteDocuments({ filter: `itemId = ${quote(id)} AND batch != ${quote(batch)}` }));
    await this.guard(`indexing ${id}`, () => this.waitAll(tasks));
  }

  async remove(itemId: string): Promise<void> {
    await this.guard(`removing ${itemId}`, () =>
      this.waitAll([
        this.client.index(ITEMS).deleteDocument(itemId),
        this.client.index(SEGMENTS).deleteDocuments({ filter: `itemId = ${quote(itemId)}` }),
      ]),
    );
  }

  async rebuild(entries: AsyncIterable<IndexEntry>, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    await this.dropNext();
    const count = await this.guard('rebuilding the indexes', async () => {
      try {
        await this.ensureIndex(NEXT.items, ITEM_SETTINGS);
        await this.ensureIndex(NEXT.segments, SEGMENT_SETTINGS);
        const filled = await this.fillNext(entries, onProgress);
        // The live indexes must exist to be swapped (an archive indexed for the first time).
        await this.ensureIndex(ITEMS, ITEM_SETTINGS);
        await this.ensureIndex(SEGMENTS, SEGMENT_SETTINGS);
        // Both pairs in one task: searches see both old indexes or both new ones.
        await this.waitAll([this.client.swapIndexes([
          { indexes: [ITEMS, NEXT.items], rename: false },
          { indexes: [SEGMENTS, NEXT.segments], rename: false },
        ])]);
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
    const items: ItemDocument[] = [];
    const segments: SegmentDocument[] = [];
    const flushItems = (): Promise<void> => enqueue(this.client.index(NEXT.items).addDocuments(items.splice(0).map(cleanItem), { primaryKey: 'id' }));
    const flushSegments = (): Promise<void> => enqueue(this.client.index(NEXT.segments).addDocuments(segments.splice(0).map(cleanSegment), { primaryKey: 'id' }));
    for await (const entry of entries) {
      items.push(entry.item);
      segments.push(...entry.segments);
      count.items++;
      count.segments += entry.segments.length;
      if (items.length >= 1000) await flushItems();
      if (segments.length >= this.batchSize) await flushSegments();
      onProgress?.({ ...count });
    }
    if (items.length) await flushItems();
    if (segments.length) await flushSegments();
    await this.waitAll(pending.splice(0));
    return count;
  }

  async search(query: IndexQuery): Promise<IndexAnswer> {
    return this.guard('search', async () => {
      const first = await this.post(firstRequest(query));
      if (query.q === '') return shapeBrowse(first);
      const ids = pageItemIds(first);
      if (ids.length === 0) return shapeSearch(query, first, [], []);
      const queries = secondRequests(query, ids) as MultiSearchQuery[];
      const { results } = await this.client.multiSearch({ queries });
      return shapeSearch(query, first, (results[0]?.hits ?? []) as ItemDocument[], results[1]?.hits ?? []);
    });
  }

  async searchWithin(itemId: string, q: string, limit: number): Promise<PassageHit[]> {
    return this.guard('search', async () => shapeWithin(await this.post(withinRequest(itemId, q, limit))));
  }

  async stats(): Promise<IndexStats> {
    return this.guard('statistics', async () => {
      const [version, stats] = await Promise.all([this.client.getVersion(), this.client.getStats()]);
      return {
        version: version.pkgVersion, url: this.options.url, mode: this.options.mode,
        items: stats.indexes[ITEMS]?.numberOfDocuments ?? 0,
        segments: stats.indexes[SEGMENTS]?.numberOfDocuments ?? 0,
      };
    });
  }

  async close(): Promise<void> {
    this.http.close();
    await this.options.server?.stop();
  }

  /** One search request as the bench's raw calls send it. */
  private async post(body: SearchBody): Promise<FirstAnswer> {
    const { indexUid, q, ...params } = body;
    return (await this.client.index(indexUid).search(q as string, params)) as FirstAnswer;
  }

  /** Creates the index if missing, and updates only the settings that differ. Returns whether it changed anything. */
  private async ensureIndex(uid: string, desired: IndexSettings): Promise<boolean> {
    return this.guard(`settings of ${uid}`, async () => {
      let created = false;
      const exists = await this.client.getRawIndex(uid).then(() => true, (error: unknown) => {
        if (isNotFound(error)) return false;
        throw error;
      });
      if (!exists) {
        await this.waitAll([this.client.createIndex(uid, { primaryKey: 'id' })]);
        created = true;
      }
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
      for (const uid of [NEXT.items, NEXT.segments]) {
        await this.waitAll([this.client.deleteIndex(uid)]).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
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

function isNotFound(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { meiliCode?: unknown }).meiliCode;
    if (code === 'index_not_found') return true;
  }
  return false;
}

function cleanItem(item: ItemDocument): ItemDocument {
  return { ...item, title: withoutMarkers(item.title), summary: withoutMarkers(item.summary) };
}

function cleanSegment(segment: SegmentDocument): StoredSegment {
  const texts: Texts = {
    title: withoutMarkers(segment.title),
    text: withoutMarkers(segment.text),
    people: segment.people.map(withoutMarkers),
    topics: segment.topics.map(withoutMarkers),
  };
  return { ...segment, ...texts, marks: storedMarks(segment.text, segment.marks) };
}

function* chunks<T>(list: T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
