import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { waveformCommand } from '../audio-artwork.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';

const WAVEFORM_PATH = 'images/waveform.png';

/** The picture of a podcast's sound, drawn by ffmpeg and squeezed by sharp (palette PNG). */
export const waveformStep: Step = {
  name: 'waveform',
  version: 1,
  reads: ['media'],
  needs: [],
  applies: (_item, media) => media.class === 'audio' && media.audio !== null,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    await mkdir(ctx.workDir, { recursive: true });
    await mkdir(join(ctx.outDir, 'images'), { recursive: true });
    const raw = join(ctx.workDir, 'waveform-raw.png');
    await ctx.media.run(waveformCommand(ctx.item.media.path, raw, media.duration), { onProgress: ctx.progress });
    const image = await ctx.images.encode(raw, join(ctx.outDir, WAVEFORM_PATH), { format: 'png' });
    await rm(raw, { force: true });
    return { waveform: { path: WAVEFORM_PATH, width: image.width, height: image.height, format: 'png' } };
  },
};
