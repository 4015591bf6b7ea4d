import { describe, expect, it } from 'vitest';
import { detailShare, EDGE_LEVEL } from '../../../../src/adapters/image-tool/detail-share.js';

/** A width × height grey picture from a function of the pixel's position. */
function picture(width: number, height: number, grey: (x: number, y: number) => number): Uint8Array {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels[y * width + x] = grey(x, y);
  return pixels;
}

describe('detailShare', () => {
  it('finds no detail in flat, white, black or smoothly shaded pictures', () => {
    expect(detailShare(picture(40, 30, () => 255), 40, 30)).toBe(0);
    expect(detailShare(picture(40, 30, () => 0), 40, 30)).toBe(0);
    expect(detailShare(picture(40, 30, () => 128), 40, 30)).toBe(0);
    // A gradient of 6 levels a pixel: spread, but no edge.
    expect(detailShare(picture(40, 30, (x) => x * 6), 40, 30)).toBe(0);
  });

  it('counts the pixels on the edges of a dark stroke on white', () => {
    // One dark vertical stroke, 2 px wide, on white: its two columns and the columns either side are edges.
    const stroke = picture(40, 30, (x) => (x === 20 || x === 21 ? 30 : 255));
    const share = detailShare(stroke, 40, 30);
    expect(share).toBeCloseTo((4 * 28) / (38 * 28), 6);
  });

  it('ignores differences under the edge level (codec noise) and counts those above', () => {
    // A checkerboard: each pixel differs from its four neighbours by d, so its Laplacian is 4d.
    const faint = picture(10, 10, (x, y) => ((x + y) % 2 === 0 ? 128 : 128 + Math.floor((EDGE_LEVEL - 1) / 4)));
    expect(detailShare(faint, 10, 10)).toBe(0);
    const strong = picture(10, 10, (x, y) => ((x + y) % 2 === 0 ? 128 : 128 + Math.ceil(EDGE_LEVEL / 4)));
    expect(detailShare(strong, 10, 10)).toBe(1);
  });

  it('has nothing to say of pictures under 3 × 3 pixels', () => {
    expect(detailShare(new Uint8Array([0, 255, 0, 255]), 2, 2)).toBe(0);
  });
});
