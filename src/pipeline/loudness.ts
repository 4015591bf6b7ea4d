import { ToolError } from '../domain/errors.js';
import type { FfmpegCommand } from '../ports/media-tool.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';

/** EBU R128 targets for spoken podcasts (−16 LUFS is what podcast platforms expect, not −23). */
export interface LoudnessTarget {
  integrated: number;
  truePeak: number;
  range: number;
}

export const PODCAST_TARGET: LoudnessTarget = { integrated: -16, truePeak: -1.5, range: 11 };

/** An output further than this from the target's integrated loudness is reported: a listener would notice. */
export const LOUDNESS_TOLERANCE_LU = 1;

/** ebur128's gating floor: a programme at or below it has no speech to normalise. */
export const SILENCE_FLOOR = -70;

/** loudnorm's pass-1 measurement; values can be ±Infinity (loudnorm prints "-inf" for silence). */
export interface LoudnormMeasurement {
  inputI: number;
  inputTp: number;
  inputLra: number;
  inputThresh: number;
  targetOffset: number;
}

/** Pass 1: measure only; the JSON lands on stderr after the last frame. */
export function measureFilter(target: LoudnessTarget = PODCAST_TARGET): string {
  return `loudnorm=${targetOptions(target)}:print_format=json`;
}

/**
 * Pass 1 as a command, for every file whose loudness is needed (a podcast, a talk, its described
 * audio): the first audio stream, nothing written. `-vn` on the input: a picture stream (a
 * podcast's cover, a described mix delivered as a video) is dropped by the demuxer, not read.
 */
export function measureLoudnessCommand(file: string, duration: number): FfmpegCommand {
  return {
    inputs: [{ path: file, options: [...SOURCE_INPUT_OPTIONS, '-vn'] }],
    outputs: [{ path: '-', options: ['-map', '0:a:0', '-af', measureFilter(), '-f', 'null'] }],
    duration,
  };
}

/**
 * Pass 2: apply the measured gain. `linear=true` keeps the dynamics of speech untouched when the
 * true-peak budget allows it; loudnorm itself falls back to dynamic mode when it does not.
 */
export function normaliseFilter(measured: LoudnormMeasurement, target: LoudnessTarget = PODCAST_TARGET): string {
  const value = (n: number): string => n.toFixed(2);
  return [
    `loudnorm=${targetOptions(target)}`,
    `measured_I=${value(measured.inputI)}`,
    `measured_TP=${value(measured.inputTp)}`,
    `measured_LRA=${value(measured.inputLra)}`,
    `measured_thresh=${value(measured.inputThresh)}`,
    `offset=${value(measured.targetOffset)}`,
    'linear=true',
    'print_format=summary',
  ].join(':');
}

/** Silence (or a near-silent file) must not be "normalised": the gain would be +50 dB of noise. */
export function isSilent(measured: LoudnormMeasurement): boolean {
  return !Number.isFinite(measured.inputI) || measured.inputI <= SILENCE_FLOOR;
}

/** Reads loudnorm's last JSON block from ffmpeg's stderr. */
export function parseLoudnormJson(stderr: string): LoudnormMeasurement {
  const key = stderr.lastIndexOf('"input_i"');
  const open = key < 0 ? -1 : stderr.lastIndexOf('{', key);
  const close = key < 0 ? -1 : stderr.indexOf('}', key);
  if (open < 0 || close < 0) throw new ToolError('ffmpeg', 'loudnorm printed no measurement', stderr.slice(-400));
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(stderr.slice(open, close + 1)) as Record<string, unknown>;
  } catch (error) {
    throw new ToolError('ffmpeg', 'loudnorm printed an unreadable measurement', stderr.slice(open, close + 1), { cause: error });
  }
  return {
    inputI: loudnessValue(fields['input_i']),
    inputTp: loudnessValue(fields['input_tp']),
    inputLra: loudnessValue(fields['input_lra']),
    inputThresh: loudnessValue(fields['input_thresh']),
    targetOffset: loudnessValue(fields['target_offset']),
  };
}

/**
 * The ebur128 filter for re-measuring an output. `framelog=verbose` demotes the ten lines a
 * second of frame log below ffmpeg's default level, so stderr stays small for a 3-hour file;
 * `framelog=quiet` would be lighter still but printed "I: 0.0" with ffmpeg 5.1 (MEASURED.md).
 */
export const EBUR128_FILTER = 'ebur128=framelog=verbose';

/** Integrated loudness from the last "Summary:" block, or null when absent or silent. */
export function parseEbur128Integrated(stderr: string): number | null {
  const summary = stderr.lastIndexOf('Summary:');
  if (summary < 0) return null;
  const match = /I:\s*(-?[\d.]+|-?inf)\s*LUFS/.exec(stderr.slice(summary));
  if (!match?.[1]) return null;
  const value = loudnessValue(match[1]);
  return Number.isFinite(value) && value > SILENCE_FLOOR ? value : null;
}

function targetOptions(target: LoudnessTarget): string {
  return `I=${target.integrated}:TP=${target.truePeak}:LRA=${target.range}`;
}

function loudnessValue(raw: unknown): number {
  const text = String(raw ?? '').trim().toLowerCase();
  if (text === '-inf') return -Infinity;
  if (text === 'inf' || text === '+inf') return Infinity;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new ToolError('ffmpeg', `unexpected loudness value "${String(raw)}"`);
  return value;
}
