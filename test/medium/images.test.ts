import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import type { MediaInfo } from '../../src/domain/manifest.js';
import type { StepContext } from '../../src/pipeline/step.js';
import { judgeFrame } from '../../src/pipeline/poster.js';
import { coverStep } from '../../src/pipeline/steps/cover.js';
import { posterStep } from '../../src/pipeline/steps/poster.js';
import { storyboardStep } from '../../src/pipeline/steps/storyboard.js';
import { waveformStep } from '../../src/pipeline/steps/waveform.js';
import { makeAudioClip, makeVideoClip } from '../support/clips.js';
import { realStepTools } from '../support/step-tools.js';
import { audioInfo, programmeItem, videoInfo } from '../support/programme-item.js';

const exec = promisify(execFile);
const images = new SharpImageTool();
let root: string;

const item = (path: string, kind: ProgrammeItem['kind']): ProgrammeItem => programmeItem({
  id: `2025-test-${kind}`, kind, title: 'Inclusion numérique : ce que les territoires ont appris de cinq ans de médiation', media: { path, declared: path },
});

function context(source: ProgrammeItem, media: MediaInfo, name: string): StepContext {
  return {
    item: source, workDir: join(root, name, 'work'), outDir: join(root, name, 'out'), previous: { media },
    ...realStepTools({ images }),
  };
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  console.info(`${label}: ${Date.now() - started} ms`);
  return result;
}

/** `black` seconds of black, then a moving test pattern: the first candidates land on black. */
async function clipStartingBlack(path: string, black: number, pattern: number): Promise<string> {
  const graph = `color=c=black:s=640x360:r=25:d=${black}[a];testsrc2=s=640x360:r=25:d=${pattern}[b];[a][b]concat=n=2:v=1:a=0[v]`;
  await exec('ffmpeg', ['-y', '-loglevel', 'error', '-filter_complex', graph, '-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', path]);
  return path;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-images-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('poster step', () => {
  it('does not pick the black opening of a clip', async () => {
    const source = await clipStartingBlack(join(root, 'black-start.mp4'), 2, 3);
    const ctx = context(item(source, 'talk'), videoInfo(5), 'poster');
    const result = await timed('poster (5 s clip)', () => posterStep.run(ctx));
    expect(result.warnings).toBeUndefined();
    expect(result.posters?.map((p) => `${p.path} ${p.width}x${p.height} ${p.format}`).sort()).toEqual([
      'images/poster-320.avif 320x180 avif',
      'images/poster-320.jpg 320x180 jpeg',
      'images/poster-320.webp 320x180 webp',
      'images/poster-640.avif 640x360 avif',
      'images/poster-640.jpg 640x360 jpeg',
      'images/poster-640.webp 640x360 webp',
    ]);
    const look = await images.stats(join(ctx.outDir, 'images/poster-640.jpg'));
    expect(look.mean).toBeGreaterThan(16);
    expect(look.stdev).toBeGreaterThan(8);
  });

  it('looks again further on when the first four frames are all black', async () => {
    // 4 s of black, then the pattern: 10, 25, 40 and 60 % of 6 s all land on black.
    const source = await clipStartingBlack(join(root, 'late-start.mp4'), 4, 2);
    const ctx = context(item(source, 'talk'), videoInfo(6), 'poster-late');
    const real = ctx.media;
    let seeks = 0;
    ctx.media = { probe: (file) => real.probe(file), check: () => real.check(), run: (command, options) => ((seeks += 1), real.run(command, options)) };
    const result = await timed('poster (two rounds)', () => posterStep.run(ctx));
    expect(seeks).toBe(4 + 6);
    expect(result.warnings).toBeUndefined();
    expect(result.posters?.filter((p) => p.format === 'jpeg').map((p) => [p.width, p.height])).toEqual([[320, 180], [640, 360]]);
    const look = await images.stats(join(ctx.outDir, 'images/poster-640.jpg'));
    expect(look.mean).toBeGreaterThan(16);
    expect(look.stdev).toBeGreaterThan(8);
  });

  it('makes the poster of a white slide with one line of dark text from the slide, not the title card', async () => {
    const slide = join(root, 'white-slide.png');
    await images.renderSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="100%" height="100%" fill="#ffffff"/>' +
        '<text x="96" y="360" font-family="DejaVu Sans" font-size="28" fill="#1a1a1a">Les communs numériques</text></svg>',
      slide,
    );
    const source = join(root, 'white-slide.mp4');
    await exec('ffmpeg', ['-y', '-loglevel', 'error', '-loop', '1', '-framerate', '5', '-i', slide, '-t', '3', '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'stillimage', '-pix_fmt', 'yuv420p', source]);
    const ctx = context(item(source, 'talk'), videoInfo(3, { width: 1280, height: 720 }), 'poster-white-slide');
    const result = await posterStep.run(ctx);
    expect(result.warnings).toBeUndefined();
    const look = await images.stats(join(ctx.outDir, 'images/poster-1280.jpg'));
    // The slide itself: white with its line of text (the title card is the archive's dark colour).
    expect(look.mean).toBeGreaterThan(240);
    expect(judgeFrame(look).usable).toBe(true);
  });

  it('draws the title card, never a black poster, for a clip black all along', async () => {
    const source = join(root, 'black.mp4');
    await exec('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=black:s=360x640:r=25:d=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', source]);
    const ctx = context(item(source, 'talk'), videoInfo(2, { width: 360, height: 640 }), 'poster-black');
    const result = await posterStep.run(ctx);
    expect(result.warnings).toEqual([expect.stringMatching(/^poster: all \d+ frames tried look blank .*title card$/)]);
    expect(result.posters?.filter((p) => p.format === 'jpeg').map((p) => [p.path, p.width, p.height])).toEqual([
      ['images/poster-320.jpg', 320, 180], ['images/poster-640.jpg', 640, 360], ['images/poster-1280.jpg', 1280, 720],
    ]);
    const look = await images.stats(join(ctx.outDir, 'images/poster-1280.jpg'));
    expect(judgeFrame(look).usable).toBe(true);
  });
});

describe('storyboard step', () => {
  const expectedVtt = [
    'WEBVTT', '',
    '00:00:00.000 --> 00:00:02.000', 'storyboard-1.jpg#xywh=0,0,160,90', '',
    '00:00:02.000 --> 00:00:04.000', 'storyboard-1.jpg#xywh=160,0,160,90', '',
    '00:00:04.000 --> 00:00:06.000', 'storyboard-1.jpg#xywh=320,0,160,90', '',
    '00:00:06.000 --> 00:00:07.000', 'storyboard-1.jpg#xywh=480,0,160,90', '',
  ].join('\n');

  it.each([
    ['keyframes only (GOP 2 s ≤ interval)', 50, 1],
    ['full decode after the check fails (GOP 5 s > interval)', 125, 2],
  ])('tiles a 7 s clip every 2 s: %s', async (label, gop, passes) => {
    const source = await makeVideoClip(join(root, `pattern-${gop}.mp4`), { seconds: 7, audio: false, gop });
    const ctx = context(item(source, 'talk'), videoInfo(7), `storyboard-${gop}`);
    const real = ctx.media;
    let runs = 0;
    ctx.media = { probe: (file) => real.probe(file), check: () => real.check(), run: (command, options) => ((runs += 1), real.run(command, options)) };
    const result = await timed(`storyboard, ${label}`, () => storyboardStep.run(ctx));
    expect(runs).toBe(passes);
    expect(result.warnings).toBeUndefined();
    expect(result.storyboard).toEqual({
      vtt: 'images/storyboard.vtt', sheets: ['images/storyboard-1.jpg'], interval: 2, tileWidth: 160, tileHeight: 90,
    });
    expect(await readFile(join(ctx.outDir, 'images/storyboard.vtt'), 'utf8')).toBe(expectedVtt);
    const sheet = await images.stats(join(ctx.outDir, 'images/storyboard-1.jpg'));
    expect([sheet.width, sheet.height]).toEqual([640, 90]);
  });
});

describe('audio pictures', () => {
  it('draws a 1200 × 240 waveform', async () => {
    const source = await makeAudioClip(join(root, 'tone.mp3'), { seconds: 3, codecArgs: ['-c:a', 'libmp3lame'] });
    const ctx = context(item(source, 'podcast'), audioInfo(3), 'waveform');
    const result = await timed('waveform (3 s)', () => waveformStep.run(ctx));
    expect(result.waveform).toEqual({ path: 'images/waveform.png', width: 1200, height: 240, format: 'png' });
    const look = await images.stats(join(ctx.outDir, 'images/waveform.png'));
    expect(look.width).toBe(1200);
  });

  /** A 2 s MP3 with `art` (a lavfi source) embedded as its cover picture. */
  async function withCover(name: string, art: string): Promise<string> {
    const tone = await makeAudioClip(join(root, `${name}.wav`), { seconds: 2 });
    const picture = join(root, `${name}.png`);
    await exec('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', art, '-frames:v', '1', picture]);
    const source = join(root, `${name}.mp3`);
    await exec('ffmpeg', ['-y', '-loglevel', 'error', '-i', tone, '-i', picture, '-map', '0:a', '-map', '1:v', '-c:a', 'libmp3lame', '-c:v', 'png', '-disposition:v', 'attached_pic', '-id3v2_version', '3', source]);
    return source;
  }

  it('uses embedded cover art as cover and posters', async () => {
    const source = await withCover('with-cover', 'testsrc2=s=800x800:d=1');
    const result = await timed('cover (embedded)', () => coverStep.run(context(item(source, 'podcast'), audioInfo(2), 'cover')));
    expect(result.warnings).toBeUndefined();
    expect(result.cover).toEqual({ path: 'images/cover-640.jpg', width: 640, height: 640, format: 'jpeg' });
    expect(result.posters?.map((p) => p.path).sort()).toEqual(
      // The 800 px art also gives an 800 px size: never enlarged, nothing lost between 640 and 1280.
      [320, 640, 800].flatMap((w) => ['avif', 'jpg', 'webp'].map((ext) => `images/cover-${w}.${ext}`)),
    );
  });

  it.each([
    ['a 1×1 placeholder', 'cover-dot', 'color=c=0x336699:s=1x1:d=1,format=rgb24'],
    ['a 200 px thumbnail', 'cover-thumbnail', 'testsrc2=s=200x200:d=1'],
    ['a black square', 'cover-black', 'color=c=black:s=800x800:d=1'],
  ])('draws the title card instead of %s, and says so', async (_label, name, art) => {
    const source = await withCover(name, art);
    const ctx = context(item(source, 'podcast'), audioInfo(2), name);
    const result = await coverStep.run(ctx);
    expect(result.cover).toBeUndefined();
    expect(result.warnings).toEqual([expect.stringMatching(/^cover: the embedded cover art is (too small|blank).*; the poster is the title card$/)]);
    expect(result.posters?.filter((p) => p.format === 'jpeg').map((p) => [p.path, p.width, p.height])).toEqual([
      ['images/poster-320.jpg', 320, 180], ['images/poster-640.jpg', 640, 360], ['images/poster-1280.jpg', 1280, 720],
    ]);
    expect(judgeFrame(await images.stats(join(ctx.outDir, 'images/poster-1280.jpg'))).usable).toBe(true);
  });

  it('re-runs the cover when the title or edition it draws changes, and only then', () => {
    const podcast = item('x.mp3', 'podcast');
    expect(coverStep.embeds?.(podcast)).toEqual({ title: podcast.title, edition: '2025 Strasbourg' });
  });

  it('renders a title card when there is no cover art', async () => {
    const source = await makeAudioClip(join(root, 'bare.mp3'), { seconds: 2, codecArgs: ['-c:a', 'libmp3lame'] });
    const ctx = context(item(source, 'podcast'), audioInfo(2), 'title-card');
    const result = await timed('cover (title card)', () => coverStep.run(ctx));
    expect(result.cover).toBeUndefined();
    const jpeg = result.posters?.find((p) => p.path === 'images/poster-1280.jpg');
    expect(jpeg).toEqual({ path: 'images/poster-1280.jpg', width: 1280, height: 720, format: 'jpeg' });
    // The title is drawn: a plain card would have no spread at all.
    const look = await images.stats(join(ctx.outDir, 'images/poster-1280.jpg'));
    expect(look.stdev).toBeGreaterThan(10);
    expect((await stat(join(ctx.outDir, 'images/poster-320.avif'))).size).toBeGreaterThan(0);
  });
});
