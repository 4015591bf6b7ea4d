import { join } from 'node:path';
import { MediaError } from '../domain/errors.js';
import type { FfmpegCommand, RawProbe } from '../ports/media-tool.js';
import { gopOptions, hlsMuxerOptions, NO_SOURCE_METADATA, renditionOptions, scaleFilter, SOURCE_VIDEO, X264_OPTIONS } from './hls-command.js';
import { frameRate, rotationOf } from './probe.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';
import type { Rendition, VideoGeometry } from './video-ladder.js';

/**
 * The sign-language interpretation: one small silent rendition, shown beside the talk and kept
 * in step with it (same duration, same 2 s GOP and 6 s segments), as HLS and as an MP4.
 */

/** The interpreter window is a fraction of the player: 480 lines keep hands and faces legible. */
export const SIGN_LANGUAGE_MAX_SHORT = 480;
export const SIGN_LANGUAGE_PLAYLIST = 'sign-language/hls/index.m3u8';
export const signLanguageMp4 = (itemId: string): string => `sign-language/${itemId}-sign-language.mp4`;

export interface SignLanguageSource extends VideoGeometry {
  duration: number;
}

/**
 * Size, rate and length of the interpretation video. The programme probe rejects videos without
 * sound, which is exactly what an interpretation usually is, so this reads ffprobe directly.
 */
export function readSignLanguageSource(raw: RawProbe, file: string): SignLanguageSource {
  const video = raw.streams.find(
    (s) => s.codec_type === 'video' && (s.disposition as { attached_pic?: number } | undefined)?.attached_pic !== 1,
  );
  if (!video) throw new MediaError(file, 'the sign-language file has no video stream');
  const width = Number(video.width);
  const height = Number(video.height);
  if (!(width > 0 && height > 0)) throw new MediaError(file, 'the sign-language video has no picture size: the file looks damaged');
  const duration = Number(raw.format.duration ?? video.duration);
  if (!(duration > 0)) throw new MediaError(file, 'the sign-language video has no duration: the file looks truncated');
  const quarter = rotationOf(video) % 180 === 90;
  return {
    displayWidth: quarter ? height : width,
    displayHeight: quarter ? width : height,
    fps: frameRate(video),
    duration,
  };
}

export interface SignLanguageCommandInput {
  source: string;
  itemDir: string;
  itemId: string;
  rendition: Rendition;
  fps: number;
  /** Length of the interpretation video itself. */
  sourceDuration: number;
  /** Length of the talk: both outputs end exactly there. */
  talkDuration: number;
}

/**
 * A shorter interpretation is held on its last frame (`tpad` clone) and every output is cut at
 * the talk's duration (`-t`), so a longer one is trimmed: the two players never drift apart at
 * the end, and seeking near the end of the talk still shows the interpreter.
 */
export function buildSignLanguageCommand(input: SignLanguageCommandInput): FfmpegCommand {
  const { rendition, itemDir } = input;
  const talk = input.talkDuration.toFixed(3);
  const shortfall = input.talkDuration - input.sourceDuration;
  // One second more than missing: the cut at the talk's end then never meets the pad's end.
  const pad = shortfall > 0 ? `tpad=stop_mode=clone:stop_duration=${(shortfall + 1).toFixed(3)},` : '';
  const graph = `${SOURCE_VIDEO}${pad}${scaleFilter(rendition)},split=2[vh][vd]`;
  const folder = join(itemDir, 'sign-language', 'hls');
  return {
    inputs: [{ path: input.source, options: [...SOURCE_INPUT_OPTIONS] }],
    outputs: [
      {
        path: join(itemDir, SIGN_LANGUAGE_PLAYLIST),
        options: [
          '-filter_complex', graph,
          '-map', '[vh]', '-an', '-t', talk,
          ...NO_SOURCE_METADATA, ...X264_OPTIONS, ...renditionOptions(rendition, 'v'), ...gopOptions(input.fps),
          ...hlsMuxerOptions(join(folder, 'segment-%05d.ts')),
        ],
      },
      {
        path: join(itemDir, signLanguageMp4(input.itemId)),
        options: ['-map', '[vd]', '-an', '-t', talk, ...NO_SOURCE_METADATA, ...X264_OPTIONS, ...renditionOptions(rendition, 'v'), '-movflags', '+faststart', '-f', 'mp4'],
      },
    ],
    duration: input.talkDuration,
  };
}
