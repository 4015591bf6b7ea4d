import { describe, expect, it } from 'vitest';
import {
  chaptersVtt,
  keepChanges,
  MIN_CHANGED_SHARE,
  parseChangedShares,
  parseShowinfoTimes,
  SCENE_BRANCH_FILTERS,
  sceneChanges,
  slideChapters,
  slideShow,
  type ChangedShare,
} from '../../../src/pipeline/scene-detect.js';

// ffmpeg 5.1.9's showinfo: one "n: pts: pts_time:" line per frame, then side data and colour lines.
const STDERR = `[Parsed_showinfo_2 @ 0x55a3dcc1c9c0] config in time_base: 1/12800, frame_rate: 25/1
[Parsed_showinfo_2 @ 0x55a3dcc1c9c0] config out time_base: 0/0, frame_rate: 0/0
[Parsed_showinfo_2 @ 0x55a3dcc1c9c0] n:   0 pts:  51200 pts_time:4       pos:   903558 fmt:yuv420p sar:1/1 s:320x180 i:P iskey:0 type:P checksum:7A982
[Parsed_showinfo_2 @ 0x55a3dcc1c9c0]   side data - User Data Unregistered:
[Parsed_showinfo_2 @ 0x55a3dcc1c9c0] color_range:unknown color_space:unknown color_primaries:unknown color_trc:unknown
frame=  100 fps=0.0 q=-0.0 size=N/A time=00:00:04.00 bitrate=N/A speed=8x
[Parsed_showinfo_2 @ 0x55a3dcc1c9c0] n:   1 pts: 102912 pts_time:8.04    pos:  1362519 fmt:yuv420p sar:1/1 s:320x180 i:P iskey:0 type:P checksum:1A653
[Parsed_showinfo_2 @ 0x55a3dcc1c9c0] n:   2 pts: 153600 pts_time:12      pos:  2362519 fmt:yuv420p sar:1/1 s:320x180 i:P iskey:1 type:I checksum:1A654
[Parsed_showinfo_2 @ 0x55a3dcc1c9c0] n:   3 pts:    128 pts_time:1e-02   pos:  2362519 fmt:yuv420p sar:1/1 s:320x180 i:P iskey:1 type:I checksum:1A655`;

describe('parseShowinfoTimes', () => {
  it('reads pts_time of each frame line and nothing else', () => {
    expect(parseShowinfoTimes(STDERR)).toEqual([4, 8.04, 12, 0.01]);
  });

  it('returns nothing for a run without selected frames', () => {
    expect(parseShowinfoTimes('frame=  100 fps=0.0 q=-0.0 size=N/A time=00:00:04.00 bitrate=N/A speed=8x')).toEqual([]);
  });
});

describe('SCENE_BRANCH_FILTERS', () => {
  it('samples 4 frames a second, compares them grey at 640 px, prints the share of changed pixels and drops the frames', () => {
    expect(SCENE_BRANCH_FILTERS.join(',')).toBe(
      "fps=4,scale=640:-2:flags=area,format=gray,tblend=all_mode=difference,lut=y='if(gt(val,24),255,0)',signalstats," +
        'metadata=print:key=lavfi.signalstats.YAVG,nullsink',
    );
  });
});

/** Samples every 0.25 s over `duration`, still but for the changes given (time → share). */
function samples(duration: number, changes: Record<number, number> = {}): ChangedShare[] {
  return Array.from({ length: duration * 4 }, (_, i) => {
    const time = (i + 1) / 4;
    return { time, share: changes[time] ?? 0 };
  });
}

describe('parseChangedShares', () => {
  // ffmpeg 5.1.9: a progress line ended by a carriage return may start a metadata line.
  const STDERR = [
    '[Parsed_metadata_6 @ 0x564ae9dc0a80] frame:14   pts:15      pts_time:3.75',
    '[Parsed_metadata_6 @ 0x564ae9dc0a80] lavfi.signalstats.YAVG=0',
    'frame=   15 fps=0.0 q=-0.0 size=N/A time=00:00:04.00 bitrate=N/A speed=5.25x    \r[Parsed_metadata_6 @ 0x5589c6e57a80] frame:15   pts:16      pts_time:4',
    '[Parsed_metadata_6 @ 0x564ae9dc0a80] lavfi.signalstats.YAVG=0.670703',
    '[Parsed_metadata_6 @ 0x564ae9dc0a80] frame:16   pts:17      pts_time:4.25',
    '[Parsed_metadata_6 @ 0x564ae9dc0a80] lavfi.signalstats.YAVG=10.0716',
  ].join('\n');

  it('pairs each sample time with the share of its pixels that changed (YAVG / 255)', () => {
    const parsed = parseChangedShares(STDERR);
    expect(parsed.map((s) => s.time)).toEqual([3.75, 4, 4.25]);
    expect(parsed[0]?.share).toBe(0);
    expect(parsed[1]?.share).toBeCloseTo(0.00263, 5);
    expect(parsed[2]?.share).toBeCloseTo(0.0395, 4);
  });

  it('returns nothing for a run without samples', () => {
    expect(parseChangedShares('frame=  100 fps=0.0 q=-0.0 size=N/A time=00:00:04.00 bitrate=N/A speed=8x')).toEqual([]);
  });
});

describe('sceneChanges', () => {
  it('keeps the runs of consecutive samples that changed, nothing of the still ones', () => {
    const clip = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [20 + i / 4, 0.05]));
    expect(sceneChanges(samples(30, { 10: 0.0021, 10.25: 0.01, 12: 0.0004, 15: 0.04, ...clip }))).toEqual({
      runs: [[10, 10.25], [15, 15], [20, 21.75]],
    });
  });

  it('is empty for a still picture', () => {
    expect(sceneChanges(samples(60))).toEqual({ runs: [] });
  });

  it('keeps moving footage small: one run for an hour that moves all the time', () => {
    const moving = samples(3600).map((s) => ({ ...s, share: 0.03 }));
    expect(sceneChanges(moving)).toEqual({ runs: [[0.25, 3600]] });
  });
});

/** The chapters step's view: slideShow of what transcode-video kept from the samples. */
const show = (shares: readonly ChangedShare[], duration: number): ReturnType<typeof slideShow> => slideShow(sceneChanges(shares), duration);

describe('slideShow', () => {
  it('keeps a one-line change (0.21 % of the pixels) and ignores a pointer (0.041 %)', () => {
    expect(MIN_CHANGED_SHARE).toBeGreaterThan(0.00041);
    expect(MIN_CHANGED_SHARE).toBeLessThan(0.00075);
    const pointer = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [20 + i / 4, 0.00041]));
    expect(show(samples(40, { 10: 0.0021, ...pointer, 30: 0.04 }), 40)).toEqual({ changes: [10, 30] });
  });

  it('is a slide show of one slide when nothing changes, or of two with one change', () => {
    expect(show(samples(300), 300)).toEqual({ changes: [] });
    expect(show(samples(600, { 300: 0.002 }), 600)).toEqual({ changes: [300] });
  });

  it('counts a fade of a few samples as one change, at its start', () => {
    expect(show(samples(30, { 10: 0.01, 10.25: 0.02, 10.5: 0.01, 20: 0.04 }), 30)).toEqual({ changes: [10, 20] });
  });

  it('keeps 2 s slides but drops flicks under 1.5 s', () => {
    expect(show(samples(10, { 2: 0.04, 4: 0.04, 6: 0.04, 7: 0.04 }), 10)).toEqual({ changes: [2, 4, 6] });
  });

  it('gives a clip played on a slide a change where it starts and one where the next picture settles', () => {
    const clip = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [20 + i / 4, 0.05]));
    expect(show(samples(60, { 10: 0.04, ...clip }), 60)).toEqual({ changes: [10, 20, 29.75] });
  });

  it('is null for footage: moving most of the time, or cutting all the time', () => {
    const moving = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [5 + i / 4, 0.03]));
    expect(show(samples(60, moving), 60)).toBeNull();
    const cuts = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [i * 2 + 1, 0.2]));
    expect(show(samples(120, cuts), 120)).toBeNull();
  });
});

describe('keepChanges', () => {
  it('drops changes closer than 3 s to the previous one, to the start or to the end', () => {
    expect(keepChanges([0.04, 4, 5.5, 8, 12, 58], 60)).toEqual([4, 8, 12]);
  });

  it('sorts its input and keeps a change exactly 3 s after the previous', () => {
    expect(keepChanges([9, 3, 6], 20)).toEqual([3, 6, 9]);
  });
});

describe('slideChapters', () => {
  it('makes one chapter per slide, French by default', () => {
    expect(slideChapters([4, 8.04, 12], 16)).toEqual([
      { start: 0, end: 4, title: 'Diapositive 1' },
      { start: 4, end: 8.04, title: 'Diapositive 2' },
      { start: 8.04, end: 12, title: 'Diapositive 3' },
      { start: 12, end: 16, title: 'Diapositive 4' },
    ]);
  });

  it('gives nothing for fewer than two changes', () => {
    expect(slideChapters([], 60)).toEqual([]);
    expect(slideChapters([30], 60)).toEqual([]);
  });

  it('writes the chapters as WebVTT', () => {
    expect(chaptersVtt(slideChapters([4, 8.04], 3725.5))).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nDiapositive 1\n\n00:00:04.000 --> 00:00:08.040\nDiapositive 2\n\n' +
        '00:00:08.040 --> 01:02:05.500\nDiapositive 3\n',
    );
  });
});
