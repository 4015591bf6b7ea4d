import type { Cue } from './text.js';

/**
 * A passage of a transcript: the cues of one speaker, about half a minute. The page shows one
 * paragraph per passage, and a suggested correction replaces the text of one passage, so both
 * group the cues with this one rule.
 */
export interface TranscriptPassage {
  start: number;
  end: number;
  speaker: string | null;
  /** The cues' texts, each on one line. */
  texts: string[];
  /** Indices in the transcript's cues (empty cues are in no passage). */
  cues: number[];
}

/** A new passage starts on a speaker change, after a sentence once this long, and in any case after the hard limit. */
const SOFT_SECONDS = 20;
const HARD_SECONDS = 40;
const SENTENCE_END = /[.!?…](?:["»”)\]]|\u00a0»)?$/;

/** Groups cues into passages a person can read: speaker turns, roughly 20–40 s each. */
export function passagesOf(cues: readonly Cue[]): TranscriptPassage[] {
  const passages: TranscriptPassage[] = [];
  let current: TranscriptPassage | null = null;
  cues.forEach((cue, index) => {
    const text = cue.text.replace(/\s*\n\s*/g, ' ').trim();
    if (text === '') return;
    const lastText = current?.texts[current.texts.length - 1] ?? '';
    const newSpeaker = current !== null && cue.speaker !== null && cue.speaker !== current.speaker;
    const long = current !== null && (cue.end - current.start > HARD_SECONDS || (cue.start - current.start >= SOFT_SECONDS && SENTENCE_END.test(lastText)));
    if (current === null || newSpeaker || long) {
      current = { start: cue.start, end: cue.end, speaker: cue.speaker, texts: [], cues: [] };
      passages.push(current);
    }
    current.texts.push(text);
    current.cues.push(index);
    current.end = Math.max(current.end, cue.end);
  });
  return passages;
}

/**
 * The passage said at `second`: the last one starting at or before it (a second between two
 * passages belongs to the one before, as the player marks it); the first one before any.
 * null for a transcript without text.
 */
export function passageAt(passages: readonly TranscriptPassage[], second: number): TranscriptPassage | null {
  let found: TranscriptPassage | null = passages[0] ?? null;
  for (const passage of passages) {
    if (passage.start > second) break;
    found = passage;
  }
  return found;
}

/** A passage's text as one line, as the page shows it and a visitor edits it. */
export function passageText(passage: TranscriptPassage): string {
  return passage.texts.join(' ');
}
