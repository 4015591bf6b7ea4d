import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaError } from '../../domain/errors.js';
import { encodeImageSet } from '../image-set.js';
import type { Step, StepContext, StepResult } from '../step.js';

/** Page 1 is rendered this wide: the largest poster, so no size is ever enlarged. */
const RENDER_WIDTH = 1280;

/** Documents (magazines, reports): page 1 as the poster, the PDF itself as the download. */
export const documentPosterStep: Step = {
  name: 'document-poster',
  version: 1,
  reads: ['media'],
  needs: [],
  applies: (_item, media) => media.class === 'document',
  async run(ctx: StepContext): Promise<StepResult> {
    const pdf = ctx.item.media.path;
    const info = await ctx.documents.info(pdf);
    // Even an owner-password PDF that opens may forbid copying text: the archive publishes and
    // indexes what it holds, so it asks for an unprotected copy rather than guess what is allowed.
    if (info.encrypted) {
      throw new MediaError(ctx.item.media.declared, 'the PDF is encrypted; supply an unprotected copy (remove the password before publishing)');
    }
    if (info.pages < 1) throw new MediaError(ctx.item.media.declared, 'the PDF has no pages');

    await mkdir(ctx.workDir, { recursive: true });
    const page = join(ctx.workDir, 'page-1.png');
    await ctx.documents.renderPage(pdf, 1, page, RENDER_WIDTH);
    ctx.progress({ percent: 50, speed: null });
    const posters = await encodeImageSet(ctx.images, page, ctx.outDir, 'poster');

    const download = `download/${ctx.item.id}.pdf`;
    await mkdir(join(ctx.outDir, 'download'), { recursive: true });
    await copyFile(pdf, join(ctx.outDir, download));
    ctx.progress({ percent: 100, speed: null });
    return { posters, downloads: [{ path: download, label: 'PDF', format: 'pdf', width: null, height: null, loudness: null }] };
  },
};
