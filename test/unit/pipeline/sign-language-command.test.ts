import { describe, expect, it } from 'vitest';
import { MediaError } from '../../../src/domain/errors.js';
import { buildSignLanguageCommand, readSignLanguageSource } from '../../../src/pipeline/sign-language-command.js';
import { frameRate } from '../../../src/pipeline/probe.js';
import { chooseLadder } from '../../../src/pipeline/video-ladder.js';

const DIR = '/data/items/2025-lyon-talk';
const ID = '2025-lyon-talk';

describe('buildSignLanguageCommand', () => {
  const [rendition] = chooseLadder({ displayWidth: 1280, displayHeight: 720, fps: 25 }, { maxShort: 480 });
  const base = { source: '/in/lsf.mp4', itemDir: DIR, itemId: ID, rendition: rendition!, fps: 25 };

  it('holds the last frame of a shorter interpretation and cuts both outputs at the talk length', () => {
    const command = buildSignLanguageCommand({ ...base, sourceDuration: 58.5, talkDuration: 60 });
    expect(command).toEqual({
      inputs: [{ path: '/in/lsf.mp4', options: ['-nostdin'] }],
      outputs: [
        {
          path: `${DIR}/sign-language/hls/index.m3u8`,
          options: [
            '-filter_complex', '[0:V:0]tpad=stop_mode=clone:stop_duration=2.500,scale=854:480,setsar=1,format=yuv420p,split=2[vh][vd]',
            '-map', '[vh]', '-an', '-t', '60.000',
            '-map_metadata', '-1',
            '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23',
            '-maxrate:v', '1400k', '-bufsize:v', '2800k', '-profile:v', 'high', '-level:v', '3.0',
            '-g', '50', '-keyint_min', '50', '-sc_threshold', '0', '-force_key_frames:v', 'expr:gte(t,n_forced*2)',
            '-output_ts_offset', '10', '-f', 'hls', '-hls_time', '6', '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments',
            '-hls_segment_type', 'mpegts', '-hls_segment_filename', `${DIR}/sign-language/hls/segment-%05d.ts`,
          ],
        },
        {
          path: `${DIR}/sign-language/${ID}-sign-language.mp4`,
          options: [
            '-map', '[vd]', '-an', '-t', '60.000',
            '-map_metadata', '-1',
            '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23',
            '-maxrate:v', '1400k', '-bufsize:v', '2800k', '-profile:v', 'high', '-level:v', '3.0',
            '-movflags', '+faststart', '-f', 'mp4',
          ],
        },
      ],
      duration: 60,
    });
  });

  it('only trims a longer interpretation', () => {
    const command = buildSignLanguageCommand({ ...base, sourceDuration: 75, talkDuration: 60 });
    expect(command.outputs[0]?.options.slice(0, 2)).toEqual(['-filter_complex', '[0:V:0]scale=854:480,setsar=1,format=yuv420p,split=2[vh][vd]']);
  });
});

describe('readSignLanguageSource', () => {
  const stream = { codec_type: 'video', width: 1920, height: 1080, avg_frame_rate: '30000/1001' };

  it('reads a silent phone video upright from ffprobe\'s display matrix, at the rate the probe gives the talk', () => {
    const expected = { displayWidth: 1080, displayHeight: 1920, fps: 29.97, duration: 61.5 };
    for (const rotation of [-90, 90]) {
      const matrix = { side_data_type: 'Display Matrix', displaymatrix: '…', rotation };
      expect(readSignLanguageSource({ format: { duration: '61.5' }, streams: [{ ...stream, side_data_list: [matrix] }] }, 'lsf.mp4')).toEqual(expected);
    }
    expect(readSignLanguageSource({ format: { duration: '61.5' }, streams: [{ ...stream, side_data_list: [{ rotation: 180 }] }] }, 'lsf.mp4')).toMatchObject({
      displayWidth: 1920, displayHeight: 1080,
    });
  });

  it('shares the probe\'s frame-rate reading: average rate, else nominal, else 0', () => {
    expect(frameRate({ avg_frame_rate: '30000/1001', r_frame_rate: '60/1' })).toBe(29.97);
    expect(frameRate({ avg_frame_rate: '0/0', r_frame_rate: '25/1' })).toBe(25);
    expect(frameRate({})).toBe(0);
    const source = readSignLanguageSource({ format: { duration: '3' }, streams: [{ codec_type: 'video', width: 640, height: 360, avg_frame_rate: '0/0', r_frame_rate: '50/1' }] }, 'lsf.mp4');
    expect(source.fps).toBe(50);
  });

  it('refuses a file without pictures', () => {
    expect(() => readSignLanguageSource({ format: { duration: '3' }, streams: [{ codec_type: 'audio' }] }, 'lsf.mp4')).toThrow(MediaError);
  });
});
