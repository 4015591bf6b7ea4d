import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slideSvg, writePng } from '../../scripts/sample/pictures.js';
import { readSampleTimeline, SLIDE_FOOTER, SLIDE_TALKS, type Slide } from '../../scripts/sample/texts.js';
import { slideTextFileSchema, type SlideTextFile } from '../../src/domain/text.js';
import { tokens } from '../../src/pipeline/slide-text.js';
import type { StepContext, StepResult } from '../../src/pipeline/step.js';
import { chaptersStep } from '../../src/pipeline/steps/chapters.js';
import { transcodeVideoStep } from '../../src/pipeline/steps/transcode-video.js';
import { slideOcrStep } from '../../src/pipeline/steps/slide-ocr.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { realStepTools } from '../support/step-tools.js';
import { programmeItem, videoInfo } from '../support/programme-item.js';

const run = promisify(execFile);
const SIZE = { width: 1280, height: 720 };
const SECONDS_EACH = 4;
let root: string;

function context(path: string, name: string, video: { width: number; height: number; duration: number }, previous: StepResult = {}): StepContext {
  const item = programmeItem({ id: `2025-test-${name}`, title: 'Slides', media: { path, declared: `${name}.mp4` } });
  const media = videoInfo(video.duration, { width: video.width, height: video.height });

  return {
    item, workDir: join(root, name, 'work'), outDir: join(root, name, 'out'), previous: { media, ...previous },
    ...realStepTools(),
  };
}

/** The chapters of a talk as the pipeline finds them: the ladder's scene branch sees the slide changes, then chapters judges them. */
async function chaptersOf(ctx: StepContext): Promise<StepResult> {
  const transcoded = await transcodeVideoStep.run(ctx);
  ctx.previous = { ...ctx.previous, sceneChanges: transcoded.sceneChanges };
  return chaptersStep.run(ctx);
}

/** A talk video as the sample generator makes it: its slides drawn by the same code, SECONDS_EACH each. */
async function slideVideo(name: string, slides: readonly Slide[], numbers: readonly number[]): Promise<string> {
  const pngs: string[] = [];
  for (const [i, slide] of slides.entries()) {
    const png = join(root, `${name}-${i + 1}.png`);
    await writePng(slideSvg(slide, numbers[i] ?? i, Math.max(...numbers) + 1, '#1E6F5C', SLIDE_FOOTER, SIZE), png);
    pngs.push(png);
  }
  const out = join(root, `${name}.mp4`);
  // 2 fps: a slide show is still pictures, and fewer frames keep the ladder quick (the scene branch
  // samples 4 a second either way; scene-branch.test.ts proves it on 30 fps).
  const inputs = pngs.flatMap((png) => ['-loop', '1', '-framerate', '2', '-t', String(SECONDS_EACH), '-i', png]);
  const concat = `${pngs.map((_, i) => `[${i}:v]`).join('')}concat=n=${pngs.length}:v=1:a=0,format=yuv420p[v]`;
  await run('ffmpeg', ['-y', '-loglevel', 'error', ...inputs, '-filter_complex', concat, '-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', out]);
  return out;
}

/** Share of the words shown (title and bullets) that came back, accents and case aside. */
function recall(slide: Pick<Slide, 'title' | 'bullets'>, text: string): number {
  const read = new Map<string, number>();
  for (const token of tokens(text)) read.set(token, (read.get(token) ?? 0) + 1);
  const shown = tokens([slide.title, ...slide.bullets].join(' '));
  let found = 0;
  for (const token of shown) {
    const left = read.get(token) ?? 0;
    if (left > 0) {
      found += 1;
      read.set(token, left - 1);
    }
  }
  return found / shown.length;
}

async function readSlides(ctx: StepContext, result: StepResult): Promise<SlideTextFile> {
  expect(result.slideText?.path).toBe('text/slides.json');
  return slideTextFileSchema.parse(JSON.parse(await readFile(join(ctx.outDir, 'text/slides.json'), 'utf8')));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-slide-ocr-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('slide OCR', () => {
  it.each(SLIDE_TALKS.map((talk) => [talk.file, talk] as const))('reads the slides of %s at each slide change', async (_file, talk) => {
    const name = talk.file.split('/').pop() as string;
    const source = await slideVideo(name, talk.slides, talk.slides.map((_, i) => i));
    const duration = talk.slides.length * SECONDS_EACH;
    const ctx = context(source, name, { ...SIZE, duration });
    const chapters = await chaptersOf(ctx);
    expect(chapters.chapters).toHaveLength(talk.slides.length);

    ctx.previous = { ...ctx.previous, ...chapters };
    const started = Date.now();
    const result = await slideOcrStep.run(ctx);
    console.info(`slide OCR of ${talk.slides.length} slides (${SIZE.width}×${SIZE.height}): ${Date.now() - started} ms`);

    const file = await readSlides(ctx, result);
    expect(result.slideText).toEqual({ path: 'text/slides.json', count: talk.slides.length, language: 'fr' });
    expect(file.language).toBe('fr');
    talk.slides.forEach((slide, i) => {
      const read = file.slides[i];
      expect(read?.start).toBeCloseTo(i * SECONDS_EACH, 0);
      expect(read?.end).toBeCloseTo((i + 1) * SECONDS_EACH, 0);
      expect(recall(slide, read?.text ?? ''), `slide ${i + 1}: ${read?.text}`).toBeGreaterThanOrEqual(0.8);
      expect(read?.confidence).toBeGreaterThan(70);
    });
    // The footer on every slide is the template, not what a slide says: it is not kept.
    for (const read of file.slides) expect(read.text).not.toMatch(/Strasbourg/);
    // Each chapter is titled by its slide, wrapped titles whole.
    expect(result.chapters?.map((c) => c.title)).toEqual(talk.slides.map((slide) => slide.title));
  });

  it('merges a slide built bullet by bullet into one entry with all its text', async () => {
    const [first, second, third] = SLIDE_TALKS[0]?.slides ?? [];
    if (!first || !second || !third) throw new Error('the sample talk has fewer than three slides');
    const partial: Slide = { ...second, bullets: second.bullets.slice(0, 2) };
    const source = await slideVideo('build', [first, partial, second, third], [0, 1, 1, 2]);
    const ctx = context(source, 'build', { ...SIZE, duration: 4 * SECONDS_EACH });
    const chapters = await chaptersOf(ctx);
    expect(chapters.chapters).toHaveLength(4);
    ctx.previous = { ...ctx.previous, ...chapters };

    const result = await slideOcrStep.run(ctx);
    const file = await readSlides(ctx, result);
    expect(file.slides).toHaveLength(3);
    expect(file.slides[1]?.start).toBeCloseTo(SECONDS_EACH, 0);
    expect(file.slides[1]?.end).toBeCloseTo(3 * SECONDS_EACH, 0);
    expect(recall(second, file.slides[1]?.text ?? '')).toBeGreaterThanOrEqual(0.8);
    // The chapters follow the slides: three, titled with each slide's title line, in the VTT too.
    expect(result.chapters?.map((c) => c.title)).toEqual([first.title, second.title, third.title]);
    expect(result.chapters?.[1]?.end).toBeCloseTo(3 * SECONDS_EACH, 0);
    const vtt = await readFile(join(ctx.outDir, 'text/chapters.vtt'), 'utf8');
    expect(vtt).toContain(`\n${second.title}\n`);
  });

  it('reads the slides of the sample edition’s talks at their recorded times', async () => {
    const timeline = await readSampleTimeline(SHORT_SAMPLE_DIR);
    for (const talk of SLIDE_TALKS) {
      const entry = timeline.items.find((item) => item.media === `${talk.file}.mp4`);
      if (!entry || entry.duration === null) throw new Error(`${talk.file}.mp4 is not in the sample timeline`);
      const source = join(SHORT_SAMPLE_DIR, entry.media);
      // The short edition's slides last ~2 s, under the chapters step's minimum: its times come from the generator.
      const chapters = entry.sections.map((section, i) => ({ start: section.start, end: section.end, title: `Diapositive ${i + 1}` }));
      const ctx = context(source, `sample-${entry.id}`, { width: 640, height: 360, duration: entry.duration }, { chapters });

      const file = await readSlides(ctx, await slideOcrStep.run(ctx));
      expect(file.slides).toHaveLength(entry.sections.length);
      entry.sections.forEach((section, i) => {
        expect(file.slides[i]?.start).toBe(section.start);
        expect(recall(section, file.slides[i]?.text ?? ''), `${entry.id} slide ${i + 1}: ${file.slides[i]?.text}`).toBeGreaterThanOrEqual(0.8);
      });
    }
  });

  it('writes nothing when the chapters step found no slide show (footage)', async () => {
    const source = join(SHORT_SAMPLE_DIR, 'talks/pitch-seconde-vie-tablettes.mp4');
    await stat(source);
    const ctx = context(source, 'footage', { width: 640, height: 360, duration: 5 });
    expect(await slideOcrStep.run(ctx)).toEqual({});
    await expect(access(join(ctx.outDir, 'text/slides.json'))).rejects.toThrow();
  });
});
