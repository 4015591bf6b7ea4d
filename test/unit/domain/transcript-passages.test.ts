import { describe, expect, it } from 'vitest';
import { passageAt, passagesOf, passageText } from '../../../src/domain/transcript-passages.js';

const cue = (start: number, text: string, speaker: string | null = null) => ({ start, end: start + 5, text, speaker });

describe('passages of a transcript', () => {
  const cues = [cue(0, 'Bonjour.', 'Ana'), cue(5, ''), cue(10, 'Je commence', 'Ana'), cue(15, 'Merci Ana.', 'Léo'), cue(60, 'Fin.', 'Léo')];
  const passages = passagesOf(cues);

  it('groups cues by speaker turn and names their indices (empty cues in none)', () => {
    expect(passages.map((p) => p.cues)).toEqual([[0, 2], [3], [4]]);
    expect(passageText(passages[0]!)).toBe('Bonjour. Je commence');
  });

  it('finds the passage containing a second; a gap belongs to the passage before', () => {
    expect(passageAt(passages, 12.3)?.cues).toEqual([0, 2]);
    expect(passageAt(passages, 15)?.cues).toEqual([3]);
    expect(passageAt(passages, 40)?.cues).toEqual([3]);
    expect(passageAt(passages, 9999)?.cues).toEqual([4]);
    expect(passageAt([], 3)).toBeNull();
  });
});
