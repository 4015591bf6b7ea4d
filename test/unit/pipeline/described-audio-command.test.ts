import { describe, expect, it } from 'vitest';
import { buildDescribedAudioCommand, matchingTarget } from '../../../src/pipeline/described-audio-command.js';

const DIR = '/data/items/2025-lyon-talk';

describe('buildDescribedAudioCommand', () => {
  const measured = { inputI: -27.3, inputTp: -9.1, inputLra: 6.2, inputThresh: -37.5, targetOffset: 0.4 };

  it('matches the talk loudness linearly, pads silence and cuts at the talk length', () => {
    const command = buildDescribedAudioCommand({ source: '/in/ad.wav', itemDir: DIR, loudness: { measured, target: matchingTarget(-21.04) }, talkDuration: 60 });
    expect(command).toEqual({
      inputs: [{ path: '/in/ad.wav', options: ['-nostdin', '-vn'] }],
      outputs: [
        {
          path: `${DIR}/hls/audio-described/index.m3u8`,
          options: [
            '-map', '0:a:0',
            '-af',
            'loudnorm=I=-21:TP=-1.5:LRA=20:measured_I=-27.30:measured_TP=-9.10:measured_LRA=6.20:measured_thresh=-37.50:offset=0.40:linear=true:print_format=summary,' +
              'aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad',
            '-t', '60.000',
            '-map_metadata', '-1',
            '-c:a', 'aac', '-b:a', '128k',
            '-output_ts_offset', '10', '-f', 'hls', '-hls_time', '6', '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments',
            '-hls_segment_type', 'mpegts', '-hls_segment_filename', `${DIR}/hls/audio-described/segment-%05d.ts`,
          ],
        },
      ],
      duration: 60,
    });
  });

  it('keeps the level as delivered when there is nothing to match', () => {
    const command = buildDescribedAudioCommand({ source: '/in/ad.wav', itemDir: DIR, loudness: null, talkDuration: 60 });
    expect(command.outputs[0]?.options[3]).toBe('aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad');
  });

  it('keeps the target inside what loudnorm accepts', () => {
    expect(matchingTarget(-80).integrated).toBe(-70);
    expect(matchingTarget(-2).integrated).toBe(-5);
  });
});
