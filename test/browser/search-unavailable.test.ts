import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomDocument } from '../support/dom.js';
import { axeViolations, horizontalOverflow, launchBrowser, openPage } from '../support/browser.js';
import { copySampleArchive, removeArchiveCopy } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { SPOKEN_WORD } from './sample-pages.js';
import { urlFor } from '../../src/http/urls.js';

/**
 * When Meilisearch is down, the search page answers 503 with an error page that is itself
 * accessible, in both languages; pages that do not need the index keep working.
 */
declare const document: DomDocument;

describe('the search page while the search engine is down', () => {
  let site: TestWeb;
  let browser: Browser;

  beforeAll(async () => {
    site = await startWebOver(await copySampleArchive());
    // This file's own Meilisearch, stopped by its process handle (never by name: other files run theirs).
    await site.meili.server.stop();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (site) await removeArchiveCopy(site.store);
  });

  it.each([
    ['fr', urlFor('search', 'fr', {}, { q: SPOKEN_WORD })],
    ['en', urlFor('search', 'en', {}, { q: SPOKEN_WORD })],
  ] as const)('serves an accessible 503 page (%s) at 1280, 375 and 320 px', async (locale, path) => {
    for (const viewport of ['desktop', 'phone', 'reflow'] as const) {
      const { context, page } = await openPage(browser, site.url, { viewport });
      const response = await page.goto(path);
      expect(response?.status()).toBe(503);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await page.locator('h1').count()).toBe(1);
      if (viewport === 'reflow') {
        const overflow = await horizontalOverflow(page);
        expect(overflow, JSON.stringify(overflow)).toBeNull();
      } else {
        const violations = await axeViolations(page);
        expect(violations, `${path} at ${viewport}: ${violations.join('\n')}`).toEqual([]);
      }
      await context.close();
    }
  });

  it('keeps serving the pages that do not need the search engine', async () => {
    const { context, page } = await openPage(browser, site.url);
    expect((await page.goto(urlFor('editions', 'fr')))?.status()).toBe(200);
    await context.close();
  });
});
