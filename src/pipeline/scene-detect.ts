import { escapeCueText } from './captions/render.js';
import { renderVtt } from './vtt-cues.js';

/**
 * Frames compared per second. Slides are still pictures: a change is placed at most 0.25 s late,
 * and `fps` before `scale` leaves 26 of 30 decoded frames unfiltered. Measured on a 2-minute
 * 1080p30 slide talk: 9.3 s of CPU, against 11.6 s for the former scene score on every frame and
 * 7.3 s for the decoding alone.
 */
const DETECT_FPS = 4;
/** Frames are compared at this width (area-averaged): a line of 54 px text stays ~6 px high. */
const DETECT_WIDTH = 640;
/**
 * A pixel has changed when its grey level moved by more than this between two samples. Codec
 * noise rarely does on still slides (x264 crf 35, 10 s GOPs: ≤ 0.010 % of the pixels of a white
 * slide, none of a photo slide or of one with temporal grain of ±12 levels); at 16 the photo
 * slide gave 0.018 %.
 */
const CHANGED_LEVEL = 24;
/**
 * A sample is a candidate change when this share of its pixels changed. Measured on 1080p
 * slides: one changed line of 54 px text 0.21–0.26 % (dark on white, light on dark, on a photo,
 * grey on white), of 28 px text 0.075 %; a whole new slide 3.7–4.3 %; a 24×36 px mouse pointer
 * moving ≤ 0.041 %; codec noise ≤ 0.010 %. Between the small text and the pointer.
 */
export const MIN_CHANGED_SHARE = 0.0005;
/** More separate changes per minute than this (over more than ten) is footage, not a slide show. */
const MAX_SLIDE_CHANGES_PER_MINUTE = 6;
/**
 * Footage moves most of the time (ffmpeg's moving testsrc2: every sample, 2.7–4.9 % of its
 * pixels); a slide show stays still but for its changes, a pointer, or a clip shown on a slide.
 */
const MAX_MOVING_SHARE = 0.5;
/** A slide shown less than this is a flick-through, not a chapter. */
export const MIN_CHAPTER_SECONDS = 3;
/** A slide shown this long is read (the shortest slides last 2 s); shorter ones are transitions. */
const MIN_SLIDE_SECONDS = 1.5;

export interface Chapter {
  start: number;
  end: number;
  title: string;
}

/**
 * The scene branch of the ladder's filter graph (hls-command.ts): the talk is decoded once, for
 * the renditions and for this. It samples DETECT_FPS frames a second, greys and shrinks them, and
 * prints for each the share of pixels that changed since the previous sample (signalstats' YAVG of
 * the thresholded difference: 255 × the share), then drops the frames. tblend stamps each
 * difference with the later frame's time: the first sample of the new picture. Every frame is
 * decoded: keyframes-only detection is 8× faster but moves each change to the next source
 * keyframe (MEASURED.md). Printed to stderr, read back by parseChangedShares.
 */
export const SCENE_BRANCH_FILTERS: readonly string[] = [
  `fps=${DETECT_FPS}`,
  `scale=${DETECT_WIDTH}:-2:flags=area`,
  'format=gray',
  'tblend=all_mode=difference',
  `lut=y='if(gt(val,${CHANGED_LEVEL}),255,0)'`,
  'signalstats',
  'metadata=print:key=lavfi.signalstats.YAVG',
  'nullsink',
];

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

export interface ChangedShare {
  time: number;
  /** Share of the pixels that changed since the previous sample, 0–1. */
  share: number;
}

/**
 * What `metadata=print` reported: "frame:3 pts:12 pts_time:3" then "lavfi.signalstats.YAVG=0.6".
 * Progress lines ("frame=  1 … speed=13x", ended by a carriage return) may share a line with them.
 */
export function parseChangedShares(stderr: string): ChangedShare[] {
  const samples: ChangedShare[] = [];
  let time: number | null = null;
  for (const line of stderr.split(/[\r\n]+/)) {
    const frame = /\bframe:\s*\d+\s+pts:\s*-?\d+\s+pts_time:\s*(-?[\d.]+(?:e[-+]?\d+)?)/i.exec(line);
    if (frame) time = Number(frame[1]);
    const average = /lavfi\.signalstats\.YAVG=([\d.]+)/.exec(line);
    if (average && time !== null && Number.isFinite(time)) {
      samples.push({ time, share: Number(average[1]) / 255 });
      time = null;
    }
  }
  return samples;
}

/** Candidates closer than this belong to one change (a fade or a build spans a few samples). */
const SAME_CHANGE_SECONDS = 1;
/** A run of changes longer than this is motion (a clip, an animation), not one transition. */
const MAX_TRANSITION_SECONDS = 2;

export interface SlideShow {
  /** When the picture changed, sorted; neither transitions nor flicks shorter than MIN_SLIDE_SECONDS. */
  changes: number[];
}

/**
 * What the scene branch saw, kept in transcode-video's record for the chapters step: the runs of
 * consecutive samples whose changed share reached MIN_CHANGED_SHARE, [first, last] in seconds.
 * A slide talk has a few, footage one long run or many: small either way, and slideShow gives
 * the same answer from them as from every sample.
 */
export interface SceneChanges {
  runs: [number, number][];
}

/** Samples one period apart (with slack for rounded timestamps) belong to one run. */
const NEXT_SAMPLE_SECONDS = 1.5 / DETECT_FPS;

export function sceneChanges(samples: readonly ChangedShare[]): SceneChanges {
  const times = samples.filter((s) => s.share >= MIN_CHANGED_SHARE).map((s) => round3(s.time)).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const time of times) {
    const last = runs[runs.length - 1];
    if (last && time - last[1] <= NEXT_SAMPLE_SECONDS) last[1] = time;
    else runs.push([time, time]);
  }
  return { runs };
}

/**
 * The changes of a slide show, or null when the video is footage: slides stay still between
 * rare, brief changes; footage moves most of the time or cuts all the time. A change is the
 * start of a run of changed samples; a run longer than a transition (a clip played on a slide)
 * also gives its end, where the next still picture settles. The slide show may have no change
 * at all: its one slide is still read.
 */
export function slideShow(scene: SceneChanges, duration: number): SlideShow | null {
  const runs: { start: number; end: number }[] = [];
  for (const [start, end] of [...scene.runs].sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    if (last && start - last.end < SAME_CHANGE_SECONDS) last.end = Math.max(last.end, end);
    else runs.push({ start, end });
  }
  const moving = runs.reduce((sum, run) => sum + (run.end - run.start + 1 / DETECT_FPS), 0);
  const perMinute = runs.length / (Math.max(duration, 1) / 60);
  if (moving > MAX_MOVING_SHARE * duration || (runs.length > 10 && perMinute > MAX_SLIDE_CHANGES_PER_MINUTE)) return null;
  const starts = runs.flatMap((run) => (run.end - run.start > MAX_TRANSITION_SECONDS ? [run.start, run.end] : [run.start]));
  return { changes: keepChanges(starts, duration, MIN_SLIDE_SECONDS) };
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
