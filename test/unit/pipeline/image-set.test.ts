import { describe, expect, it } from 'vitest';
import { pictureProblem } from '../../../src/pipeline/image-set.js';

const stats = (mean: number, stdev: number, entropy: number, detail = stdev > 8 ? 0.02 : 0) => ({ width: 1280, height: 720, mean, stdev, entropy, detail });

describe('pictureProblem (supplied cover art)', () => {
  it('refuses placeholders, thumbnails and blank pictures; keeps real art', () => {
    expect(pictureProblem({ width: 1, height: 1, mean: 90, stdev: 0, entropy: 0, detail: 0 })).toBe('too small (1×1 px, under 320 px wide)');
    expect(pictureProblem({ width: 300, height: 300, mean: 120, stdev: 60, entropy: 7, detail: 0.05 })).toMatch(/^too small/);
    expect(pictureProblem(stats(3, 1, 0.1))).toBe('blank (black)');
    expect(pictureProblem(stats(128, 2, 0.4))).toBe('blank (flat)');
    expect(pictureProblem({ width: 320, height: 320, mean: 120, stdev: 60, entropy: 7, detail: 0.05 })).toBeNull();
  });
});
