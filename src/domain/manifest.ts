import { z } from 'zod';
import { ITEM_KINDS } from './item.js';
import { LICENCE_IDS } from './licence.js';

/** Bump when the manifest's shape changes; readers accept only what they know. */
export const MANIFEST_SCHEMA_VERSION = 2;

const storedFile = z.object({
  key: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  contentType: z.string(),
});
export type StoredFile = z.infer<typeof storedFile>;

const mediaInfo = z.object({
  class: z.enum(['video', 'audio', 'document']),
  container: z.string(),
  duration: z.number().nonnegative(),
  size: z.number().int().nonnegative(),
  bitRate: z.number().nonnegative().nullable(),
  video: z
    .object({
      codec: z.string(),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      /** Display size after rotation. */
      displayWidth: z.number().int().positive(),
      displayHeight: z.number().int().positive(),
      fps: z.number().nonnegative(),
      rotation: z.number().int(),
      pixelFormat: z.string().nullable(),
      /** Recorded as fields (1080i from event cameras); the ladder deinterlaces it. */
      interlaced: z.boolean(),
    })
    .nullable(),
  /** null: no sound track. For a video that is a recording published without sound (see isSilentVideo). */
  audio: z
    .object({
      codec: z.string(),
      channels: z.number().int().nonnegative(),
      sampleRate: z.number().int().nonnegative(),
      /** Integrated loudness (EBU R128) of the source, LUFS; null when silent or not measured. */
      loudness: z.number().nullable(),
    })
    .nullable(),
  pages: z.number().int().positive().nullable(),
  tags: z.record(z.string(), z.string()),
});
export type MediaInfo = z.infer<typeof mediaInfo>;

const variant = z.object({
  name: z.string(),
  playlist: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  bandwidth: z.number().int().positive(),
  codecs: z.string(),
});

const download = storedFile.extend({
  label: z.string(),
  format: z.enum(['mp4', 'm4a', 'mp3', 'opus', 'pdf', 'vtt', 'srt', 'txt', 'original']),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** Integrated loudness measured on the output itself (podcast renditions). */
  loudness: z.number().nullable(),
});

const track = z.object({
  kind: z.enum(['captions', 'subtitles', 'descriptions', 'chapters', 'metadata']),
  language: z.string(),
  label: z.string(),
  key: z.string(),
  format: z.enum(['vtt', 'srt']),
  /** supplied = given by the programme as is; later steps add normalised and automatic tracks. */
  origin: z.enum(['supplied', 'reviewed', 'automatic', 'generated']),
});

const image = z.object({
  key: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: z.enum(['avif', 'webp', 'jpeg', 'png']),
});

/** The item's text with positions (text/*.json, see domain/text.ts), plus readable copies. */
const text = z.object({
  transcripts: z.array(
    z.object({
      language: z.string(),
      source: z.enum(['captions-reviewed', 'speech-to-text']),
      /** TranscriptFile (cues with times): what search and the interactive transcript read. */
      json: z.string(),
      vtt: z.string(),
      txt: z.string(),
      cues: z.number().int().nonnegative(),
      words: z.number().int().nonnegative(),
    }),
  ),
  /** SlideTextFile: slide text read at each slide change of a talk. */
  slides: z.object({ key: z.string(), count: z.number().int().nonnegative(), language: z.string() }).nullable(),
  /** PageTextFile: a document's text page by page. */
  pages: z.object({ key: z.string(), count: z.number().int().nonnegative(), language: z.string(), ocrPages: z.number().int().nonnegative() }).nullable(),
});

/**
 * A change made to the item after its ingest, by a person or the glossary: who, when, what
 * (`transcript.correction`, `transcript.glossary`, `transcript.reviewed`), to which cues of
 * which transcript. Kept across later versions of the item.
 */
const historyEntry = z.object({
  at: z.string(),
  by: z.string(),
  action: z.string(),
  language: z.string().nullable(),
  /** Indices of the transcript's cues the change covered. */
  cues: z.array(z.number().int().nonnegative()),
  detail: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

const chapter = z.object({ start: z.number().nonnegative(), end: z.number().nonnegative(), title: z.string() });

export const manifestSchema = z.object({
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Earlier ids of this item (the programme's `aliases`): their links answer 301 to `id`. */
  aliases: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).default([]),
  kind: z.enum(ITEM_KINDS),
  title: z.string().min(1),
  summary: z.string(),
  edition: z.object({ label: z.string(), year: z.number().int(), city: z.string(), slug: z.string() }),
  date: z.string().nullable(),
  themes: z.array(z.string()),
  speakers: z.array(
    z.object({ name: z.string(), organisation: z.string().optional(), role: z.string().optional(), slug: z.string() }),
  ),
  language: z.string(),
  licence: z.enum(LICENCE_IDS),
  source: storedFile.extend({ fileName: z.string() }),
  media: mediaInfo,
  hls: z
    .object({
      master: z.string(),
      variants: z.array(variant),
      audio: z.array(variant.extend({ language: z.string(), describesVideo: z.boolean() })),
      segmentSeconds: z.number().positive(),
    })
    .nullable(),
  downloads: z.array(download),
  images: z.object({
    posters: z.array(image),
    storyboard: z
      .object({ vtt: z.string(), sheets: z.array(z.string()), interval: z.number().positive(), tileWidth: z.number(), tileHeight: z.number() })
      .nullable(),
    waveform: image.nullable(),
    cover: image.nullable(),
    /** Thumbnails of a document's pages (page numbers from 1). */
    pages: z.array(image.extend({ page: z.number().int().positive() })),
  }),
  tracks: z.array(track),
  chapters: z.array(chapter),
  text,
  signLanguage: z.object({ hls: z.string(), mp4: z.string(), width: z.number(), height: z.number() }).nullable(),
  audioDescription: z.object({ type: z.enum(['text', 'audio']), key: z.string() }).nullable(),
  slides: storedFile.nullable(),
  accessibility: z.object({
    captions: z.boolean(),
    reviewedTranscript: z.boolean(),
    audioDescription: z.boolean(),
    signLanguage: z.boolean(),
    easyRead: z.boolean(),
    transcript: z.enum(['reviewed', 'automatic', 'none']),
  }),
  /** Every stored object of this item with its checksum: what `storage copy` and audits verify. */
  files: z.array(storedFile),
  pipeline: z.object({ version: z.string(), ingestedAt: z.string(), updatedAt: z.string(), inputs: z.string() }),
  warnings: z.array(z.string()),
  /** Absent until the first change after an ingest. */
  history: z.array(historyEntry).optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;

/**
 * A recording with pictures and no sound track (a talk in sign language, a silent demonstration,
 * a slideshow): the probe gives it `media.audio: null`. One place for pages, API, JSON-LD and
 * search to ask, so they agree.
 */
export function isSilentVideo(manifest: Pick<Manifest, 'media'>): boolean {
  return manifest.media.class === 'video' && manifest.media.audio === null;
}

export const manifestKey = (id: string): string => `items/${id}/manifest.json`;

/** Parses and validates a stored manifest; the same schema writes it. */
export function parseManifest(json: string): Manifest {
  const data: unknown = JSON.parse(json);
  const version = typeof data === 'object' && data !== null ? (data as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version !== MANIFEST_SCHEMA_VERSION) {
    // Said plainly: a list of every field that moved would hide what to do.
    throw new Error(`manifest schema version ${version}, this version reads ${MANIFEST_SCHEMA_VERSION}: ingest the edition again to upgrade it`);
  }
  return manifestSchema.parse(data);
}

/**
 * A manifest as the catalogue holds it for every item: all of it but the list of stored files,
 * which is most of its weight in memory (177 of 241 MB of heap at 10,000 items, measured) and
 * which only an item's own pages, its media and exports read: they get it from the stored
 * manifest (see Catalogue.item). What lists show of the files is kept here.
 */
export type ManifestListing = Omit<Manifest, 'files'> & { stored: StoredSummary };

export interface StoredSummary {
  /** sha256 of the manifest's stored bytes: the files read later belong to this very version. */
  digest: string;
  files: number;
  bytes: number;
  /** Files listed outside the item's own folder `items/<id>/` (none the pipeline writes today). */
  outside?: StoredFile[];
}

/** The listing of `manifest`, whose stored bytes have the sha256 `digest`. */
export function listingOf(manifest: Manifest, digest: string): ManifestListing {
  const { files, ...rest } = manifest;
  const folder = `items/${manifest.id}/`;
  const outside = files.filter((file) => !file.key.startsWith(folder));
  const stored: StoredSummary = { digest, ...storedCount(manifest) };
  if (outside.length > 0) stored.outside = outside;
  return { ...rest, stored };
}

/** How many files a manifest lists and their bytes, whole or listed. */
export function storedCount(manifest: Manifest | ManifestListing): { files: number; bytes: number } {
  if ('stored' in manifest) return manifest.stored;
  return { files: manifest.files.length, bytes: manifest.files.reduce((sum, file) => sum + file.size, 0) };
}

/** Every field of a manifest but its files: what lists, cards, feeds and records read. A whole manifest and a listing are both one. */
export type ManifestFields = Omit<Manifest, 'files'>;
