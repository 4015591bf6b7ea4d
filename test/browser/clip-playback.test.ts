import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/domain/manifest.js';
import { itemApiUrl } from '../../src/http/urls.js';
import { collectPageErrors, launchBrowser, openPage } from '../support/browser.js';
import { putClipTalk } from '../support/clip-items.js';
import type { DomDocument, DomMedia } from '../support/dom.js';
import { copySampleArchive, removeArchiveCopy } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';

declare const document: DomDocument & { body: { innerHTML: string } };

/** What the test reads of a <video> once it has played. */
interface Played {
  duration: number;
  ended: boolean;
  error: number | null;
  cues: string[];
  seenCues: string[];
}

interface PlayableVideo extends DomMedia {
  duration: number;
  ended: boolean;
  playbackRate: number;
  error: { code: number } | null;
  addEventListener(type: string, listener: () => void): void;
  textTracks: ArrayLike<DomMedia['textTracks'][number] & { cues: ArrayLike<{ text?: string }> | null; addEventListener(type: string, listener: () => void): void }>;
}

/**
 * A clip cut on demand plays in Chromium to its end, with the length its headers announce, and
 * its captions (clip.vtt of the same range) load as a track that shows the range's cues.
 */
describe('a clip in a real browser', () => {
  let site: TestWeb;
  let browser: Browser;
  let talk: Manifest;

  beforeAll(async () => {
    const store = await copySampleArchive();
    talk = await putClipTalk(store);
    site = await startWebOver(store);
    browser = await launchBrowser({ autoplay: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (site) await removeArchiveCopy(site.store);
  });

  async function play(clip: string, captions: string | null): Promise<Played> {
    const { context, page } = await openPage(browser, site.url);
    const errors = collectPageErrors(page);
    try {
      const track = captions ? `<track kind="captions" srclang="fr" label="Français" default src="${site.url}${captions}">` : '';
      await page.setContent(`<video crossorigin="anonymous" muted preload="auto" src="${site.url}${clip}">${track}</video>`);
      const played = await page.evaluate(
        () =>
          new Promise<Played>((resolve) => {
            const video = document.querySelector<PlayableVideo>('video')!;
            const seen = new Set<string>();
            const textTrack = video.textTracks[0];
            if (textTrack) {
              textTrack.mode = 'hidden';
              textTrack.addEventListener('cuechange', () => {
                for (const cue of Array.from(textTrack.activeCues ?? [])) seen.add(cue.text ?? '');
              });
            }
            const done = (): void =>
              resolve({
                duration: video.duration,
                ended: video.ended,
                error: video.error?.code ?? null,
                cues: Array.from(textTrack?.cues ?? []).map((cue) => cue.text ?? ''),
                seenCues: [...seen],
              });
            video.addEventListener('ended', done);
            video.addEventListener('error', done);
            video.playbackRate = 2;
            void video.play();
          }),
      );
      expect(errors).toEqual([]);
      return played;
    } finally {
      await context.close();
    }
  }

  it('plays a video clip with its captions track to the end', async () => {
    const t = '5,9';
    const head = await site.fetch(itemApiUrl(talk.id, 'clip.mp4', { t }));
    const length = Number(head.headers.get('x-clip-end')) - Number(head.headers.get('x-clip-start'));
    const played = await play(itemApiUrl(talk.id, 'clip.mp4', { t }), itemApiUrl(talk.id, 'clip.vtt', { t, lang: 'fr' }));
    expect(played.error).toBeNull();
    expect(played.ended).toBe(true);
    expect(Math.abs(played.duration - length)).toBeLessThanOrEqual(0.15);
    expect(played.cues).toEqual(['Deux : le guichet.', 'Trois : les usages.', 'Quatre : la médiation.', 'Cinq : les communs.']);
    expect(played.seenCues).toEqual(expect.arrayContaining(['Trois : les usages.', 'Quatre : la médiation.']));
  });

  it('plays an audio clip of a podcast to the end', async () => {
    const podcast = '2025-strasbourg-paroles-de-mediatrices-les-permanences-numeriques-en-milieu';
    const played = await play(itemApiUrl(podcast, 'clip.m4a', { t: '1,3' }), null);
    expect(played.error).toBeNull();
    expect(played.ended).toBe(true);
    expect(Math.abs(played.duration - 2)).toBeLessThanOrEqual(0.1);
  });
});
