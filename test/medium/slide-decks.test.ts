import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from '../../src/pipeline/slide-text.js';
import type { StepContext, StepResult } from '../../src/pipeline/step.js';
import { chaptersStep } from '../../src/pipeline/steps/chapters.js';
import { slideOcrStep } from '../../src/pipeline/steps/slide-ocr.js';
import { transcodeVideoStep } from '../../src/pipeline/steps/transcode-video.js';
import { readFile } from 'node:fs/promises';
import { slideTextFileSchema, type SlideTextFile } from '../../src/domain/text.js';
import { makeVideoClip } from '../support/clips.js';
import { makeSlideDeck, type SlideDesign } from '../support/slide-decks.js';
import { realStepTools } from '../support/step-tools.js';
import { programmeItem, videoInfo } from '../support/programme-item.js';

let root: string;

const FIRST = ['Les communs numériques', 'Accompagner sans remplacer', 'Du référentiel aux usages', 'Une question de souveraineté'];
// Only the last line changes: the slide's template, title and other lines stay where they were.
const ONE_LINE = [...FIRST.slice(0, 3), 'Mesurer sans jamais surveiller personne'];
const OTHER = ['Accessibilité numérique', 'Former les médiatrices', 'Outiller les collectivités'];

function context(path: string, name: string, video: { width: number; height: number; duration: number }): StepContext {
  const item = programmeItem({ id: `2025-deck-${name}`, title: 'Slides', media: { path, declared: `${name}.mp4` } });
  const media = videoInfo(video.duration, { width: video.width, height: video.height, fps: 5 });
  return { item, workDir: join(root, name, 'work'), outDir: join(root, name, 'out'), previous: { media }, ...realStepTools() };
}

/** The ladder (its scene branch sees the changes), the chapters step, then slide OCR, as the pipeline chains them. */
async function ingestSteps(ctx: StepContext): Promise<{ chapters: StepResult; ocr: StepResult; slides: SlideTextFile['slides'] }> {
  const transcoded = await transcodeVideoStep.run(ctx);
  ctx.previous = { ...ctx.previous, sceneChanges: transcoded.sceneChanges };
  const chapters = await chaptersStep.run(ctx);
  ctx.previous = { ...ctx.previous, ...chapters };
  const ocr = await slideOcrStep.run(ctx);
  if (!ocr.slideText) return { chapters, ocr, slides: [] };
  const file = slideTextFileSchema.parse(JSON.parse(await readFile(join(ctx.outDir, ocr.slideText.path), 'utf8')));
  return { chapters, ocr, slides: file.slides };
}

/** Whether every word of `line` was read in `text` (accents and case aside). */
function hasLine(text: string | undefined, line: string): boolean {
  const read = new Set(tokens(text ?? ''));
  return tokens(line).every((token) => read.has(token));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-decks-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('slide changes and slide text on generated decks', () => {
  it.each<SlideDesign>(['dark-on-light', 'light-on-dark', 'photo'])('%s: a one-line change is a slide, three slides give chapters', async (design) => {
    const deck = await makeSlideDeck(root, design, design, [
      { lines: FIRST, seconds: 4 }, { lines: ONE_LINE, seconds: 4 }, { lines: OTHER, seconds: 4 },
    ]);
    const ctx = context(deck.path, design, { width: 1280, height: 720, duration: deck.duration });
    const { chapters, slides } = await ingestSteps(ctx);

    expect(chapters.slideShow?.changes).toEqual([4, 8]);
    expect(chapters.chapters?.map((c) => c.start)).toEqual([0, 4, 8]);
    expect(slides.map((s) => s.start)).toEqual([0, 4, 8]);
    expect(FIRST.every((line) => hasLine(slides[0]?.text, line)), slides[0]?.text).toBe(true);
    expect(hasLine(slides[1]?.text, ONE_LINE[3] as string), slides[1]?.text).toBe(true);
    expect(hasLine(slides[2]?.text, OTHER[0] as string), slides[2]?.text).toBe(true);
  });

  it('reads 2 s slides; too short for chapters', async () => {
    const deck = await makeSlideDeck(root, 'short', 'dark-on-light', [
      { lines: FIRST, seconds: 2 }, { lines: OTHER, seconds: 2 }, { lines: ONE_LINE, seconds: 2 }, { lines: OTHER, seconds: 2 },
    ]);
    const ctx = context(deck.path, 'short', { width: 1280, height: 720, duration: deck.duration });
    const { chapters, slides } = await ingestSteps(ctx);

    expect(chapters.slideShow?.changes).toEqual([2, 4, 6]);
    expect(chapters.chapters).toBeUndefined();
    expect(slides.map((s) => s.start)).toEqual([0, 2, 4, 6]);
    expect(hasLine(slides[2]?.text, ONE_LINE[3] as string), slides[2]?.text).toBe(true);
  });

  it('keeps a 5-minute slide whole through keyframe noise and grain, and sees its one-line change', async () => {
    // A new grainy picture every 2 s (0.5 fps) and a keyframe every 10 s: the 5 minutes still hold
    // 30 keyframe pulses and 150 grain changes, on fewer frames for the ladder to encode than at 1 fps.
    const deck = await makeSlideDeck(root, 'long', 'dark-on-light', [
      { lines: FIRST, seconds: 300 }, { lines: ONE_LINE, seconds: 30 },
    ], { fps: 0.5, gop: 10, crf: 30, grain: 8 });
    const ctx = context(deck.path, 'long', { width: 1280, height: 720, duration: deck.duration });
    const started = Date.now();
    const { chapters, ocr, slides } = await ingestSteps(ctx);
    console.info(`chapters and slide OCR of a 5.5-minute deck: ${Date.now() - started} ms`);

    expect(chapters.slideShow?.changes).toEqual([300]);
    expect(chapters.chapters).toBeUndefined();
    // Read once a minute (five times), the long slide is still one slide.
    expect(slides.map((s) => [s.start, s.end])).toEqual([[0, 300], [300, 330]]);
    expect(hasLine(slides[0]?.text, FIRST[3] as string), slides[0]?.text).toBe(true);
    expect(hasLine(slides[1]?.text, ONE_LINE[3] as string), slides[1]?.text).toBe(true);
    expect(ocr.chapters).toBeUndefined();
  }, 600_000); // 5.5 minutes of 720p through the whole ladder first, as the pipeline runs it

  it('reads a talk of one slide', async () => {
    const deck = await makeSlideDeck(root, 'single', 'photo', [{ lines: OTHER, seconds: 6 }], { fps: 2 });
    const ctx = context(deck.path, 'single', { width: 1280, height: 720, duration: deck.duration });
    const { chapters, slides } = await ingestSteps(ctx);
    expect(chapters).toEqual({ slideShow: { changes: [] } });
    expect(slides).toHaveLength(1);
    expect(hasLine(slides[0]?.text, OTHER[0] as string), slides[0]?.text).toBe(true);
  });

  it('gives moving footage neither chapters nor slide text', async () => {
    // testsrc2 moves in every sample: 4 s of it is footage as surely as 20 s (the moving share is
    // what counts), and at 640×360 (the scene branch's own width) its ladder is one rung.
    const source = await makeVideoClip(join(root, 'footage.mp4'), { width: 640, height: 360, seconds: 4, audio: false, fps: 25 });
    const ctx = context(source, 'footage', { width: 640, height: 360, duration: 4 });
    const { chapters, ocr } = await ingestSteps(ctx);
    expect(chapters).toEqual({});
    expect(ocr).toEqual({});
  });
});
