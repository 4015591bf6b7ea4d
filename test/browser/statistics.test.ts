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
 * pages and the console's statistics pass axe in French and English at 1280 and 320 px and fit 320 px.
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

  /** Statuses of the server's answers to the beacons (POST /api/events), in the order they were sent. */
  function answersToBeacons(): { statuses: number[]; stop: () => void } {
    const statuses: number[] = [];
    const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
      if (req.method === 'POST' && req.url === '/api/events') res.once('finish', () => statuses.push(res.statusCode));
    };
    site.web.server.on('request', onRequest);
    return { statuses, stop: () => site.web.server.off('request', onRequest) };
  }

  /**
   * Plays the sample talk (4 s long) looped at 4× until the player has sent its play (ten seconds
   * heard), then to its end; returns the beacons sent.
   */
  async function playThrough(page: Page): Promise<Beacon[]> {
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
    return beaconsOf(page);
  }

  // The two browsers play at the same time (the playing is waiting, not work): the totals then
  // grow by exactly what the person's browser sent, which proves the headless one's beacons, sent
  // and answered alike, were not counted (its page is in English, the person's in French).
  it('counts the play and each quarter Chromium reports, once per page view; answers a headless browser’s beacons the same and does not count them', async () => {
    const before = await counts();
    const answers = answersToBeacons();
    const person = await browser.newContext({ baseURL: site.url, userAgent: CHROMIUM_UA, locale: 'fr-FR', viewport: VIEWPORTS.desktop });
    const personPage = await person.newPage();
    const errors = collectPageErrors(personPage);
    await openTalk(personPage, urlFor('talk', 'fr', { id: TALK_ID }));
    const { context: headless, page: headlessPage } = await openPage(browser, site.url);
    await openTalk(headlessPage, urlFor('talk', 'en', { id: TALK_ID }));
    expect(await headlessPage.evaluate(() => (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent)).toMatch(/HeadlessChrome/);

    const [personBeacons, headlessBeacons] = await Promise.all([playThrough(personPage), playThrough(headlessPage)]);
    expect(personBeacons).toEqual([
      { type: 'play', item: TALK_ID, lang: 'fr' },
      ...[1, 2, 3, 4].map((quartile) => ({ type: 'progress', item: TALK_ID, quartile, lang: 'fr' })),
    ]);
    expect(headlessBeacons.map((b) => b.type)).toEqual(['play', 'progress', 'progress', 'progress', 'progress']);
    expect(headlessBeacons.every((b) => b.item === TALK_ID && b.lang === 'en')).toBe(true);
    const sent = personBeacons.length + headlessBeacons.length;
    await until(() => answers.statuses.length >= sent, PLAY_TIMEOUT, 'the server’s answers to the beacons');
    answers.stop();
    expect(answers.statuses).toEqual(Array.from({ length: sent }, () => 204));
    expect(errors).toEqual([]);
    await person.close();
    await headless.close();

    const after = await counts();
    expect((after?.plays ?? 0) - (before?.plays ?? 0)).toBe(1);
    expect(after?.quartiles.map((n, i) => n - (before?.quartiles[i] ?? 0))).toEqual([1, 1, 1, 1]);
    expect((after?.languages.get('fr') ?? 0) - (before?.languages.get('fr') ?? 0)).toBe(1);
    expect(after?.languages.get('en') ?? 0).toBe(before?.languages.get('en') ?? 0);
    // One visitor more, the person: the headless browser (another user agent) is no visitor either.
    expect((after?.visitors ?? 0) - (before?.visitors ?? 0)).toBe(1);
    expect(after?.downloads).toEqual(before?.downloads ?? new Map());
    expect(after?.embeds).toEqual(before?.embeds ?? new Map());
  });

  // Phones get the narrow layout at 320 px as at 375 (every breakpoint of the stylesheets is at
  // 480 px or wider, no script reads the width): axe reads it at 320 px, where nothing may stick out.
  for (const locale of ['fr', 'en'] as const) {
    for (const route of ['statistics', 'privacy'] as const) {
      it(`${route} (${locale}): axe finds nothing at 1280 and 320 px, nothing overflows at 320 px, the table scrolls by keyboard`, async () => {
        const { context, page } = await openPage(browser, site.url);
        const errors = collectPageErrors(page);
        const path = urlFor(route, locale);
        expect((await page.goto(path))?.status(), path).toBe(200);
        for (const viewport of ['desktop', 'reflow'] as const) {
          // The same page resized: its media queries apply as on a fresh load.
          await page.setViewportSize(VIEWPORTS[viewport]);
          if (viewport === 'reflow') expect(await horizontalOverflow(page)).toBeNull();
          const violations = await axeViolations(page);
          expect(violations, `${path} at ${viewport}:\n${violations.join('\n')}`).toEqual([]);
          if (route === 'statistics') {
            expect(await page.locator('table caption').count()).toBe(1);
            await page.locator('.stats-table').focus();
            expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region');
          }
        }
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  it('the console’s statistics (fr, en): axe finds nothing at 1280 and 320 px, nothing overflows at 320 px, the month chosen by a plain form', async () => {
    await addOperator(site.store, 'camille', 'un mot de passe assez long');
    // Something counted this month, so that every table is shown.
    await fetch(`${site.url}/api/events`, { method: 'POST', body: JSON.stringify({ type: 'play', item: TALK_ID }), headers: { 'User-Agent': CHROMIUM_UA } });
    // Signed in once, in French; the session holds in English too.
    const { context, page } = await openPage(browser, site.url);
    await page.goto(adminHref('fr', '/session'));
    await page.fill('#sign-in-name', 'camille');
    await page.fill('#sign-in-password', 'un mot de passe assez long');
    await Promise.all([page.waitForURL((url) => url.pathname === adminHref('fr')), page.click('button[type="submit"]')]);
    for (const locale of ['fr', 'en'] as const) {
      expect((await page.goto(adminHref(locale, '/stats')))?.status()).toBe(200);
      expect(await page.locator('.stats-table').count()).toBeGreaterThanOrEqual(4);
      for (const viewport of ['desktop', 'reflow'] as const) {
        await page.setViewportSize(VIEWPORTS[viewport]);
        if (viewport === 'reflow') expect(await horizontalOverflow(page)).toBeNull();
        const violations = await axeViolations(page);
        expect(violations, `${locale} console at ${viewport}:\n${violations.join('\n')}`).toEqual([]);
      }
      await page.setViewportSize(VIEWPORTS.desktop);
      await Promise.all([page.waitForURL(/[?&]month=/), page.click('.stats-console__month button[type="submit"]')]);
      expect(await page.locator('h1').textContent()).toContain(new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { year: 'numeric' }).format(new Date()));
    }
    await context.close();
  });
});
