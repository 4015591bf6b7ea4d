import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TimedLine } from './speech.js';
import type { ProgrammeRow } from './programme.js';
import type { TimelineItem } from './texts.js';

export interface ItemContext {
  /** Corpus folder; the programme and every file path in it are relative to it. */
  out: string;
  /** Scratch folder for this item only (WAVs, PNGs), deleted after the run. */
  work: string;
  short: boolean;
}

export interface GeneratedItem {
  row: ProgrammeRow;
  /** Every file written for this item, relative to the corpus folder. */
  files: string[];
  timeline: TimelineItem;
}

/** Absolute path of a corpus file, creating its folder. */
export async function corpusPath(context: ItemContext, relative: string): Promise<string> {
  const path = join(context.out, relative);
  await mkdir(dirname(path), { recursive: true });
  return path;
}

export function workPath(context: ItemContext, name: string): string {
  return join(context.work, name);
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

export function timelineSentences(lines: readonly TimedLine[]): TimelineItem['sentences'] {
  return lines.map((line) => ({
    start: round3(line.start),
    end: round3(line.end),
    text: line.text,
    ...(line.speaker ? { speaker: line.speaker } : {}),
    ...(line.en ? { en: line.en } : {}),
  }));
}

/** A stable accent colour per item, all dark enough for white text on top (≥ 4.5:1). */
export function accentFor(key: string): string {
  const palette = ['#1E6F5C', '#6A3E9E', '#B23A48', '#1F5F99', '#8A5A00', '#0F6E7A'];
  let hash = 0;
  for (const char of key) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] ?? '#1E6F5C';
}
