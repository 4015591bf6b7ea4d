import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  chaptersVtt, keepChanges, MIN_CHAPTER_SECONDS, parseChangedShares, slideChangeCommand, slideChapters, slideShow,
} from '../scene-detect.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';

const VTT_PATH = 'text/chapters.vtt';

/**
 * Slide changes, from one pass comparing sampled frames of a small grey copy of the video.
 * A slide show (not footage) always gives its slides' changes to slide OCR, even none; it gets
 * chapters from two changes (three slides) of at least MIN_CHAPTER_SECONDS. Footage, which
 * changes all the time, gets neither, and no file.
 */
export const chaptersStep: Step = {
  name: 'chapters',
  // 3: changes seen by the share of changed pixels (a one-line text change counts); slideShow.
  version: 3,
  reads: ['media'],
  needs: [],
  // Every video: footage (many small changes) is recognised and given no chapters.
  applies: (_item, media) => media.class === 'video' && media.video !== null,
  // The chapter track is declared in the talk's language, with a label in it.
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const result = await ctx.media.run(slideChangeCommand(ctx.item.media.path, media.duration), { onProgress: ctx.progress });
    const show = slideShow(parseChangedShares(result.stderr), media.duration);
    const chapters = show ? slideChapters(keepChanges(show.changes, media.duration, MIN_CHAPTER_SECONDS), media.duration) : [];
    const file = join(ctx.outDir, VTT_PATH);
    if (!show || chapters.length === 0) {
      await rm(file, { force: true }); // an earlier version of the source may have had slides
      return show ? { slideShow: show } : {};
    }
    await mkdir(join(ctx.outDir, 'text'), { recursive: true });
    await writeFile(file, chaptersVtt(chapters));
    return {
      chapters,
      slideShow: show,
      tracks: [
        { kind: 'chapters', language: ctx.item.language, label: 'Chapitres', path: VTT_PATH, format: 'vtt', origin: 'generated' },
      ],
    };
  },
};
