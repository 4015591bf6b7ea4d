import { describe, expect, it } from 'vitest';
import { captionLanguages, captionTrackOf, clipSourceOf } from '../../../../src/services/clips/clip-source.js';
import { documentManifest, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

describe('what a clip is cut from', () => {
  const talk = talkManifest();

  it('is the largest downloadable MP4 of a video, the M4A of a recording with sound', () => {
    const big = { ...talk.downloads[0]!, key: 'items/2025-strasbourg-ia-et-mediation/abc123/download/x-1080p.mp4', height: 1080 };
    expect(clipSourceOf({ ...talk, downloads: [...talk.downloads, big] }, 'mp4')).toEqual({ key: big.key, kind: 'video' });
    expect(clipSourceOf(podcastManifest(), 'm4a').key).toMatch(/\.m4a$/);
  });

  it('says why when there is none: a document, a podcast asked for video, no such download', () => {
    expect(() => clipSourceOf(documentManifest(), 'mp4')).toThrow('is a document: it has no recording to cut');
    expect(() => clipSourceOf(podcastManifest(), 'mp4')).toThrow('has no pictures: ask for clip.m4a');
    expect(() => clipSourceOf(talk, 'm4a')).toThrow('has no downloadable M4A to cut from: ask for clip.mp4');
  });

  it('takes captions in the asked language, else the item’s; lists the languages it has when asked for another', () => {
    const english = { ...talk.tracks[0]!, kind: 'subtitles' as const, language: 'en', key: 'items/x/abc123/text/en.vtt' };
    const both = { ...talk, tracks: [...talk.tracks, english] };
    expect(captionTrackOf(both, undefined)).toEqual({ key: talk.tracks[0]!.key, language: 'fr' });
    expect(captionTrackOf(both, 'en')).toEqual({ key: english.key, language: 'en' });
    expect(captionTrackOf(both, 'en-GB')?.language).toBe('en');
    expect(captionLanguages(both)).toEqual(['fr', 'en']);
    expect(() => captionTrackOf(both, 'de')).toThrow('lang: no captions in "de"; available: fr, en');
    expect(captionTrackOf({ ...talk, tracks: [] }, undefined)).toBeNull();
    expect(() => captionTrackOf({ ...talk, tracks: [] }, 'fr')).toThrow('has no captions');
  });
});
