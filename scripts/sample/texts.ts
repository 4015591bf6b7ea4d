/**
 * Everything the sample corpus says or shows, in one place, so tests can compare OCR output,
 * captions and extracted PDF text with what was actually put into the files. Times depend on
 * the synthesised speech and are recorded at generation time in `.sample-timeline.json`
 * (see `readSampleTimeline`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ItemKind } from '../../src/domain/item.js';
import type { LicenceId } from '../../src/domain/licence.js';
import { MAGAZINE } from './texts-magazine.js';
import { PITCH, PODCAST_INTERVIEW, PODCAST_SOBRIETY, ROUND_TABLE } from './texts-spoken.js';
import { ACCESSIBILITY_TALK, MEDIATION_TALK, OPEN_DATA_WORKSHOP } from './texts-talks.js';

export { MAGAZINE } from './texts-magazine.js';
export { PITCH, PODCAST_INTERVIEW, PODCAST_SOBRIETY, ROUND_TABLE } from './texts-spoken.js';
export { ACCESSIBILITY_TALK, MEDIATION_TALK, OPEN_DATA_WORKSHOP } from './texts-talks.js';

export const EDITION = '2025 Strasbourg';
export const SLIDE_FOOTER = 'Numérique en Commun[s] · Strasbourg 2025';

export interface Person {
  name: string;
  organisation: string;
}

/** What the programme says about an item. */
export interface ItemMeta {
  /** Base path of the item's files, relative to the programme, without extension. */
  file: string;
  /** Only set when the programme names the id explicitly. */
  id?: string;
  title: string;
  kind: ItemKind;
  date: string;
  themes: string[];
  speakers: Person[];
  licence: LicenceId;
  summary: string;
}

/** A stretch of speech: a slide, a card, a speaker's turn or a podcast segment. */
export interface Section {
  sentences: string[];
  /** English subtitles, one per sentence, when the item has them. */
  en?: string[];
  /** Index into the item's speakers. */
  speaker?: number;
}

export interface Slide extends Section {
  title: string;
  bullets: string[];
  /** Audio-description text for the moment this slide appears (talks that have a track). */
  description?: string;
}

export interface SlideTalk extends ItemMeta {
  voice: string;
  slides: Slide[];
  englishSubtitles: boolean;
  slidesPdf: boolean;
  audioDescription: boolean;
  signLanguage: boolean;
}

export interface Conversation extends ItemMeta {
  /** espeak-ng voice per speaker index. */
  voices: string[];
  turns: Section[];
}

export interface Podcast extends Conversation {
  format: 'mp3' | 'm4a';
  /** Gain applied to espeak-ng's level: deliberately away from −16 LUFS. */
  gainDb: number;
  album: string;
  genre: string;
}

export interface Card extends Section {
  caption: string;
}

export interface PhoneVideo extends ItemMeta {
  voice: string;
  cards: Card[];
}

export interface MagazinePage {
  title: string;
  byline: string;
  paragraphs: string[];
  /** The "À retenir" box at the foot of the page. */
  keyPoints: string[];
}

export interface Magazine extends ItemMeta {
  author: string;
  pages: MagazinePage[];
}

export const SLIDE_TALKS: readonly SlideTalk[] = [MEDIATION_TALK, ACCESSIBILITY_TALK, OPEN_DATA_WORKSHOP];
export const PODCASTS: readonly Podcast[] = [PODCAST_SOBRIETY, PODCAST_INTERVIEW];

/** Programme order: the eight items of the edition. */
export const ALL_ITEMS: readonly ItemMeta[] = [
  MEDIATION_TALK, ACCESSIBILITY_TALK, OPEN_DATA_WORKSHOP, ROUND_TABLE,
  PODCAST_SOBRIETY, PODCAST_INTERVIEW, PITCH, MAGAZINE,
];

/**
 * Short mode keeps the structure but only the first sentence of the first two sections, which
 * is why those sentences are written short: two of them make a 2–5 s recording.
 */
export function selectSections<T extends Section>(sections: readonly T[], short: boolean): T[] {
  if (!short) return [...sections];
  return sections.slice(0, 2).map((section) => ({
    ...section,
    sentences: section.sentences.slice(0, 1),
    ...(section.en ? { en: section.en.slice(0, 1) } : {}),
  }));
}

/** What was generated, with the real times measured from the synthesised speech. */
export interface SampleTimeline {
  edition: string;
  short: boolean;
  items: TimelineItem[];
}

export interface TimelineItem {
  /** The id the app should derive (or the explicit one from the programme). */
  id: string;
  kind: ItemKind;
  title: string;
  /** Main media file, relative to the programme. */
  media: string;
  /** Seconds for recordings, null for documents. */
  duration: number | null;
  sentences: { start: number; end: number; text: string; speaker?: string; en?: string }[];
  /** Slides or cards on screen, with their times. */
  sections: { start: number; end: number; title: string; bullets: string[] }[];
  /** Document pages (1-based) with their titles. */
  pages: { page: number; title: string }[];
}

export const TIMELINE_FILE = '.sample-timeline.json';

export async function readSampleTimeline(out: string): Promise<SampleTimeline> {
  return JSON.parse(await readFile(join(out, TIMELINE_FILE), 'utf8')) as SampleTimeline;
}
