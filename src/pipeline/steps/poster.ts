import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaError } from '../../domain/errors.js';
import { encodeImageSet, encodeTitleCard } from '../image-set.js';
import { candidateTimes, chooseFrame, frameCommand, retryTimes, type ScoredFrame } from '../poster.js';
import { progressRange } from '../progress-phases.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';

/**
 * A representative, never black, poster for a video: a few frames by input seeking, judged on
 * their grey-level statistics, the winner encoded as AVIF/WebP/JPEG at 320/640/1280. When every
 * frame is blank, a second round looks elsewhere; when that too finds nothing, the item gets the
 * drawn title card rather than a black rectangle.
 *
 * No `embeds`: the title is drawn only for a recording with no picture at all, and declaring it
 * would re-encode every video after a title edit.
 */
export const posterStep: Step = {
  name: 'poster',
  // 2: a title card instead of a blank frame. 3: blank judged by detail, so a white slide with
  // text is a poster, not "white".
  version: 3,
  reads: ['media'],
  needs: [],
  applies: (_item, media) => media.class === 'video' && media.video !== null,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const folder = join(ctx.workDir, 'poster');
    await mkdir(folder, { recursive: true });

    const failures: unknown[] = [];
    const first = candidateTimes(media.duration);
    let frames = await extractFrames(ctx, folder, first, 'a', failures, progressRange(ctx.progress, 0, 30));
    let choice = chooseFrame(frames);
    let tried = first.length;
    if (!choice || choice.blank) {
      const more = retryTimes(media.duration, first);
      tried += more.length;
      frames = [...frames, ...(await extractFrames(ctx, folder, more, 'b', failures, progressRange(ctx.progress, 30, 60)))];
      choice = chooseFrame(frames);
    }
    if (!choice) {
      throw new MediaError(ctx.item.media.declared, 'no video frame could be extracted for the poster', { cause: failures[0] });
    }

    if (choice.blank) {
      const posters = await encodeTitleCard(ctx.images, ctx.item, folder, ctx.outDir);
      ctx.progress({ percent: 100, speed: null });
      return { posters, warnings: [`poster: all ${tried} frames tried look blank (black, white or flat, without detail); the poster is the title card`] };
    }
    const posters = await encodeImageSet(ctx.images, choice.frame.path, ctx.outDir, 'poster');
    ctx.progress({ percent: 100, speed: null });
    return { posters };
  },
};

/** Seeks are cheap and independent: run them together; one failing seek only loses a candidate. */
async function extractFrames(
  ctx: StepContext,
  folder: string,
  times: readonly number[],
  round: string,
  failures: unknown[],
  progress: StepContext['progress'],
): Promise<ScoredFrame[]> {
  let done = 0;
  const extracted = await Promise.all(
    times.map(async (time, index): Promise<ScoredFrame | null> => {
      const path = join(folder, `candidate-${round}${index + 1}.png`);
      try {
        await ctx.media.run(frameCommand(ctx.item.media.path, time, path));
        return { time, path, stats: await ctx.images.stats(path) };
      } catch (error) {
        failures.push(error); // a seek past the last video frame writes no picture
        return null;
      } finally {
        done += 1;
        progress({ percent: (done / times.length) * 100, speed: null });
      }
    }),
  );
  return extracted.filter((frame): frame is ScoredFrame => frame !== null);
}
