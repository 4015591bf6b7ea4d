import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageFormat, ImageTool } from '../ports/image-tool.js';
import { posterWidths } from './poster.js';
import type { ImageRef } from './step.js';

/** AVIF first (smallest), WebP, then JPEG for everything else: the order of a <picture>'s sources. */
const FORMATS: readonly { format: Extract<ImageFormat, 'avif' | 'webp' | 'jpeg'>; extension: string }[] = [
  { format: 'avif', extension: 'avif' },
  { format: 'webp', extension: 'webp' },
  { format: 'jpeg', extension: 'jpg' },
];

/**
 * Encodes one picture as `images/<base>-<w>.{avif,webp,jpg}` for every poster width that fits.
 * Used by video posters, audio covers and document first pages alike.
 */
export async function encodeImageSet(
  images: ImageTool,
  input: string,
  outDir: string,
  base: 'poster' | 'cover',
): Promise<ImageRef[]> {
  const source = await images.stats(input);
  await mkdir(join(outDir, 'images'), { recursive: true });
  const jobs = posterWidths(source.width).flatMap((width) =>
    FORMATS.map(({ format, extension }) => ({ width, format, path: `images/${base}-${width}.${extension}` })),
  );
  await removeStale(join(outDir, 'images'), base, new Set(jobs.map((job) => job.path.slice('images/'.length))));
  // sharp queues work on libuv's pool; awaiting together lets the small sizes overlap the large ones.
  return Promise.all(
    jobs.map(async (job): Promise<ImageRef> => {
      const encoded = await images.encode(input, join(outDir, job.path), { width: job.width, format: job.format });
      return { path: job.path, width: encoded.width, height: encoded.height, format: job.format };
    }),
  );
}

/** The 640 px JPEG, or the closest one: what feeds and Open Graph tags use. */
export function pickJpeg(refs: readonly ImageRef[], width = 640): ImageRef | null {
  const jpegs = refs.filter((ref) => ref.format === 'jpeg');
  return jpegs.reduce<ImageRef | null>(
    (best, ref) => (best === null || Math.abs(ref.width - width) < Math.abs(best.width - width) ? ref : best),
    null,
  );
}

/** A replaced source of another width must not leave its old sizes behind to be published. */
async function removeStale(folder: string, base: string, keep: ReadonlySet<string>): Promise<void> {
  const pattern = new RegExp(`^${base}-\\d+\\.(avif|webp|jpg)$`);
  const stale = (await readdir(folder)).filter((name) => pattern.test(name) && !keep.has(name));
  await Promise.all(stale.map((name) => rm(join(folder, name), { force: true })));
}
