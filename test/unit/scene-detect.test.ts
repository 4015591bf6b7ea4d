import { describe, expect, it } from 'vitest';
import {
  chaptersVtt,
  keepChanges,
  parseSceneScores,
  parseShowinfoTimes,
  slideChanges,
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
  it('scores scenes at 0.005 on a 320 px copy and prints the selected frames with their scores', () => {
    expect(sceneDetectCommand('/in/talk.mp4', 600)).toEqual({
      inputs: [{ path: '/in/talk.mp4', options: ['-nostdin'] }],
      outputs: [
        { path: '-', options: ['-map', '0:V:0', '-an', '-sn', '-dn', '-vf', "scale=320:-2,select='gt(scene,0.005)',metadata=print:key=lavfi.scene_score", '-f', 'null'] },
      ],
      duration: 600,
    });
  });
});

describe('parseSceneScores and slideChanges', () => {
  const STDERR = [
    '[Parsed_metadata_2 @ 0x1] frame:0    pts:30720   pts_time:19.63',
    '[Parsed_metadata_2 @ 0x1] lavfi.scene_score=0.075600',
    'frame= 3180 fps=420 q=-0.0 size=N/A time=00:01:46.00 bitrate=N/A speed=14x',
    '[Parsed_metadata_2 @ 0x1] frame:1    pts:67584   pts_time:44',
    '[Parsed_metadata_2 @ 0x1] lavfi.scene_score=0.077100',
  ].join('\n');

  it('pairs each frame time with its score', () => {
    expect(parseSceneScores(STDERR)).toEqual([{ time: 19.63, score: 0.0756 }, { time: 44, score: 0.0771 }]);
  });

  it('keeps the rare changes of a slide show, even faint ones', () => {
    const changes = [19.6, 44, 66.1, 86.2].map((time) => ({ time, score: 0.08 }));
    expect(slideChanges(changes, 106)).toEqual([19.6, 44, 66.1, 86.2]);
  });

  it('counts a fade of a few frames as one change, at its start', () => {
    const fade = [10, 10.04, 10.08, 10.12].map((time) => ({ time, score: 0.03 }));
    expect(slideChanges([...fade, { time: 20, score: 0.2 }], 30)).toEqual([10, 20]);
  });

  it('gives footage no chapters: cuts all the time, or long stretches of motion', () => {
    const cuts = Array.from({ length: 60 }, (_, i) => ({ time: i * 2 + 1, score: 0.03 }));
    expect(slideChanges(cuts, 120)).toEqual([]);
    const motion = Array.from({ length: 250 }, (_, i) => ({ time: 5 + i * 0.04, score: 0.03 }));
    expect(slideChanges(motion, 60)).toEqual([]);
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
