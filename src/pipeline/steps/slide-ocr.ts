import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapLimit, OCR_READERS } from '../ocr-readers.js';
import { chaptersVtt } from '../scene-detect.js';
import { mergeRereads, rangeAt, readingRanges, slideRanges, type TimeRange } from '../slide-ranges.js';
import {
  cleanOcrLines, mergeSlides, ocrFrameCommand, readTime, slideTextFile, templateLines, titledChapters, type SlideReading,
} from '../slide-text.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';

const SLIDES_PATH = 'text/slides.json';
/** Written by the chapters step; rewritten here with the slides' titles. */
const CHAPTERS_PATH = 'text/chapters.vtt';

/**
 * The slides to read: those of the slide show the chapters step found (the first slide too, and
 * a talk of one slide), or, from a record made before it told them, its chapters. Footage: none.
 */
function slidesOf(previous: StepResult, duration: number): TimeRange[] {
  if (previous.slideShow) return slideRanges(previous.slideShow.changes, duration);
  return previous.chapters ?? [];
}

/**
 * Slide text, time-coded: shortly after each slide change the chapters step found, and at the
 * start, one frame is read with OCR (a long slide again every minute); the same slide read twice
 * in a row (or built bullet by bullet) becomes one. Searchable even when a talk has no
 * transcript. Footage and slides without text: no file. Chapters, when the talk has them, get
 * their slide's title line instead of a number.
 */
export const slideOcrStep: Step = {
  name: 'slide-ocr',
  // 4: every slide of a slide show is read, chapters or not; long slides read again.
  version: 4,
  reads: ['media'],
  // It reads the slide changes the chapters step found, and retitles its chapters file.
  needs: ['chapters'],
  applies: (_item, media) => media.class === 'video' && media.video !== null,
  // The language picks the OCR model and is written into slides.json.
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const ranges = readingRanges(slidesOf(ctx.previous, media.duration));
    const file = join(ctx.outDir, SLIDES_PATH);
    await rm(file, { force: true }); // an earlier version of the source may have had slides
    if (ranges.length === 0) return {};

    await mkdir(ctx.workDir, { recursive: true });
    const width = media.video?.displayWidth ?? 0;
    let done = 0;
    let fallback: string | null = null;
    // Per reading: the paragraphs read, for its chapter's title (the slide's first paragraph).
    const paragraphs: string[][][] = [];
    const readings = await mapLimit(ranges, OCR_READERS, async (range, index): Promise<SlideReading & { slide: number }> => {
      // Uncompressed grey (PGM): ~70 ms a 1080p frame less than PNG, and read once.
      const frame = join(ctx.workDir, `slide-${index + 1}.pgm`);
      await ctx.media.run(ocrFrameCommand(ctx.item.media.path, readTime(range), frame, width));
      // A seek that lands past the last video frame writes nothing: a slide with no text.
      const exists = await access(frame).then(() => true, () => false);
      const reading = exists ? await ctx.ocr.read(frame, { language: ctx.item.language }) : null;
      await rm(frame, { force: true });
      if (reading?.fallback) fallback = reading.models.join('+');
      ctx.progress({ percent: (++done / ranges.length) * 100, speed: null });
      const text = reading ? cleanOcrLines(reading.lines) : { text: '', paragraphs: [], confidence: null };
      paragraphs[index] = text.paragraphs;
      return { start: range.start, end: range.end, text: text.text, confidence: text.confidence, slide: range.slide };
    });

    const warnings = fallback ? [`slide text read with the general "${fallback}" OCR model: none is known for the language "${ctx.item.language}"`] : [];
    const perSlide = mergeRereads(readings);
    const slides = mergeSlides(perSlide);
    if (slides.length === 0) return warnings.length ? { warnings } : {};
    await mkdir(join(ctx.outDir, 'text'), { recursive: true });
    // The output folder is published only once every step has finished: no half-written file shows.
    await writeFile(file, `${JSON.stringify(slideTextFile(ctx.item.language, slides), null, 2)}\n`);
    const result: StepResult = {
      slideText: { path: SLIDES_PATH, count: slides.length, language: ctx.item.language },
      ...(warnings.length ? { warnings } : {}),
    };
    const chapters = ctx.previous.chapters ?? [];
    if (chapters.length === 0) return result;
    // Each chapter is titled by the reading shown at its start.
    const titled = titledChapters(chapters, chapters.map((chapter) => paragraphs[rangeAt(ranges, chapter.start)] ?? []), templateLines(perSlide));
    await writeFile(join(ctx.outDir, CHAPTERS_PATH), chaptersVtt(titled));
    return { ...result, chapters: titled };
  },
};
