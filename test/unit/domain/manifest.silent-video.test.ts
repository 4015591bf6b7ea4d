import { describe, expect, it } from 'vitest';
import { isSilentVideo, manifestSchema, type Manifest } from '../../../src/domain/manifest.js';
import { accessibilityModel } from '../../../src/http/view-models/accessibility-page.js';
import { itemDetail } from '../../../src/http/view-models/api-item.js';
import { downloadsOf } from '../../../src/http/view-models/downloads.js';
import { itemJsonLd } from '../../../src/http/view-models/json-ld.js';
import { playerModel, statusOf } from '../../../src/http/view-models/player.js';
import { snapshotOf } from '../../support/snapshot.js';
import { bareManifest, withMedia } from '../../support/web-item-manifests.js';

const ORIGIN = 'https://archives.example.org';

/** A talk as the ingest writes a recording without sound: no audio in the probe, no audio group. */
function silent(manifest: Manifest, captions = false): Manifest {
  const next = structuredClone(manifest);
  next.media.audio = null;
  if (next.hls) next.hls = { ...next.hls, audio: [], variants: next.hls.variants.map((v) => ({ ...v, codecs: 'avc1.64001f' })) };
  if (captions) next.accessibility = { ...next.accessibility, captions: true, reviewedTranscript: true, transcript: 'reviewed' };
  else {
    next.tracks = next.tracks.filter((t) => t.kind !== 'captions' && t.kind !== 'subtitles');
    next.downloads = next.downloads.filter((d) => d.format !== 'vtt' && d.format !== 'txt');
    next.accessibility = { ...next.accessibility, captions: false, reviewedTranscript: false, transcript: 'none' };
  }
  return manifestSchema.parse(next);
}

describe('a video without sound on the site', () => {
  const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk' }));
  const mute = silent(talk);
  const muteWithSubtitles = silent(talk, true);

  it('is known by its probe: a video whose media has no audio', () => {
    expect(isSilentVideo(mute)).toBe(true);
    expect(isSilentVideo(talk)).toBe(false);
    expect(isSilentVideo(withMedia(bareManifest({ id: 'doc', kind: 'document' })))).toBe(false);
  });

  it('says "sans son" before the player, and that there is no speech to caption rather than a gap', () => {
    expect(statusOf(mute, 'fr')).toEqual({ text: 'Pas de parole à sous-titrer', tone: 'ok', badges: [{ text: 'Sans son', tone: 'warn' }] });
    expect(statusOf(mute, 'en').badges[0]?.text).toBe('No sound');
    // Supplied subtitles (a sign-language talk translated) are shown as for any talk.
    expect(statusOf(muteWithSubtitles, 'fr').text).toMatch(/^Sous-titres relus/);
    expect(statusOf(muteWithSubtitles, 'fr').badges[0]?.text).toBe('Sans son');
    expect(statusOf(talk, 'fr').badges.map((b) => b.text)).not.toContain('Sans son');
  });

  it('marks the player silent (muted, described by a note) and the MP4 "vidéo sans son"', () => {
    expect(playerModel(mute, 'fr', null)).toMatchObject({ element: 'video', describedAudio: null, describedVersion: false });
    expect(playerModel(mute, 'fr', null).silent).toEqual({ muted: true, note: expect.stringMatching(/^Cette vidéo est sans son/) });
    expect(playerModel(talk, 'fr', null).silent).toBeNull();
    expect(downloadsOf(mute, 'fr')[0]).toMatchObject({ label: 'MP4 720p', details: 'vidéo sans son, 1,9\u00a0Mo' });
    expect(downloadsOf(mute, 'en')[0]?.details).toMatch(/^video without sound, /);
    expect(downloadsOf(mute, 'fr').map((d) => d.format)).toEqual(['mp4', 'original']);
  });

  it('plays its described version from a master of its own, with sound and without JavaScript', () => {
    const master = `items/${mute.id}/r/hls/master-described.m3u8`;
    const described = manifestSchema.parse({
      ...mute,
      audioDescription: { type: 'audio', key: master },
      accessibility: { ...mute.accessibility, audioDescription: true },
    });
    const plain = playerModel(described, 'fr', null);
    expect(plain).toMatchObject({ describedAudio: null, describedVersion: true, silent: { muted: true } });
    expect(plain.sources[0]?.src).toMatch(/hls\/master\.m3u8$/);
    const heard = playerModel(described, 'fr', { start: 12, end: null }, true);
    expect(heard.sources[0]?.src).toMatch(/hls\/master-described\.m3u8#t=12$/);
    expect(heard.silent).toEqual({ muted: false, note: expect.stringMatching(/^Cette vidéo n’a pas de son d’origine/) });
    // A talk with sound keeps its one master: hls.js picks the described rendition there.
    expect(playerModel(withMedia(bareManifest({ id: 't', kind: 'talk' }), { describedAudio: true }), 'fr', null, true).sources[0]?.src).toMatch(/hls\/master\.m3u8$/);
  });

  it('tells reusers: API sound false, JSON-LD visual only', () => {
    expect(itemDetail(mute, ORIGIN, 'fr').media.sound).toBe(false);
    expect(itemDetail(talk, ORIGIN, 'fr').media.sound).toBe(true);
    expect(itemDetail(withMedia(bareManifest({ id: 'doc', kind: 'document' })), ORIGIN, 'fr').media.sound).toBeNull();
    const ld = itemJsonLd(mute, ORIGIN, 'fr');
    expect(ld.accessMode).toEqual(['visual']);
    expect(ld.accessibilitySummary).toBe('Vidéo sans son.');
    expect(itemJsonLd(muteWithSubtitles, ORIGIN, 'en').accessibilitySummary).toMatch(/^Accessibility: .*\. Video without sound\.$/);
    expect(itemJsonLd(talk, ORIGIN, 'fr').accessMode).toEqual(['auditory', 'visual']);
  });

  it('does not count it among recordings without a transcript in the accessibility statement', () => {
    const gaps = accessibilityModel(snapshotOf([mute]), 'fr').gaps;
    expect(gaps.join('\n')).not.toMatch(/ni sous-titres ni transcription/);
  });
});
