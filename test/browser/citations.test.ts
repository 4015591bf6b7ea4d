import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlFor } from '../../src/http/urls.js';
import type { DomDocument, DomElement } from '../support/dom.js';
import { axeViolations, horizontalOverflow, launchBrowser, openPage } from '../support/browser.js';
import { readCitationFile } from '../support/citation-reader.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { sampleItems } from './sample-pages.js';

/**
 * The citation part of the item pages in Chromium over the ingested sample: the head's tags as
 * the DOM reads them (what Zotero's translator queries), the reference and the three links
 * reached by keyboard without JavaScript at 320 px with no axe violation in French and English,
 * the copy button, and a link followed to a file a reference library reads.
 */
declare const document: DomDocument;

const ITEMS = sampleItems(await sampleManifests());

describe('citations on item pages in a real browser', () => {
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

  it.each([
    ['fr', 'talk', ITEMS.accessibleTalk.id, 'presentation'],
    ['en', 'podcast', ITEMS.podcast.id, 'podcast'],
    ['en', 'document', ITEMS.document.id, 'magazineArticle'],
  ] as const)('reaches the reference and its files by keyboard without JavaScript at 320 px, and has no axe violation (%s %s)', async (locale, route, id, zoteroType) => {
    const { context, page } = await openPage(browser, site.url, { viewport: 'reflow', javaScriptEnabled: false });
    try {
      expect((await page.goto(urlFor(route, locale, { id })))?.status()).toBe(200);
      const meta = await page.evaluate(() =>
        Array.from(document.documentElement.querySelectorAll<DomElement>('head meta[name]')).map((m) => [m.getAttribute('name'), m.getAttribute('content')]),
      );
      expect(meta.filter(([name]) => name === 'DC.type').map(([, content]) => content)[0]).toBe(zoteroType);
      expect(meta.some(([name, content]) => name === 'citation_title' && content !== '')).toBe(true);
      expect(meta.some(([name]) => name === 'citation_author')).toBe(true);

      await page.locator('#citation-text').focus();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('citation-text');
      expect(await page.locator('#citation-text').inputValue()).toContain('Numérique en Commun[s]');
      // Tab from the reference goes to its files, in order (the copy button needs JavaScript and is hidden).
      const reached: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        await page.keyboard.press('Tab');
        reached.push(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.tagName ?? ''));
      }
      expect(reached).toEqual(['ris', 'bib', 'json'].map((f) => `/api/items/${id}/citation.${f}?lang=${locale}`));
      expect(await horizontalOverflow(page)).toBeNull();
    } finally {
      await context.close();
    }
    // axe runs as a script in the page: checked with JavaScript on (the copy button shown).
    const checked = await openPage(browser, site.url, { viewport: 'reflow' });
    try {
      await checked.page.goto(urlFor(route, locale, { id }));
      expect(await checked.page.locator('button[data-copy="citation-text"]').isVisible()).toBe(true);
      expect(await horizontalOverflow(checked.page)).toBeNull();
      const violations = await axeViolations(checked.page);
      expect(violations, violations.join('\n')).toEqual([]);
    } finally {
      await checked.context.close();
    }
  });

  it('copies the reference with the button, and downloads a file a reference library reads', async () => {
    const { context, page } = await openPage(browser, site.url, { viewport: 'desktop' });
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      await page.goto(urlFor('talk', 'fr', { id: ITEMS.accessibleTalk.id }));
      const button = page.locator('button[data-copy="citation-text"]');
      await button.click();
      const status = button.locator('xpath=following-sibling::p[@role="status"]');
      await expect.poll(() => status.textContent()).toBe('Copié dans le presse-papiers.');
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(await page.locator('#citation-text').inputValue());

      const download = page.waitForEvent('download');
      await page.locator('a[data-moment-href*="citation.bib"]').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`${ITEMS.accessibleTalk.id}.bib`);
      const path = await file.path();
      const { readFile } = await import('node:fs/promises');
      const [item] = readCitationFile(await readFile(path, 'utf8'), 'bib');
      expect(item?.title).toBe(ITEMS.accessibleTalk.title);
    } finally {
      await context.close();
    }
  });
});
