import { describe, expect, it } from 'vitest';
import {
  chaptersVtt,
  keepChanges,
  parseShowinfoTimes,
  sceneDetectCommand,
  slideChapters,
} from '../../src/pipeline/scene-detect.js';

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

describe('sceneDetectCommand', () => {
  it('scores scenes at 0.1 on a 320 px copy and prints the selected frames', () => {
    expect(sceneDetectCommand('/in/talk.mp4', 600)).toEqual({
      inputs: [{ path: '/in/talk.mp4', options: ['-nostdin'] }],
      outputs: [
        { path: '-', options: ['-map', '0:V:0', '-an', '-sn', '-dn', '-vf', "scale=320:-2,select='gt(scene,0.1)',showinfo", '-f', 'null'] },
      ],
      duration: 600,
    });
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
