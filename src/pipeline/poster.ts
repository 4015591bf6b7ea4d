import type { FfmpegCommand } from '../ports/media-tool.js';
import type { ImageStats } from '../ports/image-tool.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';

/** Where to look for a representative frame: past the opening titles, before the applause. */
const CANDIDATE_FRACTIONS = [0.1, 0.25, 0.4, 0.6] as const;

/** Responsive poster widths; `srcset` picks one, nothing is ever enlarged. */
export const POSTER_WIDTHS = [320, 640, 1280] as const;

/** The widest frame worth extracting: the largest poster. */
const FRAME_MAX_WIDTH = 1280;

/**
 * Candidate times in seconds, distinct and inside the clip. A seek too close to the end can land
 * after the last video frame (the audio may run longer), hence the margin.
 */
export function candidateTimes(duration: number): number[] {
  if (!Number.isFinite(duration) || duration <= 0) return [0];
  return timesAt(CANDIDATE_FRACTIONS, duration);
}

/**
 * Where to look next when every first candidate is blank (a long black opening, a camera that
 * came on late, fades): between the first ones and after them, up to the end.
 */
const RETRY_FRACTIONS = [0.05, 0.18, 0.33, 0.5, 0.75, 0.9] as const;

/** Second-round times, inside the clip as `candidateTimes`, none already tried. */
export function retryTimes(duration: number, tried: readonly number[]): number[] {
  if (!Number.isFinite(duration) || duration <= 0) return [];
  return timesAt(RETRY_FRACTIONS, duration).filter((time) => !tried.includes(time));
}

function timesAt(fractions: readonly number[], duration: number): number[] {
  const margin = Math.min(1, duration / 4);
  const latest = Math.max(0, duration - margin);
  return [...new Set(fractions.map((fraction) => Math.min(latest, round3(duration * fraction))))];
}

/**
 * One frame with input seeking (`-ss` before `-i`: 0.35 s against 4.6 s and 1 GB for the
 * `thumbnail` filter, MEASURED.md), corrected for non-square pixels and capped at 1280 px wide.
 */
export function frameCommand(source: string, time: number, output: string): FfmpegCommand {
  return {
    inputs: [{ path: source, options: [...SOURCE_INPUT_OPTIONS, '-ss', time.toFixed(3)] }],
    outputs: [
      {
        path: output,
        options: [
          // Capital V: the first real video stream, never a file's embedded cover art.
          '-map', '0:V:0', '-an', '-sn', '-dn',
          '-vf', `scale=trunc(iw*sar/2)*2:ih,setsar=1,scale='min(${FRAME_MAX_WIDTH},iw)':-2`,
          '-frames:v', '1', '-update', '1', '-f', 'image2',
        ],
      },
    ],
  };
}

export interface FrameVerdict {
  /** Has detail worth showing: edges, text, a scene. */
  usable: boolean;
  /** Higher is more representative: detail (entropy) first, contrast (stdev) to break ties. */
  score: number;
  reason: 'black' | 'white' | 'flat' | null;
}

/**
 * A frame with less detail than this (share of pixels on an edge, ImageStats.detail) shows
 * nothing. Measured on 1280×720 frames: one line of 24 px text on white 0.74 %, light text on
 * black 0.40 %, a single 16 px word ("Une ligne") 0.087 %; white, black, grey and gradient
 * frames 0 % through x264, a dark room with heavy sensor noise 0.001 %.
 */
export const MIN_DETAIL = 0.0002;

/**
 * Blank is judged by detail, not by brightness: a white slide with dark text (mean ~245, small
 * spread) or a black one with light text is a slide, not a blank frame. The reason of a blank
 * frame names its look: black below a mean grey level of 16, white above 240, flat otherwise.
 */
export function judgeFrame(stats: Pick<ImageStats, 'mean' | 'stdev' | 'entropy' | 'detail'>): FrameVerdict {
  const score = stats.entropy + stats.stdev / 256;
  if (stats.detail >= MIN_DETAIL) return { usable: true, score, reason: null };
  const reason = stats.mean < 16 ? 'black' : stats.mean > 240 ? 'white' : 'flat';
  return { usable: false, score, reason };
}

export interface ScoredFrame {
  time: number;
  path: string;
  stats: ImageStats;
}

/** The best usable frame; if all are blank, the best of them with `blank: true` (never published). */
export function chooseFrame<T extends ScoredFrame>(frames: readonly T[]): { frame: T; blank: boolean } | null {
  const judged = frames.map((frame) => ({ frame, verdict: judgeFrame(frame.stats) }));
  const usable = judged.filter((entry) => entry.verdict.usable);
  const pool = usable.length > 0 ? usable : judged;
  const best = pool.reduce<(typeof judged)[number] | null>(
    (winner, entry) => (winner === null || entry.verdict.score > winner.verdict.score ? entry : winner),
    null,
  );
  return best ? { frame: best.frame, blank: usable.length === 0 } : null;
}

/**
 * Widths to encode for a picture `sourceWidth` wide: the standard ones that fit, plus the source
 * width itself when it sits between two of them (a 960 px frame gives 320, 640 and 960).
 */
export function posterWidths(sourceWidth: number, widths: readonly number[] = POSTER_WIDTHS): number[] {
  const fitting = widths.filter((width) => width <= sourceWidth);
  const largest = widths[widths.length - 1] ?? sourceWidth;
  if (sourceWidth > 0 && sourceWidth < largest && !fitting.includes(sourceWidth)) fitting.push(sourceWidth);
  return fitting;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
