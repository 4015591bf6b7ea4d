import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Step } from '../step.js';

/** The slides PDF of a talk, offered for download beside the recording. */
export const slidesStep: Step = {
  name: 'slides',
  version: 1,
  reads: ['slides'],
  needs: [],
  applies: (item) => item.slides !== null,
  wanted: (item) => item.slides !== null,
  async run(ctx) {
    const slides = ctx.item.slides;
    if (!slides) return {};
    const rel = `download/${ctx.item.id}-slides.pdf`;
    await mkdir(path.join(ctx.outDir, 'download'), { recursive: true });
    await copyFile(slides.path, path.join(ctx.outDir, rel));
    return { slides: { path: rel } };
  },
};
