import { AppError } from '../../domain/errors.js';
import type { Manifest } from '../../domain/manifest.js';

export type ClipFormat = 'mp4' | 'm4a';

/** A clip this item cannot give (a document, a video clip of a podcast, no downloadable file): a 400 that says why. */
export class ClipUnavailableError extends AppError {
  override name = 'ClipUnavailableError';
  override readonly code = 'clip_unavailable';
  readonly status = 400;
}

/** A caption language the item has no track in: a 400 listing the ones it has. */
export class CaptionLanguageError extends AppError {
  override name = 'CaptionLanguageError';
  override readonly code = 'caption_language';
  readonly status = 400;
}

/**
 * The stored file a clip is cut from: the downloadable MP4 of a recording with pictures (the
 * largest when there are several), the M4A of a recording with sound. Only files the manifest
 * lists as downloads, so a clip can never read anything else.
 */
export function clipSourceOf(manifest: Manifest, format: ClipFormat): { key: string; kind: 'video' | 'audio' } {
  const what = `${manifest.id} (${manifest.kind})`;
  if (manifest.media.class === 'document') throw new ClipUnavailableError(`${what} is a document: it has no recording to cut`);
  if (format === 'mp4' && manifest.media.class !== 'video') throw new ClipUnavailableError(`${what} has no pictures: ask for clip.m4a`);
  const candidates = manifest.downloads.filter((d) => d.format === format).sort((a, b) => (b.height ?? 0) - (a.height ?? 0));
  const chosen = candidates[0];
  if (!chosen) {
    const other = format === 'mp4' ? 'm4a' : 'mp4';
    const hint = manifest.downloads.some((d) => d.format === other) ? `: ask for clip.${other}` : '';
    throw new ClipUnavailableError(`${what} has no downloadable ${format.toUpperCase()} to cut from${hint}`);
  }
  return { key: chosen.key, kind: format === 'mp4' ? 'video' : 'audio' };
}

/** Languages of the item's caption and subtitle tracks, in the manifest's order. */
export function captionLanguages(manifest: Manifest): string[] {
  return [...new Set(manifest.tracks.filter((t) => t.kind === 'captions' || t.kind === 'subtitles').map((t) => t.language))];
}

/**
 * The caption track (a WebVTT file the manifest lists) in `language`, the item's language when
 * none is asked; null when the item has no captions at all and none was asked for.
 */
export function captionTrackOf(manifest: Manifest, language: string | undefined): { key: string; language: string } | null {
  const tracks = manifest.tracks.filter((t) => (t.kind === 'captions' || t.kind === 'subtitles') && t.format === 'vtt');
  const wanted = language ?? manifest.language;
  const track = tracks.find((t) => t.language === wanted) ?? tracks.find((t) => t.language.split('-')[0] === wanted.split('-')[0]);
  if (track) return { key: track.key, language: track.language };
  if (language === undefined && tracks.length === 0) return null;
  const available = captionLanguages(manifest);
  throw new CaptionLanguageError(
    available.length === 0 ? `${manifest.id} has no captions` : `lang: no captions in "${wanted.slice(0, 20)}"; available: ${available.join(', ')}`,
  );
}
