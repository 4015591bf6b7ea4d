import { describe, expect, it } from 'vitest';
import { commonWords, wordDiff } from '../../../../src/services/corrections/word-diff.js';

describe('wordDiff', () => {
  it('marks replaced, removed and added words, runs merged', () => {
    expect(wordDiff('la mede num est une coopérative', 'la MedNum est une coopérative nationale')).toEqual([
      { op: 'same', text: 'la' },
      { op: 'del', text: 'mede num' },
      { op: 'ins', text: 'MedNum' },
      { op: 'same', text: 'est une coopérative' },
      { op: 'ins', text: 'nationale' },
    ]);
  });

  it('has only kept words for the same text, whatever the spaces', () => {
    expect(wordDiff('un  deux\ntrois', 'un deux trois')).toEqual([{ op: 'same', text: 'un deux trois' }]);
  });

  it('handles empty texts on either side', () => {
    expect(wordDiff('', 'bonjour')).toEqual([{ op: 'ins', text: 'bonjour' }]);
    expect(wordDiff('bonjour', '')).toEqual([{ op: 'del', text: 'bonjour' }]);
  });

  it('keeps the longest common subsequence', () => {
    expect(commonWords(['a', 'b', 'c', 'd'], ['b', 'x', 'c', 'd'])).toEqual([[1, 0], [2, 2], [3, 3]]);
  });
});
