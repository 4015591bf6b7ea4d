import type { ZodType } from 'zod';
import { manifestKey, parseManifest, type Manifest, type ManifestListing, type StoredFile } from '../../domain/manifest.js';
import { sha256Of } from '../../lib/sha256.js';
import { slugify } from '../../domain/slug.js';
import type { Tombstone } from '../../domain/tombstone.js';
import { describeError } from '../../domain/errors.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { pruneChanges } from '../archive/change-log.js';
import { applyNewChanges, readWholeState, sameContent, type CatalogueState } from './catalogue-state.js';
import { readCompacted, writeCompacted } from './compacted-catalogue.js';

export interface EditionSummary {
  slug: string;
  label: string;
  year: number;
  city: string;
  items: ManifestListing[];
}

export interface SpeakerSummary {
  slug: string;
  name: string;
  organisations: string[];
  items: ManifestListing[];
}

export interface ThemeSummary {
  slug: string;
  name: string;
  items: ManifestListing[];
}

/** The archive as the website shows it, read from the manifests at one moment. */
export interface CatalogueSnapshot {
  /** Newest first (date, then edition year), then by title. */
  items: readonly ManifestListing[];
  byId: ReadonlyMap<string, ManifestListing>;
  /** Newest edition first. */
  editions: readonly EditionSummary[];
  speakers: ReadonlyMap<string, SpeakerSummary>;
  /** By name, in French alphabetical order. */
  themes: readonly ThemeSummary[];
  /** Earlier ids (manifests' `aliases`) → the current id; an id that is live itself is never an alias. */
  aliases: ReadonlyMap<string, string>;
  /** Removed items by id: their links answer 410 Gone, harvesters see them deleted. */
  tombstones: ReadonlyMap<string, Tombstone>;
  /** Files listed outside their item's own folder, by key (none the pipeline writes today). */
  elsewhere: ReadonlyMap<string, StoredFile>;
  loadedAt: Date;
  /** Manifests that could not be read, "<key>: <cause>" (shown in logs, never to visitors). */
  unreadable: readonly string[];
}

export interface CatalogueOptions {
  /** A snapshot older than this is refreshed from the change log in the background while the old one keeps serving. */
  maxAgeMs?: number;
  /** An unknown id refreshes the snapshot at most this often (an item just ingested shows up). */
  missRefreshMs?: number;
  /** The whole store is read again this often (in the background): what the change log missed heals then. */
  fullPassMs?: number;
  /** Log entries applied since the compacted catalogue was written, beyond which it is written again. */
  compactAfter?: number;
  onUnreadable?: (key: string, cause: string) => void;
  /** Lines for the operator's log (a compacted catalogue written, a failure to write it). */
  log?: (line: string) => void;
}

/** Whole manifests kept (~30 KB of heap each, ~6 MB in all): an item's page, player and media ask for the same few. */
const WHOLE_KEPT = 200;

/** Log entries older than this (before the compacted catalogue's cursor) are deleted once it is written: a reader never lags so far. */
const LOG_RETENTION_MS = 60 * 60_000;

/**
 * Read side of the archive for the website, API and feeds. The whole catalogue is held in
 * memory, each manifest without its list of files (see ManifestListing: 10,000 items hold ~110
 * MB of heap instead of ~240): an item's pages, media and exports read it from the stored
 * manifest (whole()). It starts from the compacted catalogue (one object) plus the change
 * log's tail, or, on an archive that has none yet, from every manifest, and then writes the
 * compacted catalogue. Later it learns what changed from the change log (one list
 * request when nothing did), and reads the whole store again every `fullPassMs` (and on
 * `reload()`), which heals whatever the log missed: a writer that crashed between its manifest
 * and its log entry, a clock too far behind. Manifests whose bytes did not change keep their
 * objects across all of these, so pages kept for them stay valid. Text files (transcripts,
 * pages) are read on demand and cached by key, which is safe because their keys change with
 * every revision of an item.
 */
export class Catalogue {
  private current: CatalogueSnapshot | null = null;
  private state: CatalogueState | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingRefresh: Promise<CatalogueSnapshot> | null = null;
  private pendingFullPass: Promise<CatalogueSnapshot> | null = null;
  private checkedAt = 0;
  private lastFullPass = 0;
  private sinceCompacted = 0;
  private compacting: Promise<void> = Promise.resolve();
  private lastMissRefresh = 0;
  private readonly texts = new Map<string, unknown>();
  private readonly wholes = new Map<ManifestListing, Manifest>();
  private readonly reading = new Map<ManifestListing, Promise<Manifest | null>>();
  private readonly maxAgeMs: number;
  private readonly missRefreshMs: number;
  private readonly fullPassMs: number;
  private readonly compactAfter: number;

  constructor(private readonly store: BlobStore, private readonly options: CatalogueOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
    this.missRefreshMs = options.missRefreshMs ?? 5_000;
    this.fullPassMs = options.fullPassMs ?? 60 * 60_000;
    this.compactAfter = options.compactAfter ?? 200;
  }

  /** The current snapshot; the first call waits for the start, later ones never wait for a refresh. */
  async snapshot(): Promise<CatalogueSnapshot> {
    if (!this.current) return this.refresh();
    const now = Date.now();
    if (now - this.lastFullPass >= this.fullPassMs) void this.reload().catch(() => {});
    else if (now - this.checkedAt > this.maxAgeMs) void this.refresh().catch(() => {});
    return this.current;
  }

  /** What the change log says changed since the last look (the first call starts the catalogue); concurrent callers share one. */
  refresh(): Promise<CatalogueSnapshot> {
    this.pendingRefresh ??= this.serially(() => (this.state ? this.applyLog(this.state) : this.start())).finally(() => {
      this.pendingRefresh = null;
    });
    return this.pendingRefresh;
  }

  /** Reads the whole store again (every `fullPassMs`, and in tests); concurrent callers share one. */
  reload(): Promise<CatalogueSnapshot> {
    this.pendingFullPass ??= this.serially(() => this.fullPass()).finally(() => {
      this.pendingFullPass = null;
    });
    return this.pendingFullPass;
  }

  /** One item as listed (without its files), or null; an unknown id may refresh the snapshot (rate-limited). */
  async listing(id: string): Promise<ManifestListing | null> {
    const found = (await this.snapshot()).byId.get(id);
    if (found) return found;
    if (Date.now() - this.lastMissRefresh < this.missRefreshMs) return null;
    this.lastMissRefresh = Date.now();
    return (await this.refresh()).byId.get(id) ?? null;
  }

  /** One item's whole manifest (its files read from the store), or null; see listing(). */
  async item(id: string): Promise<Manifest | null> {
    const listing = await this.listing(id);
    return listing && this.whole(listing);
  }

  /**
   * The whole manifest of a listed item, read from the store, kept for the last WHOLE_KEPT
   * items asked (an item's pages and media ask again and again). The same listing gives the
   * same object while it is kept. When the stored manifest is no longer the
   * listed one (published again since the last refresh), the newer one, whole, and a refresh;
   * null when it is gone.
   */
  async whole(listing: ManifestListing): Promise<Manifest | null> {
    const kept = this.wholes.get(listing);
    if (kept) {
      this.wholes.delete(listing);
      this.wholes.set(listing, kept);
      return kept;
    }
    // A page's player, captions and posters ask at once: one read for all of them.
    let reading = this.reading.get(listing);
    if (!reading) {
      reading = this.readWhole(listing).finally(() => this.reading.delete(listing));
      this.reading.set(listing, reading);
    }
    return reading;
  }

  private async readWhole(listing: ManifestListing): Promise<Manifest | null> {
    const buffer = await this.store.getBuffer(manifestKey(listing.id));
    if (!buffer) return null;
    const changed = sha256Of(buffer) !== listing.stored.digest;
    // Published again since the last look: the refresh takes the new version in (or leaves it out, unreadable).
    if (changed) void this.refresh().catch(() => {});
    let whole: Manifest;
    try {
      // The stored manifest as it is (its fields in their stored order: the edition package's cache key hashes them).
      whole = parseManifest(buffer.toString('utf8'));
    } catch {
      return null; // only a version changed since can fail: the listed one was read before
    }
    if (changed) return whole;
    if (this.wholes.size >= WHOLE_KEPT) this.wholes.delete(this.wholes.keys().next().value as ManifestListing);
    this.wholes.set(listing, whole);
    return whole;
  }

  /** A stored object a live item's manifest lists: the only keys the media route serves. */
  async file(key: string): Promise<StoredFile | undefined> {
    const snapshot = await this.snapshot();
    const listing = snapshot.byId.get(itemIdOfKey(key) ?? '');
    if (!listing) return snapshot.elsewhere.get(key);
    if (listing.source.key === key) return listing.source;
    return (await this.whole(listing))?.files.find((f) => f.key === key) ?? snapshot.elsewhere.get(key);
  }

  /** A JSON text file (transcript, slides, pages) validated by `schema`; null when absent or unreadable. */
  async textFile<T>(key: string, schema: ZodType<T>): Promise<T | null> {
    if (this.texts.has(key)) return this.texts.get(key) as T;
    const buffer = await this.store.getBuffer(key);
    if (!buffer) return null;
    const parsed = schema.safeParse(JSON.parse(buffer.toString('utf8')));
    if (!parsed.success) return null;
    // A few hundred recent files are plenty: pages of one item read a handful.
    if (this.texts.size >= 500) this.texts.delete(this.texts.keys().next().value as string);
    this.texts.set(key, parsed.data);
    return parsed.data;
  }

  /** Resolves once no load and no compaction is under way (before the store goes away: tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue;
    await this.compacting;
  }

  /** One load at a time: a full pass and a log refresh never interleave their changes to the state. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** From the compacted catalogue and the log's tail; without one (an archive from before the log), the old way once. */
  private async start(): Promise<CatalogueSnapshot> {
    const compacted = await readCompacted(this.store);
    if (!compacted) return this.fullPass();
    this.state = compacted.state;
    this.lastFullPass = Date.now();
    return this.applyLog(compacted.state);
  }

  private async applyLog(state: CatalogueState): Promise<CatalogueSnapshot> {
    const { entries, changed } = await applyNewChanges(this.store, state, this.unreadable);
    this.checkedAt = Date.now();
    this.sinceCompacted += entries.length;
    if (changed || !this.current) this.current = snapshotOf(state);
    if (this.sinceCompacted > this.compactAfter) this.compact(state);
    return this.current;
  }

  private async fullPass(): Promise<CatalogueSnapshot> {
    const started = Date.now();
    const state = await readWholeState(this.store, this.state, this.unreadable, started);
    const same = this.state !== null && this.current !== null && sameContent(this.state, state);
    this.state = state;
    this.checkedAt = started;
    this.lastFullPass = started;
    if (!same || !this.current) {
      this.current = snapshotOf(state);
      this.compact(state);
    }
    return this.current;
  }

  /** Writes the compacted catalogue in the background and deletes the log entries it covers for good. */
  private compact(state: CatalogueState): void {
    this.sinceCompacted = 0;
    // The cursor the object is written with: refreshes may move the state's on while it uploads.
    const cursor = state.cursor;
    // After the previous upload, so two writes of the object never land out of order.
    this.compacting = this.compacting
      .then(() => writeCompacted(this.store, state))
      .then(async (bytes) => {
        const pruned = await pruneChanges(this.store, cursor - LOG_RETENTION_MS);
        this.options.log?.(`catalogue: ${state.items.size} items and ${state.tombstones.size} tombstones compacted (${(bytes / 1_048_576).toFixed(1)} MiB), ${pruned} old change log entries deleted`);
      })
      .catch((error: unknown) => this.options.log?.(`warning: the compacted catalogue could not be written: ${describeError(error)}`));
  }

  private readonly unreadable = (key: string, cause: string): void => this.options.onUnreadable?.(key, cause);
}

function snapshotOf(state: CatalogueState): CatalogueSnapshot {
  return buildSnapshot(
    [...state.items.values()],
    [...state.unreadable].map(([key, cause]) => `${key}: ${cause}`),
    [...state.tombstones.values()].sort((a, b) => a.id.localeCompare(b.id)),
  );
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Sort key of an item's date: its own date, else its edition's year. */
const dateKey = (m: ManifestListing): string => m.date ?? `${m.edition.year}-01-01`;

export function buildSnapshot(manifests: readonly ManifestListing[], unreadable: readonly string[] = [], tombstones: readonly Tombstone[] = []): CatalogueSnapshot {
  const items = [...manifests].sort((a, b) => dateKey(b).localeCompare(dateKey(a)) || collator.compare(a.title, b.title));
  const editions = new Map<string, EditionSummary>();
  const speakers = new Map<string, SpeakerSummary>();
  const themes = new Map<string, ThemeSummary>();
  for (const item of items) {
    const edition = editions.get(item.edition.slug) ?? { ...item.edition, items: [] };
    edition.items.push(item);
    editions.set(item.edition.slug, edition);
    for (const speaker of item.speakers) {
      const summary = speakers.get(speaker.slug) ?? { slug: speaker.slug, name: speaker.name, organisations: [], items: [] };
      if (speaker.organisation && !summary.organisations.includes(speaker.organisation)) summary.organisations.push(speaker.organisation);
      summary.items.push(item);
      speakers.set(speaker.slug, summary);
    }
    for (const name of item.themes) {
      const slug = themeSlug(name);
      const theme = themes.get(slug) ?? { slug, name, items: [] };
      theme.items.push(item);
      themes.set(slug, theme);
    }
  }
  const byId = new Map(items.map((item) => [item.id, item]));
  // Files a manifest lists outside its own folder (none the pipeline writes today): still served.
  const elsewhere = new Map<string, StoredFile>();
  for (const item of items) for (const file of [item.source, ...(item.stored.outside ?? [])]) if (itemIdOfKey(file.key) !== item.id) elsewhere.set(file.key, file);
  const aliases = new Map<string, string>();
  for (const item of items) for (const alias of item.aliases) if (!byId.has(alias)) aliases.set(alias, item.id);
  return {
    items,
    byId,
    aliases,
    // A removed id that is live again (ingested anew) is the live item, not a tombstone.
    tombstones: new Map(tombstones.filter((t) => !byId.has(t.id)).map((t) => [t.id, t])),
    editions: [...editions.values()].sort((a, b) => b.year - a.year || collator.compare(a.label, b.label)),
    speakers,
    themes: [...themes.values()].sort((a, b) => collator.compare(a.name, b.name)),
    elsewhere,
    loadedAt: new Date(),
    unreadable,
  };
}

/** "Communs & souveraineté" → "communs-souverainete": the theme's URL segment. */
export function themeSlug(name: string): string {
  return slugify(name) || 'theme';
}

/** The item a stored key belongs to: `items/<id>/<revision>/…`. */
function itemIdOfKey(key: string): string | null {
  if (!key.startsWith('items/')) return null;
  const end = key.indexOf('/', 6);
  return end > 6 ? key.slice(6, end) : null;
}
