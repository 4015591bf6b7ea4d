import type { FfmpegCommand } from '../ports/media-tool.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';
import { renderVtt } from './vtt-cues.js';

/** MEASURED.md: 0.3 found 3 of 8 slide changes (scores 0.15–0.49); 0.1 found all 8, no false positive. */
export const SCENE_THRESHOLD = 0.1;
/** A slide shown less than this is a flick-through, not a chapter. */
export const MIN_CHAPTER_SECONDS = 3;
/** Scene scores on a 320 px copy: the decision is the same and the filter work far smaller. */
export const DETECT_WIDTH = 320;

export interface Chapter {
  start: number;
  end: number;
  title: string;
}

/**
 * Every frame is decoded: keyframes-only detection is 8× faster but moves each change to the
 * next source keyframe (MEASURED.md), seconds late on a typical GOP.
 */
export function sceneDetectCommand(source: string, duration: number, threshold = SCENE_THRESHOLD): FfmpegCommand {
  return {
    inputs: [{ path: source, options: [...SOURCE_INPUT_OPTIONS] }],
    outputs: [
      {
        path: '-',
        options: [
          // Capital V: the first real video stream, never a file's embedded cover art.
          '-map', '0:V:0', '-an', '-sn', '-dn',
          '-vf', `scale=${DETECT_WIDTH}:-2,select='gt(scene,${threshold})',showinfo`,
          '-f', 'null',
        ],
      },
    ],
    duration,
  };
}

/**
 * The `pts_time` of every frame showinfo printed, in order. Only its first line per frame has
 * "n: … pts: … pts_time:"; side data and colour lines are skipped.
 */
export function parseShowinfoTimes(stderr: string): number[] {
  const times: number[] = [];
  const pattern = /\bn:\s*\d+\s+pts:\s*-?\d+\s+pts_time:\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)/gi;
  for (const match of stderr.matchAll(pattern)) {
    const value = Number(match[1]);
    if (Number.isFinite(value)) times.push(value);
  }
  return times;
}

/**
 * Keeps the changes that start a chapter of at least `minGap` seconds: too close to the start,
 * to the previous kept change, or to the end, a change is dropped (a transition or a flick).
 */
export function keepChanges(times: readonly number[], duration: number, minGap = MIN_CHAPTER_SECONDS): number[] {
  const kept: number[] = [];
  let previous = 0;
  for (const time of [...times].sort((a, b) => a - b)) {
    if (time - previous < minGap || duration - time < minGap) continue;
    kept.push(time);
    previous = time;
  }
  return kept;
}

/**
 * One chapter per slide, titled "Diapositive n" until OCR gives slide titles. Fewer than two
 * changes is not a slide talk: no chapters at all.
 */
export function slideChapters(changes: readonly number[], duration: number, label = 'Diapositive'): Chapter[] {
  if (changes.length < 2) return [];
  const starts = [0, ...changes];
  return starts.map((start, index) => ({
    start: round3(start),
    end: round3(starts[index + 1] ?? duration),
    title: `${label} ${index + 1}`,
  }));
}

export function chaptersVtt(chapters: readonly Chapter[]): string {
  return renderVtt(chapters.map((chapter) => ({ start: chapter.start, end: chapter.end, text: chapter.title })));
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
