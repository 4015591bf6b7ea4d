import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildSignLanguageCommand,
  readSignLanguageSource,
  SIGN_LANGUAGE_MAX_SHORT,
  SIGN_LANGUAGE_PLAYLIST,
  signLanguageMp4,
} from '../sign-language-command.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { probeCompanion, requireMedia } from '../step-media.js';
import { chooseLadder, outputFps } from '../video-ladder.js';

/** Beyond this gap the files were probably not cut to the same recording: say so, but still align. */
const DURATION_WARNING_SECONDS = 2;

/** The supplied sign-language interpretation, as a small silent HLS rendition and an MP4. */
export const signLanguageStep: Step = {
  name: 'sign-language',
  // 2: the first real video stream ([0:V:0]), never cover art stored before it.
  version: 2,
  reads: ['signLanguage'],
  // It adds its rendition to the master playlist of transcode-video (and audio description).
  needs: ['transcode-video', 'audio-description'],
  applies: (item, media) => item.signLanguage !== null && media.class === 'video',
  wanted: (item) => item.signLanguage !== null,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const input = ctx.item.signLanguage;
    if (!input) return {};
    const source = readSignLanguageSource(await probeCompanion(ctx.media, input, 'the sign-language video'), input.declared);
    const fps = outputFps(source.fps);
    const [rendition] = chooseLadder({ ...source, fps }, { maxShort: SIGN_LANGUAGE_MAX_SHORT });
    if (!rendition) throw new Error('the ladder gave no rendition');

    const folder = join(ctx.outDir, 'sign-language');
    await rm(folder, { recursive: true, force: true });
    await mkdir(join(folder, 'hls'), { recursive: true });
    const command = buildSignLanguageCommand({
      source: input.path,
      itemDir: ctx.outDir,
      itemId: ctx.item.id,
      rendition,
      fps,
      sourceDuration: source.duration,
      talkDuration: media.duration,
    });
    await ctx.media.run(command, { onProgress: (progress) => ctx.progress(progress) });

    const gap = source.duration - media.duration;
    const warnings =
      Math.abs(gap) > DURATION_WARNING_SECONDS
        ? [
            `sign-language: the interpretation is ${Math.abs(gap).toFixed(1)} s ${gap > 0 ? 'longer' : 'shorter'} than the talk; ` +
              (gap > 0 ? 'its end was cut' : 'its last frame is held to the end'),
          ]
        : [];
    return {
      signLanguage: { hls: SIGN_LANGUAGE_PLAYLIST, mp4: signLanguageMp4(ctx.item.id), width: rendition.width, height: rendition.height },
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  },
};
