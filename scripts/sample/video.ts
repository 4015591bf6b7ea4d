import { rename } from 'node:fs/promises';
import { BITEXACT_FLAGS, FFMPEG_PREFIX, runTool } from './run-tool.js';

export const FPS = 30;

export interface Still {
  png: string;
  /** How many frames this picture stays on screen. */
  frames: number;
}

export interface EncodeOptions {
  stills: readonly Still[];
  /** Speech WAV; omitted for the silent sign-language video. */
  audio?: string;
  out: string;
}

/** Frame index of a time, so that picture changes land on the same frames in every video. */
export function frameAt(seconds: number): number {
  return Math.round(seconds * FPS);
}

/** Section times moved to frame boundaries, so captions, descriptions and pictures agree exactly. */
export function snapToFrames(bounds: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  return bounds.map((bound) => ({ start: frameAt(bound.start) / FPS, end: frameAt(bound.end) / FPS }));
}

/** Frame counts for consecutive sections ending at `totalFrames`. */
export function framesFor(bounds: readonly { start: number }[], totalFrames: number): number[] {
  return bounds.map((bound, i) => {
    const next = bounds[i + 1];
    const end = next ? frameAt(next.start) : totalFrames;
    return Math.max(1, end - frameAt(bound.start));
  });
}

/**
 * Still pictures → H.264 (+ AAC stereo 48 kHz). Each picture is converted to yuv420p once and
 * then repeated by the `loop` filter, which gives exact frame counts and is ~40% faster than
 * converting every repeated RGB frame. A 2 s GOP keeps seeking and HLS segmenting cheap.
 */
export async function encodeStills(options: EncodeOptions): Promise<void> {
  const inputs: string[] = [];
  const chains: string[] = [];
  options.stills.forEach((still, i) => {
    inputs.push('-framerate', String(FPS), '-i', still.png);
    chains.push(`[${i}:v]setsar=1,format=yuv420p,loop=loop=${still.frames - 1}:size=1:start=0[s${i}]`);
  });
  const labels = options.stills.map((_, i) => `[s${i}]`).join('');
  const filter = `${chains.join(';')};${labels}concat=n=${options.stills.length}:v=1:a=0,setpts=N/(${FPS}*TB)[v]`;
  const audioIndex = options.stills.length;
  const audioArgs = options.audio
    ? ['-map', `${audioIndex}:a`, '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2', '-metadata:s:a:0', 'language=fra']
    : [];
  const partial = `${options.out}.part.mp4`;
  await runTool('ffmpeg', [
    ...FFMPEG_PREFIX,
    ...inputs,
    ...(options.audio ? ['-i', options.audio] : []),
    '-filter_complex', filter,
    '-map', '[v]',
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-crf', '23',
    '-g', String(2 * FPS), '-pix_fmt', 'yuv420p', '-r', String(FPS),
    ...audioArgs,
    ...BITEXACT_FLAGS,
    '-movflags', '+faststart',
    partial,
  ], { label: options.out });
  await rename(partial, options.out);
}

/**
 * Marks a video as recorded sideways, as phones do: the frames stay landscape and a display
 * matrix tells players to turn them `clockwise` degrees. ffmpeg 5.1 drops the `rotate` tag
 * when it encodes but honours it on a stream copy, hence this separate pass. Its mov muxer
 * reads the tag as counter-clockwise degrees: a quarter turn clockwise is written as
 * rotate=270, which gives the same matrix as a phone held upright (ffprobe: rotation=-90).
 */
export async function setRotation(input: string, out: string, clockwise: number): Promise<void> {
  await runTool('ffmpeg', [
    ...FFMPEG_PREFIX,
    '-i', input,
    '-map', '0', '-c', 'copy',
    ...BITEXACT_FLAGS,
    '-metadata:s:v:0', `rotate=${(360 - clockwise) % 360}`,
    '-metadata:s:a:0', 'language=fra',
    '-movflags', '+faststart',
    out,
  ], { label: out });
}
