import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { attachedPictureIndex, coverCommand } from '../audio-artwork.js';
import { encodeImageSet, encodeTitleCard, pickJpeg, pictureProblem } from '../image-set.js';
import type { Step, StepContext, StepResult } from '../step.js';

/**
 * Pictures for audio items. With cover art embedded in the file (a video stream flagged
 * attached_pic, which MediaInfo does not keep, hence a second probe): `images/cover-<w>.*`,
 * also listed as posters so every item has one. Without, or with art not worth showing (a 1×1
 * placeholder, a thumbnail, a black square): a title card rendered from SVG.
 */
export const coverStep: Step = {
  name: 'cover',
  // 2: a title card instead of tiny or blank cover art. 3: blank judged by detail (a white
  // cover with a title on it is art).
  version: 3,
  reads: ['media'],
  needs: [],
  applies: (_item, media) => media.class === 'audio',
  // The title card draws both into its pixels.
  embeds: (item) => ({ title: item.title, edition: item.edition.label }),
  async run(ctx: StepContext): Promise<StepResult> {
    await mkdir(ctx.workDir, { recursive: true });
    const source = ctx.item.media.path;
    const index = attachedPictureIndex(await ctx.media.probe(source));
    if (index === null) return { posters: await encodeTitleCard(ctx.images, ctx.item, ctx.workDir, ctx.outDir) };

    const picture = join(ctx.workDir, 'cover.png');
    await ctx.media.run(coverCommand(source, index, picture));
    const problem = pictureProblem(await ctx.images.stats(picture));
    if (problem !== null) {
      return {
        posters: await encodeTitleCard(ctx.images, ctx.item, ctx.workDir, ctx.outDir),
        warnings: [`cover: the embedded cover art is ${problem}; the poster is the title card`],
      };
    }
    const covers = await encodeImageSet(ctx.images, picture, ctx.outDir, 'cover');
    const cover = pickJpeg(covers);
    return { posters: covers, ...(cover ? { cover } : {}) };
  },
};
