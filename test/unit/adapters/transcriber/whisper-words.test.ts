import { describe, expect, it } from 'vitest';
import { wordsOfSegment } from '../../../../src/adapters/transcriber/whisper-words.js';

describe('wordsOfSegment (whisper tokens)', () => {
  it('takes words from the text and times from the tokens, even when a letter is split over two tokens', () => {
    // "é" is two bytes, each a token of its own that the binding decodes as U+FFFD.
    const tokens = [
      { text: ' M', startMs: 0, endMs: 100 }, { text: '\uFFFD', startMs: 100, endMs: 150 }, { text: '\uFFFD', startMs: 150, endMs: 200 },
      { text: 'diation', startMs: 200, endMs: 600 }, { text: ' num', startMs: 700, endMs: 900 }, { text: '\uFFFD', startMs: 900, endMs: 950 },
      { text: '\uFFFD', startMs: 950, endMs: 1000 }, { text: 'rique', startMs: 1000, endMs: 1300 },
    ];
    const words = wordsOfSegment(' Médiation numérique', tokens, { startMs: 0, endMs: 1400 });
    expect(words?.map((w) => w.text)).toEqual(['Médiation', 'numérique']);
    expect(words?.[0]).toMatchObject({ startMs: 0 });
    expect(words?.[0]?.endMs).toBeGreaterThanOrEqual(550);
    expect(words?.[1]?.startMs).toBeGreaterThanOrEqual(words?.[0]?.endMs ?? Infinity);
    expect(words?.[1]?.endMs).toBe(1300);
  });

  it('keeps times inside the segment and in order', () => {
    const words = wordsOfSegment(' a b', [{ text: ' a', startMs: 900, endMs: 5000 }, { text: ' b', startMs: 10, endMs: 20 }], { startMs: 500, endMs: 2000 });
    expect(words).toEqual([{ text: 'a', startMs: 900, endMs: 2000 }, { text: 'b', startMs: 2000, endMs: 2000 }]);
  });

  it('gives null without token times', () => {
    expect(wordsOfSegment(' a', [], { startMs: 0, endMs: 10 })).toBeNull();
  });
});
