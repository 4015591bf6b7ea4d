/**
 * Slide OCR and PDF text, measured on the sample edition: seconds per slide (the step as it
 * runs, and Tesseract alone in the configurations it was chosen against) and pages per second
 * (text layer, thumbnails, OCR of a page). Words recovered compare with the texts the sample
 * generator drew, accents and case aside.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PopplerDocumentTool } from '../../src/adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { parseTesseractTsv, TesseractOcrTool } from '../../src/adapters/ocr/tesseract-ocr-tool.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { slideTextFileSchema } from '../../src/domain/text.js';
import { interpretProbe } from '../../src/pipeline/probe.js';
import { cleanOcrLines, ocrFrameCommand, readTime, tokens } from '../../src/pipeline/slide-text.js';
import type { StepContext } from '../../src/pipeline/step.js';
import { documentTextStep } from '../../src/pipeline/steps/document-text.js';
import { slideOcrStep } from '../../src/pipeline/steps/slide-ocr.js';
import { readSampleTimeline, type TimelineItem } from '../sample/texts.js';

const run = promisify(execFile);

export const OCR_PDF_HEADERS = ['measure', 'how', 'value', 'words recovered'];

interface Slide {
  frame: string;
  expected: string;
}

/** Rows for "OCR seconds per slide" and "PDF pages/s" on the sample edition in `out`. */
export async function ocrPdfRows(out: string): Promise<string[][]> {
  const timeline = await readSampleTimeline(out);
  const work = await mkdtemp(path.join(tmpdir(), 'mc-bench-ocr-'));
  try {
    // Slide talks and workshops: their sections are slides (round-table and pitch cards are not).
    const talks = timeline.items.filter((item) => (item.kind === 'talk' || item.kind === 'workshop') && item.sections.length > 0);
    const magazine = timeline.items.find((item) => item.kind === 'document');
    if (talks.length === 0 || !magazine) throw new Error(`${out}: the sample edition has no slide talk or no magazine`);
    return [...(await slideRows(out, talks, work)), ...(await pdfRows(path.join(out, magazine.media), work))];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function slideRows(out: string, talks: TimelineItem[], work: string): Promise<string[][]> {
  const media = new FluentFfmpegMediaTool();
  const slides: Slide[] = [];
  let stepSeconds = 0;
  let stepRecall = { found: 0, total: 0 };
  for (const talk of talks) {
    const source = path.join(out, talk.media);
    const info = interpretProbe(await media.probe(source), source, 'video', (await stat(source)).size);
    const chapters = talk.sections.map((s, i) => ({ start: s.start, end: s.end, title: `Diapositive ${i + 1}` }));
    const ctx = context(source, talk.id, path.join(work, talk.id), { media: info, chapters });
    const started = performance.now();
    const result = await slideOcrStep.run(ctx);
    stepSeconds += (performance.now() - started) / 1000;
    const file = result.slideText ? slideTextFileSchema.parse(JSON.parse(await readFile(path.join(ctx.outDir, result.slideText.path), 'utf8'))) : null;
    const readText = file?.slides.map((s) => s.text).join('\n') ?? '';
    stepRecall = add(stepRecall, recall(talk.sections.map((s) => [s.title, ...s.bullets].join(' ')).join(' '), readText));
    // The same frames again, for Tesseract alone.
    for (const [i, section] of talk.sections.entries()) {
      const frame = path.join(work, `${talk.id}-${i + 1}.pgm`);
      await media.run(ocrFrameCommand(source, readTime(section), frame, info.video?.displayWidth ?? 0));
      slides.push({ frame, expected: [section.title, ...section.bullets].join(' ') });
    }
  }
  const count = slides.length;
  const perSlide = (seconds: number): string => `${(seconds / count).toFixed(2)} s`;
  const alone = async (label: string, how: string, env: Record<string, string>, models: string, parallel: number): Promise<string[]> => {
    const measured = await tesseractAlone(slides, env, models, parallel);
    return [label, how, perSlide(measured.seconds), percent(measured.recall)];
  };
  return [
    ['OCR seconds per slide', `slide-ocr step (${count} slides: seek, grey, Tesseract fra, 1 thread, 2 at once)`, perSlide(stepSeconds), percent(stepRecall)],
    await alone('OCR seconds per slide', 'Tesseract alone, fra, 1 thread, one after another', { OMP_THREAD_LIMIT: '1' }, 'fra', 1),
    await alone('OCR seconds per slide', 'Tesseract alone, fra, 1 thread, 2 at once', { OMP_THREAD_LIMIT: '1' }, 'fra', 2),
    await alone('OCR seconds per slide', 'Tesseract alone, fra, OpenMP threads (its default)', {}, 'fra', 1),
    await alone('OCR seconds per slide', 'Tesseract alone, fra+eng, 1 thread, one after another', { OMP_THREAD_LIMIT: '1' }, 'fra+eng', 1),
  ];
}

async function pdfRows(pdf: string, work: string): Promise<string[][]> {
  const documents = new PopplerDocumentTool();
  const { pages } = await documents.info(pdf);
  const rounds = 10;
  const pagesPerSecond = (count: number, seconds: number): string => `${(count / seconds).toFixed(1)} pages/s`;

  const textLayer = await timed(async () => {
    for (let i = 0; i < rounds; i++) await documents.pageTexts(pdf);
  });
  const perPage = await timed(async () => {
    for (let i = 0; i < rounds; i++) for (let page = 1; page <= pages; page++) await run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-']);
  });
  const thumbnails = await timed(async () => {
    const dir = path.join(work, 'thumbnails');
    const images = new SharpImageTool();
    for (const render of await documents.renderPages(pdf, dir, { size: { width: 640 } })) {
      await Promise.all([320, 640].map((width) => images.encode(render.path, path.join(dir, `p${render.page}-${width}.webp`), { width, format: 'webp' })));
    }
  });
  const pngThumbnails = await timed(async () => {
    const dir = path.join(work, 'png');
    await mkdir(dir, { recursive: true });
    const images = new SharpImageTool();
    for (let page = 1; page <= pages; page++) {
      const png = path.join(dir, `p${page}.png`);
      await documents.renderPage(pdf, page, png, 640);
      await Promise.all([320, 640].map((width) => images.encode(png, path.join(dir, `p${page}-${width}.webp`), { width, format: 'webp' })));
    }
  });

  // A magazine page read by OCR at 300 dpi, judged against its own text layer.
  const layer = (await documents.pageTexts(pdf)).pages[0] ?? '';
  const ocr = new TesseractOcrTool();
  let ocrText = '';
  const ocrPage = await timed(async () => {
    const [render] = await documents.renderPages(pdf, path.join(work, 'ocr'), { size: { dpi: 300 }, first: 1, last: 1, grey: true });
    if (render) ocrText = cleanOcrLines((await ocr.read(render.path, { language: 'fr', dpi: 300 })).lines).text;
  });

  const step = await timed(async () => {
    await documentTextStep.run(context(pdf, 'magazine', path.join(work, 'step'), {
      media: { class: 'document', container: 'pdf', duration: 0, size: 1, bitRate: null, video: null, audio: null, pages, tags: {} },
    }));
  });

  return [
    ['PDF pages/s', `text layer, one pdftotext call for the file (${pages} pages × ${rounds})`, pagesPerSecond(pages * rounds, textLayer), '–'],
    ['PDF pages/s', 'text layer, one pdftotext call per page', pagesPerSecond(pages * rounds, perPage), '–'],
    ['PDF pages/s', 'thumbnails: pdftoppm TIFF 640 px, one call → sharp WebP 320 + 640', pagesPerSecond(pages, thumbnails), '–'],
    ['PDF pages/s', 'thumbnails: pdftoppm PNG 640 px, a call per page → sharp WebP 320 + 640', pagesPerSecond(pages, pngThumbnails), '–'],
    ['PDF pages/s', 'document-text step (text layer + thumbnails, no page needing OCR)', pagesPerSecond(pages, step), '–'],
    ['PDF seconds per OCR page', 'page 1 at 300 dpi grey, Tesseract fra (vs its text layer)', `${ocrPage.toFixed(2)} s`, percent(recall(layer, ocrText))],
  ];
}

async function tesseractAlone(slides: Slide[], env: Record<string, string>, models: string, parallel: number): Promise<{ seconds: number; recall: { found: number; total: number } }> {
  let total = { found: 0, total: 0 };
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < slides.length) {
      const slide = slides[next++] as Slide;
      const { stdout } = await run('tesseract', [slide.frame, 'stdout', '-l', models, '--psm', '3', 'tsv'], { env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 });
      total = add(total, recall(slide.expected, cleanOcrLines(parseTesseractTsv(stdout)).text));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { seconds: (performance.now() - started) / 1000, recall: total };
}

function context(source: string, id: string, dir: string, previous: StepContext['previous']): StepContext {
  const item: ProgrammeItem = {
    id: 'bench', row: null, date: null, title: id, kind: previous.media?.class === 'document' ? 'document' : 'talk', themes: [], speakers: [],
    edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' },
    language: 'fr', licence: 'CC-BY-4.0', summary: '', media: { path: source, declared: path.basename(source) },
    captions: [], slides: null, audioDescription: null, signLanguage: null,
  };
  return {
    item, workDir: path.join(dir, 'work'), outDir: path.join(dir, 'out'), previous,
    media: new FluentFfmpegMediaTool(), images: new SharpImageTool(), documents: new PopplerDocumentTool(), ocr: new TesseractOcrTool(),
    progress: () => undefined,
  };
}

/** Words of `expected` found in `text` (each as often as it was drawn), accents and case aside. */
function recall(expected: string, text: string): { found: number; total: number } {
  const read = new Map<string, number>();
  for (const token of tokens(text)) read.set(token, (read.get(token) ?? 0) + 1);
  let found = 0;
  const words = tokens(expected);
  for (const word of words) {
    const left = read.get(word) ?? 0;
    if (left > 0) {
      found += 1;
      read.set(word, left - 1);
    }
  }
  return { found, total: words.length };
}

const add = (a: { found: number; total: number }, b: { found: number; total: number }): { found: number; total: number } => ({ found: a.found + b.found, total: a.total + b.total });
const percent = (r: { found: number; total: number }): string => `${((100 * r.found) / Math.max(1, r.total)).toFixed(1)}%`;

async function timed(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}
