import { describe, expect, it } from 'vitest';
import { mergeRereads, rangeAt, readingRanges, REREAD_SECONDS, slideRanges } from '../../../src/pipeline/slide-ranges.js';

describe('slideRanges', () => {
  it('starts with the first slide at 0 and ends the last with the video', () => {
    expect(slideRanges([4, 8.04], 12)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8.04 },
      { start: 8.04, end: 12 },
    ]);
  });

  it('gives a talk of one slide one range', () => {
    expect(slideRanges([], 300)).toEqual([{ start: 0, end: 300 }]);
  });
});

describe('readingRanges', () => {
  it('reads a short slide once', () => {
    expect(readingRanges([{ start: 0, end: 2 }, { start: 2, end: 80 }])).toEqual([
      { start: 0, end: 2, slide: 0 },
      { start: 2, end: 80, slide: 1 },
    ]);
  });

  it('reads a 5-minute slide once a minute, in equal parts', () => {
    expect(REREAD_SECONDS).toBe(60);
    const parts = readingRanges([{ start: 10, end: 310 }]);
    expect(parts.map((p) => p.start)).toEqual([10, 70, 130, 190, 250]);
    expect(parts.at(-1)?.end).toBe(310);
    expect(parts.every((p) => p.slide === 0)).toBe(true);
  });
});

describe('mergeRereads', () => {
  const text = 'Les communs numériques\nAccompagner sans remplacer\nDu référentiel aux usages';

  it('makes one reading of a slide read several times alike, spanning all of them', () => {
    const merged = mergeRereads([
      { start: 0, end: 60, text, confidence: 90, slide: 0 },
      { start: 60, end: 120, text: text.replace('usages', 'usaqes'), confidence: 88, slide: 0 },
      { start: 120, end: 130, text: 'Questions ?', confidence: 90, slide: 1 },
    ]);
    expect(merged).toEqual([
      { start: 0, end: 120, text, confidence: 90 },
      { start: 120, end: 130, text: 'Questions ?', confidence: 90 },
    ]);
  });

  it('keeps apart the readings of one slide that differ (a change the detector missed)', () => {
    const other = 'Accessibilité numérique\nFormer les médiateurs\nMesurer sans surveiller';
    expect(mergeRereads([
      { start: 0, end: 60, text, confidence: 90, slide: 0 },
      { start: 60, end: 120, text: other, confidence: 90, slide: 0 },
    ])).toHaveLength(2);
  });
});

describe('rangeAt', () => {
  it('finds the range shown at a time', () => {
    const ranges = [{ start: 0, end: 4 }, { start: 4, end: 8 }, { start: 8, end: 12 }];
    expect([0, 3.9, 4, 8.0000001, 11].map((t) => rangeAt(ranges, t))).toEqual([0, 0, 1, 2, 2]);
  });
});
