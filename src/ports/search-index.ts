import { AppError } from '../domain/errors.js';
import type { ItemKind } from '../domain/item.js';
import type { LicenceId } from '../domain/licence.js';
import type { PassageSource } from '../domain/text.js';
import type { TimeMark } from '../domain/time-marks.js';

/**
 * The search index: derived from the manifests, rebuildable at any time. It is fed entries of two
 * kinds of documents: the item (one per talk, podcast or document) and its segments (one per
 * passage of text with its position, plus one "about" segment holding its title, people and
 * summary). How they are laid out in the engine is the adapter's business.
 */

/** Facet fields every document carries, items and segments alike, so filters apply to both. */
export interface FacetFields {
  kind: ItemKind;
  edition: string;
  editionSlug: string;
  year: number;
  themes: string[];
  /** Speaker names as the programme gives them; speakerSlugs for links and filters by slug. */
  speakers: string[];
  speakerSlugs: string[];
  language: string;
  licence: LicenceId;
  captions: boolean;
  reviewedTranscript: boolean;
  audioDescription: boolean;
  signLanguage: boolean;
  easyRead: boolean;
  /** null for documents: a magazine has no speech, so it is neither transcribed nor "without transcript". */
  transcript: 'reviewed' | 'automatic' | 'none' | null;
  /** Days since 1970-01-01 of the item's date (or its edition's 1 January); sorts by date. */
  day: number;
}

export type FacetField = keyof Omit<FacetFields, 'day'>;

export interface ItemDocument extends FacetFields {
  id: string;
  title: string;
  summary: string;
  organisations: string[];
  city: string;
  date: string | null;
  /** Seconds for recordings, null for documents. */
  duration: number | null;
  /** Page count of documents, null otherwise. */
  pages: number | null;
  /** Storage key of the smallest poster (or cover, or first page), null when there is none. */
  poster: string | null;
}

/** "metadata" marks the about segment; the others are passages of the item's text. */
export type SegmentSource = PassageSource | 'metadata';

export interface SegmentDocument extends FacetFields {
  id: string;
  itemId: string;
  source: SegmentSource;
  /** Higher ranks first among equally relevant segments (reviewed text before OCR…). */
  sourceRank: number;
  /** The passage's own language (an item may have subtitles in another one). */
  passageLanguage: string;
  start: number | null;
  end: number | null;
  page: number | null;
  /** About segment only: the item's title. */
  title: string;
  /** Speakers heard in the passage; for the about segment, the item's speakers and organisations. */
  people: string[];
  /** About segment only: themes, edition and city. */
  topics: string[];
  text: string;
  /** Speech passages: where each cue begins in `text`, with its times. Stored, never searched. */
  marks: TimeMark[];
}

/** What a result shows of an item: its document without the fields only search reads. */
export type ItemCard = Omit<ItemDocument, 'summary' | 'organisations' | 'city'>;

export interface IndexEntry {
  item: ItemDocument;
  segments: SegmentDocument[];
}

/** One clause of a filter: the document matches when any of `fields` holds any of `values`. */
export interface FilterClause {
  fields: readonly FacetField[];
  values: readonly (string | number | boolean)[];
}

export type SortOrder = 'relevance' | 'date-desc' | 'date-asc';

export interface IndexQuery {
  /** Already cleaned and limited by the caller; empty lists items instead of searching text. */
  q: string;
  /** Every clause must match (AND); within a clause any value may (OR). */
  filters: readonly FilterClause[];
  sort: SortOrder;
  page: number;
  hitsPerPage: number;
  facets: readonly FacetField[];
  /** Passages shown under each item (0 for none). */
  passagesPerItem: number;
  /**
   * More facet counts of the same query under other filters, answered in the same batch (a
   * facet counted without its own filter: see SearchService.searchWithOwnFacetCounts).
   */
  alsoCount?: readonly FacetCountQuery[];
}

export interface FacetCountQuery {
  filters: readonly FilterClause[];
  facets: readonly FacetField[];
}

export type FacetCounts = Partial<Record<FacetField, Record<string, number>>>;

/** A piece of a snippet: text to show as is (escaped by the renderer), `match` when it matched the query. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

export interface PassageHit {
  id: string;
  source: PassageSource;
  language: string;
  /**
   * Speech: the cue in which the passage's first matched word is said (its start and end); the
   * passage's bounds when none of its text matched (a speaker's name) or it was indexed without
   * time marks. Slides: the slide's times. Null for document pages.
   */
  start: number | null;
  end: number | null;
  /** The whole passage's bounds (the same as start/end for a slide). */
  passageStart: number | null;
  passageEnd: number | null;
  page: number | null;
  /** The passage around the matched words, cropped, as plain text ("…" where cut). */
  text: string;
  /** The same text split at the matched words: never markup. */
  snippet: HighlightPart[];
}

export interface ItemHit {
  item: ItemCard;
  /** The item's title split at the matched words. */
  title: HighlightPart[];
  passages: PassageHit[];
}

export interface IndexAnswer {
  total: number;
  hits: ItemHit[];
  facets: FacetCounts;
  /** The counts of `alsoCount`, in its order. */
  alsoCounted?: FacetCounts[];
}

export interface IndexStats {
  version: string;
  url: string;
  /** "own" when the app runs it from DATA_DIR, "external" with MEILI_URL. */
  mode: 'own' | 'external';
  items: number;
  segments: number;
  /** The indexes were built in a layout this version does not search: `reindex` rebuilds them. */
  reindexNeeded: boolean;
}

export interface RebuildProgress {
  items: number;
  segments: number;
}

/** What the engine does with a query, so callers can say what was searched. */
export interface QueryLimits {
  /** Words beyond this count are ignored by the engine (stop words do not count). */
  maxWords: number;
  /** Words the engine leaves out of queries (compared lower-cased, without accents). */
  stopWords: ReadonlySet<string>;
  /** Results beyond this rank cannot be paged to. */
  maxTotalHits: number;
}

export interface SearchIndex {
  readonly limits: QueryLimits;
  /**
   * The boot check: the server answers, reports its version, and the indexes exist with the
   * settings this version of the code defines (applied only when they differ, and awaited).
   * Indexes built in an older layout are left as they are (`reindexNeeded`): searching them
   * answers SearchUnavailableError until `reindex` has rebuilt them.
   */
  open(): Promise<{ version: string; settingsUpdated: boolean; reindexNeeded: boolean }>;
  /** Adds or replaces an item and replaces all of its segments. */
  upsert(entry: IndexEntry): Promise<void>;
  /** Removes an item and its segments; unknown ids are fine. */
  remove(itemId: string): Promise<void>;
  /**
   * Builds the indexes afresh from `entries` beside the live ones, then swaps them in at once:
   * searches see the old indexes whole until the swap, and the new ones whole after it.
   */
  rebuild(entries: AsyncIterable<IndexEntry>, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress>;
  search(query: IndexQuery): Promise<IndexAnswer>;
  /**
   * The passages of one item that match `q` (already cleaned and limited), best first, at most
   * `limit`: a search inside one item (IIIF Content Search). Never its title or people.
   */
  searchWithin(itemId: string, q: string, limit: number): Promise<PassageHit[]>;
  stats(): Promise<IndexStats>;
  /** Frees connections and stops the server when this process started it. */
  close(): Promise<void>;
}

/** The search server does not answer (stopped, unreachable, starting): the web layer answers 503. */
export class SearchUnavailableError extends AppError {
  override name = 'SearchUnavailableError';
  override readonly code = 'search_unavailable';
}

/** The search server refused a request or failed a task (a bad document, a full disk…). */
export class SearchIndexError extends AppError {
  override name = 'SearchIndexError';
  override readonly code = 'search_index_failed';
}
