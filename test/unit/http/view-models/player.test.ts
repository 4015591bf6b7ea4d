import { describe, expect, it } from 'vitest';
import { playerModel, posterOf, signLanguageOf, statusOf, tracksOf } from '../../../../src/http/view-models/player.js';
import { bareManifest, withMedia } from '../../../support/web-item-manifests.js';

describe('player', () => {
  const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk' }), { englishSubtitles: true, signLanguage: true });

  it('lists the HLS master first, then the MP4, with the start as a media fragment', () => {
    const player = playerModel(talk, 'fr', { start: 754, end: null });
    expect(player.element).toBe('video');
    expect(player.sources).toEqual([
      { src: '/media/items/talk-1/a1b2c3d4e5f6/hls/master.m3u8#t=754', type: 'application/vnd.apple.mpegurl' },
      { src: '/media/items/talk-1/a1b2c3d4e5f6/download/talk-1-720p.mp4#t=754', type: 'video/mp4' },
    ]);
    expect(player).toMatchObject({ startAt: 754, startTime: '12:34', width: 1920, height: 1080 });
    expect(playerModel(talk, 'fr', null).sources[0]?.src).toBe('/media/items/talk-1/a1b2c3d4e5f6/hls/master.m3u8');
  });

  it('plays a moment with an end as the media fragment #t=START,END, and says where it stops', () => {
    const player = playerModel(talk, 'fr', { start: 754, end: 790.5 });
    expect(player.sources.map((s) => s.src)).toEqual([
      '/media/items/talk-1/a1b2c3d4e5f6/hls/master.m3u8#t=754,790.5',
      '/media/items/talk-1/a1b2c3d4e5f6/download/talk-1-720p.mp4#t=754,790.5',
    ]);
    expect(player).toMatchObject({ startAt: 754, startTime: '12:34', endAt: 790.5 });
    expect(playerModel(talk, 'fr', null)).toMatchObject({ startAt: null, startTime: null, endAt: null });
    // The sign-language video starts there too, but follows the main player rather than stopping by itself.
    expect(signLanguageOf(talk, { start: 754, end: 790.5 })?.sources.map((s) => s.src.split('#')[1])).toEqual(['t=754', 't=754']);
  });

  it('plays a podcast from HLS, then M4A', () => {
    const podcast = withMedia(bareManifest({ id: 'pod', kind: 'podcast' }));
    const player = playerModel(podcast, 'fr', null);
    expect(player.element).toBe('audio');
    expect(player.sources.map((s) => s.type)).toEqual(['application/vnd.apple.mpegurl', 'audio/mp4']);
  });

  it('has no sources for an item without media', () => {
    expect(playerModel(bareManifest({ id: 'x', kind: 'talk' }), 'fr', null).sources).toEqual([]);
  });

  it('picks the smallest poster at least 640 px wide, WebP first', () => {
    expect(posterOf(talk)?.key).toBe('items/talk-1/a1b2c3d4e5f6/images/poster-640.webp');
  });

  it('turns the item-language captions on by default; other languages are subtitles', () => {
    expect(tracksOf(talk, 'fr')).toEqual([
      { kind: 'chapters', src: '/media/items/talk-1/a1b2c3d4e5f6/text/chapters.vtt', srclang: 'fr', label: 'Chapitres', default: false },
      { kind: 'captions', src: '/media/items/talk-1/a1b2c3d4e5f6/text/fr.vtt', srclang: 'fr', label: 'Français', default: true },
      { kind: 'subtitles', src: '/media/items/talk-1/a1b2c3d4e5f6/text/en.vtt', srclang: 'en', label: 'Anglais', default: false },
    ]);
    expect(tracksOf(talk, 'en').map((t) => t.label)).toEqual(['Chapters', 'French', 'English']);
  });

  it('tells the caption status before the player', () => {
    const reviewed = { ...talk, accessibility: { ...talk.accessibility, transcript: 'reviewed' as const } };
    expect(statusOf(reviewed, 'fr')).toEqual({
      text: 'Sous-titres relus (français et anglais)',
      tone: 'ok',
      badges: [{ text: 'Interprétation en langue des signes (LSF)', tone: 'ok' }],
    });
    const automatic = { ...talk, accessibility: { ...talk.accessibility, transcript: 'automatic' as const } };
    expect(statusOf(automatic, 'en').text).toBe('Automatic captions, not reviewed (French and English)');
    expect(statusOf(bareManifest({ id: 'x', kind: 'talk' }), 'fr')).toEqual({ text: 'Pas de sous-titres', tone: 'warn', badges: [] });
    expect(statusOf(bareManifest({ id: 'x', kind: 'podcast' }), 'fr').text).toBe('Pas de transcription');
  });
});
