import { describe, expect, it } from 'vitest';
import { DailyVisitors } from '../../../../src/services/stats/visitors.js';

const ANNE = { address: '203.0.113.7', userAgent: 'Firefox' };
const BRUNO = { address: '203.0.113.8', userAgent: 'Firefox' };

describe('DailyVisitors', () => {
  it('counts a visitor once per item and per day; another address, user agent or item is another visitor', () => {
    const visitors = new DailyVisitors(() => new Date('2026-12-07T10:00:00Z'));
    expect(visitors.firstToday('talk-a', ANNE)).toBe(true);
    expect(visitors.firstToday('talk-a', ANNE)).toBe(false);
    expect(visitors.firstToday('talk-a', BRUNO)).toBe(true);
    expect(visitors.firstToday('talk-a', { ...ANNE, userAgent: 'Chrome' })).toBe(true);
    expect(visitors.firstToday('talk-b', ANNE)).toBe(true);
    expect(visitors.size).toBe(4);
  });

  it('forgets everyone when the day changes in Paris (a new salt, an empty set)', () => {
    let now = new Date('2026-12-07T22:59:00Z'); // 23:59 in Paris
    const visitors = new DailyVisitors(() => now);
    expect(visitors.firstToday('talk-a', ANNE)).toBe(true);
    expect(visitors.firstToday('talk-a', ANNE)).toBe(false);
    now = new Date('2026-12-07T23:00:00Z'); // midnight in Paris, still the 7th in UTC
    expect(visitors.firstToday('talk-a', ANNE)).toBe(true);
    expect(visitors.size).toBe(1);
  });

  it('keeps neither the address nor the user agent, and uses a salt of its own (two processes cannot link their visitors)', () => {
    const clock = () => new Date('2026-12-07T10:00:00Z');
    const one = new DailyVisitors(clock);
    const two = new DailyVisitors(clock);
    one.firstToday('talk-a', ANNE);
    two.firstToday('talk-a', ANNE);
    const held = (visitors: DailyVisitors) => [...(visitors as unknown as { seen: Set<string> }).seen];
    const [a] = held(one);
    const [b] = held(two);
    expect(a).not.toContain(ANNE.address);
    expect(a).not.toContain(ANNE.userAgent);
    expect(a).not.toBe(b);
  });

  it('stops remembering past its bound, so memory stays bounded (new pairs then count as new)', () => {
    const visitors = new DailyVisitors(() => new Date('2026-12-07T10:00:00Z'), 2);
    visitors.firstToday('a', ANNE);
    visitors.firstToday('b', ANNE);
    expect(visitors.firstToday('c', ANNE)).toBe(true);
    expect(visitors.firstToday('c', ANNE)).toBe(true);
    expect(visitors.size).toBe(2);
  });
});
