import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapLimit, OCR_READERS } from '../ocr-readers.js';
import { chaptersVtt } from '../scene-detect.js';
import {
  cleanOcrLines, mergeSlides, ocrFrameCommand, readTime, slideTextFile, templateLines, titledChapters, type SlideReading,
} from '../slide-text.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';

const SLIDES_PATH = 'text/slides.json';
/** Written by the chapters step; rewritten here with the slides' titles. */
const CHAPTERS_PATH = 'text/chapters.vtt';

/**
 * Slide text, time-coded: at each slide change the chapters step found, one frame is read with
 * OCR; the same slide read twice in a row (or built bullet by bullet) becomes one. Searchable
 * even when a talk has no transcript. Footage (no chapters) and slides without text: no file.
 * The chapters get their slide's title line instead of a number.
 */
export const slideOcrStep: Step = {
  name: 'slide-ocr',
  version: 3,
  applies: (_item, media) => media.class === 'video' && media.video !== null,
  // The language picks the OCR model and is written into slides.json.
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const chapters = ctx.previous.chapters ?? [];
    const file = join(ctx.outDir, SLIDES_PATH);
    await rm(file, { force: true }); // an earlier version of the source may have had slides
    if (chapters.length === 0) return {};

    await mkdir(ctx.workDir, { recursive: true });
    const width = media.video?.displayWidth ?? 0;
    let done = 0;
    let fallback: string | null = null;
    // Per chapter: the paragraphs read, for its title (the slide's first paragraph).
    const paragraphs: string[][][] = [];
    const readings = await mapLimit(chapters, OCR_READERS, async (chapter, index): Promise<SlideReading> => {
      // Uncompressed grey (PGM): ~70 ms a 1080p frame less than PNG, and read once.
      const frame = join(ctx.workDir, `slide-${index + 1}.pgm`);
      await ctx.media.run(ocrFrameCommand(ctx.item.media.path, readTime(chapter), frame, width));
      // A seek that lands past the last video frame writes nothing: a slide with no text.
      const exists = await access(frame).then(() => true, () => false);
      const reading = exists ? await ctx.ocr.read(frame, { language: ctx.item.language }) : null;
      await rm(frame, { force: true });
      if (reading?.fallback) fallback = reading.models.join('+');
      ctx.progress({ percent: (++done / chapters.length) * 100, speed: null });
      const text = reading ? cleanOcrLines(reading.lines) : { text: '', paragraphs: [], confidence: null };
      paragraphs[index] = text.paragraphs;
      return { start: chapter.start, end: chapter.end, text: text.text, confidence: text.confidence };
    });

    const warnings = fallback ? [`slide text read with the general "${fallback}" OCR model: none is known for the language "${ctx.item.language}"`] : [];
    const slides = mergeSlides(readings);
    if (slides.length === 0) return warnings.length ? { warnings } : {};
    await mkdir(join(ctx.outDir, 'text'), { recursive: true });
    // The output folder is published only once every step has finished: no half-written file shows.
    await writeFile(file, `${JSON.stringify(slideTextFile(ctx.item.language, slides), null, 2)}\n`);
    const titled = titledChapters(chapters, paragraphs, templateLines(readings));
    await writeFile(join(ctx.outDir, CHAPTERS_PATH), chaptersVtt(titled));
    return {
      chapters: titled,
      slideText: { path: SLIDES_PATH, count: slides.length, language: ctx.item.language },
      ...(warnings.length ? { warnings } : {}),
    };
  },
};
