import type { Cue } from '../domain/text.js';

/**
 * Turns recognised speech (segments, with word times when the engine gives them) into caption
 * cues that follow the usual conventions (BBC / Netflix / French TV guidelines): at most two
 * lines of at most 42 characters, each cue on screen 1 to 7 seconds, no overlap, in order, a new
 * cue after a pause or at the end of a sentence when the current one has some text already.
 * Every word is kept: in the (absurd) case of more cues than seconds of media, they share it.
 */
export interface CaptionRules {
  maxLineLength: number;
  maxLines: number;
  minSeconds: number;
  maxSeconds: number;
  /** A silence longer than this starts a new cue. */
  pauseSeconds: number;
}

export const CAPTION_RULES: Readonly<CaptionRules> = { maxLineLength: 42, maxLines: 2, minSeconds: 1, maxSeconds: 7, pauseSeconds: 1.5 };

export interface LayoutWord {
  text: string;
  start: number;
  end: number;
}

/** A recognised stretch of speech in seconds from the start of the recording. */
export interface SpeechSegment {
  start: number;
  end: number;
  text: string;
  words: LayoutWord[] | null;
}

/** A cue with fewer characters than this does not end at a full stop: "Oui. Merci." stays one. */
const SENTENCE_BREAK_MIN_CHARS = 12;

/**
 * Words with times, in order. Without word times, a segment's duration is shared among its words
 * by length. Times never go backwards and stay within [0, mediaEnd].
 */
export function wordsOfSegments(segments: readonly SpeechSegment[], mediaEnd: number): LayoutWord[] {
  const words: LayoutWord[] = [];
  let floor = 0;
  const ordered = [...segments].sort((a, b) => a.start - b.start);
  for (const segment of ordered) {
    const timed = segment.words?.filter((w) => w.text.trim() !== '') ?? [];
    const source = timed.length > 0 ? timed : spreadOverSegment(segment);
    for (const word of source) {
      for (const text of word.text.split(/\s+/).filter(Boolean)) {
        const start = clamp(Math.max(word.start, floor), 0, mediaEnd);
        const end = clamp(Math.max(word.end, start), start, mediaEnd);
        words.push({ text, start, end });
        floor = start;
      }
    }
  }
  return words;
}

function spreadOverSegment(segment: SpeechSegment): LayoutWord[] {
  const texts = segment.text.split(/\s+/).filter(Boolean);
  const weights = texts.map((t) => t.length + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const span = Math.max(0, segment.end - segment.start);
  let at = segment.start;
  return texts.map((text, i) => {
    const start = at;
    at += (span * (weights[i] ?? 0)) / total;
    return { text, start, end: at };
  });
}

/** Cues from timed words: grouping first, then times that respect the rules. */
export function layoutCaptions(words: readonly LayoutWord[], mediaEnd: number, rules: Readonly<CaptionRules> = CAPTION_RULES): Cue[] {
  const groups = groupWords(words, rules);
  return timeGroups(groups, mediaEnd, rules).map(({ start, end, lines }) => ({ start, end, text: lines.join('\n'), speaker: null }));
}

interface Group {
  words: LayoutWord[];
  lines: string[];
}

function groupWords(words: readonly LayoutWord[], rules: Readonly<CaptionRules>): Group[] {
  const groups: Group[] = [];
  let current: LayoutWord[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (current.length > 0) groups.push({ words: current, lines });
    current = [];
    lines = [];
  };
  for (const word of words) {
    for (const piece of splitLongWord(word, rules.maxLineLength)) {
      const last = current[current.length - 1];
      const first = current[0];
      if (last && first) {
        const candidate = breakLines([...current, piece].map((w) => w.text), rules);
        const pause = piece.start - last.end > rules.pauseSeconds;
        const tooLong = piece.end - first.start > rules.maxSeconds;
        const sentenceDone = /[.?!…]["»”)]?$/.test(last.text) && textLength(current) >= SENTENCE_BREAK_MIN_CHARS;
        if (!candidate || pause || tooLong || sentenceDone) flush();
        else lines = candidate;
      }
      if (current.length === 0) lines = [piece.text];
      current.push(piece);
    }
  }
  flush();
  return groups;
}

/** A word longer than a line (a URL) is cut into line-sized pieces sharing its time. */
function splitLongWord(word: LayoutWord, max: number): LayoutWord[] {
  if ([...word.text].length <= max) return [word];
  const pieces: LayoutWord[] = [];
  const chars = [...word.text];
  for (let i = 0; i < chars.length; i += max) pieces.push({ text: chars.slice(i, i + max).join(''), start: word.start, end: word.end });
  return pieces;
}

/**
 * The words on at most `maxLines` lines of at most `maxLineLength` characters, lines as even as
 * possible (easier to read than a full line over a short one); null when they do not fit.
 */
export function breakLines(words: readonly string[], rules: Pick<CaptionRules, 'maxLineLength' | 'maxLines'> = CAPTION_RULES): string[] | null {
  const one = words.join(' ');
  if ([...one].length <= rules.maxLineLength) return [one];
  if (rules.maxLines < 2) return null;
  let best: string[] | null = null;
  let bestLongest = Infinity;
  for (let k = 1; k < words.length; k++) {
    const top = words.slice(0, k).join(' ');
    const bottom = words.slice(k).join(' ');
    const longest = Math.max([...top].length, [...bottom].length);
    if (longest <= rules.maxLineLength && longest < bestLongest) {
      best = [top, bottom];
      bestLongest = longest;
    }
  }
  return best;
}

/**
 * Times in whole milliseconds (WebVTT's precision, and no rounding drift). Forward: each cue
 * after the previous one, held at least the minimum, at most the maximum. Backward: nothing past
 * the end of the media, cues crowded against it moved earlier to keep their minimum. When the
 * media is too short for that (a second per cue), they share it evenly.
 */
function timeGroups(groups: readonly Group[], duration: number, rules: Readonly<CaptionRules>): { start: number; end: number; lines: string[] }[] {
  const ms = (seconds: number): number => Math.round(seconds * 1000);
  const mediaEnd = Math.floor(duration * 1000);
  const [min, max] = [ms(rules.minSeconds), ms(rules.maxSeconds)];
  const cues = groups.map((group) => ({ start: 0, end: 0, lines: group.lines, group }));

  let previousEnd = 0;
  for (const cue of cues) {
    const first = cue.group.words[0] as LayoutWord;
    const last = cue.group.words[cue.group.words.length - 1] as LayoutWord;
    cue.start = Math.max(ms(first.start), previousEnd);
    cue.end = cue.start + Math.min(max, Math.max(min, ms(last.end) - cue.start));
    previousEnd = cue.end;
  }
  let limit = mediaEnd;
  for (let i = cues.length - 1; i >= 0; i--) {
    const cue = cues[i] as (typeof cues)[number];
    cue.end = Math.min(cue.end, limit);
    cue.start = Math.min(cue.start, cue.end - Math.min(min, mediaEnd));
    limit = cue.start;
  }
  if (cues.length > 0 && (cues[0]?.start ?? 0) < 0) {
    cues.forEach((cue, i) => {
      cue.start = Math.floor((mediaEnd * i) / cues.length);
      cue.end = Math.floor((mediaEnd * (i + 1)) / cues.length);
    });
  }
  return cues.filter((cue) => cue.end > cue.start).map((cue) => ({ start: cue.start / 1000, end: cue.end / 1000, lines: cue.lines }));
}

function textLength(words: readonly LayoutWord[]): number {
  return words.reduce((n, w) => n + w.text.length + 1, -1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

