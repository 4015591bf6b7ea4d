import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  audioRenditionName,
  buildMasterPlaylist,
  measureVariant,
  readMediaPlaylist,
  segmentBitrates,
  writeMasterPlaylist,
  type MasterAudioRendition,
  type MasterVideoVariant,
} from '../../../src/pipeline/hls-master.js';

const variant = (height: number, width: number, codecs: string, peak: number, average: number): MasterVideoVariant => ({
  uri: `${height}p/index.m3u8`,
  width,
  height,
  fps: 25,
  codecs,
  bandwidth: { peak, average },
});

const MAIN: MasterAudioRendition = {
  uri: 'audio/index.m3u8',
  name: 'Français',
  language: 'fr',
  main: true,
  describesVideo: false,
  bandwidth: { peak: 140_000, average: 136_000 },
};

describe('buildMasterPlaylist', () => {
  it('writes the audio group, the variants highest first with audio counted in, and the audio-only variant', () => {
    const text = buildMasterPlaylist({
      variants: [variant(360, 640, 'avc1.64001e', 500_000, 400_000), variant(720, 1280, 'avc1.64001f', 2_000_000, 1_500_000)],
      audio: [MAIN],
    });
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:6',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Français",LANGUAGE="fr",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/index.m3u8"',
        '#EXT-X-STREAM-INF:BANDWIDTH=2140000,AVERAGE-BANDWIDTH=1636000,RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS="avc1.64001f,mp4a.40.2",AUDIO="aud"',
        '720p/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=640000,AVERAGE-BANDWIDTH=536000,RESOLUTION=640x360,FRAME-RATE=25.000,CODECS="avc1.64001e,mp4a.40.2",AUDIO="aud"',
        '360p/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=140000,AVERAGE-BANDWIDTH=136000,CODECS="mp4a.40.2"',
        'audio/index.m3u8',
        '',
      ].join('\n'),
    );
  });

  it('adds the described audio to the group and counts the heavier rendition in BANDWIDTH', () => {
    const described: MasterAudioRendition = {
      uri: 'audio-described/index.m3u8',
      name: 'Français (audiodescription)',
      language: 'fr',
      main: false,
      describesVideo: true,
      bandwidth: { peak: 150_000, average: 135_000 },
    };
    const text = buildMasterPlaylist({ variants: [variant(480, 854, 'avc1.64001e', 1_000_000, 800_000)], audio: [MAIN, described] });
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:6',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Français",LANGUAGE="fr",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/index.m3u8"',
        '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Français (audiodescription)",LANGUAGE="fr",' +
          'CHARACTERISTICS="public.accessibility.describes-video",DEFAULT=NO,AUTOSELECT=YES,CHANNELS="2",URI="audio-described/index.m3u8"',
        '#EXT-X-STREAM-INF:BANDWIDTH=1150000,AVERAGE-BANDWIDTH=936000,RESOLUTION=854x480,FRAME-RATE=25.000,CODECS="avc1.64001e,mp4a.40.2",AUDIO="aud"',
        '480p/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=140000,AVERAGE-BANDWIDTH=136000,CODECS="mp4a.40.2"',
        'audio/index.m3u8',
        '',
      ].join('\n'),
    );
  });

  it('writes video-only variants for a source without sound, portrait sizes as they are', () => {
    const portrait: MasterVideoVariant = { ...variant(1280, 720, 'avc1.64001f', 900_000, 700_000), uri: '720p/index.m3u8', fps: 29.97 };
    expect(buildMasterPlaylist({ variants: [portrait], audio: [] })).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:6',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=700000,RESOLUTION=720x1280,FRAME-RATE=29.970,CODECS="avc1.64001f"',
        '720p/index.m3u8',
        '',
      ].join('\n'),
    );
  });

  it('keeps quotes out of quoted strings', () => {
    expect(buildMasterPlaylist({ variants: [], audio: [{ ...MAIN, name: 'Le "direct"' }] })).toContain('NAME="Le \'direct\'"');
  });
});

describe('segmentBitrates', () => {
  it('takes the peak over runs of 3 to 9 s (target 6), so a short keyframe-only tail is not the peak', () => {
    const segments = [
      { duration: 6, bytes: 750_000 }, // 1,000,000 bit/s
      { duration: 6, bytes: 1_500_000 }, // 2,000,000 bit/s
      { duration: 0.2, bytes: 100_000 }, // 4,000,000 bit/s alone, too short to count alone
    ];
    // The tail counts with its neighbour: [6 s + 0.2 s] = 1,600,000 bytes over 6.2 s.
    expect(segmentBitrates(segments, 6)).toEqual({ peak: 2_064_517, average: Math.ceil((2_350_000 * 8) / 12.2) });
  });

  it('falls back to the average when no run is long enough', () => {
    expect(segmentBitrates([{ duration: 0.4, bytes: 5000 }], 6)).toEqual({ peak: 100_000, average: 100_000 });
    expect(segmentBitrates([], 6)).toEqual({ peak: 0, average: 0 });
  });
});

describe('readMediaPlaylist and measureVariant', () => {
  let dir = '';
  const playlist = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-TARGETDURATION:6', '#EXTINF:6.000000,', 'segment-00000.ts', '#EXTINF:2.000000,', 'segment-00001.ts', '#EXT-X-ENDLIST', ''].join('\n');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hls-master-'));
    await mkdir(join(dir, 'hls', '360p'), { recursive: true });
    await mkdir(join(dir, 'hls', 'audio'), { recursive: true });
    for (const name of ['360p', 'audio']) {
      await writeFile(join(dir, 'hls', name, 'index.m3u8'), playlist);
      await writeFile(join(dir, 'hls', name, 'segment-00000.ts'), Buffer.alloc(name === 'audio' ? 96_000 : 300_000));
      await writeFile(join(dir, 'hls', name, 'segment-00001.ts'), Buffer.alloc(name === 'audio' ? 32_000 : 50_000));
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the target duration and the segments', () => {
    expect(readMediaPlaylist(playlist)).toEqual({
      targetDuration: 6,
      segments: [
        { uri: 'segment-00000.ts', duration: 6 },
        { uri: 'segment-00001.ts', duration: 2 },
      ],
    });
  });

  it('measures the real segment sizes', async () => {
    // Runs of 3–9 s: [6 s] 400,000 bit/s and [6+2 s] 350,000 bit/s; [2 s] alone is too short.
    expect(await measureVariant(join(dir, 'hls', '360p', 'index.m3u8'))).toEqual({ peak: 400_000, average: 350_000, duration: 8, segments: 2 });
  });

  it('writes the master from a step result and returns the measured bandwidths', async () => {
    const hls = await writeMasterPlaylist(
      dir,
      {
        master: 'hls/master.m3u8',
        variants: [{ name: '360p', playlist: 'hls/360p/index.m3u8', width: 640, height: 360, bandwidth: 0, codecs: 'avc1.64001e,mp4a.40.2' }],
        audio: [
          { name: 'Français', playlist: 'hls/audio/index.m3u8', width: null, height: null, bandwidth: 0, codecs: 'mp4a.40.2', language: 'fr', describesVideo: false },
        ],
        segmentSeconds: 6,
      },
      25,
    );
    expect(hls.variants[0]?.bandwidth).toBe(528_000);
    expect(hls.audio[0]?.bandwidth).toBe(128_000);
    expect(await readFile(join(dir, 'hls', 'master.m3u8'), 'utf8')).toContain(
      '#EXT-X-STREAM-INF:BANDWIDTH=528000,AVERAGE-BANDWIDTH=478000,RESOLUTION=640x360,FRAME-RATE=25.000,CODECS="avc1.64001e,mp4a.40.2",AUDIO="aud"\n360p/index.m3u8\n',
    );
  });
});

describe('audioRenditionName', () => {
  it('names the language in French, capitalised, and marks the described rendition', () => {
    expect(audioRenditionName('fr', false)).toBe('Français');
    expect(audioRenditionName('fr', true)).toBe('Français (audiodescription)');
    expect(audioRenditionName('en', false)).toBe('Anglais');
  });
});
