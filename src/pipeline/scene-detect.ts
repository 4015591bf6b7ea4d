import type { FfmpegCommand } from '../ports/media-tool.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';
import { escapeCueText } from './captions/render.js';
import { renderVtt } from './vtt-cues.js';

/**
 * Candidate changes are frames scoring above this. MEASURED.md found 0.1 enough on its slides,
 * but slides that share one template and change only their text score 0.017–0.10 here (on the
 * 320 px copy), against ≤ 0.001 for still frames: 0.005 catches them, and `slideChanges` tells
 * a slide show from footage, which has candidates all the time.
 */
export const SCENE_THRESHOLD = 0.005;
/** More separate changes per minute than this (over more than ten) is footage, not a slide show. */
export const MAX_SLIDE_CHANGES_PER_MINUTE = 6;
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
          '-vf', `scale=${DETECT_WIDTH}:-2,select='gt(scene,${threshold})',metadata=print:key=lavfi.scene_score`,
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

export interface SceneChange {
  time: number;
  score: number;
}

/** The frames `metadata=print` reported: "frame:3 pts:… pts_time:12.4" then "lavfi.scene_score=0.08". */
export function parseSceneScores(stderr: string): SceneChange[] {
  const changes: SceneChange[] = [];
  let time: number | null = null;
  for (const line of stderr.split('\n')) {
    const frame = /\bframe:\s*\d+\s+pts:\s*-?\d+\s+pts_time:\s*(-?[\d.]+(?:e[-+]?\d+)?)/i.exec(line);
    if (frame) {
      time = Number(frame[1]);
      continue;
    }
    const score = /lavfi\.scene_score=([\d.]+)/.exec(line);
    if (score && time !== null && Number.isFinite(time)) {
      changes.push({ time, score: Number(score[1]) });
      time = null;
    }
  }
  return changes;
}

/** Candidates closer than this belong to one change (a fade or a build spans a few frames). */
const SAME_CHANGE_SECONDS = 1;

/**
 * The slide changes among the candidates, or none when the video is footage rather than a slide
 * show: slides stay still between rare, brief changes; footage moves for long stretches (long
 * runs of candidates) or cuts all the time (many separate changes per minute).
 */
export function slideChanges(candidates: readonly SceneChange[], duration: number): number[] {
  const times = candidates.map((c) => c.time).sort((a, b) => a - b);
  const runs: { start: number; end: number }[] = [];
  for (const time of times) {
    const last = runs[runs.length - 1];
    if (last && time - last.end < SAME_CHANGE_SECONDS) last.end = time;
    else runs.push({ start: time, end: time });
  }
  const moving = runs.reduce((sum, run) => sum + (run.end - run.start), 0);
  const perMinute = runs.length / (Math.max(duration, 1) / 60);
  const footage = moving > 0.1 * duration || (runs.length > 10 && perMinute > MAX_SLIDE_CHANGES_PER_MINUTE);
  return footage ? [] : keepChanges(runs.map((run) => run.start), duration);
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

/** Titles may come from OCR: escaped, so a "<" read on a slide stays text in every player. */
export function chaptersVtt(chapters: readonly Chapter[]): string {
  return renderVtt(chapters.map((chapter) => ({ start: chapter.start, end: chapter.end, text: escapeCueText(chapter.title.replace(/\s+/g, ' ')) })));
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
