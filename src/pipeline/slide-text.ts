import type { SlideTextFile } from '../domain/text.js';
import { TEXT_FILE_VERSION } from '../domain/text.js';
import type { FfmpegCommand } from '../ports/media-tool.js';
import type { OcrLine, OcrWord } from '../ports/ocr-tool.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';

/**
 * Frames narrower than this are read at twice their size: Tesseract wants letters ~20 px high,
 * and on the sample's 640×360 slides doubling turned a misread "172" back into "1/2".
 */
const OCR_UPSCALE_BELOW = 1280;

/** Where in a slide to read it: shortly after the change, once a fade or a build has settled. */
export function readTime(slide: { start: number; end: number }): number {
  return round3(slide.start + Math.min(1, (slide.end - slide.start) / 3));
}

/**
 * One full-resolution frame for OCR, with input seeking (`-ss` before `-i`). Greyscale: colour
 * only slows the reader down. Pixels made square first, as for posters, so letters keep their shape.
 * The picture format follows `output`'s extension.
 */
export function ocrFrameCommand(source: string, time: number, output: string, displayWidth: number): FfmpegCommand {
  const filters = ['scale=trunc(iw*sar/2)*2:ih', 'setsar=1', 'format=gray'];
  if (displayWidth < OCR_UPSCALE_BELOW) filters.push('scale=iw*2:ih*2:flags=lanczos');
  return {
    inputs: [{ path: source, options: [...SOURCE_INPUT_OPTIONS, '-ss', time.toFixed(3)] }],
    outputs: [
      {
        path: output,
        // Capital V: the first real video stream, never a file's embedded cover art.
        options: ['-map', '0:V:0', '-an', '-sn', '-dn', '-vf', filters.join(','), '-frames:v', '1', '-update', '1', '-f', 'image2'],
      },
    ],
  };
}

/** Below this mean confidence a line is noise (a logo, a photo's texture), not text. */
const MIN_LINE_CONFIDENCE = 40;
/** A one-character first word below this confidence is a bullet read as a character. */
const MIN_LEADING_LETTER_CONFIDENCE = 50;
/** Single characters that open a line as text does, never as a bullet. */
const OPENING_MARKS = new Set(['«', '"', '“', '(', '[', '¿', '¡', '‘', "'"]);
/**
 * The one-letter words of French and English. Any other lone letter opening a line is a round
 * bullet read as a letter: Tesseract gave the sample's bullets as "e" with confidences up to 80.
 */
const ONE_LETTER_WORDS = new Set(['a', 'à', 'y', 'ô', 'i']);

export interface CleanText {
  text: string;
  /** The kept lines grouped by the engine's paragraphs, in reading order (titles are the first). */
  paragraphs: string[][];
  /** Mean confidence of the words kept, 0–100; null when nothing was kept. */
  confidence: number | null;
  words: number;
}

/**
 * The readable text of an OCR reading: bullets dropped from line starts, noise lines dropped
 * (too few letters, mostly symbols, a lone slide number, or low confidence), lines joined with "\n".
 */
export function cleanOcrLines(lines: readonly OcrLine[]): CleanText {
  const kept: { words: OcrWord[]; paragraph: string }[] = [];
  for (const line of lines) {
    const words = dropLeadingBullet(line.words.filter((word) => word.text.trim() !== ''));
    if (!isTextLine(words)) continue;
    kept.push({ words, paragraph: `${line.block}:${line.paragraph}` });
  }
  const all = kept.flatMap((line) => line.words);
  const texts = kept.map((line) => line.words.map((word) => word.text).join(' '));
  const paragraphs: string[][] = [];
  kept.forEach((line, index) => {
    const text = texts[index] ?? '';
    const current = paragraphs[paragraphs.length - 1];
    if (current && index > 0 && kept[index - 1]?.paragraph === line.paragraph) current.push(text);
    else paragraphs.push([text]);
  });
  return {
    text: texts.join('\n'),
    paragraphs,
    confidence: all.length ? round1(all.reduce((sum, word) => sum + word.confidence, 0) / all.length) : null,
    words: all.length,
  };
}

function dropLeadingBullet(words: OcrWord[]): OcrWord[] {
  const [first, ...rest] = words;
  if (!first || rest.length === 0 || [...first.text].length !== 1) return words;
  const symbol = !/[\p{L}\p{N}]/u.test(first.text) && !OPENING_MARKS.has(first.text);
  const strayLetter = /\p{L}/u.test(first.text) && !ONE_LETTER_WORDS.has(first.text.toLowerCase());
  return symbol || strayLetter || first.confidence < MIN_LEADING_LETTER_CONFIDENCE ? rest : words;
}

/** A line of digits and signs this short is a slide or page number ("3/5", "12"), not text. */
const MAX_NUMBER_LINE_CHARS = 9;

function isTextLine(words: readonly OcrWord[]): boolean {
  if (words.length === 0) return false;
  const text = words.map((word) => word.text).join('');
  const alphanumeric = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  if (alphanumeric < 2 || alphanumeric < 0.5 * [...text].length) return false;
  if (!/\p{L}/u.test(text) && [...text].length <= MAX_NUMBER_LINE_CHARS) return false;
  const confidence = words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
  return confidence >= MIN_LINE_CONFIDENCE;
}

/** Lowercase words without accents: what similarity and repetition are judged on. */
export function tokens(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A line as compared across slides: its words without numbers, so "2 / 8" and "3 / 8" footers match. */
function lineKey(line: string): string {
  return tokens(line).filter((token) => !/^\d+$/.test(token)).join(' ');
}

export interface SlideReading {
  start: number;
  end: number;
  text: string;
  confidence: number | null;
}

/** Template text (a footer, a logo's words) needs this many slides to be recognised… */
const MIN_TEMPLATE_SLIDES = 3;
/**
 * …and to be on this share of them. High on purpose: a slide built bullet by bullet repeats its
 * title and first bullets over several readings, and those are content.
 */
const TEMPLATE_SHARE = 0.8;

/** Lines on (nearly) every slide: the template's footer or header, which says nothing about one slide. */
export function templateLines(slides: readonly SlideReading[]): Set<string> {
  const counts = new Map<string, number>();
  for (const slide of slides) {
    for (const key of new Set(slide.text.split('\n').map(lineKey))) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(MIN_TEMPLATE_SLIDES, slides.length * TEMPLATE_SHARE);
  return new Set([...counts].filter(([, count]) => count >= needed).map(([key]) => key));
}

/** Jaccard above this: the same text read twice with OCR noise. */
const SAME_TEXT_JACCARD = 0.7;
/** One text holding this share of the other's words: a build (bullets appearing one by one). */
const BUILD_CONTAINMENT = 0.9;
/** A build is only recognised from this many words, so "Questions ?" never swallows its successor. */
const MIN_BUILD_WORDS = 3;

/** Whether two consecutive readings show the same slide (identical, nearly, or one building on the other). */
export function sameSlide(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 || right.size === 0) return left.size === right.size;
  const shared = [...left].filter((token) => right.has(token)).length;
  const jaccard = shared / (left.size + right.size - shared);
  const smaller = Math.min(left.size, right.size);
  return jaccard >= SAME_TEXT_JACCARD || (smaller >= MIN_BUILD_WORDS && shared / smaller >= BUILD_CONTAINMENT);
}

/**
 * Consecutive readings of one slide become one, spanning their time ranges and keeping the
 * fullest text. Similarity ignores template lines (a shared footer would make every slide look
 * alike); they are removed from the text once the slides are merged, and empty slides dropped.
 */
export function mergeSlides(readings: readonly SlideReading[]): SlideReading[] {
  const template = templateLines(readings);
  const content = (slide: SlideReading): string[] =>
    slide.text.split('\n').filter((line) => !template.has(lineKey(line))).flatMap(tokens);
  // The fullest reading is judged on all its words: content alone may be empty on both sides.
  const fullness = (slide: SlideReading): number => tokens(slide.text).length;
  const merged: { slide: SlideReading; words: string[] }[] = [];
  for (const slide of [...readings].sort((a, b) => a.start - b.start)) {
    const words = content(slide);
    const last = merged[merged.length - 1];
    if (last && sameSlide(last.words, words)) {
      const end = Math.max(last.slide.end, slide.end);
      if (fullness(slide) > fullness(last.slide)) {
        last.slide = { ...slide, start: last.slide.start, end };
        last.words = words;
      } else {
        last.slide = { ...last.slide, end };
      }
      continue;
    }
    merged.push({ slide, words });
  }
  const slides = merged.map((entry) => entry.slide);
  const footer = templateLines(slides);
  return slides
    .map((slide) => ({ ...slide, text: slide.text.split('\n').filter((line) => !footer.has(lineKey(line))).join('\n') }))
    .filter((slide) => slide.text.trim() !== '');
}

export function slideTextFile(language: string, slides: readonly SlideReading[]): SlideTextFile {
  return {
    version: TEXT_FILE_VERSION,
    language,
    slides: slides.map((slide) => ({ start: round3(slide.start), end: round3(slide.end), text: slide.text, confidence: slide.confidence })),
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Longest chapter title kept from a slide's title paragraph (a player's chapter menu is narrow). */
const MAX_TITLE_CHARS = 80;

/**
 * Chapters titled by their slide: the first paragraph OCR read on the slide shown at the
 * chapter's start that is not the template (a "PITCH" label, a footer), its lines joined — a
 * title wrapped on two lines stays whole. Chapters of one slide built bullet by bullet end up with
 * the same title and become one; a slide without text keeps the numbered title it had.
 * `paragraphs[i]` are chapter i's; `templates` the lines of the template (templateLines).
 */
export function titledChapters<C extends { start: number; end: number; title: string }>(
  chapters: readonly C[],
  paragraphs: readonly (readonly string[][])[],
  templates: ReadonlySet<string>,
): C[] {
  const titled: C[] = [];
  chapters.forEach((chapter, index) => {
    const title = titleOf(paragraphs[index] ?? [], templates);
    const previous = titled[titled.length - 1];
    if (title !== null && previous && previous.title === title && Math.abs(previous.end - chapter.start) < 1e-6) {
      titled[titled.length - 1] = { ...previous, end: chapter.end };
      return;
    }
    titled.push({ ...chapter, title: title ?? chapter.title });
  });
  return titled;
}

function titleOf(paragraphs: readonly string[][], templates: ReadonlySet<string>): string | null {
  for (const paragraph of paragraphs) {
    const line = paragraph.filter((l) => !templates.has(lineKey(l))).join(' ').replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    if ([...line].length <= MAX_TITLE_CHARS) return line;
    const cut = line.slice(0, MAX_TITLE_CHARS);
    const space = cut.lastIndexOf(' ');
    return `${space > MAX_TITLE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
  }
  return null;
}
