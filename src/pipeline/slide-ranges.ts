import { sameSlide, tokens, type SlideReading } from './slide-text.js';

/**
 * A slide shown longer than this is read again every REREAD_SECONDS or so: a safety net for a
 * change the detector cannot see (a dissolve slower than its samples, a one-digit edit under its
 * threshold). One more frame read per minute of a long slide (~1 s of OCR at 1080p); readings
 * that agree become one again.
 */
export const REREAD_SECONDS = 60;

export interface TimeRange {
  start: number;
  end: number;
}

/** The slides between the changes: the first starts at 0, the last ends with the video. */
export function slideRanges(changes: readonly number[], duration: number): TimeRange[] {
  const starts = [0, ...changes.filter((time) => time > 0 && time < duration)].sort((a, b) => a - b);
  return starts.map((start, i) => ({ start: round3(start), end: round3(starts[i + 1] ?? duration) }));
}

/** Where each slide is read: once, or once per REREAD_SECONDS of a long slide, in equal parts. */
export function readingRanges(slides: readonly TimeRange[]): (TimeRange & { slide: number })[] {
  return slides.flatMap((range, slide) => {
    const parts = Math.max(1, Math.floor((range.end - range.start) / REREAD_SECONDS));
    const step = (range.end - range.start) / parts;
    return Array.from({ length: parts }, (_, i) => ({
      start: round3(range.start + i * step),
      end: i === parts - 1 ? range.end : round3(range.start + (i + 1) * step),
      slide,
    }));
  });
}

/**
 * Consecutive readings of one detected slide that say the same become one reading (the fullest
 * text, both time ranges), before slides are compared with each other: otherwise a slide read
 * five times would look like a template line on most slides.
 */
export function mergeRereads(readings: readonly (SlideReading & { slide: number })[]): SlideReading[] {
  const merged: (SlideReading & { slide: number })[] = [];
  for (const reading of readings) {
    const last = merged[merged.length - 1];
    if (last && last.slide === reading.slide && sameSlide(tokens(last.text), tokens(reading.text))) {
      const fuller = tokens(reading.text).length > tokens(last.text).length ? reading : last;
      merged[merged.length - 1] = { ...fuller, start: last.start, end: reading.end, slide: last.slide };
      continue;
    }
    merged.push(reading);
  }
  return merged.map(({ slide: _slide, ...reading }) => reading);
}

/** The index of the range shown at `time` (the last one starting at or before it). */
export function rangeAt(ranges: readonly TimeRange[], time: number): number {
  let found = 0;
  ranges.forEach((range, i) => {
    if (range.start <= time + 1e-6) found = i;
  });
  return found;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
