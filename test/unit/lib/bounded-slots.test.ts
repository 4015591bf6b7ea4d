import { describe, expect, it } from 'vitest';
import { BoundedSlots, SlotsBusyError } from '../../../src/lib/bounded-slots.js';

/** A task that runs until released: what holds a slot in these tests. */
function held(): { task: () => Promise<string>; release: (value: string) => void; started: Promise<void> } {
  let release = (_: string): void => {};
  let started = (): void => {};
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  const done = new Promise<string>((resolve) => (release = resolve));
  return { task: () => (started(), done), release, started: startedPromise };
}

describe('BoundedSlots', () => {
  it('runs at most `slots` tasks at once; the next waits for a free slot, in order of arrival', async () => {
    const slots = new BoundedSlots(2, 60_000);
    const [a, b, c, d] = [held(), held(), held(), held()];
    const order: string[] = [];
    const results = [a, b, c, d].map((h, i) => slots.run(async () => `${await h.task()}${i}`).then((r) => (order.push(r), r)));
    await Promise.all([a.started, b.started]);
    expect(slots.load).toEqual({ running: 2, waiting: 2 });
    a.release('a');
    await c.started;
    expect(slots.load).toEqual({ running: 2, waiting: 1 });
    b.release('b');
    c.release('c');
    await d.started;
    d.release('d');
    expect(await Promise.all(results)).toEqual(['a0', 'b1', 'c2', 'd3']);
    expect(order).toEqual(['a0', 'b1', 'c2', 'd3']);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gives up after the longest wait with SlotsBusyError and a Retry-After hint; the slot stays usable', async () => {
    const slots = new BoundedSlots(1, 5);
    const h = held();
    const first = slots.run(h.task);
    await h.started;
    const refused = await slots.run(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SlotsBusyError);
    expect((refused as SlotsBusyError).retryAfterSeconds).toBe(1);
    expect(slots.load).toEqual({ running: 1, waiting: 0 });
    h.release('done');
    expect(await first).toBe('done');
    expect(await slots.run(async () => 'next')).toBe('next');
  });

  it('frees the slot of a task that failed', async () => {
    const slots = new BoundedSlots(1, 5);
    await expect(slots.run(async () => Promise.reject(new Error('ffmpeg failed')))).rejects.toThrow('ffmpeg failed');
    expect(await slots.run(async () => 'after')).toBe('after');
  });

  it('refuses a number of slots that is not a whole number from 1', () => {
    expect(() => new BoundedSlots(0, 1)).toThrow('slots must be a whole number from 1, not 0');
  });
});
