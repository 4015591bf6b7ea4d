import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import type { StepContext, StepResult } from '../../src/pipeline/step.js';
import { chaptersStep } from '../../src/pipeline/steps/chapters.js';
import { transcodeVideoStep } from '../../src/pipeline/steps/transcode-video.js';
import { makeSlideClip, makeVideoClip } from '../support/clips.js';
import { realStepTools } from '../support/step-tools.js';
import { programmeItem, videoInfo } from '../support/programme-item.js';

const run = promisify(execFile);
let root: string;

function context(path: string, duration: number, name: string): StepContext {
  const item = programmeItem({ id: '2025-test-slides', title: 'Slides', media: { path, declared: path } });
  const media = videoInfo(duration);
  return {
    item, workDir: join(root, name, 'work'), outDir: join(root, name, 'out'), previous: { media },
    ...realStepTools(),
  };
}

/** The ladder first: its scene branch sees the changes the chapters step judges. */
async function transcodeThenChapters(ctx: StepContext): Promise<StepResult> {
  const transcoded = await transcodeVideoStep.run(ctx);
  return chaptersStep.run({ ...ctx, previous: { ...ctx.previous, sceneChanges: transcoded.sceneChanges } });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-chapters-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('chapters step', () => {
  it('finds the 3 changes of a 4-slide clip and writes a French chapter track', async () => {
    const source = await makeSlideClip(join(root, 'slides.mp4'), ['white', 'navy', 'orange', 'gray'], 4);
    const ctx = context(source, 16, 'slides');
    const started = Date.now();
    const result = await transcodeThenChapters(ctx);
    console.info(`chapters on 16 s of slides: ${Date.now() - started} ms`);

    const chapters = result.chapters ?? [];
    expect(chapters.map((chapter) => chapter.title)).toEqual(['Diapositive 1', 'Diapositive 2', 'Diapositive 3', 'Diapositive 4']);
    chapters.slice(1).forEach((chapter, index) => expect(Math.abs(chapter.start - 4 * (index + 1))).toBeLessThanOrEqual(0.5));
    expect(chapters[3]?.end).toBe(16);
    expect(result.tracks).toEqual([
      { kind: 'chapters', language: 'fr', label: 'Chapitres', path: 'text/chapters.vtt', format: 'vtt', origin: 'generated' },
    ]);
    const vtt = await readFile(join(ctx.outDir, 'text/chapters.vtt'), 'utf8');
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nDiapositive 1\n')).toBe(true);
    expect(vtt.match(/-->/g)).toHaveLength(4);
  });

  it('finds faint changes between slides that share one template and differ only by their text', async () => {
    const images = new SharpImageTool();
    const slide = (title: string, line: string): string =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#f4f1ea"/>` +
      `<rect width="640" height="48" fill="#1d3557"/><text x="32" y="120" font-family="DejaVu Sans" font-size="28" fill="#1d1d1d">${title}</text>` +
      `<text x="32" y="180" font-family="DejaVu Sans" font-size="18" fill="#333">${line}</text></svg>`;
    const pngs = [];
    for (const [i, [title, line]] of [['Médiation numérique', 'Accompagner sans remplacer'], ['Accessibilité', 'Du référentiel aux usages'], ['Communs', 'Une question de souveraineté']].entries()) {
      pngs.push((await images.renderSvg(slide(title as string, line as string), join(root, `slide-${i}.png`))).path);
    }
    const source = join(root, 'template-slides.mp4');
    const inputs = pngs.flatMap((png) => ['-loop', '1', '-framerate', '25', '-t', '5', '-i', png]);
    await run('ffmpeg', ['-y', '-loglevel', 'error', ...inputs, '-filter_complex', '[0:v][1:v][2:v]concat=n=3:v=1:a=0,format=yuv420p[v]', '-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', source]);
    const result = await transcodeThenChapters(context(source, 15, 'template'));
    expect(result.chapters?.map((c) => c.start)).toEqual([0, 5, 10]);
  });

  it('writes nothing for a video without slide changes', async () => {
    const source = await makeVideoClip(join(root, 'pattern.mp4'), { seconds: 4, audio: false });
    const ctx = context(source, 4, 'pattern');
    expect(await transcodeThenChapters(ctx)).toEqual({});
    await expect(stat(join(ctx.outDir, 'text/chapters.vtt'))).rejects.toThrow();
  });

  it('is wired after transcode-video: without its scene changes it says so rather than guess', async () => {
    const source = await makeSlideClip(join(root, 'unwired.mp4'), ['white', 'navy'], 2);
    await expect(chaptersStep.run(context(source, 4, 'unwired'))).rejects.toThrow('transcode-video must run before chapters');
  });
});
