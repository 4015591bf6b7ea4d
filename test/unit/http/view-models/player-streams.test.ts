import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../src/domain/manifest.js';
import { playerModel } from '../../../../src/http/view-models/player.js';
import { streamChoicesOf } from '../../../../src/http/view-models/player-streams.js';
import { documentManifest, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const base = 'items/2025-strasbourg-ia-et-mediation/abc123';
const sha = 'a'.repeat(64);
const stored = (key: string, size: number): Manifest['files'][number] => ({ key: `${base}/${key}`, size, sha256: sha, contentType: 'video/mp2t' });
const nbsp = '\u00a0';

/**
 * A 100 s talk: 720p and 360p levels and its sound. The 720p picture and the sound are stored
 * (10.9 MB and 1.6 MB: 450 MB and 57.6 MB an hour); the 360p level's segments are not listed,
 * so its BANDWIDTH (500 kbit/s, sound included: 225 MB an hour, said 230) is what it costs.
 */
function ladderTalk(overrides: Partial<Manifest> = {}): Manifest {
  const talk = talkManifest();
  return talkManifest({
    media: { ...talk.media, duration: 100 },
    hls: {
      master: `${base}/hls/master.m3u8`,
      variants: [
        { name: '360p', playlist: `${base}/hls/360p/index.m3u8`, width: 640, height: 360, bandwidth: 500_000, codecs: 'avc1.64001e,mp4a.40.2' },
        { name: '720p', playlist: `${base}/hls/720p/index.m3u8`, width: 1280, height: 720, bandwidth: 2_000_000, codecs: 'avc1.64001f,mp4a.40.2' },
      ],
      audio: [
        { name: 'Français (audiodescription)', playlist: `${base}/hls/audio-described/index.m3u8`, width: null, height: null, bandwidth: 140_000, codecs: 'mp4a.40.2', language: 'fr', describesVideo: true },
        { name: 'Français', playlist: `${base}/hls/audio/index.m3u8`, width: null, height: null, bandwidth: 140_000, codecs: 'mp4a.40.2', language: 'fr', describesVideo: false },
      ],
      segmentSeconds: 6,
    },
    downloads: [{ ...stored('download/talk-720p.mp4', 3_000_000), contentType: 'video/mp4', label: 'MP4 720p', format: 'mp4', width: 1280, height: 720, loudness: null }],
    files: [
      stored('hls/720p/index.m3u8', 1_000), stored('hls/720p/segment-00000.ts', 5_000_000), stored('hls/720p/segment-00001.ts', 5_899_000),
      stored('hls/audio/index.m3u8', 1_000), stored('hls/audio/segment-00000.ts', 1_599_000),
      // The described sound is another folder: none of it counts for the talk's own sound.
      stored('hls/audio-described/segment-00000.ts', 9_000_000),
    ],
    ...overrides,
  });
}

describe('streamChoicesOf', () => {
  it('says what an hour of video and of sound alone costs, from the stored segments, in French and English', () => {
    expect(streamChoicesOf(ladderTalk(), 'fr')?.sizes).toBe(`vidéo ~ 450${nbsp}Mo/h, son seul ~ 58${nbsp}Mo/h`);
    expect(streamChoicesOf(ladderTalk(), 'en')?.sizes).toBe(`video ~ 450${nbsp}MB/h, listen only ~ 58${nbsp}MB/h`);
  });

  it('offers each level, highest first, with its cost (BANDWIDTH where its segments are not listed), and the MP4', () => {
    const choices = streamChoicesOf(ladderTalk(), 'fr');
    expect(choices?.levels).toEqual([
      { width: 1280, height: 720, label: `720p (~ 450${nbsp}Mo/h)` },
      { width: 640, height: 360, label: `360p (~ 230${nbsp}Mo/h)` },
    ]);
    // 3 MB over 100 s: 108 MB an hour.
    expect(choices?.mp4).toEqual({ src: `/media/${base}/download/talk-720p.mp4`, label: `MP4 720p (~ 110${nbsp}Mo/h)` });
  });

  it('plays the talk\'s own sound alone, never the described one', () => {
    expect(streamChoicesOf(ladderTalk(), 'fr')?.audioPlaylist).toBe(`/media/${base}/hls/audio/index.m3u8`);
  });

  it('costs the sound by its BANDWIDTH when its segments are not listed', () => {
    const choices = streamChoicesOf(ladderTalk({ files: [] }), 'fr');
    // 140 kbit/s: 63 MB an hour; 2 Mbit/s: 900 MB.
    expect(choices?.sizes).toBe(`vidéo ~ 900${nbsp}Mo/h, son seul ~ 63${nbsp}Mo/h`);
  });

  it('offers no sound alone for a talk without a sound track, and only the quality', () => {
    const talk = ladderTalk();
    const choices = streamChoicesOf({ ...talk, media: { ...talk.media, audio: null }, hls: { ...talk.hls!, audio: [] } }, 'fr');
    expect(choices).toMatchObject({ audioPlaylist: null, sizes: null });
    expect(choices?.levels).toHaveLength(2);
  });

  it('has nothing to offer for podcasts, documents, or a talk without its ladder', () => {
    expect(streamChoicesOf(podcastManifest(), 'fr')).toBeNull();
    expect(streamChoicesOf(documentManifest(), 'fr')).toBeNull();
    expect(streamChoicesOf(ladderTalk({ hls: null }), 'fr')).toBeNull();
    expect(streamChoicesOf(talkManifest(), 'fr')).toBeNull(); // a master without video levels
  });

  it('is part of the player model', () => {
    expect(playerModel(ladderTalk(), 'fr', null).streams).toEqual(streamChoicesOf(ladderTalk(), 'fr'));
  });
});
