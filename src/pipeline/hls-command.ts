import { join } from 'node:path';
import type { FfmpegCommand } from '../ports/media-tool.js';
import { EBUR128_FILTER } from './loudness.js';
import { SCENE_BRANCH_FILTERS } from './scene-detect.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';
import { LADDER_CRF, type Rendition } from './video-ladder.js';

/**
 * The one ffmpeg process that turns a talk into its HLS ladder and its MP4 download.
 * Pure: the step runs what this returns; the tests assert the arrays.
 */

/** 6 s segments on a 2 s GOP: every segment starts on a keyframe and seeking stays fine-grained. */
export const SEGMENT_SECONDS = 6;
const GOP_SECONDS = 2;
export const AUDIO_GROUP = 'aud';
export const AUDIO_RENDITION = 'audio';
const AUDIO_BITRATE = '128k';
export const AUDIO_CODECS = 'mp4a.40.2';
export const MASTER_PLAYLIST = 'hls/master.m3u8';

/** Paths relative to the item folder, as the step result and the manifest use them. */
export const variantPlaylist = (name: string): string => `hls/${name}/index.m3u8`;
export const downloadPath = (itemId: string, rendition: Rendition): string => `download/${itemId}-${rendition.name}.mp4`;

export interface LadderCommandInput {
  source: string;
  /** Absolute item folder (the step's outDir). */
  itemDir: string;
  itemId: string;
  /** Highest first, as chooseLadder returns it. */
  ladder: readonly Rendition[];
  /** One of the ladder's renditions: its scaled picture is shared, only the encode is extra. */
  download: Rendition;
  fps: number;
  /** false for a source without sound: video-only variants, no audio group. */
  audio: boolean;
  /** The source is interlaced (field_order tt/bb/tb/bt): deinterlace before scaling. */
  interlaced?: boolean;
  /** Also print the scene branch's changed-pixel shares (scene-detect.ts) to stderr, from the same decode. */
  scene?: boolean;
  duration: number;
}

/**
 * Fixed 2 s GOP at the source's rate, scene cuts off, keyframes also forced on the clock: every
 * variant gets its keyframes at the same instants, so 6 s segments line up across the ladder and
 * a player can switch at any boundary (MEASURED.md: `-sc_threshold 0` with a fixed GOP).
 */
export function gopOptions(fps: number): string[] {
  const gop = String(Math.max(1, Math.round(fps * GOP_SECONDS)));
  return ['-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-force_key_frames:v', `expr:gte(t,n_forced*${GOP_SECONDS})`];
}

/**
 * Every HLS output starts its clock this far in. Without it each muxer shifts its own timestamps
 * by its own encoder delay (x264's B-frame reorder, AAC priming): measured, the described audio
 * made by a second process then started 58.7 ms before the main audio. With the offset nothing
 * is negative, nothing is shifted, and the ladder, the described audio and the sign-language
 * video all carry the source's time + 10 s (+ MPEG-TS's 1.4 s), more than any encoder delay.
 * `-force_key_frames` still counts from the source's 0 (measured).
 */
const TIMELINE_OFFSET_SECONDS = 10;

/**
 * HLS muxer flags. MPEG-TS segments rather than fMP4: the most widely played by native HLS
 * (every Safari/iOS version) and hls.js alike, with no init segment to keep beside each rendition.
 */
export function hlsMuxerOptions(segmentPattern: string): string[] {
  return [
    '-output_ts_offset', String(TIMELINE_OFFSET_SECONDS),
    '-f', 'hls',
    '-hls_time', String(SEGMENT_SECONDS),
    '-hls_playlist_type', 'vod',
    '-hls_flags', 'independent_segments',
    '-hls_segment_type', 'mpegts',
    '-hls_segment_filename', segmentPattern,
  ];
}

/**
 * x264 for every video stream of an output. Capped CRF: a still slide costs a few hundred
 * kbit/s instead of the cap, camera motion meets the cap; BANDWIDTH is measured from the
 * segments afterwards, so the playlist stays honest either way.
 */
export const X264_OPTIONS: readonly string[] = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', String(LADDER_CRF)];

/** Per-stream cap, profile and level; `spec` is the stream specifier ("v:1", or "v" alone). */
export function renditionOptions(rendition: Rendition, spec: string): string[] {
  return [
    `-maxrate:${spec}`, `${rendition.maxrateKbps}k`,
    `-bufsize:${spec}`, `${rendition.bufsizeKbps}k`,
    `-profile:${spec}`, rendition.profile,
    `-level:${spec}`, rendition.level,
  ];
}

/** Scale to the exact rung size; square pixels (scale would otherwise keep the DAR via the SAR). */
export function scaleFilter(rendition: Rendition): string {
  return `scale=${rendition.width}:${rendition.height},setsar=1,format=yuv420p`;
}

/** 48 kHz stereo whatever came in: an explicit layout avoids "Cannot select channel layout" (MEASURED.md). */
export const AUDIO_FORMAT_FILTER = 'aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo';

export const AAC_OPTIONS: readonly string[] = ['-c:a', 'aac', '-b:a', AUDIO_BITRATE];

/**
 * The source's picture in a filter graph. Capital V is the first real video stream: `[0:v]` is
 * the first of any kind, which in a file whose first video stream is its cover art (an
 * attached_pic) is that still, and the whole ladder would encode it. The poster, storyboard and
 * scene passes map `0:V:0` for the same reason.
 */
export const SOURCE_VIDEO = '[0:V:0]';

/** Phones and cameras tag recordings with places, devices and people: nothing of it is published. */
export const NO_SOURCE_METADATA: readonly string[] = ['-map_metadata', '-1'];

const DEINTERLACE_FILTER = 'bwdif=mode=send_frame:parity=auto:deint=interlaced';

/**
 * `[0:V:0]split=N`, one scale per rung; the download taps the matching rung's scaled picture
 * (a second split) so only its encode is added. ffmpeg autorotates the input by default, so
 * scaling sees the display orientation and writes no rotation (measured: no display matrix
 * in the outputs). With `scene`, one more copy of the decoded picture feeds the scene branch
 * (slide changes for the chapters step) and ends in a null sink: the talk is decoded once.
 */
export function ladderFilterGraph(ladder: readonly Rendition[], download: Rendition, audio: boolean, interlaced = false, scene = false): string {
  const n = ladder.length;
  // Event cameras and vision mixers often record 1080i: scaling fields as frames would comb every
  // moving edge. bwdif in send_frame mode keeps the frame rate (50i → 25p) and only touches
  // frames flagged interlaced.
  const deinterlace = interlaced ? `${DEINTERLACE_FILTER},` : '';
  const copies = ladder.map((_, i) => `[s${i}]`).join('') + (scene ? '[vs]' : '');
  const parts = [`${SOURCE_VIDEO}${deinterlace}split=${n + (scene ? 1 : 0)}${copies}`];
  ladder.forEach((rendition, i) => {
    const tail = rendition.name === download.name ? `,split=2[v${i}][vd]` : `[v${i}]`;
    parts.push(`[s${i}]${scaleFilter(rendition)}${tail}`);
  });
  if (scene) parts.push(`[vs]${SCENE_BRANCH_FILTERS.join(',')}`);
  // A third copy of the sound only measures it (EBU R128): the source's loudness for free, in
  // the pass that decodes it anyway, instead of a second read of a three-hour recording.
  if (audio) parts.push(`[0:a:0]${AUDIO_FORMAT_FILTER},asplit=3[a0][ad][am]`, `[am]${EBUR128_FILTER},anullsink`);
  return parts.join(';');
}

/** "v:0,agroup:aud,name:1080p … a:0,agroup:aud,name:audio,default:yes" (MEASURED.md: worked as is). */
export function varStreamMap(ladder: readonly Rendition[], audio: boolean): string {
  const group = audio ? `,agroup:${AUDIO_GROUP}` : '';
  const video = ladder.map((rendition, i) => `v:${i}${group},name:${rendition.name}`);
  return audio ? [...video, `a:0${group},name:${AUDIO_RENDITION},default:yes`].join(' ') : video.join(' ');
}

export function buildLadderCommand(input: LadderCommandInput): FfmpegCommand {
  const { ladder, download, audio, itemDir } = input;
  if (!ladder.some((r) => r.name === download.name)) throw new Error('the download must be one of the ladder renditions');
  const hls = join(itemDir, 'hls');

  const hlsOptions = ['-filter_complex', ladderFilterGraph(ladder, download, audio, input.interlaced ?? false, input.scene ?? false)];
  ladder.forEach((_, i) => hlsOptions.push('-map', `[v${i}]`));
  if (audio) hlsOptions.push('-map', '[a0]');
  hlsOptions.push(...NO_SOURCE_METADATA, ...X264_OPTIONS);
  ladder.forEach((rendition, i) => hlsOptions.push(...renditionOptions(rendition, `v:${i}`)));
  hlsOptions.push(...gopOptions(input.fps));
  if (audio) hlsOptions.push(...AAC_OPTIONS);
  hlsOptions.push(
    ...hlsMuxerOptions(join(hls, '%v', 'segment-%05d.ts')),
    // ffmpeg's own master, overwritten right after by writeMasterPlaylist (which adds CODECS
    // where ffmpeg omits it, the audio-only variant and later the described audio).
    '-master_pl_name', 'master.m3u8',
    '-var_stream_map', varStreamMap(ladder, audio),
  );

  const mp4Options = ['-map', '[vd]'];
  if (audio) mp4Options.push('-map', '[ad]');
  // The download has the same 2 s GOP as the ladder: clips are cut from it by stream copy, which
  // starts on a keyframe, so a clip starts at most 2 s before the moment asked (x264's own GOP
  // put up to 10 s between keyframes, and one for a whole slide talk).
  mp4Options.push(...NO_SOURCE_METADATA, ...X264_OPTIONS, ...renditionOptions(download, 'v'), ...gopOptions(input.fps));
  if (audio) mp4Options.push(...AAC_OPTIONS);
  // moov first: browsers start playing a progressive download before it has all arrived.
  mp4Options.push('-movflags', '+faststart', '-f', 'mp4');

  return {
    inputs: [{ path: input.source, options: [...SOURCE_INPUT_OPTIONS] }],
    outputs: [
      { path: join(hls, '%v', 'index.m3u8'), options: hlsOptions },
      { path: join(itemDir, downloadPath(input.itemId, download)), options: mp4Options },
    ],
    duration: input.duration,
  };
}
