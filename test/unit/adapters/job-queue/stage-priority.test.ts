import { describe, expect, it } from 'vitest';
import { stagePriority } from '../../../../src/adapters/job-queue/bullmq-job-queue.js';

describe('the priority of a job’s stage on the shared queue', () => {
  it('puts a costlier job first, and a job’s later stages before its earlier ones, all within BullMQ’s range', () => {
    const small = { work: 700_000 };
    const large = { work: 4_000_000 };
    // BullMQ takes the lowest number first.
    expect(stagePriority(large, 0)).toBeLessThan(stagePriority(small, 0));
    expect(stagePriority(large, 13)).toBeLessThan(stagePriority(large, 1));
    // Every stage of the costlier job before any of the other's.
    expect(stagePriority(large, 0)).toBeLessThan(stagePriority(small, 13));
    // Jobs a few percent apart keep their order.
    expect(stagePriority({ work: 3_700_000 }, 0)).toBeLessThan(stagePriority({ work: 3_600_000 }, 0));
    for (const work of [undefined, 0, -5, 1, 1e12, 1e20]) {
      for (const index of [0, 13, 200]) {
        const priority = stagePriority({ ...(work === undefined ? {} : { work }) }, index);
        expect(Number.isInteger(priority)).toBe(true);
        expect(priority).toBeGreaterThanOrEqual(1);
        expect(priority).toBeLessThan(2 ** 21);
      }
    }
    // A job without an estimate comes after every job with one.
    expect(stagePriority({}, 0)).toBeGreaterThan(stagePriority({ work: 1 }, 0));
  });
});
