import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.js';
import { chaptersVtt, keepChanges, MIN_CHAPTER_SECONDS, slideChapters, slideShow } from '../scene-detect.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';

const VTT_PATH = 'text/chapters.vtt';

/**
 * Slide changes, judged from what the scene branch of transcode-video's decode saw (sampled
 * frames of a small grey copy of the video, compared): the talk is not decoded again.
 * A slide show (not footage) always gives its slides' changes to slide OCR, even none; it gets
 * chapters from two changes (three slides) of at least MIN_CHAPTER_SECONDS. Footage, which
 * changes all the time, gets neither, and no file.
 */
export const chaptersStep: Step = {
  name: 'chapters',
  // 3: changes seen by the share of changed pixels (a one-line text change counts); slideShow.
  // 4: the samples come from transcode-video's scene branch (same detection, one decode less).
  version: 4,
  // It reads no programme file: the source reaches it through transcode-video's record.
  reads: [],
  needs: ['transcode-video'],
  // Every video: footage (many small changes) is recognised and given no chapters.
  applies: (_item, media) => media.class === 'video' && media.video !== null,
  // The chapter track is declared in the talk's language, with a label in it.
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const scene = ctx.previous.sceneChanges;
    if (!scene) throw new AppError(`${ctx.item.id}: transcode-video must run before chapters`);
    const show = slideShow(scene, media.duration);
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
