import { VIDEO_KINDS } from '../../domain/item.js';
import { isSilentVideo, type Manifest } from '../../domain/manifest.js';
import { formatBytes } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { mediaUrl } from '../urls.js';

/** One video level of the HLS ladder, as the quality menu offers it ("480p (~ 90 Mo/h)"). */
export interface StreamLevelModel {
  width: number;
  height: number;
  label: string;
}

/**
 * The player's stream choices (views/static/js/player-streams.js shows them; without JavaScript
 * nothing of it appears): sound alone, the quality levels, and what an hour of each costs.
 */
export interface StreamChoicesModel {
  /** The talk's own sound as an HLS media playlist: "listen only" plays it instead of the ladder. */
  audioPlaylist: string | null;
  /** "vidéo ~ 450 Mo/h, son seul ~ 60 Mo/h"; null without a sound track. */
  sizes: string | null;
  /** Highest first. */
  levels: StreamLevelModel[];
  /** The MP4 download as the other choice where the browser plays HLS itself (no levels to pick). */
  mp4: { src: string; label: string } | null;
}

type Variant = NonNullable<Manifest['hls']>['variants'][number];

const SECONDS_PER_HOUR = 3600;

/**
 * Bytes a second of one rendition costs, from its stored segments when the manifest lists them:
 * the real average, where BANDWIDTH is the peak of any 6 s run (a slide change costs a keyframe,
 * and a slide talk's peak can be twice its average). Null when they are not listed.
 */
function storedPerSecond(manifest: Manifest, playlist: string): number | null {
  const folder = playlist.slice(0, playlist.lastIndexOf('/') + 1);
  const bytes = manifest.files.filter((file) => file.key.startsWith(folder)).reduce((sum, file) => sum + file.size, 0);
  return bytes > 0 && manifest.media.duration > 0 ? bytes / manifest.media.duration : null;
}

/** "~ 450 Mo" rather than "~ 453,7 Mo": two significant digits say what a figure per hour can. */
function perHour(locale: Locale, bytes: number): string {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, bytes))) - 1);
  return formatBytes(locale, Math.round(bytes / magnitude) * magnitude);
}

/** Null for podcasts (sound only already), documents, and a talk whose ladder is not there. */
export function streamChoicesOf(manifest: Manifest, locale: Locale): StreamChoicesModel | null {
  const hls = manifest.hls;
  if (!VIDEO_KINDS.includes(manifest.kind) || !hls || hls.variants.length === 0) return null;
  const sound = isSilentVideo(manifest) ? null : (hls.audio.find((audio) => !audio.describesVideo) ?? null);
  const soundPerSecond = sound ? (storedPerSecond(manifest, sound.playlist) ?? sound.bandwidth / 8) : 0;
  // A video level's BANDWIDTH counts its sound already; its stored segments are the picture alone.
  const videoPerHour = (variant: Variant): number => {
    const picture = storedPerSecond(manifest, variant.playlist);
    return (picture === null ? variant.bandwidth / 8 : picture + soundPerSecond) * SECONDS_PER_HOUR;
  };
  const levels = [...hls.variants]
    .filter((variant) => variant.width !== null && variant.height !== null)
    .sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0))
    .map((variant) => ({
      width: variant.width ?? 0,
      height: variant.height ?? 0,
      label: translate(locale, 'streams.quality.level', { name: variant.name, size: perHour(locale, videoPerHour(variant)) }),
      rate: videoPerHour(variant),
    }));
  const top = levels[0];
  const mp4 = manifest.downloads.find((download) => download.format === 'mp4') ?? null;
  const duration = manifest.media.duration;
  return {
    audioPlaylist: sound ? mediaUrl(sound.playlist) : null,
    sizes: sound && top
      ? translate(locale, 'streams.sizes', { video: perHour(locale, top.rate), audio: perHour(locale, soundPerSecond * SECONDS_PER_HOUR) })
      : null,
    levels: levels.map(({ width, height, label }) => ({ width, height, label })),
    mp4: mp4 && duration > 0
      ? { src: mediaUrl(mp4.key), label: translate(locale, 'streams.quality.level', { name: mp4.label, size: perHour(locale, (mp4.size / duration) * SECONDS_PER_HOUR) }) }
      : null,
  };
}
