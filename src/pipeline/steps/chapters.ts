import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chaptersVtt, parseSceneScores, sceneDetectCommand, slideChanges, slideChapters } from '../scene-detect.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';

const VTT_PATH = 'text/chapters.vtt';

/**
 * Chapters from slide changes: a scene-change pass on a small copy of the video. Talks without
 * slides (fewer than two changes, or footage that changes all the time) get no chapters and no file.
 */
export const chaptersStep: Step = {
  name: 'chapters',
  version: 2,
  // Every video: footage (many small changes) is recognised and given no chapters.
  applies: (_item, media) => media.class === 'video' && media.video !== null,
  // The chapter track is declared in the talk's language, with a label in it.
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const result = await ctx.media.run(sceneDetectCommand(ctx.item.media.path, media.duration), { onProgress: ctx.progress });
    const chapters = slideChapters(slideChanges(parseSceneScores(result.stderr), media.duration), media.duration);
    const file = join(ctx.outDir, VTT_PATH);
    if (chapters.length === 0) {
      await rm(file, { force: true }); // an earlier version of the source may have had slides
      return {};
    }
    await mkdir(join(ctx.outDir, 'text'), { recursive: true });
    await writeFile(file, chaptersVtt(chapters));
    return {
      chapters,
      tracks: [
        { kind: 'chapters', language: ctx.item.language, label: 'Chapitres', path: VTT_PATH, format: 'vtt', origin: 'generated' },
      ],
    };
  },
};
