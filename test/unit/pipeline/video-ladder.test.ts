import { describe, expect, it } from 'vitest';
import { avcCodecString, chooseLadder, downloadRendition, h264Level, outputFps, type Rendition } from '../../../src/pipeline/video-ladder.js';

const sizes = (ladder: Rendition[]): string[] => ladder.map((r) => `${r.name} ${r.width}x${r.height}`);

describe('chooseLadder', () => {
  it('gives a 1080p source the four rungs, each with its cap, buffer, level and codec string', () => {
    expect(chooseLadder({ displayWidth: 1920, displayHeight: 1080, fps: 25 })).toEqual([
      { name: '1080p', width: 1920, height: 1080, maxrateKbps: 5000, bufsizeKbps: 10000, profile: 'high', level: '4.0', codecs: 'avc1.640028' },
      { name: '720p', width: 1280, height: 720, maxrateKbps: 2800, bufsizeKbps: 5600, profile: 'high', level: '3.1', codecs: 'avc1.64001f' },
      { name: '480p', width: 854, height: 480, maxrateKbps: 1400, bufsizeKbps: 2800, profile: 'high', level: '3.0', codecs: 'avc1.64001e' },
      { name: '360p', width: 640, height: 360, maxrateKbps: 800, bufsizeKbps: 1600, profile: 'high', level: '3.0', codecs: 'avc1.64001e' },
    ]);
  });

  it('never goes above the source: 720p and 480p sources', () => {
    expect(sizes(chooseLadder({ displayWidth: 1280, displayHeight: 720, fps: 25 }))).toEqual(['720p 1280x720', '480p 854x480', '360p 640x360']);
    expect(sizes(chooseLadder({ displayWidth: 854, displayHeight: 480, fps: 25 }))).toEqual(['480p 854x480', '360p 640x360']);
    // Between rungs: the rungs below, no odd-sized extra rendition.
    expect(sizes(chooseLadder({ displayWidth: 1600, displayHeight: 900, fps: 25 }))).toEqual(['720p 1280x720', '480p 854x480', '360p 640x360']);
  });

  it('caps a 4K source at 1080p', () => {
    expect(sizes(chooseLadder({ displayWidth: 3840, displayHeight: 2160, fps: 25 }))[0]).toBe('1080p 1920x1080');
  });

  it('keeps other aspect ratios, with even sizes', () => {
    expect(sizes(chooseLadder({ displayWidth: 1440, displayHeight: 1080, fps: 25 }))).toEqual([
      '1080p 1440x1080',
      '720p 960x720',
      '480p 640x480',
      '360p 480x360',
    ]);
    expect(sizes(chooseLadder({ displayWidth: 1920, displayHeight: 800, fps: 25 }))).toEqual(['720p 1728x720', '480p 1152x480', '360p 864x360']);
  });

  it('rates a portrait (rotated phone) source by its short side, the width, and keeps it upright', () => {
    const ladder = chooseLadder({ displayWidth: 1080, displayHeight: 1920, fps: 30 });
    expect(sizes(ladder)).toEqual(['1080p 1080x1920', '720p 720x1280', '480p 480x854', '360p 360x640']);
    // Same macroblock counts as landscape; at 30 fps 480p needs level 3.1.
    expect(ladder.map((r) => r.level)).toEqual(['4.0', '3.1', '3.1', '3.0']);
  });

  it('gives a source smaller than 360p one rendition at its own (even) size', () => {
    expect(chooseLadder({ displayWidth: 320, displayHeight: 180, fps: 25 })).toEqual([
      { name: '180p', width: 320, height: 180, maxrateKbps: 800, bufsizeKbps: 1600, profile: 'high', level: '3.0', codecs: 'avc1.64001e' },
    ]);
    expect(sizes(chooseLadder({ displayWidth: 321, displayHeight: 181, fps: 25 }))).toEqual(['180p 320x180']);
    expect(sizes(chooseLadder({ displayWidth: 180, displayHeight: 320, fps: 25 }))).toEqual(['180p 180x320']);
  });

  it('gives 50/60 fps half as much rate again, and the level the frame rate needs', () => {
    const ladder = chooseLadder({ displayWidth: 1920, displayHeight: 1080, fps: 60 });
    expect(ladder.map((r) => [r.name, r.maxrateKbps, r.level, r.codecs])).toEqual([
      ['1080p', 7500, '4.2', 'avc1.64002a'],
      ['720p', 4200, '3.2', 'avc1.640020'],
      ['480p', 2100, '3.1', 'avc1.64001f'],
      ['360p', 1200, '3.1', 'avc1.64001f'],
    ]);
  });

  it('caps the ladder for the sign-language window', () => {
    expect(sizes(chooseLadder({ displayWidth: 1920, displayHeight: 1080, fps: 25 }, { maxShort: 480 }))).toEqual(['480p 854x480', '360p 640x360']);
    expect(sizes(chooseLadder({ displayWidth: 400, displayHeight: 300, fps: 25 }, { maxShort: 480 }))).toEqual(['300p 400x300']);
  });
});

describe('outputFps', () => {
  it('keeps a sensible rate and replaces an unknown or absurd one (VFR files report 1000)', () => {
    expect(outputFps(29.97)).toBe(29.97);
    expect(outputFps(0)).toBe(25);
    expect(outputFps(1000)).toBe(25);
  });
});

describe('h264Level and avcCodecString', () => {
  it('picks the lowest level allowing the frame size, rate and bit rate', () => {
    expect(h264Level(1920, 1080, 30, 5000)).toEqual({ name: '4.0', idc: 40 });
    expect(h264Level(1920, 1080, 50, 7500)).toEqual({ name: '4.2', idc: 42 });
    expect(h264Level(1280, 720, 30, 2800)).toEqual({ name: '3.1', idc: 31 });
    expect(h264Level(1280, 720, 25, 30000)).toEqual({ name: '4.1', idc: 41 });
    expect(h264Level(640, 360, 25, 800)).toEqual({ name: '3.0', idc: 30 });
  });

  it('writes avc1.PPCCLL as x264 signals it', () => {
    expect(avcCodecString('high', 31)).toBe('avc1.64001f');
    expect(avcCodecString('main', 30)).toBe('avc1.4d401e');
    expect(avcCodecString('baseline', 30)).toBe('avc1.42c01e');
  });
});

describe('downloadRendition', () => {
  it('is the 720p rung, or the top rung of a smaller source', () => {
    expect(downloadRendition(chooseLadder({ displayWidth: 1920, displayHeight: 1080, fps: 25 })).name).toBe('720p');
    expect(downloadRendition(chooseLadder({ displayWidth: 854, displayHeight: 480, fps: 25 })).name).toBe('480p');
    expect(downloadRendition(chooseLadder({ displayWidth: 320, displayHeight: 180, fps: 25 })).name).toBe('180p');
  });
});
