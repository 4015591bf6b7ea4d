import { join } from 'node:path';
import type { ProgrammeItem } from '../domain/item.js';
import type { FfmpegCommand } from '../ports/media-tool.js';
import { AUDIO_CODECS } from './hls-command.js';
import { EBUR128_FILTER, normaliseFilter, type LoudnormMeasurement } from './loudness.js';
import type { DownloadRef } from './step.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';

export type ChannelLayout = 'mono' | 'stereo';

/** 48 kHz throughout: Opus only encodes at 48 kHz, and loudnorm works at 192 kHz internally anyway. */
const SAMPLE_RATE = 48_000;
export const AUDIO_SEGMENT_SECONDS = 6;
export const AUDIO_MASTER = 'hls/master.m3u8';
export const AUDIO_PLAYLIST = 'hls/audio/index.m3u8';

export interface PodcastDownload {
  path: string;
  label: string;
  format: Extract<DownloadRef['format'], 'm4a' | 'mp3' | 'opus'>;
}

/** The three podcast files, in the order the site lists them (AAC plays everywhere). */
export function podcastDownloads(id: string): [PodcastDownload, PodcastDownload, PodcastDownload] {
  return [
    { path: `download/${id}.m4a`, label: 'M4A (AAC)', format: 'm4a' },
    { path: `download/${id}.mp3`, label: 'MP3', format: 'mp3' },
    { path: `download/${id}.opus`, label: 'Opus', format: 'opus' },
  ];
}

/** Mono stays mono (half the size for one voice); anything else becomes stereo. */
export function channelLayoutFor(channels: number | null | undefined): ChannelLayout {
  return channels === 1 ? 'mono' : 'stereo';
}

/**
 * Pass 2: one normalised WAV that every encoder reads, so loudnorm runs once. Silence (measured
 * null) keeps its gain. The explicit layout avoids "Cannot select channel layout" on sources whose
 * layout ffmpeg only guessed (MEASURED.md); `-rf64 auto` lets a very long recording pass 4 GiB.
 */
export function normaliseCommand(
  source: string,
  wav: string,
  measured: LoudnormMeasurement | null,
  layout: ChannelLayout,
  duration: number,
): FfmpegCommand {
  const filter = normalisedAudioFilter(measured, layout);
  return {
    inputs: [{ path: source, options: [...SOURCE_INPUT_OPTIONS] }],
    outputs: [{ path: wav, options: ['-map', '0:a:0', '-af', filter, '-c:a', 'pcm_s16le', '-rf64', 'auto', '-f', 'wav'] }],
    duration,
  };
}

/**
 * The pass-2 filter: the measured gain (none for silence), then 48 kHz 16-bit in the given layout.
 * Shared by the podcast's WAV and a talk's MP3 (talk-audio-command.ts), so both sound alike.
 */
export function normalisedAudioFilter(measured: LoudnormMeasurement | null, layout: ChannelLayout): string {
  const format = `aresample=${SAMPLE_RATE},aformat=sample_fmts=s16:sample_rates=${SAMPLE_RATE}:channel_layouts=${layout}`;
  return measured ? `${normaliseFilter(measured)},${format}` : format;
}

/** Tags that podcast apps show; the same for every file. */
export function podcastTags(item: ProgrammeItem): string[] {
  const tags: [string, string][] = [
    ['title', item.title],
    ['artist', item.speakers.map((speaker) => speaker.name).join(', ')],
    ['album', `Numérique en Commun[s] ${item.edition.label}`],
    ['date', String(item.edition.year)],
  ];
  return tags.filter(([, value]) => value.length > 0).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
}

/**
 * The four encodes from the normalised WAV. Each encoder is single-threaded, so the step runs them
 * side by side. MP3 is VBR `-q:a 4`: CBR 128k measured −16.5 LUFS here, VBR −16.0 (MEASURED.md).
 */
export function podcastEncodeCommands(wav: string, outDir: string, item: ProgrammeItem, duration: number): FfmpegCommand[] {
  const [m4a, mp3, opus] = podcastDownloads(item.id);
  const tags = podcastTags(item);
  const fromWav = [{ path: wav, options: ['-f', 'wav'] }];
  const common = ['-map', '0:a:0', '-map_metadata', '-1'];
  const encode = (path: string, codec: string[]): FfmpegCommand => ({
    inputs: fromWav,
    outputs: [{ path: join(outDir, path), options: [...common, ...codec, ...tags] }],
    duration,
  });
  return [
    encode(m4a.path, ['-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart']),
    encode(mp3.path, ['-c:a', 'libmp3lame', '-q:a', '4', '-id3v2_version', '3']),
    encode(opus.path, ['-c:a', 'libopus', '-b:a', '64k', '-ar', String(SAMPLE_RATE)]),
    audioHlsCommand(wav, outDir, duration),
  ];
}

/**
 * Audio-only HLS in fragmented MP4 (no MPEG-TS overhead on a 128 kbit/s stream), 6 s segments,
 * a finished VOD playlist. ffmpeg writes init.mp4 beside the playlist.
 */
function audioHlsCommand(wav: string, outDir: string, duration: number): FfmpegCommand {
  const folder = join(outDir, 'hls', 'audio');
  return {
    inputs: [{ path: wav, options: ['-f', 'wav'] }],
    outputs: [
      {
        path: join(outDir, AUDIO_PLAYLIST),
        options: [
          '-map', '0:a:0', '-map_metadata', '-1',
          '-c:a', 'aac', '-b:a', '128k',
          '-f', 'hls',
          '-hls_time', String(AUDIO_SEGMENT_SECONDS),
          '-hls_playlist_type', 'vod',
          '-hls_flags', 'independent_segments',
          '-hls_segment_type', 'fmp4',
          '-hls_fmp4_init_filename', 'init.mp4',
          '-hls_segment_filename', join(folder, 'segment-%03d.m4s'),
        ],
      },
    ],
    duration,
  };
}

/** Re-measures one output; the integrated loudness is read from the final Summary block. */
export function measureOutputCommand(file: string, duration: number): FfmpegCommand {
  return {
    inputs: [{ path: file, options: [...SOURCE_INPUT_OPTIONS] }],
    outputs: [{ path: '-', options: ['-map', '0:a:0', '-af', EBUR128_FILTER, '-f', 'null'] }],
    duration,
  };
}

/** ffmpeg's master playlist lacks CODECS for audio-only output, so we write our own. */
export function audioMasterPlaylist(bandwidth: { peak: number; average: number }): string {
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth.peak},AVERAGE-BANDWIDTH=${bandwidth.average},CODECS="${AUDIO_CODECS}"`,
    AUDIO_PLAYLIST.slice('hls/'.length),
    '',
  ].join('\n');
}
