import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { attachedPictureIndex, coverCommand, titleCardSvg } from '../audio-artwork.js';
import { encodeImageSet, pickJpeg } from '../image-set.js';
import type { Step, StepContext, StepResult } from '../step.js';

/**
 * Pictures for audio items. With cover art embedded in the file (a video stream flagged
 * attached_pic, which MediaInfo does not keep, hence a second probe): `images/cover-<w>.*`,
 * also listed as posters so every item has one. Without: a title card rendered from SVG.
 */
export const coverStep: Step = {
  name: 'cover',
  version: 1,
  applies: (_item, media) => media.class === 'audio',
  async run(ctx: StepContext): Promise<StepResult> {
    await mkdir(ctx.workDir, { recursive: true });
    const source = ctx.item.media.path;
    const index = attachedPictureIndex(await ctx.media.probe(source));

    if (index === null) {
      const card = join(ctx.workDir, 'title-card.png');
      await ctx.images.renderSvg(titleCardSvg(ctx.item), card);
      return { posters: await encodeImageSet(ctx.images, card, ctx.outDir, 'poster') };
    }

    const picture = join(ctx.workDir, 'cover.png');
    await ctx.media.run(coverCommand(source, index, picture));
    const covers = await encodeImageSet(ctx.images, picture, ctx.outDir, 'cover');
    const cover = pickJpeg(covers);
    return { posters: covers, ...(cover ? { cover } : {}) };
  },
};
