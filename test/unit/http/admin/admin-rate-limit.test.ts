import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../../../src/http/admin/admin-rate-limit.js';

/** A clock the test moves by hand (the limiter takes its clock as a parameter). */
function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

describe('the failure limiter', () => {
  it('lets ten failures through, then refuses with the seconds left in the window', () => {
    const c = clock();
    const limiter = new FailureLimiter(10, 15 * 60_000, c.now);
    for (let i = 0; i < 9; i++) limiter.fail('127.0.0.1');
    expect(limiter.retryAfter('127.0.0.1')).toBeNull();
    limiter.fail('127.0.0.1');
    expect(limiter.retryAfter('127.0.0.1')).toBe(900);
    c.advance(60_000);
    expect(limiter.retryAfter('127.0.0.1')).toBe(840);
    c.advance(839_500);
    expect(limiter.retryAfter('127.0.0.1')).toBe(1);
    c.advance(500);
    expect(limiter.retryAfter('127.0.0.1')).toBeNull();
  });

  it('counts each key on its own, and forgets a key on reset', () => {
    const limiter = new FailureLimiter(2, 60_000, clock().now);
    limiter.fail('camille');
    limiter.fail('camille');
    limiter.fail('dominique');
    expect(limiter.retryAfter('camille')).toBe(60);
    expect(limiter.retryAfter('dominique')).toBeNull();
    limiter.reset('camille');
    expect(limiter.retryAfter('camille')).toBeNull();
  });

  it('starts a new window after the old one ends (fixed windows)', () => {
    const c = clock();
    const limiter = new FailureLimiter(2, 60_000, c.now);
    limiter.fail('x');
    c.advance(59_000);
    limiter.fail('x');
    expect(limiter.retryAfter('x')).toBe(1);
    c.advance(1_000);
    limiter.fail('x');
    expect(limiter.retryAfter('x')).toBeNull();
  });

  it('stays bounded when many addresses fail at once', () => {
    const limiter = new FailureLimiter(1, 60_000, clock().now);
    for (let i = 0; i < 25_000; i++) limiter.fail(`10.0.${i >> 8}.${i & 255}`);
    // The newest are still counted; the oldest were forgotten rather than letting memory grow.
    expect(limiter.retryAfter(`10.0.${24_999 >> 8}.${24_999 & 255}`)).toBe(60);
    expect(limiter.retryAfter('10.0.0.0')).toBeNull();
  });
});
