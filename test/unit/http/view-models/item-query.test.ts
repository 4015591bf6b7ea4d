import { describe, expect, it } from 'vitest';
import { parseItemQuery, parsePageNumber, parseStartTime } from '../../../../src/http/view-models/item-query.js';

describe('item page query', () => {
  it('accepts whole or decimal seconds within the recording', () => {
    expect(parseStartTime('754', 1000)).toBe(754);
    expect(parseStartTime('12.5', 1000)).toBe(12.5);
    expect(parseStartTime('0', 1000)).toBe(0);
    expect(parseStartTime('1000', 1000)).toBe(1000);
  });

  it('ignores anything else', () => {
    for (const bad of ['abc', '-3', '1e3', '', ' 12', '12s', 'NaN', 'Infinity', '1001', '0x10']) expect(parseStartTime(bad, 1000), bad).toBeNull();
    expect(parseStartTime(['12', '13'], 1000)).toBeNull();
    expect(parseStartTime({ a: '1' }, 1000)).toBeNull();
    expect(parseStartTime(undefined, 1000)).toBeNull();
  });

  it('validates page numbers against the page count', () => {
    expect(parsePageNumber('3', 5)).toBe(3);
    for (const bad of ['0', '6', '-1', '2.5', 'x', '']) expect(parsePageNumber(bad, 5), bad).toBeNull();
  });

  it('keeps only transcript languages the item has, and ?ad=1', () => {
    const query = parseItemQuery({ t: '30', transcript: 'de', ad: '1', q: '  communs ' }, { duration: 100, pageCount: 0, transcriptLanguages: ['fr', 'en'] });
    expect(query).toEqual({ startAt: 30, page: null, transcript: null, audioDescribed: true, q: 'communs' });
    expect(parseItemQuery({ transcript: 'en' }, { duration: 100, pageCount: 0, transcriptLanguages: ['fr', 'en'] }).transcript).toBe('en');
  });
});
