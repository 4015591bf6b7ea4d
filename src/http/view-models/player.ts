import { contentTypeOf } from '../../domain/content-type.js';
import { VIDEO_KINDS } from '../../domain/item.js';
import { languageName } from '../../domain/language.js';
import { isSilentVideo, type Manifest } from '../../domain/manifest.js';
import { momentParam, type Moment } from '../../domain/moment.js';
import { primaryLanguage } from '../../domain/text.js';
import { timecode } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { mediaUrl } from '../urls.js';
import { languageList } from './language-names.js';
import { streamChoicesOf, type StreamChoicesModel } from './player-streams.js';

export interface MediaSource {
  src: string;
  type: string;
}

interface TrackModel {
  kind: 'captions' | 'subtitles' | 'descriptions' | 'chapters';
  src: string;
  srclang: string;
  label: string;
  default: boolean;
}

export interface PlayerModel {
  element: 'video' | 'audio';
  /** HLS master first, then the file every browser plays; empty when the item has no media yet. */
  sources: MediaSource[];
  tracks: TrackModel[];
  poster: string | null;
  posterWidth: number | null;
  posterHeight: number | null;
  width: number | null;
  height: number | null;
  /** Where the moment asked for starts and stops (player.js pauses there once), in seconds. */
  startAt: number | null;
  startTime: string | null;
  endAt: number | null;
  /** The storyboard's WebVTT (sprite tiles), for previews drawn by player.js. */
  storyboard: string | null;
  /** The name of the described-audio rendition in the HLS master, when there is one (only hls.js can select it: player.js does). */
  describedAudio: string | null;
  /**
   * A video without a sound track: the element is `muted` (its volume control then shows what is
   * true) and a visible note, which the player points to with aria-describedby, says so. No
   * browser lets a page remove the native volume control (`controlslist` has no such value).
   * Its audio-described version, when playing, has sound: the description alone.
   */
  silent: { note: string; muted: boolean } | null;
  /** A talk without sound has its described version in an HLS master of its own (plays natively, no JS needed). */
  describedVersion: boolean;
  /** Sound alone, quality and data saver, shown by player-streams.js; null where there is no ladder to choose in. */
  streams: StreamChoicesModel | null;
}

export interface StatusModel {
  text: string;
  tone: 'ok' | 'warn';
  badges: { text: string; tone: 'ok' | 'warn' }[];
}

export interface SignLanguageModel {
  sources: MediaSource[];
  width: number;
  height: number;
}

/** `#t=START` or `#t=START,END`: browsers start there (and stop there) without JavaScript. */
function fragmentOf(moment: Moment | null): string {
  return moment !== null ? `#t=${momentParam(moment)}` : '';
}

/**
 * The sources in the order the browser should try them; a moment adds a media fragment so it
 * plays that part without JS. `master`: another HLS master than the item's (a silent talk's described version).
 */
function sourcesOf(manifest: Manifest, moment: Moment | null, master: string | null = manifest.hls?.master ?? null): MediaSource[] {
  const fragment = fragmentOf(moment);
  const sources: MediaSource[] = [];
  if (master) sources.push({ src: mediaUrl(master), type: contentTypeOf(master) });
  const isVideo = VIDEO_KINDS.includes(manifest.kind);
  const order = isVideo ? ['mp4'] : ['m4a', 'mp3'];
  for (const format of order) {
    const file = manifest.downloads.find((d) => d.format === format);
    if (file) {
      sources.push({ src: mediaUrl(file.key), type: contentTypeOf(file.key) });
      break;
    }
  }
  return sources.map((s) => ({ ...s, src: `${s.src}${fragment}` }));
}

/** The poster for the player: the smallest picture at least 640 px wide (WebP, else JPEG), else the largest one. */
export function posterOf(manifest: Manifest): Manifest['images']['posters'][number] | null {
  const pictures = manifest.images.posters.filter((p) => p.format === 'webp' || p.format === 'jpeg');
  const byWidth = [...pictures].sort((a, b) => a.width - b.width || (a.format === 'webp' ? -1 : 1));
  return byWidth.find((p) => p.width >= 640) ?? byWidth[byWidth.length - 1] ?? null;
}

/** Caption, subtitle, chapter and description tracks; the captions in the item's language are on by default. */
export function tracksOf(manifest: Manifest, locale: Locale): TrackModel[] {
  const itemLanguage = primaryLanguage(manifest.language);
  let defaultTaken = false;
  const tracks: TrackModel[] = [];
  for (const track of manifest.tracks) {
    if (track.kind === 'metadata' || track.format !== 'vtt') continue;
    const language = primaryLanguage(track.language);
    const kind = track.kind === 'subtitles' || track.kind === 'captions' ? (language === itemLanguage ? 'captions' : 'subtitles') : track.kind;
    const isDefault = kind === 'captions' && !defaultTaken;
    if (isDefault) defaultTaken = true;
    const name = languageName(track.language, locale);
    const label = kind === 'chapters'
      ? translate(locale, 'item.track.chapters')
      : kind === 'descriptions'
        ? translate(locale, 'item.track.descriptions', { language: name })
        : translate(locale, track.origin === 'automatic' ? 'item.track.automatic' : 'item.track.language', { language: name });
    tracks.push({ kind, src: mediaUrl(track.key), srclang: track.language, label: capitalise(label), default: isDefault });
  }
  return tracks;
}

export function playerModel(manifest: Manifest, locale: Locale, moment: Moment | null, audioDescribed = false): PlayerModel {
  const isVideo = VIDEO_KINDS.includes(manifest.kind);
  const poster = posterOf(manifest);
  const video = manifest.media.video;
  const described = manifest.hls?.audio.find((a) => a.describesVideo) ?? null;
  const silent = isSilentVideo(manifest);
  const describedMaster = silent && manifest.audioDescription?.type === 'audio' ? manifest.audioDescription.key : null;
  const hearsDescription = describedMaster !== null && audioDescribed;
  return {
    element: isVideo ? 'video' : 'audio',
    sources: hearsDescription ? sourcesOf(manifest, moment, describedMaster) : sourcesOf(manifest, moment),
    tracks: tracksOf(manifest, locale),
    poster: poster ? mediaUrl(poster.key) : null,
    posterWidth: poster?.width ?? null,
    posterHeight: poster?.height ?? null,
    width: isVideo ? (video?.displayWidth ?? poster?.width ?? null) : null,
    height: isVideo ? (video?.displayHeight ?? poster?.height ?? null) : null,
    startAt: moment?.start ?? null,
    startTime: moment !== null ? timecode(moment.start) : null,
    endAt: moment?.end ?? null,
    storyboard: manifest.images.storyboard ? mediaUrl(manifest.images.storyboard.vtt) : null,
    describedAudio: described?.name ?? null,
    silent: silent ? { note: translate(locale, hearsDescription ? 'item.player.silentDescribed' : 'item.player.silent'), muted: !hearsDescription } : null,
    describedVersion: describedMaster !== null,
    // The described version of a silent talk is a master of its own, without the ladder's choices.
    streams: hearsDescription ? null : streamChoicesOf(manifest, locale),
  };
}

/**
 * What people need to know before pressing play: are there captions (reviewed or automatic, in
 * which languages), a transcript, audio description, sign language; is there any sound.
 */
export function statusOf(manifest: Manifest, locale: Locale): StatusModel {
  const isVideo = VIDEO_KINDS.includes(manifest.kind);
  const captionLanguages = manifest.tracks.filter((t) => t.kind === 'captions' || t.kind === 'subtitles').map((t) => t.language);
  const transcriptLanguages = manifest.text.transcripts.map((t) => t.language);
  const languages = languageList(captionLanguages.length > 0 ? captionLanguages : transcriptLanguages, locale);
  const state = manifest.accessibility.transcript;
  const family = isVideo ? 'item.status.captions' : 'item.status.transcript';
  const silent = isSilentVideo(manifest);
  const none = state === 'none' || languages === '';
  // Without sound there is no speech to caption: not a gap (supplied subtitles still show as such).
  const text = none ? translate(locale, silent ? 'item.status.captions.noSpeech' : `${family}.none`) : translate(locale, `${family}.${state}`, { languages });
  const badges: StatusModel['badges'] = [];
  if (silent) badges.push({ text: translate(locale, 'item.badge.silent'), tone: 'warn' });
  if (manifest.accessibility.audioDescription) badges.push({ text: translate(locale, 'item.badge.audioDescription'), tone: 'ok' });
  if (manifest.accessibility.signLanguage || manifest.signLanguage) badges.push({ text: translate(locale, 'item.badge.signLanguage'), tone: 'ok' });
  if (manifest.accessibility.easyRead) badges.push({ text: translate(locale, 'item.badge.easyRead'), tone: 'ok' });
  return { text, tone: state === 'reviewed' || (silent && none) ? 'ok' : 'warn', badges };
}

export function signLanguageOf(manifest: Manifest, moment: Moment | null): SignLanguageModel | null {
  const sign = manifest.signLanguage;
  if (!sign) return null;
  // The start only: the interpreter follows the main player (player-sign.js), and an end of its
  // own would pause it there by itself, once, even after the main player has played on.
  const fragment = fragmentOf(moment && { start: moment.start, end: null });
  return {
    sources: [
      { src: `${mediaUrl(sign.hls)}${fragment}`, type: contentTypeOf(sign.hls) },
      { src: `${mediaUrl(sign.mp4)}${fragment}`, type: contentTypeOf(sign.mp4) },
    ],
    width: sign.width,
    height: sign.height,
  };
}

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);
