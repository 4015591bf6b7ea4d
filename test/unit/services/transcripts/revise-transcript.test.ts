import { describe, expect, it } from 'vitest';
import { reviewedByPeople } from '../../../../src/services/transcripts/revise-transcript.js';

const cues = [
  { start: 0, end: 2, text: 'Un', speaker: null },
  { start: 2, end: 4, text: ' ', speaker: null },
  { start: 4, end: 6, text: 'Deux', speaker: null },
];
const entry = (action: string, covered: number[], language = 'fr') => ({ at: '2026-12-07T00:00:00Z', by: 'camille', action, language, cues: covered, detail: '' });

describe('reviewed by people', () => {
  it('once accepted corrections cover every cue with text', () => {
    expect(reviewedByPeople(cues, [entry('transcript.correction', [0])], 'fr')).toBe(false);
    expect(reviewedByPeople(cues, [entry('transcript.correction', [0]), entry('transcript.correction', [2])], 'fr')).toBe(true);
  });

  it('not by the glossary, nor by corrections of another language', () => {
    expect(reviewedByPeople(cues, [entry('transcript.glossary', [0, 2])], 'fr')).toBe(false);
    expect(reviewedByPeople(cues, [entry('transcript.correction', [0, 2], 'en')], 'fr')).toBe(false);
  });

  it('or when an operator marks it reviewed as a whole', () => {
    expect(reviewedByPeople(cues, [entry('transcript.reviewed', [])], 'fr')).toBe(true);
  });
});
