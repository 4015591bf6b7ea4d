import { stat } from 'node:fs/promises';
import { MediaError } from '../../domain/errors.js';
import { expectedMediaClass } from '../../domain/item.js';
import type { MediaInfo } from '../../domain/manifest.js';
import { explainProbeFailure, interpretProbe } from '../probe.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { readHead } from '../step-media.js';

/**
 * What the recording or document is: its kind, duration, streams, tags, pages. Every other step
 * builds on it (it is in every step's needs). A file that is not what its row says (an audio
 * file for a talk, a text file named .mp4, an encrypted PDF) fails here, naming the cause.
 */
export const probeStep: Step = {
  name: 'probe',
  version: 1,
  reads: ['media'],
  needs: [],
  async run(ctx: StepContext): Promise<StepResult> {
    const { path } = ctx.item.media;
    const { size } = await stat(path);
    const expected = expectedMediaClass(ctx.item.kind);
    if (expected === 'document') return { media: await documentInfo(ctx, size) };
    const raw = await ctx.media.probe(path).catch(async (error: unknown) => {
      const head = await readHead(path).catch(() => Buffer.alloc(0));
      throw new MediaError(path, explainProbeFailure(error instanceof Error ? error.message : String(error), head), { cause: error });
    });
    return { media: interpretProbe(raw, path, expected, size) };
  },
};

async function documentInfo(ctx: StepContext, size: number): Promise<MediaInfo> {
  const { path } = ctx.item.media;
  const info = await ctx.documents.info(path);
  if (info.encrypted) throw new MediaError(path, 'PDF is encrypted: supply an unprotected copy');
  if (info.pages < 1) throw new MediaError(path, 'PDF has no pages');
  const tags = Object.fromEntries(Object.entries({ title: info.title, author: info.author }).filter((e): e is [string, string] => e[1] !== null));
  return { class: 'document', container: 'pdf', duration: 0, size, bitRate: null, video: null, audio: null, pages: info.pages, tags };
}
