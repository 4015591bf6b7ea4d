import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../src/pipeline/ocr-readers.js';

describe('mapLimit (slides read two at a time)', () => {
  const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([30, 5, 20, 1, 10], 2, async (ms, index) => {
      most = Math.max(most, ++running);
      await tick(ms);
      running -= 1;
      return index * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, waits for the item in flight, then throws the failure', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const failure = mapLimit([0, 1, 2, 3], 2, async (item) => {
      started.push(item);
      if (item === 0) throw new Error('slide 1 could not be read');
      await tick(20);
      finished.push(item);
      return item;
    });
    await expect(failure).rejects.toThrow('slide 1 could not be read');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });
});
