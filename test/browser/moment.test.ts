import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlFor } from '../../src/http/urls.js';
import type { DomDocument, DomMedia } from '../support/dom.js';
import { axeViolations, collectPageErrors, horizontalOverflow, launchBrowser, openPage, type PageOptions } from '../support/browser.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { sampleItems } from './sample-pages.js';

/**
 * Moments in a real browser over the ingested sample (recordings of about 4 s): a page opened at
 * `?t=1,3` starts at 1 s and pauses once at 3 s (native HLS, hls.js, the podcast's audio); the
 * cite fields work by keyboard and carry the moment to the address and the links; the form
 * works without JavaScript; a moment page has no axe violation at 320 px in French and English.
 */
declare const document: DomDocument;

/** What this file does to the player besides DomMedia: pausing, and the time it had when it first paused. */
interface MomentMedia extends DomMedia {
  pause(): void;
  addEventListener(type: string, listener: () => void, options?: { once?: boolean }): void;
}
interface MomentWindow {
  firstPause?: number;
}
declare const window: MomentWindow;

const ITEMS = sampleItems(await sampleManifests());
const TALK = ITEMS.accessibleTalk;
const PLAYING_TIMEOUT = 20_000;

describe('moments in a real browser', () => {
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

  async function open(path: string, options: PageOptions = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const { context, page } = await openPage(browser, site.url, options);
    const errors = collectPageErrors(page);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    return { page, errors, close: () => context.close() };
  }

  /** Plays muted from where the page put the player, noting the time of its first pause. */
  async function playUntilPaused(page: Page): Promise<number> {
    await page.evaluate(async () => {
      const player = document.querySelector<MomentMedia>('#player');
      if (!player) throw new Error('no #player');
      player.addEventListener('pause', () => (window.firstPause ??= player.currentTime), { once: true });
      player.muted = true;
      await player.play();
    });
    await page.waitForFunction(() => window.firstPause !== undefined, undefined, { timeout: PLAYING_TIMEOUT });
    return page.evaluate(() => window.firstPause ?? -1);
  }

  it.each([
    ['talk (native HLS)', urlFor('talk', 'fr', { id: TALK.id }, { t: '1,3' })],
    ['talk through hls.js', urlFor('talk', 'fr', { id: TALK.id }, { t: '1,3', player: 'hlsjs' })],
    ['podcast', urlFor('podcast', 'fr', { id: ITEMS.podcast.id }, { t: '0:01,0:03' })],
  ])('opens the %s at ?t=1,3: starts at 1 s, pauses once at 3 s, then plays on', async (_name, path) => {
    const { page, errors, close } = await open(path);
    await page.waitForFunction(() => {
      const player = document.querySelector<DomMedia>('#player');
      return player !== null && player.readyState >= 1 && player.currentTime >= 0.9;
    }, undefined, { timeout: PLAYING_TIMEOUT });
    expect(await page.evaluate(() => document.querySelector<DomMedia>('#player')?.currentTime ?? -1)).toBeLessThan(1.5);
    const paused = await playUntilPaused(page);
    expect(paused).toBeGreaterThanOrEqual(2.9);
    expect(paused).toBeLessThan(3.5);
    // Once: pressing play again goes on past the end of the moment.
    await page.evaluate(() => document.querySelector<DomMedia>('#player')?.play());
    await page.waitForFunction(() => (document.querySelector<DomMedia>('#player')?.currentTime ?? 0) > 3.6, undefined, { timeout: PLAYING_TIMEOUT });
    expect(errors).toEqual([]);
    await close();
  });

  it('chooses a moment by keyboard: typed times and the current position make the address and the links', async () => {
    const { page, errors, close } = await open(urlFor('talk', 'fr', { id: TALK.id }));
    await page.waitForFunction(() => (document.querySelector<DomMedia>('#player')?.readyState ?? 0) >= 1, undefined, { timeout: PLAYING_TIMEOUT });
    const pageUrl = `${site.url}${urlFor('talk', 'fr', { id: TALK.id })}`;
    // The clip needs an end: until then the page says so instead of linking.
    expect(await page.locator('[data-clip-note="needs-end"]').isVisible()).toBe(true);
    expect(await page.locator('#moment-clip ul').isVisible()).toBe(false);

    // Until someone chooses, the address follows playback, to the second; the fields stay as they are.
    await page.evaluate(() => {
      const player = document.querySelector<DomMedia>('#player');
      if (player) player.currentTime = 1.5;
    });
    await page.waitForFunction((url) => document.querySelector<DomMedia & { value: string }>('#cite-url')?.value === `${url}?t=1`, pageUrl);
    expect(await page.locator('#moment-start').inputValue()).toBe('');

    // From the link to the moment, Tab reaches the start field, then its button, then the end field.
    await page.locator('#cite-link').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('moment-start');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0:01');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-moment-now'))).toBe('start');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('moment-end');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');

    expect(await page.locator('#cite-url').inputValue()).toBe(`${pageUrl}?t=1,3`);
    expect(await page.locator('#cite-link').getAttribute('href')).toBe(`${pageUrl}?t=1,3`);
    expect(await page.locator('#cite-link').textContent()).toBe('Lien vers ce moment (0:01–0:03)');
    expect(await page.locator('[data-clip-note="needs-end"]').isVisible()).toBe(false);
    const links = await page.locator('a[data-moment-href]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/[?&]t=1,3(&|$)/);
    // The reference to copy cites the same moment, in words and in its URL.
    expect(await page.locator('#citation-text').inputValue()).toContain(`, à 0:01–0:03. ${pageUrl}?t=1,3`);
    expect(await page.locator('#moment-clip a', { hasText: 'Extrait vidéo (MP4)' }).getAttribute('href')).toBe(`/api/items/${TALK.id}/clip.mp4?t=1,3`);
    expect(await page.locator('#moment-clip ul').isVisible()).toBe(true);

    // The end from the current position (rounded up, so the last words stay in), announced.
    await page.evaluate(() => {
      const player = document.querySelector<DomMedia>('#player');
      if (player) player.currentTime = 2.2;
    });
    await page.waitForFunction(() => Math.abs((document.querySelector<DomMedia>('#player')?.currentTime ?? 0) - 2.2) < 0.05);
    await page.locator('button[data-moment-now="end"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#moment-end').inputValue()).toBe('0:03');
    await page.waitForFunction(() => document.querySelector('#moment-status')?.textContent === 'Fin\u00a0: 0:03');

    // A time that cannot be read is said once the field is left, on that field.
    await page.locator('#moment-end').fill('0:0:99');
    await page.locator('#moment-end').press('Tab');
    expect(await page.locator('#moment-end').getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => (document.querySelector('#moment-status')?.textContent ?? '').startsWith('La fin «\u00a00:0:99\u00a0» n’est pas un temps'));
    expect(await page.locator('#cite-url').inputValue()).toBe(`${pageUrl}?t=1,3`);

    // Enter in a field sends the form: the page reloads at the moment chosen.
    await page.locator('#moment-end').fill('0:02');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('t') === '1,2'), page.locator('#moment-end').press('Enter')]);
    expect(new URL(page.url()).hash).toBe('#citer');
    expect(await page.locator('#player').getAttribute('data-end-at')).toBe('2');
    expect(errors).toEqual([]);
    await close();
  });

  it('sends the cite form without JavaScript, and reloads the page at the moment', async () => {
    const { page, close } = await open(urlFor('podcast', 'en', { id: ITEMS.podcast.id }), { javaScriptEnabled: false });
    expect(await page.locator('button[data-moment-now]').first().isVisible()).toBe(false);
    await page.locator('#moment-start').fill('1');
    await page.locator('#moment-end').fill('0:03');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('t') === '1,3'), page.getByRole('button', { name: 'Set this moment' }).press('Enter')]);
    expect(await page.locator('#moment-excerpt').textContent()).toBe('Excerpt from 0:01 to 0:03 — see the whole recording');
    expect(await page.locator('#player source').first().getAttribute('src')).toMatch(/#t=1,3$/);
    expect(await page.locator('#moment-clip a').first().getAttribute('href')).toBe(`/api/items/${ITEMS.podcast.id}/clip.m4a?t=1,3`);
    await close();
  });

  it.each([
    ['fr', urlFor('talk', 'fr', { id: TALK.id }, { t: '1,3' })],
    ['en', urlFor('talk', 'en', { id: TALK.id }, { t: '1,3' })],
    ['fr, the form refused', urlFor('talk', 'fr', { id: TALK.id }, { from: '9:99', to: '3' })],
    ['en, podcast', urlFor('podcast', 'en', { id: ITEMS.podcast.id }, { t: '1,3' })],
    ['fr, embed', urlFor('embed', 'fr', { id: TALK.id }, { t: '1,3' })],
  ])('has no axe violation and no sideways scroll at 320 px on a moment page (%s)', async (_name, path) => {
    const { page, errors, close } = await open(path, { viewport: 'reflow' });
    const violations = await axeViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    const overflow = await horizontalOverflow(page);
    expect(overflow, JSON.stringify(overflow)).toBeNull();
    expect(errors).toEqual([]);
    await close();
  });
});
