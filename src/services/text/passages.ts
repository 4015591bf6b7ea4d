import type { PageTextFile, PassageSource, SlideTextFile, TranscriptFile } from '../../domain/text.js';
import { joinWithOffsets, type TimeMark } from '../../domain/time-marks.js';

/**
 * A piece of an item's text small enough to rank and show as one search hit, with where it is:
 * seconds in a recording, or a page in a document.
 */
export interface Passage {
  /** Stable within an item: the same text gives the same ids on every reindex. */
  id: string;
  itemId: string;
  source: PassageSource;
  language: string;
  start: number | null;
  end: number | null;
  page: number | null;
  text: string;
  /** Speakers heard in the passage (voice spans of captions), in order of first appearance. */
  speakers: string[];
  /** Speech: where each cue begins in `text`, with its times (search links open at the matched words). Empty otherwise. */
  marks: TimeMark[];
}

export interface PassageSources {
  itemId: string;
  transcripts: readonly TranscriptFile[];
  slides: SlideTextFile | null;
  pages: PageTextFile | null;
}

/** Speech is cut into passages of MIN–MAX seconds on cue boundaries, at a sentence end when one comes. */
const PASSAGE_MIN_SECONDS = 20;
export const PASSAGE_MAX_SECONDS = 40;
/** A long page (or slide) is split so no passage outgrows what a result snippet can show. */
export const PASSAGE_MAX_CHARS = 1200;

const SHORT_SOURCE: Record<PassageSource, string> = { 'captions-reviewed': 'cap', 'speech-to-text': 'stt', 'slide-ocr': 'ocr', pdf: 'pdf' };

/** Every passage of an item, from all its text sources. Empty text gives no passage. */
export function buildPassages(input: PassageSources): Passage[] {
  const passages: Passage[] = [];
  for (const transcript of input.transcripts) passages.push(...speechPassages(input.itemId, transcript));
  if (input.slides) {
    const slides = input.slides;
    slides.slides.forEach((slide, index) => {
      splitLongText(clean(slide.text)).forEach((text, part) => {
        passages.push({
          id: passageId(input.itemId, 'slide-ocr', slides.language, `${index + 1}${part ? `-${part}` : ''}`),
          itemId: input.itemId, source: 'slide-ocr', language: slides.language,
          start: slide.start, end: slide.end, page: null, text, speakers: [], marks: [],
        });
      });
    });
  }
  if (input.pages) {
    const pages = input.pages;
    for (const page of pages.pages) {
      splitLongText(clean(page.text)).forEach((text, part) => {
        passages.push({
          id: passageId(input.itemId, 'pdf', pages.language, `${page.page}${part ? `-${part}` : ''}`),
          itemId: input.itemId, source: 'pdf', language: pages.language,
          start: null, end: null, page: page.page, text, speakers: [], marks: [],
        });
      });
    }
  }
  return passages;
}

function speechPassages(itemId: string, transcript: TranscriptFile): Passage[] {
  const cues = transcript.cues.filter((c) => clean(c.text) !== '').sort((a, b) => a.start - b.start || a.end - b.end);
  const passages: Passage[] = [];
  let group: typeof cues = [];
  const flush = (): void => {
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) return;
    const speakers = [...new Set(group.map((c) => c.speaker).filter((s): s is string => Boolean(s)))];
    const { text, offsets } = joinWithOffsets(group.map((c) => c.text));
    const marks = group.map((c, i) => ({ offset: offsets[i] ?? 0, start: c.start, end: c.end }));
    passages.push({
      id: passageId(itemId, transcript.source, transcript.language, String(passages.length + 1)),
      itemId, source: transcript.source, language: transcript.language,
      start: first.start, end: Math.max(...group.map((c) => c.end)), page: null,
      text, speakers, marks,
    });
    group = [];
  };
  for (const cue of cues) {
    const first = group[0];
    if (first) {
      const length = cue.end - first.start;
      const chars = group.reduce((n, c) => n + c.text.length + 1, 0) + cue.text.length;
      // Past the maximum (in time or in text) the passage ends before this cue, sentence or not.
      if (length > PASSAGE_MAX_SECONDS || chars > PASSAGE_MAX_CHARS) flush();
    }
    group.push(cue);
    const start = group[0]?.start ?? cue.start;
    if (cue.end - start >= PASSAGE_MIN_SECONDS && endsSentence(cue.text)) flush();
  }
  flush();
  return passages;
}

function endsSentence(text: string): boolean {
  return /[.!?…»"]\s*$/.test(text.trim());
}

/** One line of plain text: newlines and runs of spaces become one space. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits on sentence ends (then spaces) so every part stays under PASSAGE_MAX_CHARS. */
export function splitLongText(text: string): string[] {
  if (text === '') return [];
  if (text.length <= PASSAGE_MAX_CHARS) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > PASSAGE_MAX_CHARS) {
    const window = rest.slice(0, PASSAGE_MAX_CHARS);
    const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
    const space = window.lastIndexOf(' ');
    const cut = sentence > PASSAGE_MAX_CHARS / 2 ? sentence + 1 : space > 0 ? space : PASSAGE_MAX_CHARS;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Meilisearch ids allow [A-Za-z0-9_-] only: item ids already do, languages may carry a region. */
function passageId(itemId: string, source: PassageSource, language: string, n: string): string {
  return `${itemId}_${SHORT_SOURCE[source]}-${language.replace(/[^A-Za-z0-9]/g, '')}-${n}`;
}
