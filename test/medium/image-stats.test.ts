import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { judgeFrame } from '../../src/pipeline/poster.js';

const run = promisify(execFile);
const images = new SharpImageTool();
let root = '';

/** A 320×180 slide: a flat background with a black block in the middle, as ffmpeg draws it. */
async function slide(name: string, background: string, block = true): Promise<string> {
  const path = join(root, `${name}.png`);
  const draw = block ? ',drawbox=x=80:y=45:w=160:h=90:color=black:t=fill' : '';
  await run('ffmpeg', ['-y', '-v', 'error', '-f', 'lavfi', '-i', `color=c=${background}:s=320x180${draw}`, '-frames:v', '1', path]);
  return path;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-image-stats-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('SharpImageTool.stats', () => {
  // Red is 0 on both slides: judged on one colour channel instead of luminance, they were "black".
  it.each([
    ['green', '0x00C800'],
    ['blue', '0x0000FF'],
  ])('judges a %s slide on its luminance: usable, not black', async (name, colour) => {
    const stats = await images.stats(await slide(name, colour));
    expect([stats.width, stats.height]).toEqual([320, 180]);
    expect(stats.mean).toBeGreaterThan(16);
    expect(stats.stdev).toBeGreaterThan(8);
    expect(judgeFrame(stats)).toMatchObject({ usable: true, reason: null });
  });

  it('still finds a black frame black and a white one white', async () => {
    expect(judgeFrame(await images.stats(await slide('black', 'black', false))).reason).toBe('black');
    expect(judgeFrame(await images.stats(await slide('white', 'white', false))).reason).toBe('white');
  });

  /** A 1280×720 slide with one line of text, drawn from SVG and passed through x264 as a talk would be. */
  async function textSlide(name: string, background: string, ink: string, size: number, text: string): Promise<string> {
    const drawn = join(root, `${name}.png`);
    await images.renderSvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="100%" height="100%" fill="${background}"/>` +
        `<text x="96" y="360" font-family="DejaVu Sans" font-size="${size}" fill="${ink}">${text}</text></svg>`,
      drawn,
    );
    const video = join(root, `${name}.mp4`);
    await run('ffmpeg', ['-y', '-v', 'error', '-loop', '1', '-i', drawn, '-t', '1', '-c:v', 'libx264', '-crf', '30', '-pix_fmt', 'yuv420p', video]);
    const frame = join(root, `${name}-frame.png`);
    await run('ffmpeg', ['-y', '-v', 'error', '-ss', '0.5', '-i', video, '-frames:v', '1', '-update', '1', frame]);
    return frame;
  }

  it.each([
    ['dark text on white', 'white', '#222222', 24, 'La souveraineté numérique des territoires'],
    ['one short 16 px word on white', 'white', '#222222', 16, 'Une ligne'],
    ['light text on black', 'black', '#eeeeee', 24, 'Texte clair sur fond noir'],
  ])('never judges a slide with one line of %s blank', async (_label, background, ink, size, text) => {
    const stats = await images.stats(await textSlide(`${background}-${size}`, background, ink, size, text));
    expect(stats.detail).toBeGreaterThan(0);
    expect(judgeFrame(stats)).toMatchObject({ usable: true, reason: null });
  });

  it('finds no detail in white, black or gradient frames through x264', async () => {
    for (const [name, background] of [['plain-white', 'white'], ['plain-black', 'black']] as const) {
      const stats = await images.stats(await textSlide(name, background, background, 24, ''));
      expect(stats.detail).toBe(0);
      expect(judgeFrame(stats).usable).toBe(false);
    }
    const gradient = join(root, 'gradient.png');
    await run('ffmpeg', ['-y', '-v', 'error', '-f', 'lavfi', '-i', 'gradients=s=1280x720:d=1', '-frames:v', '1', gradient]);
    expect(judgeFrame(await images.stats(gradient))).toMatchObject({ usable: false, reason: 'flat' });
  });

  it('gives a flat mid-grey frame its grey level and no spread', async () => {
    const stats = await images.stats(await slide('grey', '0x808080', false));
    expect(stats.mean).toBeGreaterThan(120);
    expect(stats.mean).toBeLessThan(136);
    expect(stats.stdev).toBeLessThan(1);
    expect(judgeFrame(stats).reason).toBe('flat');
  });
});
