import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../../src/domain/item.js';
import { measureLoudnessCommand } from '../../../src/pipeline/loudness.js';
import {
  audioMasterPlaylist,
  channelLayoutFor,
  measureOutputCommand,
  normaliseCommand,
  podcastDownloads,
  podcastEncodeCommands,
} from '../../../src/pipeline/podcast-commands.js';

const item = {
  id: '2025-strasbourg-mediation-numerique-et-ia',
  title: 'Médiation numérique et IA',
  edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' },
  speakers: [
    { name: 'Camille Martin', slug: 'camille-martin' },
    { name: 'Sami Diallo', slug: 'sami-diallo' },
  ],
} as ProgrammeItem;

const measured = { inputI: -21.75, inputTp: -18.06, inputLra: 0, inputThresh: -31.75, targetOffset: 0.05 };
const tags = [
  '-metadata', 'title=Médiation numérique et IA',
  '-metadata', 'artist=Camille Martin, Sami Diallo',
  '-metadata', 'album=Numérique en Commun[s] 2025 Strasbourg',
  '-metadata', 'date=2025',
];

describe('podcast commands', () => {
  it('writes one normalised 48 kHz WAV with an explicit channel layout', () => {
    const command = normaliseCommand('/in/talk.mp3', '/work/n.wav', measured, 'mono', 180);
    const filter = command.outputs[0]?.options[3] ?? '';
    expect(filter).toMatch(/^loudnorm=I=-16:TP=-1\.5:LRA=11:measured_I=-21\.75:.*linear=true/);
    expect(filter).toMatch(/,aresample=48000,aformat=sample_fmts=s16:sample_rates=48000:channel_layouts=mono$/);
    expect(command.outputs[0]?.options).toEqual(['-map', '0:a:0', '-af', filter, '-c:a', 'pcm_s16le', '-rf64', 'auto', '-f', 'wav']);
  });

  it('keeps the gain of silence: no loudnorm at all', () => {
    const command = normaliseCommand('/in/t.wav', '/work/n.wav', null, 'stereo', 5);
    expect(command.outputs[0]?.options[3]).toBe('aresample=48000,aformat=sample_fmts=s16:sample_rates=48000:channel_layouts=stereo');
  });

  it('keeps mono sources mono and folds everything else to stereo', () => {
    expect(channelLayoutFor(1)).toBe('mono');
    expect([2, 6, null].map(channelLayoutFor)).toEqual(['stereo', 'stereo', 'stereo']);
  });

  it('encodes AAC with faststart, MP3 VBR q4, Opus 64k, and audio HLS from the WAV', () => {
    const [m4a, mp3, opus, hls] = podcastEncodeCommands('/work/n.wav', '/out', item, 180);
    const id = item.id;
    expect(m4a).toEqual({
      inputs: [{ path: '/work/n.wav', options: ['-f', 'wav'] }],
      outputs: [{ path: `/out/download/${id}.m4a`, options: ['-map', '0:a:0', '-map_metadata', '-1', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', ...tags] }],
      duration: 180,
    });
    expect(mp3?.outputs[0]).toEqual({
      path: `/out/download/${id}.mp3`,
      options: ['-map', '0:a:0', '-map_metadata', '-1', '-c:a', 'libmp3lame', '-q:a', '4', '-id3v2_version', '3', ...tags],
    });
    expect(mp3?.outputs[0]?.options).not.toContain('-b:a');
    expect(opus?.outputs[0]?.options).toEqual(['-map', '0:a:0', '-map_metadata', '-1', '-c:a', 'libopus', '-b:a', '64k', '-ar', '48000', ...tags]);
    expect(hls?.outputs[0]).toEqual({
      path: '/out/hls/audio/index.m3u8',
      options: [
        '-map', '0:a:0', '-map_metadata', '-1', '-c:a', 'aac', '-b:a', '128k',
        '-f', 'hls', '-hls_time', '6', '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments',
        '-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', 'init.mp4',
        '-hls_segment_filename', '/out/hls/audio/segment-%03d.m4s',
      ],
    });
  });

  it('names the downloads and labels them for people', () => {
    expect(podcastDownloads('x')).toEqual([
      { path: 'download/x.m4a', label: 'M4A (AAC)', format: 'm4a' },
      { path: 'download/x.mp3', label: 'MP3', format: 'mp3' },
      { path: 'download/x.opus', label: 'Opus', format: 'opus' },
    ]);
  });

  it('re-measures an output with ebur128 into the null muxer', () => {
    expect(measureOutputCommand('/out/x.mp3', 12).outputs).toEqual([
      { path: '-', options: ['-map', '0:a:0', '-af', 'ebur128=framelog=verbose', '-f', 'null'] },
    ]);
  });

  // fluent-ffmpeg turns [] into an "undefined" argument and splits a lone "-opt value" string.
  it('never hands the adapter an empty or a lone two-word option list', () => {
    const all = [measureLoudnessCommand('a', 1), normaliseCommand('a', 'b', measured, 'mono', 1), ...podcastEncodeCommands('b', '/o', item, 1)];
    for (const command of all) {
      for (const part of [...command.inputs, ...command.outputs]) {
        expect(part.options.length).toBeGreaterThan(0);
        if (part.options.length === 1) expect(part.options[0]).not.toContain(' ');
      }
    }
  });
});

describe('audio HLS master', () => {

  it('writes one audio-only variant with its codec', () => {
    expect(audioMasterPlaylist({ peak: 132_000, average: 128_572 })).toBe(
      '#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n' +
        '#EXT-X-STREAM-INF:BANDWIDTH=132000,AVERAGE-BANDWIDTH=128572,CODECS="mp4a.40.2"\naudio/index.m3u8\n',
    );
  });
});
