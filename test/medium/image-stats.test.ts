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

  it('gives a flat mid-grey frame its grey level and no spread', async () => {
    const stats = await images.stats(await slide('grey', '0x808080', false));
    expect(stats.mean).toBeGreaterThan(120);
    expect(stats.mean).toBeLessThan(136);
    expect(stats.stdev).toBeLessThan(1);
    expect(judgeFrame(stats).reason).toBe('flat');
  });
});
