import { describe, expect, it } from 'vitest';
import { LevelMeter, planWindows } from '../../../src/pipeline/speech-windows.js';

describe('speech windows', () => {
  const second = 10; // level frames per second

  function levels(seconds: number, quietAt: number[] = [], silentFrom = Infinity): number[] {
    return Array.from({ length: seconds * second }, (_, i) => {
      const t = i / second;
      if (t >= silentFrom) return -Infinity;
      return quietAt.some((q) => Math.abs(t - q) < 0.15) ? -60 : -20 + (i % 7);
    });
  }

  it('cuts a long recording near every five minutes, at the quietest moment', () => {
    // Each target is 300 s after the previous cut; the quiet moments are within 10 s of them.
    const windows = planWindows(levels(1000, [296, 590, 893]), 1000);
    expect(windows.map((w) => w.start)).toEqual([0, 296.15, 590.15, 892.95]);
    expect(windows[windows.length - 1]?.end).toBe(1000);
    for (let i = 1; i < windows.length; i++) expect(windows[i]?.start).toBe(windows[i - 1]?.end);
    expect(windows.every((w) => w.sound)).toBe(true);
  });

  it('keeps a short recording whole and lets the last window run a little long', () => {
    expect(planWindows(levels(40), 40)).toEqual([{ start: 0, end: 40, sound: true }]);
    expect(planWindows(levels(305), 305)).toHaveLength(1);
  });

  it('marks windows without sound, which are not transcribed', () => {
    const windows = planWindows(levels(700, [], 290), 700);
    expect(windows.map((w) => w.sound)).toEqual([true, false, false]);
    expect(planWindows(levels(5, [], 0), 5)).toEqual([{ start: 0, end: 5, sound: false }]);
  });

  it('measures levels frame by frame across chunks', () => {
    const meter = new LevelMeter(1000);
    meter.push(new Float32Array(150).fill(0.5));
    meter.push(new Float32Array(100).fill(0));
    const measured = meter.finish();
    expect(measured).toHaveLength(3);
    expect(measured[0]).toBeCloseTo(20 * Math.log10(0.5));
    expect(measured[2]).toBe(-Infinity);
  });
});
