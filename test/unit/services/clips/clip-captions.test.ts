import { describe, expect, it } from 'vitest';
import { clipVtt, cuesOfRange } from '../../../../src/services/clips/clip-captions.js';

const CUES = [
  { start: 0, end: 3, text: 'Un' },
  { start: 3.5, end: 4.5, text: 'Deux' },
  { start: 4.5, end: 6, text: 'Trois\nsur deux lignes' },
  { start: 8.5, end: 12, text: 'Cinq' },
  { start: 12, end: 14, text: 'Six' },
];

describe('cuesOfRange', () => {
  it('keeps the cues overlapping the range, cut to it and shifted so that its start is 0', () => {
    expect(cuesOfRange(CUES, { start: 4, end: 9 })).toEqual([
      { start: 0, end: 0.5, text: 'Deux' },
      { start: 0.5, end: 2, text: 'Trois\nsur deux lignes' },
      { start: 4.5, end: 5, text: 'Cinq' },
    ]);
  });

  it('leaves out a cue that only touches an end of the range', () => {
    expect(cuesOfRange(CUES, { start: 3, end: 3.5 })).toEqual([]);
    expect(cuesOfRange(CUES, { start: 12, end: 13 }).map((c) => c.text)).toEqual(['Six']);
  });

  it('writes them as WebVTT, an empty range as a header alone', () => {
    expect(clipVtt(CUES, { start: 11, end: 13 })).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nCinq\n\n00:00:01.000 --> 00:00:02.000\nSix\n');
    expect(clipVtt(CUES, { start: 6.5, end: 8 })).toBe('WEBVTT\n');
  });
});
