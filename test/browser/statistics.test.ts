import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHref, urlFor } from '../../src/http/urls.js';
import { addOperator } from '../../src/services/operators/operators.js';
import { itemTotals, type ItemDay } from '../../src/services/stats/stats-counts.js';
import { statsMonthOf } from '../../src/services/stats/stats-calendar.js';
import { readMonth } from '../../src/services/stats/stats-reader.js';
import type { DomDocument, DomMedia } from '../support/dom.js';
import { axeViolations, collectPageErrors, horizontalOverflow, launchBrowser, openPage, VIEWPORTS } from '../support/browser.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { until } from '../support/wait.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { sampleItems } from './sample-pages.js';

/**
 * The statistics in a real browser: the player's beacons reach the daily totals (a play once ten
 * seconds are heard, each quarter once), a headless browser's do not; the statistics and privacy
 * pages pass axe in French and English and fit 320 px.
 */
declare const document: DomDocument;

const ITEMS = sampleItems(await sampleManifests());
const TALK_ID = ITEMS.accessibleTalk.id;
/** What a person's Chromium on Linux sends; Playwright's own says HeadlessChrome, which is not counted. */
const CHROMIUM_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const PLAY_TIMEOUT = 60_000;

interface Beacon {
  type: string;
  item: string;
  quartile?: number;
  lang?: string;
}

describe('statistics in Chromium', () => {
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

  async function counts(): Promise<ItemDay | undefined> {
    await site.web.deps.stats?.flush();
    return itemTotals(await readMonth(site.store, statsMonthOf(new Date()))).get(TALK_ID);
  }

  /** Records each beacon the page queues (then sends it as the browser would): Playwright does not report beacons as requests. */
  async function openTalk(page: Page, path: string): Promise<void> {
    await page.addInitScript(() => {
      const scope = globalThis as unknown as { navigator: { sendBeacon: (url: string, body: Blob) => boolean }; beacons: Promise<string>[] };
      const send = scope.navigator.sendBeacon.bind(scope.navigator);
      scope.beacons = [];
      scope.navigator.sendBeacon = (url, body) => {
        scope.beacons.push(body.text());
        return send(url, body);
      };
    });
    expect((await page.goto(path))?.status(), path).toBe(200);
  }

  async function beaconsOf(page: Page): Promise<Beacon[]> {
    const texts = await page.evaluate(() => Promise.all((globalThis as unknown as { beacons: Promise<string>[] }).beacons));
    return texts.map((text) => JSON.parse(text) as Beacon);
  }

  /**
   * Plays the sample talk (4 s long) looped at 4× until the player has sent its play (ten seconds
   * heard), then to its end; returns the beacons sent, once the server has answered each.
   */
  async function playThrough(page: Page): Promise<Beacon[]> {
    const answered: number[] = [];
    const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
      if (req.method === 'POST' && req.url === '/api/events') res.once('finish', () => answered.push(res.statusCode));
    };
    site.web.server.on('request', onRequest);
    await page.evaluate(async () => {
      const player = document.querySelector<DomMedia & { loop: boolean; playbackRate: number }>('#player');
      if (!player) throw new Error('no #player');
      player.muted = true;
      player.loop = true;
      player.playbackRate = 4;
      await player.play();
    });
    await until(async () => (await beaconsOf(page)).some((b) => b.type === 'play'), PLAY_TIMEOUT, 'the play beacon');
    await page.evaluate(() => {
      const player = document.querySelector<DomMedia & { loop: boolean }>('#player');
      if (player) player.loop = false;
    });
    await until(async () => (await beaconsOf(page)).some((b) => b.quartile === 4), PLAY_TIMEOUT, 'the beacon of the end');
    const beacons = await beaconsOf(page);
    await until(() => answered.length >= beacons.length, PLAY_TIMEOUT, 'the server’s answers to the beacons');
    site.web.server.off('request', onRequest);
    expect(answered).toEqual(beacons.map(() => 204));
    return beacons;
  }

  it('counts the play and each quarter Chromium reports, once per page view', async () => {
    const before = await counts();
    const context = await browser.newContext({ baseURL: site.url, userAgent: CHROMIUM_UA, locale: 'fr-FR', viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openTalk(page, urlFor('talk', 'fr', { id: TALK_ID }));
    const beacons = await playThrough(page);
    expect(beacons).toEqual([
      { type: 'play', item: TALK_ID, lang: 'fr' },
      ...[1, 2, 3, 4].map((quartile) => ({ type: 'progress', item: TALK_ID, quartile, lang: 'fr' })),
    ]);
    expect(errors).toEqual([]);
    await context.close();
    const after = await counts();
    expect((after?.plays ?? 0) - (before?.plays ?? 0)).toBe(1);
    expect(after?.quartiles.map((n, i) => n - (before?.quartiles[i] ?? 0))).toEqual([1, 1, 1, 1]);
    expect((after?.languages.get('fr') ?? 0) - (before?.languages.get('fr') ?? 0)).toBe(1);
    expect(after?.visitors).toBeGreaterThanOrEqual(1);
  });

  it('answers a headless browser’s beacons the same and does not count them', async () => {
    const before = await counts();
    const { context, page } = await openPage(browser, site.url);
    await openTalk(page, urlFor('talk', 'en', { id: TALK_ID }));
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent)).toMatch(/HeadlessChrome/);
    const beacons = await playThrough(page);
    expect(beacons.map((b) => b.type)).toEqual(['play', 'progress', 'progress', 'progress', 'progress']);
    await context.close();
    expect(await counts()).toEqual(before);
  });

  for (const locale of ['fr', 'en'] as const) {
    for (const route of ['statistics', 'privacy'] as const) {
      it(`${route} (${locale}): axe finds nothing at 1280 and 375 px, nothing overflows at 320 px, the table scrolls by keyboard`, async () => {
        for (const viewport of ['desktop', 'phone', 'reflow'] as const) {
          const { context, page } = await openPage(browser, site.url, { viewport });
          const errors = collectPageErrors(page);
          const path = urlFor(route, locale);
          expect((await page.goto(path))?.status(), path).toBe(200);
          if (viewport === 'reflow') expect(await horizontalOverflow(page)).toBeNull();
          else expect(await axeViolations(page), `${path} at ${viewport}`).toEqual([]);
          if (route === 'statistics') {
            expect(await page.locator('table caption').count()).toBe(1);
            await page.locator('.stats-table').focus();
            expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region');
          }
          expect(errors).toEqual([]);
          await context.close();
        }
      });
    }
  }

  it('the console’s statistics (fr, en): axe finds nothing at 1280 and 375 px, nothing overflows at 320 px, the month chosen by a plain form', async () => {
    await addOperator(site.store, 'camille', 'un mot de passe assez long');
    // Something counted this month, so that every table is shown.
    await fetch(`${site.url}/api/events`, { method: 'POST', body: JSON.stringify({ type: 'play', item: TALK_ID }), headers: { 'User-Agent': CHROMIUM_UA } });
    for (const locale of ['fr', 'en'] as const) {
      const { context, page } = await openPage(browser, site.url);
      await page.goto(adminHref(locale, '/session'));
      await page.fill('#sign-in-name', 'camille');
      await page.fill('#sign-in-password', 'un mot de passe assez long');
      await Promise.all([page.waitForURL((url) => url.pathname === adminHref(locale)), page.click('button[type="submit"]')]);
      expect((await page.goto(adminHref(locale, '/stats')))?.status()).toBe(200);
      expect(await page.locator('.stats-table').count()).toBeGreaterThanOrEqual(4);
      for (const viewport of ['desktop', 'phone', 'reflow'] as const) {
        await page.setViewportSize(VIEWPORTS[viewport]);
        if (viewport === 'reflow') expect(await horizontalOverflow(page)).toBeNull();
        else expect(await axeViolations(page), `${locale} console at ${viewport}`).toEqual([]);
      }
      await Promise.all([page.waitForURL(/[?&]month=/), page.click('.stats-console__month button[type="submit"]')]);
      expect(await page.locator('h1').textContent()).toContain(new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { year: 'numeric' }).format(new Date()));
      await context.close();
    }
  });
});
