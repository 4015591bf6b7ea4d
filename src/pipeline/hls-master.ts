import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { languageLabel } from '../domain/language.js';
import { AUDIO_CODECS, AUDIO_GROUP } from './hls-command.js';
import type { StepResult } from './step.js';

/**
 * The master playlist, written by us rather than ffmpeg: ffmpeg does not always write CODECS
 * (MEASURED.md), never lists an audio-only variant, and cannot know about the described audio
 * added later. BANDWIDTH comes from the real segments (measureVariant), codecs from the
 * profile and level x264 was given.
 */

/** bit/s, as the playlist states them. */
export interface Bandwidth {
  peak: number;
  average: number;
}

export interface MasterVideoVariant {
  /** Relative to the master ("720p/index.m3u8"). */
  uri: string;
  width: number;
  height: number;
  fps: number;
  /** Video codec only ("avc1.64001f"); the audio codec is added when there is an audio group. */
  codecs: string;
  /** Of the video playlist alone: the audio rendition's share is added here. */
  bandwidth: Bandwidth;
}

export interface MasterAudioRendition {
  uri: string;
  /** Shown in the player's audio menu ("Français", "Français (audiodescription)"). */
  name: string;
  language: string;
  /** The main sound: DEFAULT=YES, and also offered as the audio-only variant. */
  main: boolean;
  describesVideo: boolean;
  bandwidth: Bandwidth;
}

export interface MasterPlaylistInput {
  /** In any order: written highest first. */
  variants: readonly MasterVideoVariant[];
  /** Empty for a source without sound. */
  audio: readonly MasterAudioRendition[];
}

/** ffmpeg 5.1 declares version 6 in the media playlists it writes; the master says the same. */
const VERSION = 6;

export function buildMasterPlaylist(input: MasterPlaylistInput): string {
  const lines = ['#EXTM3U', `#EXT-X-VERSION:${VERSION}`, '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const audio of input.audio) lines.push(audioMedia(audio));

  // RFC 8216 §4.3.4.2: BANDWIDTH is the largest sum over any playable combination, so each video
  // variant counts the heaviest rendition of its audio group (the described one may be heavier).
  const audioPeak = Math.max(0, ...input.audio.map((a) => a.bandwidth.peak));
  const audioAverage = Math.max(0, ...input.audio.map((a) => a.bandwidth.average));
  const withAudio = input.audio.length > 0;
  const variants = [...input.variants].sort((a, b) => b.height * b.width - a.height * a.width || b.bandwidth.peak - a.bandwidth.peak);
  for (const variant of variants) {
    const attributes = [
      `BANDWIDTH=${variant.bandwidth.peak + audioPeak}`,
      `AVERAGE-BANDWIDTH=${variant.bandwidth.average + audioAverage}`,
      `RESOLUTION=${variant.width}x${variant.height}`,
      `FRAME-RATE=${variant.fps.toFixed(3)}`,
      `CODECS="${withAudio ? `${variant.codecs},${AUDIO_CODECS}` : variant.codecs}"`,
    ];
    if (withAudio) attributes.push(`AUDIO="${AUDIO_GROUP}"`);
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, variant.uri);
  }

  // Sound alone, for listeners on a weak connection (hls.js drops audio-only levels when video
  // levels exist, Safari uses it as the last resort).
  const main = input.audio.find((a) => a.main);
  if (main) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${main.bandwidth.peak},AVERAGE-BANDWIDTH=${main.bandwidth.average},CODECS="${AUDIO_CODECS}"`,
      main.uri,
    );
  }
  return `${lines.join('\n')}\n`;
}

function audioMedia(audio: MasterAudioRendition): string {
  const attributes = [
    'TYPE=AUDIO',
    `GROUP-ID="${AUDIO_GROUP}"`,
    `NAME="${quoted(audio.name)}"`,
    `LANGUAGE="${quoted(audio.language)}"`,
  ];
  if (audio.describesVideo) attributes.push('CHARACTERISTICS="public.accessibility.describes-video"');
  attributes.push(`DEFAULT=${audio.main ? 'YES' : 'NO'}`, 'AUTOSELECT=YES', 'CHANNELS="2"', `URI="${quoted(audio.uri)}"`);
  return `#EXT-X-MEDIA:${attributes.join(',')}`;
}

/** A quoted-string may not hold a double quote or a line break (RFC 8216 §4.2). */
function quoted(value: string): string {
  return value.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');
}

export interface PlaylistSegment {
  uri: string;
  duration: number;
}

/** The target duration and segments of a media playlist. */
export function readMediaPlaylist(text: string): { targetDuration: number; segments: PlaylistSegment[] } {
  const segments: PlaylistSegment[] = [];
  let targetDuration = 0;
  let pending: number | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const target = /^#EXT-X-TARGETDURATION:(\d+)/.exec(line);
    const extinf = /^#EXTINF:([\d.]+)/.exec(line);
    if (target) targetDuration = Number(target[1]);
    else if (extinf) pending = Number(extinf[1]);
    else if (line !== '' && !line.startsWith('#') && pending !== null) {
      segments.push({ uri: line, duration: pending });
      pending = null;
    }
  }
  return { targetDuration, segments };
}

/**
 * Peak and average segment bit rates as the HLS specification defines them (draft-pantos-hls-
 * rfc8216bis §4.1): the peak is the highest rate of any run of consecutive segments lasting 0.5
 * to 1.5 × the target duration, so a 0.2 s tail segment holding one keyframe does not pass for
 * the stream's peak; the average is all bytes over all seconds.
 */
export function segmentBitrates(segments: readonly { duration: number; bytes: number }[], targetDuration: number): Bandwidth {
  const timed = segments.filter((s) => s.duration > 0);
  const seconds = timed.reduce((sum, s) => sum + s.duration, 0);
  if (seconds === 0) return { peak: 0, average: 0 };
  const average = Math.ceil((timed.reduce((sum, s) => sum + s.bytes, 0) * 8) / seconds);
  const [low, high] = [0.5 * targetDuration, 1.5 * targetDuration];
  let peak = 0;
  for (let start = 0; start < timed.length; start++) {
    let bytes = 0;
    let duration = 0;
    for (let end = start; end < timed.length && duration <= high; end++) {
      const segment = timed[end] as { duration: number; bytes: number };
      bytes += segment.bytes;
      duration += segment.duration;
      if (duration >= low && duration <= high) peak = Math.max(peak, (bytes * 8) / duration);
    }
  }
  // A recording shorter than half a target duration has no qualifying run: its average is its peak.
  return { peak: peak > 0 ? Math.ceil(peak) : average, average };
}

/** Measures one media playlist written on disk: its segments' real sizes over their EXTINF durations. */
export async function measureVariant(playlistPath: string): Promise<Bandwidth & { duration: number; segments: number }> {
  const { targetDuration, segments } = readMediaPlaylist(await readFile(playlistPath, 'utf8'));
  const folder = dirname(playlistPath);
  const sized = await Promise.all(
    segments.map(async (segment) => ({ duration: segment.duration, bytes: (await stat(resolve(folder, segment.uri))).size })),
  );
  const rates = segmentBitrates(sized, targetDuration || Math.ceil(Math.max(0, ...segments.map((s) => s.duration))));
  return { ...rates, duration: segments.reduce((sum, s) => sum + s.duration, 0), segments: segments.length };
}

export type HlsResult = NonNullable<StepResult['hls']>;

/** "Français", "Français (audiodescription)": the audio menu speaks the site's language. */
export function audioRenditionName(language: string, describesVideo: boolean): string {
  const name = languageLabel(language, 'fr');
  return describesVideo ? `${name} (audiodescription)` : name;
}

/**
 * Measures every playlist the HLS result names (in `itemDir`), writes the master over ffmpeg's,
 * and returns the result with the measured bandwidths: a video variant's is its BANDWIDTH in the
 * master (audio included), an audio rendition's its own peak. Used by transcode-video and again by
 * audio-description when it adds a rendition.
 */
export async function writeMasterPlaylist(itemDir: string, hls: HlsResult, fps: number): Promise<HlsResult> {
  const base = posix.dirname(hls.master);
  const measure = (playlist: string): Promise<Bandwidth> => measureVariant(join(itemDir, playlist));
  const variants = await Promise.all(
    hls.variants.map(async (variant) => {
      if (variant.width === null || variant.height === null) throw new Error(`${variant.playlist}: a video variant needs its size`);
      return {
        ref: variant,
        master: {
          uri: posix.relative(base, variant.playlist),
          width: variant.width,
          height: variant.height,
          fps,
          codecs: variant.codecs.split(',').filter((codec) => codec !== AUDIO_CODECS).join(','),
          bandwidth: await measure(variant.playlist),
        },
      };
    }),
  );
  // The first rendition that does not describe the picture is the talk's own sound; in the master
  // of a talk without sound and its description, the description is all there is to hear.
  const ownSound = hls.audio.findIndex((a) => !a.describesVideo);
  const mainIndex = ownSound === -1 ? 0 : ownSound;
  const audio = await Promise.all(
    hls.audio.map(async (rendition, index) => ({
      ref: rendition,
      master: {
        uri: posix.relative(base, rendition.playlist),
        name: rendition.name,
        language: rendition.language,
        main: index === mainIndex,
        describesVideo: rendition.describesVideo,
        bandwidth: await measure(rendition.playlist),
      },
    })),
  );
  const text = buildMasterPlaylist({ variants: variants.map((v) => v.master), audio: audio.map((a) => a.master) });
  await writeFile(join(itemDir, hls.master), text);

  const audioPeak = Math.max(0, ...audio.map((a) => a.master.bandwidth.peak));
  return {
    ...hls,
    variants: variants.map(({ ref, master }) => ({ ...ref, bandwidth: master.bandwidth.peak + audioPeak })),
    audio: audio.map(({ ref, master }) => ({ ...ref, bandwidth: master.bandwidth.peak })),
  };
}
