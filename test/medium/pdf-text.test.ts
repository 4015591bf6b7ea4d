import { access, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAGAZINE, MEDIATION_TALK, readSampleTimeline } from '../../scripts/sample/texts.js';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { PopplerDocumentTool } from '../../src/adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { TesseractOcrTool } from '../../src/adapters/ocr/tesseract-ocr-tool.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { manifestKey, parseManifest } from '../../src/domain/manifest.js';
import { pageTextFileSchema, type PageTextFile } from '../../src/domain/text.js';
import { tokens } from '../../src/pipeline/slide-text.js';
import type { StepContext } from '../../src/pipeline/step.js';
import { documentTextStep, slideDeckTextStep } from '../../src/pipeline/steps/document-text.js';
import { PIPELINE_VERSION, stepsFor } from '../../src/pipeline/steps/index.js';
import { HashCache } from '../../src/services/ingest/hash-cache.js';
import { ingestItem } from '../../src/services/ingest/ingest-item.js';
import { silentReporter } from '../../src/services/ingest/reporter.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { realStepTools } from '../support/step-tools.js';
import { programmeItem } from '../support/programme-item.js';

const documents = new PopplerDocumentTool();
const images = new SharpImageTool();
const ocr = new TesseractOcrTool();
const MAGAZINE_PDF = join(SHORT_SAMPLE_DIR, `${MAGAZINE.file}.pdf`);
const A4: [number, number] = [595.28, 841.89];
let root: string;

function item(path: string, declared: string, id = '2025-test-document'): ProgrammeItem {
  return programmeItem({ id, title: 'Magazine', kind: 'document', media: { path, declared } });
}

function context(path: string, name: string, pages: number): StepContext {
  return {
    item: item(path, `${name}.pdf`), workDir: join(root, name, 'work'), outDir: join(root, name, 'out'),
    previous: { media: { class: 'document', container: 'pdf', duration: 0, size: 1, bitRate: null, video: null, audio: null, pages, tags: {} } },
    ...realStepTools({ images, documents, ocr }),
  };
}

async function readPages(ctx: StepContext): Promise<PageTextFile> {
  return pageTextFileSchema.parse(JSON.parse(await readFile(join(ctx.outDir, 'text/pages.json'), 'utf8')));
}

/** Words of `expected` found in `text`, accents and case aside: OCR is judged on most of them. */
function recall(expected: string, text: string): number {
  const read = new Set(tokens(text));
  const words = tokens(expected);
  return words.filter((word) => read.has(word)).length / words.length;
}

const SCANNED = [
  'Les permanences numériques',
  'en milieu rural',
  'Une médiatrice accueille chaque mardi',
  'les habitants de la vallée pour leurs',
  'démarches administratives en ligne.',
];

/**
 * Three A4 pages: real text, a scan (a picture of text, no text layer), and a blank page.
 * The scan is drawn by sharp at 200 dpi, as an office scanner would give it.
 */
async function scannedPdf(): Promise<Uint8Array> {
  const lines = SCANNED.map((line, i) => `<text x="150" y="${380 + i * 110}" font-family="DejaVu Serif" font-size="${i < 2 ? 80 : 58}" fill="#222">${line}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1654" height="2339"><rect width="1654" height="2339" fill="#fbfaf6"/>${lines}</svg>`;
  const png = join(root, 'scan.png');
  await images.renderSvg(svg, png);
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage(A4).drawText('Sommaire : trois articles sur la médiation numérique', { x: 56, y: 760, size: 16, font });
  const picture = await pdf.embedPng(await readFile(png));
  pdf.addPage(A4).drawImage(picture, { x: 0, y: 0, width: A4[0], height: A4[1] });
  pdf.addPage(A4);
  return pdf.save({ useObjectStreams: false });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-pdf-text-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('document text', () => {
  it('extracts the sample magazine page by page, with thumbnails of every page', async () => {
    const ctx = context(MAGAZINE_PDF, 'magazine', MAGAZINE.pages.length);
    const started = Date.now();
    const result = await documentTextStep.run(ctx);
    console.info(`document text of the ${MAGAZINE.pages.length}-page magazine: ${Date.now() - started} ms`);

    expect(result.pageText).toEqual({ path: 'text/pages.json', count: MAGAZINE.pages.length, language: 'fr', ocrPages: 0 });
    expect(result.warnings).toBeUndefined();
    const file = await readPages(ctx);
    expect(file.pages.map((page) => [page.page, page.ocr])).toEqual(MAGAZINE.pages.map((_, i) => [i + 1, false]));
    MAGAZINE.pages.forEach((article, i) => {
      // The words in their order: every paragraph and key point comes back whole, accents included.
      const page = tokens(file.pages[i]?.text ?? '').join(' ');
      for (const part of [article.title, article.byline, ...article.paragraphs, ...article.keyPoints]) expect(page).toContain(tokens(part).join(' '));
      // …and as written, accents and typographic apostrophes included (a long title wraps onto two lines).
      expect(file.pages[i]?.text.replace(/\s+/g, ' ')).toContain(article.title);
    });

    const thumbnails = result.pageImages ?? [];
    expect(thumbnails.map((image) => [image.page, image.width, image.format])).toEqual(
      MAGAZINE.pages.flatMap((_, i) => [[i + 1, 320, 'webp'], [i + 1, 640, 'webp']]),
    );
    for (const image of thumbnails) {
      expect(image.path).toBe(`images/pages/page-${image.page}-${image.width}.webp`);
      expect(Math.abs(image.height - (image.width * A4[1]) / A4[0])).toBeLessThanOrEqual(1);
      expect((await stat(join(ctx.outDir, image.path))).size).toBeGreaterThan(1000);
    }
  });

  it('takes the title and author from the PDF', async () => {
    const info = await documents.info(MAGAZINE_PDF);
    expect(info).toMatchObject({ pages: MAGAZINE.pages.length, title: MAGAZINE.title, author: MAGAZINE.author, encrypted: false });
  });

  it('reads a page without a text layer by OCR, and leaves a blank page empty', async () => {
    const pdf = join(root, 'scanned.pdf');
    await writeFile(pdf, await scannedPdf());
    const ctx = context(pdf, 'scanned', 3);
    const result = await documentTextStep.run(ctx);

    expect(result.pageText).toEqual({ path: 'text/pages.json', count: 3, language: 'fr', ocrPages: 1 });
    const [contents, scan, blank] = (await readPages(ctx)).pages;
    expect(contents).toEqual({ page: 1, text: 'Sommaire : trois articles sur la médiation numérique', ocr: false });
    expect(scan?.ocr).toBe(true);
    expect(recall(SCANNED.join(' '), scan?.text ?? ''), scan?.text).toBeGreaterThanOrEqual(0.8);
    expect(blank).toEqual({ page: 3, text: '', ocr: false });
    expect(result.pageImages).toHaveLength(6);
  });
});

describe('a talk\'s slide deck', () => {
  function talkContext(deck: string, name: string): StepContext {
    const talk = { ...item(join(SHORT_SAMPLE_DIR, `${MEDIATION_TALK.file}.mp4`), 'talk.mp4'), kind: 'talk' as const, slides: { path: deck, declared: 'talks/slides.pdf' } };
    const ctx = context(talk.media.path, name, 0);
    return { ...ctx, item: talk, previous: { media: { ...(ctx.previous.media as NonNullable<StepContext['previous']['media']>), class: 'video' } } };
  }

  it('gives the talk the text of its slides PDF as its pages', async () => {
    const timeline = await readSampleTimeline(SHORT_SAMPLE_DIR);
    const shown = timeline.items.find((entry) => entry.media === `${MEDIATION_TALK.file}.mp4`)?.sections ?? [];
    const ctx = talkContext(join(SHORT_SAMPLE_DIR, `${MEDIATION_TALK.file}.pdf`), 'deck');
    const result = await slideDeckTextStep.run(ctx);
    expect(result.pageText).toEqual({ path: 'text/pages.json', count: shown.length, language: 'fr', ocrPages: 0 });
    const file = await readPages(ctx);
    shown.forEach((slide, i) => {
      const text = file.pages[i]?.text ?? '';
      for (const line of [slide.title, ...slide.bullets]) expect(text).toContain(line);
    });
  });

  it('ingests the talk without it, with a warning, when the deck is damaged', async () => {
    const deck = join(root, 'deck-damaged.pdf');
    await writeFile(deck, (await readFile(join(SHORT_SAMPLE_DIR, `${MEDIATION_TALK.file}.pdf`))).subarray(0, 1500));
    const result = await slideDeckTextStep.run(talkContext(deck, 'deck-damaged'));
    expect(result.pageText).toBeUndefined();
    expect(result.warnings).toEqual([expect.stringMatching(/^talks\/slides\.pdf: the slides' text was not read: the PDF is damaged or truncated \(.+\); supply a repaired copy$/)]);
  });
});

describe('damaged PDFs', () => {
  const magazine = async (): Promise<Buffer> => readFile(MAGAZINE_PDF);

  it('names a truncated PDF as such when it is opened', async () => {
    const bytes = await magazine();
    const pdf = join(root, 'truncated.pdf');
    await writeFile(pdf, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(documents.info(pdf)).rejects.toThrow(/^the PDF is damaged or truncated \(Syntax Error: Couldn't read xref table\); supply a repaired copy$/);
  });

  it('tells a file that is not a PDF at all', async () => {
    const pdf = join(root, 'not-a-pdf.pdf');
    await writeFile(pdf, '<html>Erreur 404</html>');
    await expect(documents.info(pdf)).rejects.toThrow('not a PDF file (it does not start with "%PDF-")');
  });

  it('refuses a PDF whose pages were cut out, though it opens', async () => {
    const bytes = await magazine();
    const pdf = join(root, 'cut.pdf');
    // The middle is gone but the trailer is there: pdfinfo still counts 5 pages.
    await writeFile(pdf, Buffer.concat([bytes.subarray(0, Math.floor(bytes.length / 2)), bytes.subarray(bytes.length - 600)]));
    expect((await documents.info(pdf)).pages).toBe(5);
    const failure = documentTextStep.run(context(pdf, 'cut', 5));
    await expect(failure).rejects.toThrow(/^the PDF is damaged or truncated: only [0-4] of its 5 pages could be read \(.+\); supply a repaired copy$/);
  });

  it('refuses a PDF whose page content is cut short', async () => {
    const bytes = Buffer.from(await magazine());
    const stream = bytes.indexOf('stream', 3000);
    bytes.fill(0, stream + 20, stream + 420);
    const pdf = join(root, 'damaged.pdf');
    await writeFile(pdf, bytes);
    const failure = documentTextStep.run(context(pdf, 'damaged', 5));
    await expect(failure).rejects.toThrow(/^the PDF is damaged or truncated: part of its content is missing \(Syntax Error: Unexpected end of file in flate stream\); supply a repaired copy$/);
  });

  it('fails the item with one line naming its file, publishes nothing, and ingests the good one', async () => {
    const bytes = await magazine();
    const bad = join(root, 'ingest', 'magazine-abime.pdf');
    const good = join(root, 'ingest', 'magazine.pdf');
    await rm(join(root, 'ingest'), { recursive: true, force: true });
    await mkdir(join(root, 'ingest'), { recursive: true });
    await writeFile(bad, bytes.subarray(0, bytes.length - 2000));
    await writeFile(good, bytes);
    const dataDir = join(root, 'data');
    const store = new FsBlobStore(dataDir);
    const deps = {
      store, media: new FluentFfmpegMediaTool(), images, documents, ocr,
      hashes: new HashCache(join(dataDir, '.cache', 'sha256.json')), workRoot: join(dataDir, '.work'),
      stepsFor, pipelineVersion: PIPELINE_VERSION, reporter: silentReporter,
    };

    const failed = await ingestItem(item(bad, 'documents/magazine-abime.pdf', '2025-test-abime'), deps);
    expect(failed).toMatchObject({ status: 'failed', file: 'documents/magazine-abime.pdf' });
    expect(failed.error).toMatch(/^the PDF is damaged or truncated \(.+\); supply a repaired copy$/);
    await expect(access(join(dataDir, manifestKey('2025-test-abime')))).rejects.toThrow();

    const ingested = await ingestItem(item(good, 'documents/magazine.pdf', '2025-test-magazine'), deps);
    expect(ingested.status).toBe('ingested');
    const manifest = parseManifest(await readFile(join(dataDir, manifestKey('2025-test-magazine')), 'utf8'));
    expect(manifest.text.pages).toMatchObject({ count: 5, language: 'fr', ocrPages: 0 });
    expect(manifest.text.pages?.key).toMatch(/^items\/2025-test-magazine\/(.+\/)?text\/pages\.json$/);
    expect(manifest.images.pages).toHaveLength(10);
    expect(manifest.images.pages[0]).toMatchObject({ page: 1, width: 320, format: 'webp' });
    expect(manifest.images.pages[0]?.key).toMatch(/^items\/2025-test-magazine\/(.+\/)?images\/pages\/page-1-320\.webp$/);
    const stored = pageTextFileSchema.parse(JSON.parse(await readFile(join(dataDir, manifest.text.pages?.key ?? ''), 'utf8')));
    expect(stored.pages).toHaveLength(5);
    expect(manifest.media.tags).toEqual({ title: MAGAZINE.title, author: MAGAZINE.author });
  });
});
