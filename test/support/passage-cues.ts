import { expect } from 'vitest';
import type { Cue, TranscriptFile } from '../../src/domain/text.js';
import { buildPassages, type Passage } from '../../src/services/text/passages.js';

/** Cues and their one passage, shared by the time-marks tests and the search tests that open a hit at its cue. */
export const cue = (start: number, end: number, text: string): Cue => ({ start, end, text, speaker: null });
const transcript = (cues: Cue[], source: TranscriptFile['source'] = 'captions-reviewed'): TranscriptFile => ({ version: 1, language: 'fr', source, cues });
export const onlyPassage = (cues: Cue[], source?: TranscriptFile['source']): Passage => {
  const passages = buildPassages({ itemId: 'x', transcripts: [transcript(cues, source)], slides: null, pages: null });
  expect(passages).toHaveLength(1);
  return passages[0] as Passage;
};

// Accented French before the words: bytes and characters differ by then (é, è, ç, « » are 2 bytes, ’ is 3).
export const CUES = [
  cue(0.4, 2.5, 'Bonjour à toutes et à tous.'),
  cue(2.5, 6.1, 'La souveraineté numérique des territoires,'),
  cue(6.1, 9.8, 'c’est d’abord « choisir » ses outils,\nses hébergeurs'),
  cue(11.2, 14.9, 'et décider ensemble de leur gouvernance.'),
];
