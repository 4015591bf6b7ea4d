import type { ZodType } from 'zod';
import type { Manifest, StoredFile } from '../../domain/manifest.js';
import { slugify } from '../../domain/slug.js';
import type { Tombstone } from '../../domain/tombstone.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readManifests } from '../archive/manifests.js';
import { listTombstones } from '../archive/tombstones.js';

export interface EditionSummary {
  slug: string;
  label: string;
  year: number;
  city: string;
  items: Manifest[];
}

export interface SpeakerSummary {
  slug: string;
  name: string;
  organisations: string[];
  items: Manifest[];
}

export interface ThemeSummary {
  slug: string;
  name: string;
  items: Manifest[];
}

/** The archive as the website shows it, read from the manifests at one moment. */
export interface CatalogueSnapshot {
  /** Newest first (date, then edition year), then by title. */
  items: readonly Manifest[];
  byId: ReadonlyMap<string, Manifest>;
  /** Newest edition first. */
  editions: readonly EditionSummary[];
  speakers: ReadonlyMap<string, SpeakerSummary>;
  /** By name, in French alphabetical order. */
  themes: readonly ThemeSummary[];
  /** Earlier ids (manifests' `aliases`) → the current id; an id that is live itself is never an alias. */
  aliases: ReadonlyMap<string, string>;
  /** Removed items by id: their links answer 410 Gone, harvesters see them deleted. */
  tombstones: ReadonlyMap<string, Tombstone>;
  /** Every stored object a manifest lists: the only keys the media route serves. */
  files: ReadonlyMap<string, StoredFile>;
  loadedAt: Date;
  /** Manifests that could not be read, "<key>: <cause>" (shown in logs, never to visitors). */
  unreadable: readonly string[];
}

export interface CatalogueOptions {
  /** A snapshot older than this is reloaded in the background while the old one keeps serving. */
  maxAgeMs?: number;
  /** An unknown id reloads the snapshot at most this often (an item just ingested shows up). */
  missRefreshMs?: number;
  onUnreadable?: (key: string, cause: string) => void;
}

/**
 * Read side of the archive for the website, API and feeds. Manifests are small and few
 * (hundreds per edition), so the whole catalogue is held in memory and reloaded from the store
 * now and then; text files (transcripts, pages) are read on demand and cached by key, which is
 * safe because their keys change with every revision of an item.
 */
export class Catalogue {
  private current: CatalogueSnapshot | null = null;
  private loading: Promise<CatalogueSnapshot> | null = null;
  private lastMissRefresh = 0;
  private readonly texts = new Map<string, unknown>();
  private readonly maxAgeMs: number;
  private readonly missRefreshMs: number;

  constructor(private readonly store: BlobStore, private readonly options: CatalogueOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
    this.missRefreshMs = options.missRefreshMs ?? 5_000;
  }

  /** The current snapshot; the first call waits for the load, later ones never wait for a reload. */
  async snapshot(): Promise<CatalogueSnapshot> {
    if (!this.current) return this.reload();
    if (Date.now() - this.current.loadedAt.getTime() > this.maxAgeMs) void this.reload().catch(() => {});
    return this.current;
  }

  /** Reloads now (after an ingest, in tests); concurrent callers share one load. */
  reload(): Promise<CatalogueSnapshot> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** One item by id, or null; an unknown id may reload the snapshot (rate-limited). */
  async item(id: string): Promise<Manifest | null> {
    const found = (await this.snapshot()).byId.get(id);
    if (found) return found;
    if (Date.now() - this.lastMissRefresh < this.missRefreshMs) return null;
    this.lastMissRefresh = Date.now();
    return (await this.reload()).byId.get(id) ?? null;
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

  private async load(): Promise<CatalogueSnapshot> {
    const manifests: Manifest[] = [];
    const unreadable: string[] = [];
    for await (const manifest of readManifests(this.store, (key, cause) => {
      unreadable.push(`${key}: ${cause}`);
      this.options.onUnreadable?.(key, cause);
    })) {
      manifests.push(manifest);
    }
    const tombstones = await listTombstones(this.store, (key, cause) => {
      unreadable.push(`${key}: ${cause}`);
      this.options.onUnreadable?.(key, cause);
    });
    this.current = buildSnapshot(manifests, unreadable, tombstones);
    return this.current;
  }
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Sort key of an item's date: its own date, else its edition's year. */
const dateKey = (m: Manifest): string => m.date ?? `${m.edition.year}-01-01`;

export function buildSnapshot(manifests: readonly Manifest[], unreadable: readonly string[] = [], tombstones: readonly Tombstone[] = []): CatalogueSnapshot {
  const items = [...manifests].sort((a, b) => dateKey(b).localeCompare(dateKey(a)) || collator.compare(a.title, b.title));
  const editions = new Map<string, EditionSummary>();
  const speakers = new Map<string, SpeakerSummary>();
  const themes = new Map<string, ThemeSummary>();
  const files = new Map<string, StoredFile>();
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
    for (const file of [item.source, ...item.files]) files.set(file.key, file);
  }
  const byId = new Map(items.map((item) => [item.id, item]));
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
    files,
    loadedAt: new Date(),
    unreadable,
  };
}

/** "Communs & souveraineté" → "communs-souverainete": the theme's URL segment. */
export function themeSlug(name: string): string {
  return slugify(name) || 'theme';
}
