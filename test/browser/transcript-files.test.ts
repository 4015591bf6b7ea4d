import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlFor } from '../../src/http/urls.js';
import type { DomDocument } from '../support/dom.js';
import { axeViolations, horizontalOverflow, launchBrowser, openPage } from '../support/browser.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { sampleItems } from './sample-pages.js';

/**
 * The links to the text files on the item pages, in Chromium over the ingested sample: the
 * transcript's list opens from the keyboard without JavaScript, stays within 320 px, has no
 * axe violation once open (in French and English), and its links give the files.
 */
declare const document: DomDocument;

const ITEMS = sampleItems(await sampleManifests());
const TALK = ITEMS.accessibleTalk;

describe('text-file links in a real browser', () => {
  let site: TestWeb;
  let browser: Browser;

  beforeAll(async () => {
    site = await startWebOver(await copySampleArchive());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (site) await removeArchiveCopy(site.store);
  });

  it.each(['fr', 'en'] as const)('opens the transcript’s list by keyboard without JavaScript at 320 px (%s)', async (locale) => {
    const { context, page } = await openPage(browser, site.url, { viewport: 'reflow', javaScriptEnabled: false });
    try {
      expect((await page.goto(urlFor('talk', locale, { id: TALK.id })))?.status()).toBe(200);
      await page.locator('.item-text-files summary').focus();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
      await page.keyboard.press('Enter');
      const links = page.locator('.item-text-files a');
      expect(await links.count()).toBe(6);
      expect(await links.first().isVisible()).toBe(true);
      // Tab goes from the summary into the list, in reading order.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')).toMatch(/\/transcript\.txt\?lang=/);
      expect(await horizontalOverflow(page)).toBeNull();
    } finally {
      await context.close();
    }
  });

  // axe-core does not finish on the talk page with JavaScript off (the player's media, it seems): checked with it on, the list opened by keyboard.
  it.each(['fr', 'en'] as const)('has no axe violations with the list open, at 320 and 1280 px (%s)', async (locale) => {
    for (const viewport of ['reflow', 'desktop'] as const) {
      const { context, page } = await openPage(browser, site.url, { viewport });
      try {
        await page.goto(urlFor('talk', locale, { id: TALK.id }));
        await page.locator('.item-text-files summary').focus();
        await page.keyboard.press('Enter');
        expect(await page.locator('.item-text-files a').first().isVisible()).toBe(true);
        const violations = await axeViolations(page);
        expect(violations, `${viewport}\n${violations.join('\n')}`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('follows the plain-text link to the transcript with its header, and the slide text link', async () => {
    const { context, page } = await openPage(browser, site.url, { viewport: 'desktop' });
    try {
      await page.goto(urlFor('talk', 'fr', { id: TALK.id }));
      await page.locator('.item-text-files summary').click();
      await page.locator('.item-text-files a', { hasText: 'Texte brut (TXT)' }).click();
      await page.waitForURL(/\/transcript\.txt\?lang=/);
      expect(await page.locator('body').innerText()).toMatch(new RegExp(`^Titre\\s: ${TALK.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
      if (TALK.text.slides) {
        await page.goto(urlFor('talk', 'fr', { id: TALK.id }));
        await page.locator('.item-text-file a').first().click();
        await page.waitForURL(/\/slides\.txt\?lang=fr/);
        expect(await page.locator('body').innerText()).toContain('Texte des diapositives lu automatiquement');
      }
    } finally {
      await context.close();
    }
  });

  it('links a document’s page text above its pages, without axe violations', async () => {
    const { context, page } = await openPage(browser, site.url, { viewport: 'phone' });
    try {
      await page.goto(urlFor('document', 'fr', { id: ITEMS.document.id }));
      expect(await page.locator('.item-document-text .item-text-file a').getAttribute('href')).toBe(`/api/items/${ITEMS.document.id}/pages.txt?lang=fr`);
      const violations = await axeViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
