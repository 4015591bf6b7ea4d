import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sceneChanges, slideShow } from '../../src/pipeline/scene-detect.js';
import type { StepContext, StepResult } from '../../src/pipeline/step.js';
import { probeStep } from '../../src/pipeline/steps/probe.js';
import { transcodeVideoStep } from '../../src/pipeline/steps/transcode-video.js';
import { makeVideoClip } from '../support/clips.js';
import { makeSlideDeck, type DeckOptions, type SlideDesign } from '../support/slide-decks.js';
import { programmeItem } from '../support/programme-item.js';
import { realStepTools } from '../support/step-tools.js';

const run = promisify(execFile);
let root: string;

const FIRST = ['Les communs numériques', 'Accompagner sans remplacer', 'Du référentiel aux usages', 'Une question de souveraineté'];
// Only the last line changes between the first two slides: 0.2 % of the pixels.
const ONE_LINE = [...FIRST.slice(0, 3), 'Mesurer sans jamais surveiller personne'];
const OTHER = ['Accessibilité numérique', 'Former les médiatrices', 'Outiller les collectivités'];
/**
 * Three 2 s slides: the picture changes at 2 s (one line) and at 4 s (a new slide). The scene
 * branch keeps slides of 1.5 s and more (slideShow), so 2 s slides show the same as longer ones
 * on fewer frames to decode and encode.
 */
const DECK = [{ lines: FIRST, seconds: 2 }, { lines: ONE_LINE, seconds: 2 }, { lines: OTHER, seconds: 2 }];
const CHANGES = [2, 4];

/** Each picture-only deck is made once per file: the silent test reuses a design's deck. */
const pictures = new Map<string, Promise<{ path: string; duration: number }>>();
function pictureDeck(name: string, design: SlideDesign, options: DeckOptions = {}): Promise<{ path: string; duration: number }> {
  let made = pictures.get(name);
  if (!made) {
    made = makeSlideDeck(root, `${name}-picture`, design, DECK, options);
    pictures.set(name, made);
  }
  return made;
}

/** A generated deck, with a tone under it unless `silent`: the ladder then also encodes and measures sound. */
async function deck(name: string, design: SlideDesign, options: DeckOptions & { silent?: boolean } = {}): Promise<string> {
  const { silent, ...picture } = options;
  const made = await pictureDeck(name, design, picture);
  if (silent) return made.path;
  const path = join(root, `${name}.mp4`);
  await run('ffmpeg', [
    '-y', '-hide_banner', '-loglevel', 'error', '-i', made.path, '-f', 'lavfi', '-i', `sine=frequency=330:sample_rate=48000:duration=${made.duration}`,
    '-map', '0:v', '-map', '1:a', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '96k', '-shortest', path,
  ]);
  return path;
}

/** The probe, then the ladder, as the pipeline runs them on a talk. */
async function transcode(path: string, name: string): Promise<StepResult> {
  const item = programmeItem({ id: `2025-scene-${name}`, title: 'Slides', media: { path, declared: `${name}.mp4` } });
  const ctx: StepContext = { item, workDir: join(root, name, 'work'), outDir: join(root, name, 'out'), previous: {}, ...realStepTools() };
  const probed = await probeStep.run(ctx);
  return { ...probed, ...(await transcodeVideoStep.run({ ...ctx, previous: probed })) };
}

function changesOf(result: StepResult): number[] | null {
  if (!result.sceneChanges || !result.media) throw new Error('the ladder kept no scene changes');
  return slideShow(result.sceneChanges, result.media.duration)?.changes ?? null;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-scene-branch-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the ladder's scene branch", () => {
  it.each<SlideDesign>(['dark-on-light', 'light-on-dark', 'photo'])('%s: sees the one-line change and the new slide, with the sound measured beside it', async (design) => {
    const result = await transcode(await deck(design, design), design);
    expect(changesOf(result)).toEqual(CHANGES);
    expect(result.sceneChanges?.runs.map(([start]) => start)).toEqual(CHANGES);
    expect(result.media?.audio?.loudness).toEqual(expect.any(Number));
  });

  it('sees the same changes in a 1080p deck at 30 frames a second', async () => {
    const result = await transcode(await deck('full-hd', 'dark-on-light', { width: 1920, height: 1080, fps: 30 }), 'full-hd');
    expect(result.hls?.variants.map((v) => v.height)).toEqual([1080, 720, 480, 360]);
    expect(changesOf(result)).toEqual(CHANGES);
  });

  it('sees the same changes in a video without sound', async () => {
    // The light-on-dark deck's picture, without the tone the design test put under it.
    const result = await transcode(await deck('light-on-dark', 'light-on-dark', { silent: true }), 'silent');
    expect(result.media?.audio).toBeNull();
    expect(result.hls?.audio).toEqual([]);
    expect(changesOf(result)).toEqual(CHANGES);
  });

  it('tells moving footage from a slide show', async () => {
    // testsrc2 moves in every sample (2.7–4.9 % of its pixels, far above a slide change): 4 s of it
    // is footage as surely as 20 s (the moving share is what counts), and at 640×360 (the branch's
    // own width) its ladder is one rung.
    const source = await makeVideoClip(join(root, 'footage.mp4'), { width: 640, height: 360, seconds: 4, fps: 25 });
    const result = await transcode(source, 'footage');
    expect(result.sceneChanges?.runs.length).toBeGreaterThan(0);
    expect(changesOf(result)).toBeNull();
  });

  it('keeps the same runs as the samples it printed: none for a still picture', async () => {
    const still = await makeSlideDeck(root, 'still', 'photo', [{ lines: OTHER, seconds: 10 }], { fps: 2 });
    const result = await transcode(still.path, 'still');
    expect(result.sceneChanges).toEqual(sceneChanges([]));
    expect(changesOf(result)).toEqual([]);
  });
});
