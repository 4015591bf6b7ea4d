import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgrammeItem } from '../domain/item.js';
import type { ImageFormat, ImageStats, ImageTool } from '../ports/image-tool.js';
import { titleCardSvg } from './audio-artwork.js';
import { judgeFrame, POSTER_WIDTHS, posterWidths } from './poster.js';
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

/**
 * The drawn title card (title and edition on the archive's colour) as `images/poster-*`: what an
 * item shows when it has no picture worth showing. The caller says why, in a warning.
 */
export async function encodeTitleCard(
  images: ImageTool,
  item: Pick<ProgrammeItem, 'title' | 'edition'>,
  workDir: string,
  outDir: string,
): Promise<ImageRef[]> {
  await mkdir(workDir, { recursive: true });
  const card = join(workDir, 'title-card.png');
  await images.renderSvg(titleCardSvg(item), card);
  return encodeImageSet(images, card, outDir, 'poster');
}

/** Below the smallest poster width a supplied picture is a thumbnail or a placeholder, not art. */
const MIN_PICTURE_WIDTH: number = POSTER_WIDTHS[0];

/**
 * Why a supplied picture (embedded cover art) is not worth publishing, or null when it is: a 1×1
 * placeholder would be stretched into every poster slot, a black or flat one shows nothing.
 */
export function pictureProblem(stats: ImageStats): string | null {
  if (stats.width < MIN_PICTURE_WIDTH) return `too small (${stats.width}×${stats.height} px, under ${MIN_PICTURE_WIDTH} px wide)`;
  const verdict = judgeFrame(stats);
  return verdict.usable ? null : `blank (${verdict.reason ?? 'flat'})`;
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
