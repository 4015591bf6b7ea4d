import type { ZodType } from 'zod';
import { describeError } from '../../domain/errors.js';
import type { Manifest } from '../../domain/manifest.js';
import {
  pageTextFileSchema, slideTextFileSchema, transcriptFileSchema, type PageTextFile, type PassageSource, type SlideTextFile, type TranscriptFile,
} from '../../domain/text.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { FacetFields, IndexEntry, ItemDocument, SegmentDocument } from '../../ports/search-index.js';
import { buildPassages } from '../text/passages.js';

/** Among equally relevant segments of one item, which to show first (see the ranking rules). */
const SOURCE_RANK: Record<PassageSource | 'metadata', number> = {
  'captions-reviewed': 3,
  pdf: 3,
  'speech-to-text': 2,
  'slide-ocr': 1,
  // The about segment finds the item; a passage says where, so it is the better one to show.
  metadata: 0,
};

export interface EntryResult {
  entry: IndexEntry;
  /** One line per text file that could not be used: "<key>: <cause>". The rest is indexed. */
  problems: string[];
}

/**
 * The search documents of one item: its item document, its about segment and one segment per
 * passage of its text (read from the files its manifest lists). A missing or broken text file
 * costs only its own passages.
 */
export async function indexEntryOf(manifest: Manifest, store: BlobStore): Promise<EntryResult> {
  const problems: string[] = [];
  const read = async <T>(key: string, schema: ZodType<T>): Promise<T | null> => {
    try {
      const buffer = await store.getBuffer(key);
      if (!buffer) {
        problems.push(`${key}: missing from storage`);
        return null;
      }
      return schema.parse(JSON.parse(buffer.toString('utf8')));
    } catch (error) {
      problems.push(`${key}: unreadable (${describeError(error)})`);
      return null;
    }
  };
  const transcripts: TranscriptFile[] = [];
  for (const transcript of manifest.text.transcripts) {
    const file = await read(transcript.json, transcriptFileSchema);
    if (file) transcripts.push(file);
  }
  const slides: SlideTextFile | null = manifest.text.slides ? await read(manifest.text.slides.key, slideTextFileSchema) : null;
  const pages: PageTextFile | null = manifest.text.pages ? await read(manifest.text.pages.key, pageTextFileSchema) : null;
  const passages = buildPassages({ itemId: manifest.id, transcripts, slides, pages });

  const facets = facetFieldsOf(manifest);
  const item = itemDocumentOf(manifest, facets);
  const about: SegmentDocument = {
    ...facets,
    id: `${manifest.id}_about`,
    itemId: manifest.id,
    source: 'metadata',
    sourceRank: SOURCE_RANK.metadata,
    passageLanguage: manifest.language,
    start: null,
    end: null,
    page: null,
    title: manifest.title,
    people: [...manifest.speakers.map((s) => s.name), ...item.organisations],
    topics: [...manifest.themes, manifest.edition.label],
    text: manifest.summary,
    marks: [],
  };
  const segments: SegmentDocument[] = passages.map((p) => ({
    ...facets,
    id: p.id,
    itemId: manifest.id,
    source: p.source,
    sourceRank: SOURCE_RANK[p.source],
    passageLanguage: p.language,
    start: p.start,
    end: p.end,
    page: p.page,
    title: '',
    people: p.speakers,
    topics: [],
    text: p.text,
    marks: p.marks,
  }));
  return { entry: { item, segments: [about, ...segments] }, problems };
}

export function facetFieldsOf(manifest: Manifest): FacetFields {
  return {
    kind: manifest.kind,
    edition: manifest.edition.label,
    editionSlug: manifest.edition.slug,
    year: manifest.edition.year,
    themes: [...manifest.themes],
    speakers: manifest.speakers.map((s) => s.name),
    speakerSlugs: manifest.speakers.map((s) => s.slug),
    language: manifest.language,
    licence: manifest.licence,
    ...manifest.accessibility,
    transcript: manifest.media.class === 'document' ? null : manifest.accessibility.transcript,
    day: dayOf(manifest),
  };
}

function itemDocumentOf(manifest: Manifest, facets: FacetFields): ItemDocument {
  const documentLike = manifest.media.class === 'document';
  return {
    ...facets,
    id: manifest.id,
    title: manifest.title,
    summary: manifest.summary,
    organisations: [...new Set(manifest.speakers.map((s) => s.organisation).filter((o): o is string => Boolean(o)))],
    city: manifest.edition.city,
    date: manifest.date,
    duration: documentLike ? null : manifest.media.duration,
    pages: manifest.media.pages,
    poster: posterOf(manifest),
  };
}

/** Days since 1970-01-01: the item's date, else 1 January of its edition (sorts in the right year). */
function dayOf(manifest: Manifest): number {
  const date = manifest.date && /^\d{4}-\d{2}-\d{2}/.test(manifest.date) ? Date.parse(manifest.date.slice(0, 10)) : Number.NaN;
  const time = Number.isNaN(date) ? Date.UTC(manifest.edition.year, 0, 1) : date;
  return Math.floor(time / 86_400_000);
}

/** The smallest JPEG poster (any browser shows it), else the cover or the first page. */
function posterOf(manifest: Manifest): string | null {
  const images = [...manifest.images.posters, ...(manifest.images.cover ? [manifest.images.cover] : []), ...manifest.images.pages];
  const jpegs = images.filter((i) => i.format === 'jpeg').sort((a, b) => a.width - b.width);
  return (jpegs[0] ?? images[0])?.key ?? null;
}
