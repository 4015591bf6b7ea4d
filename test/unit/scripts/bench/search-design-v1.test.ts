import { describe, expect, it } from 'vitest';
import { compareCounts } from '../../../../scripts/bench/search-design-v1.js';

describe('comparing two designs’ counts', () => {
  const cutList = (extra: Record<string, number>): Record<string, number> => ({
    ...Object.fromEntries(Array.from({ length: 98 }, (_, i) => [`v${i}`, 3])),
    ...extra,
  });

  it('calls identical the same total and the same count for every value, in any order', () => {
    expect(compareCounts({ total: 2, facets: { kind: { talk: 1, podcast: 1 } } }, { total: 2, facets: { kind: { podcast: 1, talk: 1 } } })).toBe('identical');
  });

  it('tells apart a facet cut at 100 values whose lowest tie was cut elsewhere', () => {
    const before = { total: 9, facets: { speakers: cutList({ a: 1, b: 1 }) } };
    expect(compareCounts(before, { total: 9, facets: { speakers: cutList({ a: 1, c: 1 }) } })).toBe('cut ties');
    // Not a tie at the cut: a value above the lowest count, a different count, a list not cut, a total.
    expect(compareCounts(before, { total: 9, facets: { speakers: cutList({ a: 1, c: 2 }) } })).toBe('different');
    expect(compareCounts({ total: 2, facets: { kind: { talk: 1 } } }, { total: 2, facets: { kind: { talk: 2 } } })).toBe('different');
    expect(compareCounts({ total: 2, facets: { kind: { talk: 1 } } }, { total: 2, facets: { kind: { podcast: 1 } } })).toBe('different');
    expect(compareCounts({ total: 2, facets: {} }, { total: 3, facets: {} })).toBe('different');
  });
});
