import { describe, expect, it } from 'vitest';
import { revisePassage } from '../../../../src/services/corrections/revise-passage.js';

const cues = [
  { start: 0, end: 4, text: 'Bonjour à tous', speaker: null },
  { start: 4, end: 8, text: 'la mede num\nest là', speaker: null },
  { start: 8, end: 12, text: 'merci beaucoup', speaker: null },
];

describe('revisePassage', () => {
  it('puts each word back in the cue it was said in; times stay', () => {
    const revised = revisePassage(cues, [0, 1, 2], 'Bonjour à tous, la MedNum est là merci beaucoup', null);
    expect(revised.map((c) => [c.start, c.end, c.text])).toEqual([
      [0, 4, 'Bonjour à tous,'],
      [4, 8, 'la MedNum est là'],
      [8, 12, 'merci beaucoup'],
    ]);
  });

  it('leaves cues outside the passage alone and sets the speaker when given', () => {
    const revised = revisePassage(cues, [1], 'la MedNum est là', 'Jeanne Martin');
    expect(revised[0]).toBe(cues[0]);
    expect(revised[1]).toEqual({ start: 4, end: 8, text: 'la MedNum est là', speaker: 'Jeanne Martin' });
    expect(revised[2]).toBe(cues[2]);
  });

  it('a new first word goes to the first cue', () => {
    expect(revisePassage(cues, [1, 2], 'Alors la mede num est là merci', null).map((c) => c.text)).toEqual(['Bonjour à tous', 'Alors la mede num est là', 'merci']);
  });
});
