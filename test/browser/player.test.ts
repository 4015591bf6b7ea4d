import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSampleTimeline } from '../../scripts/sample/texts.js';
import { urlFor } from '../../src/http/urls.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import type { DomDocument, DomMedia, DomWindow } from '../support/dom.js';
import { collectPageErrors, launchBrowser, openPage } from '../support/browser.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { SPOKEN_WORD, sampleItems } from './sample-pages.js';

/**
 * The talk and podcast pages do what they promise in a real browser over the ingested sample:
 * the HLS ladder plays (natively and through hls.js), captions show when chosen, the transcript
 * seeks on Enter without reloading, ?t starts the player there; and the search form works with
 * JavaScript off.
 */
declare const document: DomDocument;
declare const window: DomWindow;

const ITEMS = sampleItems(await sampleManifests());
const TALK = urlFor('talk', 'fr', { id: ITEMS.accessibleTalk.id });
const ROUND_TABLE = urlFor('talk', 'fr', { id: ITEMS.roundTable.id });
const PODCAST = urlFor('podcast', 'fr', { id: ITEMS.podcast.id });
const PLAYING_TIMEOUT = 20_000;
/** What the sample's accessibility talk says, sentence by sentence: its captions show these words. */
const SPOKEN = (await readSampleTimeline(SHORT_SAMPLE_DIR)).items.find((item) => item.id === ITEMS.accessibleTalk.id)?.sentences.map((s) => s.text) ?? [];

describe('the player, the transcript and the search form in a real browser', () => {
  let site: TestWeb;
  let browser: Browser;

  beforeAll(async () => {
    site = await startWebOver(await copySampleArchive());
    browser = await launchBrowser({ autoplay: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (site) await removeArchiveCopy(site.store);
  });

  /** A page in its own context; `requests` lists every URL it asked for, from the first. */
  async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; errors: string[]; requests: string[]; close: () => Promise<void> }> {
    const { context, page } = await openPage(browser, site.url, options);
    const errors = collectPageErrors(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    return { page, errors, requests, close: () => context.close() };
  }

  /** Starts the player muted (as a user pressing play on a silent tab would) and waits for `seconds` of playback. */
  async function playUntil(page: Page, seconds: number): Promise<void> {
    await page.evaluate(async () => {
      const player = document.querySelector<DomMedia>('#player');
      if (!player) throw new Error('no #player');
      player.muted = true;
      await player.play();
    });
    await page.waitForFunction((s) => (document.querySelector<DomMedia>('#player')?.currentTime ?? 0) > s, seconds, { timeout: PLAYING_TIMEOUT });
  }

  it('plays the HLS ladder natively, without loading hls.js', async () => {
    const { page, errors, requests, close } = await open(TALK);
    await playUntil(page, 1);
    const src = await page.evaluate(() => document.querySelector<DomMedia>('#player')?.currentSrc ?? '');
    expect(new URL(src).pathname).toMatch(/\.m3u8$/);
    expect(requests.filter((url) => url.includes('hls.min.js'))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('plays the HLS ladder through hls.js when asked (?player=hlsjs)', async () => {
    const { page, errors, requests, close } = await open(`${TALK}?player=hlsjs`);
    // hls.js attaches a MediaSource: the element's source becomes a blob: URL once it has.
    await page.waitForFunction(() => document.querySelector<DomMedia>('#player')?.currentSrc.startsWith('blob:'), undefined, { timeout: PLAYING_TIMEOUT });
    await playUntil(page, 1);
    expect(await page.evaluate(() => document.querySelector<DomMedia>('#player')?.currentSrc ?? '')).toMatch(/^blob:/);
    expect(requests.filter((url) => url.includes('hls.min.js'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('has French captions that show their cues when chosen', async () => {
    const { page, close } = await open(TALK);
    const tracks = await page.evaluate(() => Array.from(document.querySelector<DomMedia>('#player')?.textTracks ?? []).map((t) => `${t.kind}:${t.language}`));
    expect(tracks).toContain('captions:fr');
    // What choosing « Français » in the player's captions menu does.
    await page.evaluate(() => {
      for (const track of Array.from(document.querySelector<DomMedia>('#player')?.textTracks ?? [])) {
        if (track.kind === 'captions' && track.language === 'fr') track.mode = 'showing';
      }
    });
    // The sample speaks from 0.3 s to 1.8 s: a cue is active while it plays.
    await playUntil(page, 0.5);
    const cue = await page.waitForFunction(() => {
      const player = document.querySelector<DomMedia>('#player');
      const track = Array.from(player?.textTracks ?? []).find((t) => t.kind === 'captions' && t.language === 'fr');
      const active = track?.activeCues?.[0];
      return active?.text ?? false;
    }, undefined, { timeout: PLAYING_TIMEOUT });
    expect(SPOKEN).toContain(String(await cue.jsonValue()).replace(/\s+/g, ' ').trim());
    expect(await page.evaluate(() => Array.from(document.querySelector<DomMedia>('#player')?.textTracks ?? []).filter((t) => t.mode === 'showing').length)).toBe(1);
    await close();
  });

  it('seeks the player from the transcript on Enter, without reloading the page', async () => {
    const { page, errors, close } = await open(ROUND_TABLE);
    await page.waitForFunction(() => (document.querySelector<DomMedia>('#player')?.readyState ?? 0) >= 1, undefined, { timeout: PLAYING_TIMEOUT });
    const times = page.locator('.transcript .transcript__time[data-start]');
    const starts = (await times.evaluateAll((links) => links.map((link) => Number(link.getAttribute('data-start')))));
    const later = Math.max(...starts);
    expect(later, `a passage later than the first second (passages at ${starts.join(', ')})`).toBeGreaterThan(1);
    const url = page.url();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await times.nth(starts.indexOf(later)).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((start) => Math.abs((document.querySelector<DomMedia>('#player')?.currentTime ?? -9) - start) <= 1, later, { timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(page.url().split('?')[0]).toBe(url.split('?')[0]);
    // The passage now playing is marked for everyone, screen readers included.
    await page.waitForFunction((start) => {
      const current = document.querySelector('.transcript [aria-current="true"]');
      return current?.querySelector('.transcript__time')?.getAttribute('data-start') === String(start) || current?.getAttribute('data-start') === String(start);
    }, later, { timeout: 10_000 });
    expect(errors).toEqual([]);
    await close();
  });

  it.each([
    ['talk', TALK],
    ['podcast', PODCAST],
  ])('starts the %s at ?t=3', async (_kind, path) => {
    const { page, close } = await open(`${path}?t=3`);
    expect(await page.locator('#player').getAttribute('data-start-at')).toBe('3');
    await page.waitForFunction(() => {
      const player = document.querySelector<DomMedia>('#player');
      return player !== null && player.readyState >= 1 && player.currentTime >= 3;
    }, undefined, { timeout: PLAYING_TIMEOUT });
    await close();
  });

  it('searches without JavaScript: the form submits and results link into the recordings', async () => {
    const { page, close } = await open(urlFor('search', 'fr'), { javaScriptEnabled: false });
    await page.locator('#q').fill(SPOKEN_WORD);
    await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === SPOKEN_WORD), page.locator('#q').press('Enter')]);
    const results = page.locator('ol.results > li');
    expect(await results.count()).toBeGreaterThan(0);
    const passages = await page.locator('ol.results > li a.passage__time').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(passages.some((href) => href.includes('?t='))).toBe(true);
    await close();
  });

  it('renders the talk without JavaScript: a player with its sources and the whole transcript', async () => {
    const { page, close } = await open(TALK, { javaScriptEnabled: false });
    expect(await page.locator('#player source').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#player track[kind="captions"][srclang="fr"]').count()).toBe(1);
    expect(await page.locator('section#transcription .transcript__time').count()).toBeGreaterThan(0);
    expect(await page.locator('#sign-language').count()).toBe(1);
    await close();
  });
});
