import type { FacetFields, IndexEntry, ItemCard, ItemDocument, SegmentDocument } from '../../ports/search-index.js';
import { withoutMarkers } from './meili-highlight.js';
import { storedMarks, type StoredMark } from './meili-marks.js';
import { TEXT_ATTRIBUTES, textAttribute } from './meili-settings.js';

/**
 * What one item becomes in each index (format 2, see meili-settings.ts):
 *  - items (counting): one document with every word of the item, for exact totals and facet
 *    counts in items; its text spread over `text_<n>` attributes so that none is cut;
 *  - chunks (ranking): the about chunk and chunks of CHUNK_PASSAGES passages, each with the
 *    item's display fields (`item`), so a page of results needs no other fetch;
 *  - segments: one document per passage with its time marks, as before.
 * Every text is cleaned of the highlight markers (see meili-highlight.ts).
 */

/**
 * Passages per ranking chunk: big enough that the ranking index has a tenth of the segments'
 * documents (distinct on item is what costs), small enough to keep each document near 7 KB
 * (Meilisearch decompresses a hit whole) and to rank on the words of a few minutes of speech.
 */
export const CHUNK_PASSAGES = 10;

/**
 * Positions one attribute may take before the next `text_<n>` is started: Meilisearch's limit
 * is 65,535; `positionsOf` counts high, and the rest is margin for a tokenizer that splits a
 * word we count as one.
 */
const POSITION_BUDGET = 60_000;

/** A gap Meilisearch puts after a sentence end and between two values of an array. */
const HARD_GAP = 8;

const WORDS = /[\p{L}\p{N}\p{M}]+/gu;
/** Hard separators (sentence ends, brackets, line breaks) as Meilisearch's tokenizer has them, and a few more. */
const HARD = /[.;:!?¡¿…()[\]{}\n\r|。！？]/g;

/** An upper bound of the positions Meilisearch gives a text, as one value of an array. */
export function positionsOf(text: string): number {
  const words = text.match(WORDS)?.length ?? 0;
  const hard = text.match(HARD)?.length ?? 0;
  return words + hard * HARD_GAP + HARD_GAP;
}

/** Texts spread, in order, over as few attributes as the position budget allows. */
export function textAttributes(texts: readonly string[]): Record<string, string[]> {
  const attributes: Record<string, string[]> = {};
  let n = 0;
  let used = 0;
  for (const text of texts) {
    const cost = positionsOf(text);
    // The last attribute takes what is left: past 32 × 60,000 positions Meilisearch cuts it.
    if (used > 0 && used + cost > POSITION_BUDGET && n < TEXT_ATTRIBUTES - 1) {
      n++;
      used = 0;
    }
    (attributes[textAttribute(n)] ??= []).push(text);
    used += cost;
  }
  return attributes;
}

/** The counting document: the item's facets and all its searchable words. Never displayed. */
export type CountingDocument = FacetFields & { id: string; title: string; people: string[]; topics: string[] } & Record<string, unknown>;

export interface ChunkDocument extends FacetFields {
  id: string;
  itemId: string;
  /** The about chunk (title, people, topics, summary): one per item, listed when there is no query. */
  about: boolean;
  /** The best source rank among the chunk's passages: reviewed text first among equals. */
  sourceRank: number;
  title: string;
  people: string[];
  topics: string[];
  text: string[];
  item: ItemCard;
}

/** A segment as stored: its time marks in the index's own form (see meili-marks.ts). */
export type StoredSegment = Omit<SegmentDocument, 'marks'> & { marks: StoredMark[] };

const facetFieldsOf = (item: ItemDocument): FacetFields => ({
  kind: item.kind, edition: item.edition, editionSlug: item.editionSlug, year: item.year, themes: item.themes,
  speakers: item.speakers, speakerSlugs: item.speakerSlugs, language: item.language, licence: item.licence,
  captions: item.captions, reviewedTranscript: item.reviewedTranscript, audioDescription: item.audioDescription,
  signLanguage: item.signLanguage, easyRead: item.easyRead, transcript: item.transcript, day: item.day,
});

/** What a result shows of an item: its document without the fields only search reads. */
export function itemCardOf(item: ItemDocument): ItemCard {
  const { summary: _summary, organisations: _organisations, city: _city, ...card } = item;
  return { ...card, title: withoutMarkers(card.title) };
}

const clean = (texts: readonly string[]): string[] => texts.map(withoutMarkers);

function aboutOf(entry: IndexEntry): SegmentDocument | undefined {
  return entry.segments.find((s) => s.source === 'metadata');
}

function passagesOf(entry: IndexEntry): SegmentDocument[] {
  return entry.segments.filter((s) => s.source !== 'metadata');
}

export function countingDocumentOf(entry: IndexEntry): CountingDocument {
  const about = aboutOf(entry);
  const passages = passagesOf(entry);
  const people = new Set([...(about?.people ?? []), ...passages.flatMap((p) => p.people)]);
  return {
    ...facetFieldsOf(entry.item),
    id: entry.item.id,
    title: withoutMarkers(about?.title ?? entry.item.title),
    people: clean([...people]),
    topics: clean(about?.topics ?? []),
    ...textAttributes(clean([...(about && about.text !== '' ? [about.text] : []), ...passages.map((p) => p.text)])),
  };
}

export function chunkDocumentsOf(entry: IndexEntry): ChunkDocument[] {
  const facets = facetFieldsOf(entry.item);
  const item = itemCardOf(entry.item);
  const about = aboutOf(entry);
  const chunks: ChunkDocument[] = [{
    ...facets, id: `${item.id}_about`, itemId: item.id, about: true, sourceRank: about?.sourceRank ?? 0,
    title: withoutMarkers(about?.title ?? item.title), people: clean(about?.people ?? []), topics: clean(about?.topics ?? []),
    text: clean(about && about.text !== '' ? [about.text] : []), item,
  }];
  const passages = passagesOf(entry);
  for (let from = 0, n = 0; from < passages.length; from += CHUNK_PASSAGES, n++) {
    const group = passages.slice(from, from + CHUNK_PASSAGES);
    chunks.push({
      ...facets, id: `${item.id}_c${n}`, itemId: item.id, about: false, sourceRank: Math.max(...group.map((p) => p.sourceRank)),
      title: '', people: clean([...new Set(group.flatMap((p) => p.people))]), topics: [], text: clean(group.map((p) => p.text)), item,
    });
  }
  return chunks;
}

export function storedSegmentOf(segment: SegmentDocument): StoredSegment {
  return {
    ...segment,
    title: withoutMarkers(segment.title),
    text: withoutMarkers(segment.text),
    people: clean(segment.people),
    topics: clean(segment.topics),
    marks: storedMarks(segment.text, segment.marks),
  };
}
