import { describe, expect, it } from 'vitest';
import { momentLength, momentParam, parseClock, parseMoment } from '../../../src/domain/moment.js';

describe('parseClock', () => {
  it.each([
    ['754', 754], ['754.5', 754.5], ['12:34', 754], ['1:02:03', 3723], ['01:02:03.25', 3723.25], ['0:05', 5], ['100:00:00', 360000],
  ])('%s → %s s', (text, seconds) => expect(parseClock(text)).toBe(seconds));

  it.each(['', 'abc', '-3', '1:75', '1:60:00', '12:34:56:78', '1e3', '12,5'])('refuses %j', (text) => expect(parseClock(text)).toBeNull());
});

describe('parseMoment', () => {
  it('reads a start alone, a range, npt: and a range from the beginning', () => {
    expect(parseMoment('754')).toEqual({ ok: true, moment: { start: 754, end: null } });
    expect(parseMoment('12:34,13:10')).toEqual({ ok: true, moment: { start: 754, end: 790 } });
    expect(parseMoment('npt:10,20.5')).toEqual({ ok: true, moment: { start: 10, end: 20.5 } });
    expect(parseMoment(',30')).toEqual({ ok: true, moment: { start: 0, end: 30 } });
  });

  it('stops an end past the recording at its end', () => {
    expect(parseMoment('10,900', 120)).toEqual({ ok: true, moment: { start: 10, end: 120 } });
  });

  it.each([
    ['', 0, 'is empty'],
    ['abc', 0, '"abc" is not a time'],
    ['10,abc', 0, '"abc" is not a time'],
    ['20,10', 0, 'ends at 10 s, not after its start (20 s)'],
    ['20,20', 0, 'not after its start'],
    ['1,2,3', 0, 'more than one comma'],
    ['130', 120, 'after the end of the recording (120 s)'],
  ])('refuses %j (duration %s) saying %j', (text, duration, reason) => {
    const result = parseMoment(text, duration);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('momentParam', () => {
  it('writes seconds with at most 3 decimals, the end after a comma', () => {
    expect(momentParam({ start: 754, end: null })).toBe('754');
    expect(momentParam({ start: 1 / 3, end: 790.5 })).toBe('0.333,790.5');
    expect(momentLength({ start: 10, end: 25 })).toBe(15);
    expect(momentLength({ start: 10, end: null })).toBeNull();
  });
});
