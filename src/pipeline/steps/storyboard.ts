import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaError } from '../../domain/errors.js';
import { progressRange } from '../progress-phases.js';
import { parseShowinfoTimes } from '../scene-detect.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';
import {
  expectedTileCount,
  sheetCount,
  sheetLayout,
  sheetName,
  storyboardCommand,
  storyboardInterval,
  storyboardVtt,
  tileSize,
  tilesFitGrid,
} from '../storyboard.js';

const VTT_PATH = 'images/storyboard.vtt';

/**
 * Seek-bar thumbnails: sprite sheets of 160 px tiles and a WebVTT track pointing into them.
 *
 * Decoding keyframes only is 12× faster but valid only when the source's GOP is no longer than
 * the interval, which the probe does not tell. So the keyframe pass always runs first and the
 * times of the tiles it took (from showinfo) decide: all inside their own slot → done; otherwise
 * the sheets are rebuilt with a full decode. The check costs nothing, the fallback 1/12 extra.
 */
export const storyboardStep: Step = {
  name: 'storyboard',
  version: 1,
  reads: ['media'],
  needs: [],
  applies: (_item, media) => media.class === 'video' && media.video !== null,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    if (!media.video) throw new MediaError(ctx.item.media.declared, 'no video stream for the storyboard');
    const interval = storyboardInterval(media.duration);
    const expected = expectedTileCount(media.duration, interval);
    const layout = sheetLayout(expected, tileSize(media.video.displayWidth, media.video.displayHeight));
    const folder = join(ctx.workDir, 'storyboard');

    const pass = async (keyframesOnly: boolean, from: number, to: number): Promise<number[]> => {
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      const command = storyboardCommand({ source: ctx.item.media.path, folder, interval, layout, keyframesOnly, duration: media.duration });
      const result = await ctx.media.run(command, { onProgress: progressRange(ctx.progress, from, to) });
      return parseShowinfoTimes(result.stderr);
    };
    let times = await pass(true, 0, 10);
    const warnings: string[] = [];
    if (!tilesFitGrid(times, interval, expected)) times = await pass(false, 10, 90);
    if (times.length === 0) throw new MediaError(ctx.item.media.declared, 'no video frame could be read for the storyboard');
    if (!tilesFitGrid(times, interval, expected)) {
      warnings.push(`storyboard: ${times.length} tiles for ${expected} slots of ${interval} s; the track may be uneven`);
    }

    // ffmpeg writes lossless sheets; sharp makes the JPEGs (mozjpeg, progressive) like every picture here.
    const sheets = (await readdir(folder)).filter((name) => name.endsWith('.png')).sort();
    const wanted = sheetCount(times.length, layout);
    if (sheets.length < wanted) throw new MediaError(ctx.item.media.declared, `storyboard: ${sheets.length} of ${wanted} sheets written`);
    await removeOldSheets(join(ctx.outDir, 'images'));
    const paths: string[] = [];
    for (const [index, sheet] of sheets.slice(0, wanted).entries()) {
      const path = `images/${sheetName(index + 1)}`;
      await ctx.images.encode(join(folder, sheet), join(ctx.outDir, path), { format: 'jpeg', quality: 70 });
      paths.push(path);
    }
    await writeFile(join(ctx.outDir, VTT_PATH), storyboardVtt(times.length, interval, media.duration, layout));
    await rm(folder, { recursive: true, force: true });
    ctx.progress({ percent: 100, speed: null });

    return {
      storyboard: { vtt: VTT_PATH, sheets: paths, interval, tileWidth: layout.tileWidth, tileHeight: layout.tileHeight },
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  },
};

/** A re-run of a shorter version must not leave sheets of the longer one to be published. */
async function removeOldSheets(images: string): Promise<void> {
  await mkdir(images, { recursive: true });
  const old = (await readdir(images)).filter((name) => /^storyboard-\d+\.jpg$/.test(name));
  await Promise.all(old.map((name) => rm(join(images, name), { force: true })));
}
