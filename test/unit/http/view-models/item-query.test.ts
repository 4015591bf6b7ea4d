import { describe, expect, it } from 'vitest';
import { parseItemQuery, parseMomentForm, parseMomentParam, parsePageNumber } from '../../../../src/http/view-models/item-query.js';

describe('item page query', () => {
  it('reads ?t= as a moment within the recording: a start, or a start and an end', () => {
    expect(parseMomentParam('754', 1000)).toEqual({ start: 754, end: null });
    expect(parseMomentParam('12.5', 1000)).toEqual({ start: 12.5, end: null });
    expect(parseMomentParam('0', 1000)).toEqual({ start: 0, end: null });
    expect(parseMomentParam('754,790', 1000)).toEqual({ start: 754, end: 790 });
    expect(parseMomentParam('12:34,13:10', 1000)).toEqual({ start: 754, end: 790 });
    expect(parseMomentParam('0:12:34,0:13:10.5', 1000)).toEqual({ start: 754, end: 790.5 });
    // An end past the recording stops at its end, as media fragments do.
    expect(parseMomentParam('990,1200', 1000)).toEqual({ start: 990, end: 1000 });
  });

  it('ignores anything else, as if there were no ?t=', () => {
    for (const bad of ['abc', '-3', '1e3', '', '12s', 'NaN', 'Infinity', '1000', '1001', '0x10', '790,754', '754,754', '1:75', '1,2,3']) expect(parseMomentParam(bad, 1000), bad).toBeNull();
    expect(parseMomentParam(['12', '13'], 1000)).toBeNull();
    expect(parseMomentParam({ a: '1' }, 1000)).toBeNull();
    expect(parseMomentParam(undefined, 1000)).toBeNull();
  });

  it('reads the cite form\'s two fields, saying which one is wrong', () => {
    expect(parseMomentForm(undefined, undefined, 1000)).toBeNull();
    expect(parseMomentForm('12:34', '13:10', 1000)).toEqual({ ok: true, moment: { start: 754, end: 790 } });
    expect(parseMomentForm(' 12:34 ', '', 1000)).toEqual({ ok: true, moment: { start: 754, end: null } });
    expect(parseMomentForm('', '1:00', 1000)).toEqual({ ok: true, moment: { start: 0, end: 60 } });
    expect(parseMomentForm('', '', 1000)).toEqual({ ok: true, moment: null });
    expect(parseMomentForm('12:99', '13:10', 1000)).toEqual({ ok: false, from: '12:99', to: '13:10', problem: 'start' });
    expect(parseMomentForm('12:34', 'fin', 1000)).toEqual({ ok: false, from: '12:34', to: 'fin', problem: 'end' });
    expect(parseMomentForm('13:10', '12:34', 1000)).toEqual({ ok: false, from: '13:10', to: '12:34', problem: 'order' });
    expect(parseMomentForm('20:00', '', 1000)).toEqual({ ok: false, from: '20:00', to: '', problem: 'late' });
    expect(parseMomentForm('1,2', '', 1000)).toMatchObject({ ok: false, problem: 'start' });
  });

  it('validates page numbers against the page count', () => {
    expect(parsePageNumber('3', 5)).toBe(3);
    for (const bad of ['0', '6', '-1', '2.5', 'x', '']) expect(parsePageNumber(bad, 5), bad).toBeNull();
  });

  it('keeps only transcript languages the item has, and ?ad=1', () => {
    const query = parseItemQuery({ t: '30', transcript: 'de', ad: '1', q: '  communs ' }, { duration: 100, pageCount: 0, transcriptLanguages: ['fr', 'en'] });
    expect(query).toEqual({ moment: { start: 30, end: null }, momentForm: null, page: null, transcript: null, audioDescribed: true, q: 'communs' });
    expect(parseItemQuery({ transcript: 'en' }, { duration: 100, pageCount: 0, transcriptLanguages: ['fr', 'en'] }).transcript).toBe('en');
  });
});
