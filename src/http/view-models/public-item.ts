import type { ManifestFields } from '../../domain/manifest.js';
import { DEFAULT_LOCALE, type Locale } from '../locale.js';
import { itemRoute, mediaUrl, urlFor } from '../urls.js';

/**
 * What the machine-readable outputs (JSON API, feeds, oEmbed, JSON-LD, sitemap) say about an
 * item, in one place so they agree: its absolute URLs and the files they point reusers to.
 */
export type Download = ManifestFields['downloads'][number];
export type Image = ManifestFields['images']['posters'][number];

/** The item's page: /talks/<id>, /podcasts/<id>, /documents/<id> (or under another locale's prefix). */
export function itemPageUrl(manifest: Pick<ManifestFields, 'kind' | 'id'>, origin: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${origin}${urlFor(itemRoute(manifest.kind), locale, { id: manifest.id })}`;
}

export function embedUrl(manifest: Pick<ManifestFields, 'id'>, origin: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${origin}${urlFor('embed', locale, { id: manifest.id })}`;
}

/** The absolute URL of a stored object (served by the media route). */
export function fileUrl(origin: string, key: string): string {
  return `${origin}${mediaUrl(key)}`;
}

/**
 * The picture that stands for the item in previews (feeds, oEmbed, search engines): JPEG first
 * (every reader decodes it), the smallest at least `minWidth` wide, else the widest there is.
 * A podcast's square cover comes first when it has one.
 */
export function previewImage(manifest: ManifestFields, options: { minWidth?: number; maxWidth?: number; maxHeight?: number } = {}): Image | null {
  const minWidth = options.minWidth ?? 640;
  const fits = (image: Image): boolean =>
    (options.maxWidth === undefined || image.width <= options.maxWidth) && (options.maxHeight === undefined || image.height <= options.maxHeight);
  const candidates = manifest.images.posters.filter(fits);
  for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
    const ofFormat = candidates.filter((image) => image.format === format).sort((a, b) => a.width - b.width);
    if (ofFormat.length === 0) continue;
    return ofFormat.find((image) => image.width >= minWidth) ?? ofFormat[ofFormat.length - 1] ?? null;
  }
  const cover = manifest.images.cover;
  return cover && fits(cover) ? cover : null;
}

/** The podcast file apps can play: MP3 has the widest support, then M4A (AAC), then Opus. */
export function audioEnclosure(manifest: ManifestFields): Download | null {
  for (const format of ['mp3', 'm4a', 'opus'] as const) {
    const found = manifest.downloads.find((d) => d.format === format);
    if (found) return found;
  }
  return null;
}

/** The progressive video file (MP4) of a recording with pictures, the widest one. */
export function videoFile(manifest: ManifestFields): Download | null {
  const mp4 = manifest.downloads.filter((d) => d.format === 'mp4');
  return mp4.sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0] ?? null;
}

/** The date an item was published: its programme date, else when it entered the archive. */
export function publishedDate(manifest: ManifestFields): string {
  return manifest.date ?? manifest.pipeline.ingestedAt.slice(0, 10);
}

/** The item's length in seconds for recordings, null for documents. */
export function durationOf(manifest: ManifestFields): number | null {
  return manifest.media.class === 'document' ? null : Math.round(manifest.media.duration * 1000) / 1000;
}
