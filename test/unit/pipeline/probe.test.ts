import { describe, expect, it } from 'vitest';
import { MediaError } from '../../../src/domain/errors.js';
import { explainProbeFailure, interpretProbe } from '../../../src/pipeline/probe.js';
import type { RawProbe } from '../../../src/ports/media-tool.js';

const video = (extra: Record<string, unknown> = {}) => ({ codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, avg_frame_rate: '30000/1001', pix_fmt: 'yuv420p', ...extra });
const audio = { codec_type: 'audio', codec_name: 'aac', channels: 2, sample_rate: '48000' };
const probe = (streams: RawProbe['streams'], duration = '12.5'): RawProbe => ({ format: { format_name: 'mov,mp4', duration, bit_rate: '1000', tags: { Title: 'Talk' } }, streams });

describe('interpretProbe', () => {
  it('describes a normal talk', () => {
    const info = interpretProbe(probe([video(), audio]), 'talk.mp4', 'video', 1234);
    expect(info).toEqual({
      class: 'video', container: 'mov,mp4', duration: 12.5, size: 1234, bitRate: 1000,
      video: { codec: 'h264', width: 1920, height: 1080, displayWidth: 1920, displayHeight: 1080, fps: 29.97, rotation: 0, pixelFormat: 'yuv420p', interlaced: false },
      audio: { codec: 'aac', channels: 2, sampleRate: 48000, loudness: null }, pages: null, tags: { title: 'Talk' },
    });
  });

  it('turns a phone video\'s display matrix into its display size', () => {
    const info = interpretProbe(probe([video({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }), audio]), 'phone.mp4', 'video', 1);
    expect(info.video).toMatchObject({ rotation: 270, displayWidth: 1080, displayHeight: 1920 });
  });

  it.each([
    [[audio], 'video', /only audio/],
    [[video({ codec_name: undefined, codec_tag_string: 'zzzz' }), audio], 'video', /unknown video codec \(tag "zzzz"\)/],
    [[], 'video', /no audio or video stream/],
    [[video()], 'audio', /no audio track/],
  ] as const)('rejects %# with a cause people can act on', (streams, expected, message) => {
    expect(() => interpretProbe(probe([...streams] as RawProbe['streams']), 'f.mp4', expected, 1)).toThrow(message);
    expect(() => interpretProbe(probe([...streams] as RawProbe['streams']), 'f.mp4', expected, 1)).toThrow(MediaError);
  });

  it('accepts a video without sound (sign language, a silent demonstration): audio null', () => {
    const info = interpretProbe(probe([video()]), 'lsf.mp4', 'video', 1);
    expect(info.audio).toBeNull();
    expect(info.video).toMatchObject({ displayWidth: 1920, displayHeight: 1080 });
  });

  it('still refuses audio declared as a video, cover art or not, saying what to do', () => {
    const cover = { codec_type: 'video', codec_name: 'mjpeg', width: 600, height: 600, disposition: { attached_pic: 1 } };
    for (const streams of [[audio], [audio, cover]]) {
      expect(() => interpretProbe(probe(streams), 'podcast.mp4', 'video', 1)).toThrow(
        'declared as a video recording but contains only audio: use kind "podcast" or supply the video',
      );
    }
  });

  it('takes the audio of a podcast that carries a cover picture', () => {
    const cover = { codec_type: 'video', codec_name: 'mjpeg', width: 600, height: 600, disposition: { attached_pic: 1 } };
    const info = interpretProbe(probe([audio, cover]), 'p.mp3', 'audio', 1);
    expect(info.video).toBeNull();
    expect(info.audio?.channels).toBe(2);
  });

  it('knows an interlaced recording by its field order', () => {
    expect(interpretProbe(probe([video({ field_order: 'tt' }), audio]), 'cam.mts', 'video', 1).video?.interlaced).toBe(true);
    expect(interpretProbe(probe([video({ field_order: 'progressive' }), audio]), 'cam.mp4', 'video', 1).video?.interlaced).toBe(false);
  });

  it('shows anamorphic video at its display width', () => {
    const hdv = interpretProbe(probe([video({ width: 1440, height: 1080, sample_aspect_ratio: '4:3' }), audio]), 'hdv.mts', 'video', 1);
    expect(hdv.video).toMatchObject({ width: 1440, displayWidth: 1920, displayHeight: 1080 });
  });

  it('keeps descriptive tags only, never places or devices', () => {
    const raw = probe([video(), audio]);
    raw.format.tags = { title: 'Talk', location: '+48.5734+007.7521/', 'com.apple.quicktime.make': 'Apple', Artist: 'Ali' };
    expect(interpretProbe(raw, 'phone.mov', 'video', 1).tags).toEqual({ title: 'Talk', artist: 'Ali' });
  });

  it('rejects a format ffprobe could only guess from raw bytes', () => {
    const raw = probe([{ codec_type: 'audio', codec_name: 'adpcm_dtk', channels: 2, sample_rate: '48000' }]);
    raw.format = { ...raw.format, format_name: 'adp', probe_score: 25 };
    expect(() => interpretProbe(raw, 'raw.wav', 'audio', 1)).toThrow('not a media file ffmpeg recognises (it could only guess "adp")');
  });

  it('rejects a zero duration as truncated', () => {
    expect(() => interpretProbe(probe([video(), audio], '0'), 'f.mp4', 'video', 1)).toThrow(/truncated/);
  });
});

describe('explainProbeFailure', () => {
  it('names the usual causes', () => {
    const mp4Head = Buffer.from('\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41', 'latin1');
    expect(explainProbeFailure('x.mp4: moov atom not found\nx.mp4: Invalid data found', mp4Head)).toMatch(/truncated or incomplete MP4/);
    expect(explainProbeFailure('x.mp4: moov atom not found', Buffer.from('Compte rendu de la séance du 29 octobre\n'))).toMatch(/contains text/);
    expect(explainProbeFailure('ffprobe exited with code 1\nx.mkv: End of file')).toBe('x.mkv: End of file');
    expect(explainProbeFailure('x.mp4: Invalid data found when processing input')).toMatch(/not a media file/);
  });
});
