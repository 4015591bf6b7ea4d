import { describe, expect, it } from 'vitest';
import { candidateTimes, chooseFrame, frameCommand, judgeFrame, MIN_DETAIL, posterWidths, retryTimes } from '../../../src/pipeline/poster.js';

const stats = (mean: number, stdev: number, entropy: number, detail = stdev > 8 ? 0.02 : 0) => ({ width: 1280, height: 720, mean, stdev, entropy, detail });

describe('candidateTimes', () => {
  it('looks at 10, 25, 40 and 60 % of the recording', () => {
    expect(candidateTimes(600)).toEqual([60, 150, 240, 360]);
  });

  it('stays inside tiny clips and never repeats a time', () => {
    expect(candidateTimes(2)).toEqual([0.2, 0.5, 0.8, 1.2]);
    const tiny = candidateTimes(0.4);
    expect(Math.max(...tiny)).toBeLessThanOrEqual(0.3);
    expect(new Set(tiny).size).toBe(tiny.length);
    expect(candidateTimes(0)).toEqual([0]);
    expect(candidateTimes(Number.NaN)).toEqual([0]);
  });
});

describe('retryTimes', () => {
  it('looks between and after the first candidates when they were all blank', () => {
    expect(retryTimes(600, candidateTimes(600))).toEqual([30, 108, 198, 300, 450, 540]);
  });

  it('stays inside short clips and skips the times already tried', () => {
    // 6 s: the last second is out of reach, so 75 % and 90 % both become 5 s, once.
    expect(retryTimes(6, candidateTimes(6))).toEqual([0.3, 1.08, 1.98, 3, 4.5, 5]);
    expect(retryTimes(6, [0.3, 3])).toEqual([1.08, 1.98, 4.5, 5]);
    expect(retryTimes(0, [0])).toEqual([]);
  });
});

describe('frameCommand', () => {
  it('seeks on the input, then takes one frame at most 1280 px wide', () => {
    expect(frameCommand('/in/talk.mp4', 61.5, '/work/c1.png')).toEqual({
      inputs: [{ path: '/in/talk.mp4', options: ['-nostdin', '-ss', '61.500'] }],
      outputs: [
        {
          path: '/work/c1.png',
          options: [
            '-map', '0:V:0', '-an', '-sn', '-dn',
            '-vf', "scale=trunc(iw*sar/2)*2:ih,setsar=1,scale='min(1280,iw)':-2",
            '-frames:v', '1', '-update', '1', '-f', 'image2',
          ],
        },
      ],
    });
  });
});

describe('judging frames', () => {
  it('rejects black, white and flat frames: those without detail', () => {
    expect(judgeFrame(stats(3, 2, 0.5)).reason).toBe('black');
    expect(judgeFrame(stats(250, 4, 0.5)).reason).toBe('white');
    expect(judgeFrame(stats(120, 3, 1)).reason).toBe('flat');
    // A gradient has spread but no edge: still nothing to show.
    expect(judgeFrame(stats(150, 25, 5.8, 0)).reason).toBe('flat');
    expect(judgeFrame(stats(120, 40, 6))).toMatchObject({ usable: true, reason: null });
  });

  it('keeps a white or black slide with one line of text: judged by detail, not brightness', () => {
    // The measured figures of a 1280×720 white slide with one 24 px line, and of light text on black.
    expect(judgeFrame(stats(254.4, 10.2, 0.06, 0.0074))).toMatchObject({ usable: true, reason: null });
    expect(judgeFrame(stats(0.3, 8, 0.03, 0.004))).toMatchObject({ usable: true, reason: null });
    expect(judgeFrame(stats(254.9, 3.2, 0.01, MIN_DETAIL))).toMatchObject({ usable: true });
    expect(judgeFrame(stats(254.9, 3.2, 0.01, MIN_DETAIL / 2)).reason).toBe('white');
  });

  it('prefers the usable frame with the most detail', () => {
    const frames = [
      { time: 6, path: 'black', stats: stats(2, 1, 0.2) },
      { time: 15, path: 'slide', stats: stats(200, 50, 4.1) },
      { time: 24, path: 'speaker', stats: stats(110, 45, 7.2) },
      { time: 36, path: 'white', stats: stats(250, 20, 7.9, 0) },
    ];
    expect(chooseFrame(frames)).toEqual({ frame: frames[2], blank: false });
  });

  it('falls back to the best blank frame and says so', () => {
    const frames = [
      { time: 1, path: 'black', stats: stats(2, 1, 0.2) },
      { time: 2, path: 'grey', stats: stats(128, 2, 1.1) },
    ];
    expect(chooseFrame(frames)).toEqual({ frame: frames[1], blank: true });
    expect(chooseFrame([])).toBeNull();
  });
});

describe('posterWidths', () => {
  it('never enlarges, and keeps the source width when it falls between sizes', () => {
    expect(posterWidths(1920)).toEqual([320, 640, 1280]);
    expect(posterWidths(1280)).toEqual([320, 640, 1280]);
    expect(posterWidths(960)).toEqual([320, 640, 960]);
    expect(posterWidths(200)).toEqual([200]);
  });
});
