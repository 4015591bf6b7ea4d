import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaError } from '../../domain/errors.js';
import { encodeImageSet } from '../image-set.js';
import { candidateTimes, chooseFrame, frameCommand, type ScoredFrame } from '../poster.js';
import { progressRange } from '../progress-phases.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';

/**
 * A representative, never black, poster for a video: a few frames by input seeking, judged on
 * their grey-level statistics, the winner encoded as AVIF/WebP/JPEG at 320/640/1280.
 */
export const posterStep: Step = {
  name: 'poster',
  version: 1,
  applies: (_item, media) => media.class === 'video' && media.video !== null,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const folder = join(ctx.workDir, 'poster');
    await mkdir(folder, { recursive: true });

    // Seeks are cheap and independent: run them together; one failing seek only loses a candidate.
    const times = candidateTimes(media.duration);
    let done = 0;
    const failures: unknown[] = [];
    const extracted = await Promise.all(
      times.map(async (time, index): Promise<ScoredFrame | null> => {
        const path = join(folder, `candidate-${index + 1}.png`);
        try {
          await ctx.media.run(frameCommand(ctx.item.media.path, time, path));
          return { time, path, stats: await ctx.images.stats(path) };
        } catch (error) {
          failures.push(error); // a seek past the last video frame writes no picture
          return null;
        } finally {
          done += 1;
          progressRange(ctx.progress, 0, 50)({ percent: (done / times.length) * 100, speed: null });
        }
      }),
    );
    const frames = extracted.filter((frame): frame is ScoredFrame => frame !== null);
    const choice = chooseFrame(frames);
    if (!choice) {
      throw new MediaError(ctx.item.media.declared, 'no video frame could be extracted for the poster', { cause: failures[0] });
    }

    const posters = await encodeImageSet(ctx.images, choice.frame.path, ctx.outDir, 'poster');
    ctx.progress({ percent: 100, speed: null });
    const warnings = choice.blank
      ? [`poster: every candidate frame looks blank; kept the one at ${choice.frame.time.toFixed(1)} s`]
      : [];
    return { posters, ...(warnings.length > 0 ? { warnings } : {}) };
  },
};
