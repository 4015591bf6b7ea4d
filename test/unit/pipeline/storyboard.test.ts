import { describe, expect, it } from 'vitest';
import {
  expectedTileCount,
  sheetCount,
  sheetLayout,
  storyboardCommand,
  storyboardInterval,
  storyboardVtt,
  tileSize,
  tilesFitGrid,
} from '../../../src/pipeline/storyboard.js';

describe('storyboardInterval', () => {
  it('grows with the duration', () => {
    expect([5, 119, 120, 599, 600, 3599, 3600, 10_800].map(storyboardInterval)).toEqual([2, 2, 5, 5, 10, 10, 20, 20]);
  });

  it('keeps a 3-hour plenary at 540 tiles and longer days near that', () => {
    expect(expectedTileCount(10_800, storyboardInterval(10_800))).toBe(540);
    expect(storyboardInterval(8 * 3600)).toBe(60);
    expect(expectedTileCount(8 * 3600, 60)).toBe(480);
  });
});

describe('tiles and sheets', () => {
  it('keeps the display aspect with an even height', () => {
    expect(tileSize(1920, 1080)).toEqual({ width: 160, height: 90 });
    expect(tileSize(1440, 1080)).toEqual({ width: 160, height: 120 });
    expect(tileSize(1080, 1920)).toEqual({ width: 160, height: 284 });
    expect(tileSize(720, 576).height % 2).toBe(0);
  });

  it('counts one tile per slot that starts before the end', () => {
    expect(expectedTileCount(7, 2)).toBe(4);
    expect(expectedTileCount(8, 2)).toBe(4);
    expect(expectedTileCount(8.04, 2)).toBe(5);
    expect(expectedTileCount(0.5, 2)).toBe(1);
  });

  it('cuts a 3-hour 16:9 storyboard into six 1600 × 900 sheets', () => {
    const layout = sheetLayout(540, tileSize(1920, 1080));
    expect(layout).toEqual({ columns: 10, rows: 10, perSheet: 100, tileWidth: 160, tileHeight: 90 });
    expect(sheetCount(540, layout)).toBe(6);
    expect(layout.columns * layout.tileWidth).toBeLessThan(16_000);
    expect(layout.rows * layout.tileHeight).toBeLessThan(16_000);
  });

  it('keeps sheets of tall tiles below 16,000 px', () => {
    const layout = sheetLayout(540, { width: 160, height: 2000 });
    expect(layout.rows).toBe(7);
    expect(layout.rows * layout.tileHeight).toBeLessThan(16_000);
  });

  it('makes one tight sheet for a short clip', () => {
    expect(sheetLayout(3, { width: 160, height: 90 })).toEqual({ columns: 3, rows: 1, perSheet: 3, tileWidth: 160, tileHeight: 90 });
    expect(sheetLayout(23, { width: 160, height: 90 })).toMatchObject({ columns: 10, rows: 3, perSheet: 30 });
  });
});

describe('storyboardCommand', () => {
  const layout = sheetLayout(540, { width: 160, height: 90 });

  it('takes the first frame at or after each multiple of the interval and tiles them', () => {
    const command = storyboardCommand({ source: '/in/talk.mp4', folder: '/work/sb', interval: 20, layout, keyframesOnly: true, duration: 10_800 });
    expect(command).toEqual({
      inputs: [{ path: '/in/talk.mp4', options: ['-nostdin', '-skip_frame', 'nokey'] }],
      outputs: [
        {
          path: '/work/sb/sheet-%03d.png',
          options: [
            '-map', '0:V:0', '-an', '-sn', '-dn',
            '-vf', "select='gte(t,20*selected_n)',showinfo,scale=160:90,setsar=1,tile=10x10",
            '-fps_mode', 'passthrough', '-start_number', '1', '-f', 'image2',
          ],
        },
      ],
      duration: 10_800,
    });
  });

  it('decodes every frame when asked to', () => {
    const command = storyboardCommand({ source: 'a', folder: 'b', interval: 2, layout, keyframesOnly: false, duration: 9 });
    expect(command.inputs[0]?.options).toEqual(['-nostdin']);
  });
});

describe('tilesFitGrid', () => {
  it('accepts tiles inside their own slot', () => {
    expect(tilesFitGrid([0, 2, 4, 6], 2, 4)).toBe(true);
    expect(tilesFitGrid([0.04, 10.4, 20, 39.96], 10, 4)).toBe(true);
  });

  it('accepts a missing last slot (it can start after the last frame)', () => {
    expect(tilesFitGrid([0, 2, 4], 2, 4)).toBe(true);
    expect(tilesFitGrid([0, 2], 2, 4)).toBe(false);
  });

  it('rejects keyframes further apart than the interval', () => {
    // GOP of 10.42 s (x264's 250 frames at 24 fps) against a 10 s grid: tile 24 falls in slot 25.
    const times = Array.from({ length: 26 }, (_, k) => Math.round(Math.ceil((k * 10) / 10.4167) * 10.4167 * 100) / 100);
    expect(tilesFitGrid(times, 10, 26)).toBe(false);
    expect(tilesFitGrid([0, 4, 4, 8], 2, 4)).toBe(false);
  });
});

describe('storyboardVtt', () => {
  it('points every slot at its tile, the last cue running to the end', () => {
    const layout = { columns: 2, rows: 2, perSheet: 4, tileWidth: 160, tileHeight: 90 };
    expect(storyboardVtt(5, 5, 23.5, layout)).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:05.000',
        'storyboard-1.jpg#xywh=0,0,160,90',
        '',
        '00:00:05.000 --> 00:00:10.000',
        'storyboard-1.jpg#xywh=160,0,160,90',
        '',
        '00:00:10.000 --> 00:00:15.000',
        'storyboard-1.jpg#xywh=0,90,160,90',
        '',
        '00:00:15.000 --> 00:00:20.000',
        'storyboard-1.jpg#xywh=160,90,160,90',
        '',
        '00:00:20.000 --> 00:00:23.500',
        'storyboard-2.jpg#xywh=0,0,160,90',
        '',
      ].join('\n'),
    );
  });

  it('writes hours for long recordings', () => {
    const layout = sheetLayout(540, { width: 160, height: 90 });
    const vtt = storyboardVtt(540, 20, 10_800, layout);
    expect(vtt).toContain('\n02:59:40.000 --> 03:00:00.000\nstoryboard-6.jpg#xywh=1440,270,160,90\n');
    expect(vtt.match(/-->/g)).toHaveLength(540);
  });
});
