import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaError } from '../../domain/errors.js';
import { TEXT_FILE_VERSION, type PageTextFile } from '../../domain/text.js';
import type { ImageTool } from '../../ports/image-tool.js';
import { mapLimit, OCR_READERS } from '../ocr-readers.js';
import { cleanOcrLines } from '../slide-text.js';
import type { ImageRef, Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';

const PAGES_PATH = 'text/pages.json';
/** Every page is rendered this wide once, then encoded at each THUMBNAIL_WIDTHS (a 1280 px size cost 3× more). */
const RENDER_WIDTH = 640;
const THUMBNAIL_WIDTHS = [320, 640] as const;
/** Pages rendered per pdftoppm call: one pass over the file, without a whole magazine of scratch pictures at once. */
const RENDER_BATCH = 16;
/** Tesseract reads printed text best at about 300 dpi. */
const OCR_DPI = 300;
/** A text layer with fewer letters than this (a page number, a running title) is not the page's text. */
const MIN_LAYER_LETTERS = 20;
/** Grey-level spread of a page render above which something is printed on it (a blank page is ~0). */
const MIN_INK_STDEV = 3;

type PageImage = ImageRef & { page: number };

/**
 * A document's text page by page, from its text layer (pdftotext), and page thumbnails. Pages
 * without a text layer but with ink on them (scans, text drawn as pictures) are read with OCR
 * at 300 dpi and marked `ocr: true`. Title and author come from the probe (pdfinfo).
 */
export const documentTextStep: Step = {
  name: 'document-text',
  version: 1,
  reads: ['media'],
  needs: [],
  applies: (_item, media) => media.class === 'document',
  // The language picks the OCR model and is written into pages.json.
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    requireMedia(ctx);
    const pdf = ctx.item.media.path;
    const { pages: layers, problems } = await ctx.documents.pageTexts(pdf);
    if (layers.length === 0) throw new MediaError(pdf, 'the PDF has no pages');
    const textless = new Set(layers.flatMap((text, index) => (letters(text) < MIN_LAYER_LETTERS ? [index + 1] : [])));

    const total = layers.length + textless.size;
    let done = 0;
    const tick = (): void => ctx.progress({ percent: (++done / total) * 100, speed: null });
    const { images, inked } = await thumbnails(ctx, layers.length, textless, tick);

    const toRead = [...inked].sort((a, b) => a - b);
    done += textless.size - toRead.length;
    const readings = await mapLimit(toRead, OCR_READERS, async (page) => {
      const reading = await readPage(ctx, page);
      tick();
      return { page, reading };
    });
    const ocrText = new Map(readings.filter((r) => letters(r.reading.text) > letters(layers[r.page - 1] ?? '')).map((r) => [r.page, r.reading.text]));
    const fallback = readings.find((r) => r.reading.fallback !== null)?.reading.fallback;
    const warnings = [
      ...(problems[0] ? [`the PDF is slightly damaged; it was read in full despite: ${problems[0]}`] : []),
      ...(fallback ? [`scanned pages read with the general "${fallback}" OCR model: none is known for the language "${ctx.item.language}"`] : []),
    ];

    const file: PageTextFile = {
      version: TEXT_FILE_VERSION,
      language: ctx.item.language,
      pages: layers.map((text, index) => {
        const ocr = ocrText.get(index + 1);
        return { page: index + 1, text: ocr ?? text, ocr: ocr !== undefined };
      }),
    };
    await mkdir(join(ctx.outDir, 'text'), { recursive: true });
    await writeFile(join(ctx.outDir, PAGES_PATH), `${JSON.stringify(file, null, 2)}\n`);
    return {
      pageText: { path: PAGES_PATH, count: file.pages.length, language: ctx.item.language, ocrPages: ocrText.size },
      pageImages: images,
      ...(warnings.length ? { warnings } : {}),
    };
  },
};

/**
 * A talk's slide deck (the programme's `slides` PDF): its text layer, page by page, as the talk's
 * `text.pages`, so that its exact words are searchable beside the time-coded slide OCR. A talk has
 * no pages of its own, so for a recording `text.pages` always means the pages of its slides.
 * The deck is a companion: when its text cannot be read the talk is still ingested, with a warning.
 */
export const slideDeckTextStep: Step = {
  name: 'slide-deck-text',
  version: 1,
  reads: ['slides'],
  needs: [],
  applies: (item, media) => media.class === 'video' && item.slides !== null,
  wanted: (item) => item.slides !== null,
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    const deck = ctx.item.slides;
    if (!deck) return {};
    let layers: string[];
    try {
      if ((await ctx.documents.info(deck.path)).encrypted) throw new MediaError(deck.path, 'the PDF is encrypted');
      layers = (await ctx.documents.pageTexts(deck.path)).pages;
    } catch (error) {
      if (!(error instanceof MediaError)) throw error;
      return { warnings: [`${deck.declared}: the slides' text was not read: ${error.message}`] };
    }
    const file: PageTextFile = {
      version: TEXT_FILE_VERSION,
      language: ctx.item.language,
      pages: layers.map((text, index) => ({ page: index + 1, text, ocr: false })),
    };
    await mkdir(join(ctx.outDir, 'text'), { recursive: true });
    await writeFile(join(ctx.outDir, PAGES_PATH), `${JSON.stringify(file, null, 2)}\n`);
    return { pageText: { path: PAGES_PATH, count: file.pages.length, language: ctx.item.language, ocrPages: 0 } };
  },
};

/** Thumbnails of every page, and which of the `textless` pages have ink on them. */
async function thumbnails(ctx: StepContext, count: number, textless: ReadonlySet<number>, tick: () => void): Promise<{ images: PageImage[]; inked: Set<number> }> {
  const images: PageImage[] = [];
  const inked = new Set<number>();
  await mkdir(join(ctx.outDir, 'images', 'pages'), { recursive: true });
  for (let first = 1; first <= count; first += RENDER_BATCH) {
    const last = Math.min(count, first + RENDER_BATCH - 1);
    const renders = await ctx.documents.renderPages(ctx.item.media.path, join(ctx.workDir, 'thumbnails'), { size: { width: RENDER_WIDTH }, first, last });
    for (const render of renders) {
      if (textless.has(render.page) && (await ctx.images.stats(render.path)).stdev >= MIN_INK_STDEV) inked.add(render.page);
      images.push(...(await encodeThumbnails(ctx.images, render.path, ctx.outDir, render.page)));
      await rm(render.path, { force: true });
      tick();
    }
  }
  return { images, inked };
}

async function encodeThumbnails(images: ImageTool, input: string, outDir: string, page: number): Promise<PageImage[]> {
  // sharp queues work on libuv's pool: the two sizes of a page overlap.
  return Promise.all(
    THUMBNAIL_WIDTHS.map(async (width): Promise<PageImage> => {
      const path = `images/pages/page-${page}-${width}.webp`;
      const encoded = await images.encode(input, join(outDir, path), { width, format: 'webp' });
      return { page, path, width: encoded.width, height: encoded.height, format: 'webp' };
    }),
  );
}

/** One page rendered at OCR_DPI in grey and read; its scratch picture removed. */
async function readPage(ctx: StepContext, page: number): Promise<{ text: string; fallback: string | null }> {
  const [render] = await ctx.documents.renderPages(ctx.item.media.path, join(ctx.workDir, `ocr-${page}`), {
    size: { dpi: OCR_DPI }, first: page, last: page, grey: true,
  });
  if (!render) return { text: '', fallback: null };
  try {
    const reading = await ctx.ocr.read(render.path, { language: ctx.item.language, dpi: OCR_DPI });
    return { text: cleanOcrLines(reading.lines).text, fallback: reading.fallback ? reading.models.join('+') : null };
  } finally {
    await rm(render.path, { force: true });
  }
}

function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}
