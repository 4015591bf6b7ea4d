import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomDocument, DomWindow } from '../support/dom.js';
import { axeViolations, collectPageErrors, horizontalOverflow, launchBrowser, openPage } from '../support/browser.js';
import { htmlcsErrors } from '../support/htmlcs.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { samplePages, type SamplePage } from './sample-pages.js';

/**
 * Every page template of the site over the ingested sample edition, in Chromium, each page
 * loaded twice:
 * - at 1280 px: zero axe violations (WCAG 2.1 A/AA) and zero HTML_CodeSniffer WCAG2AA errors on
 *   the same loaded page, the page's language declared, one h1, no script error or CSP refusal in
 *   the console, then the skip link first in the tab order and working;
 * - at 320 px: no sideways scroll and zero axe violations. The narrow layout is the one phones
 *   get: every breakpoint of the stylesheets is at 30rem (480 px) or wider and no script reads
 *   the width, so 320 and 375 px lay a page out by the same rules, and 320 is the harder of the two.
 */
declare const document: DomDocument;
declare const window: DomWindow;

const PAGES = samplePages(await sampleManifests());

describe('page templates in a real browser', () => {
  let site: TestWeb;
  let browser: Browser;
  const tabs = new Map<string, { page: Page; errors: string[] }>();

  beforeAll(async () => {
    site = await startWebOver(await copySampleArchive());
    browser = await launchBrowser();
    for (const viewport of ['desktop', 'reflow'] as const) {
      const { page } = await openPage(browser, site.url, { viewport });
      tabs.set(viewport, { page, errors: collectPageErrors(page) });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (site) await removeArchiveCopy(site.store);
  });

  /** Loads a page in one of the viewports' tabs; its console errors start from empty. */
  async function load(viewport: 'desktop' | 'reflow', target: SamplePage): Promise<{ page: Page; errors: string[] }> {
    const tab = tabs.get(viewport);
    if (!tab) throw new Error(`no ${viewport} tab`);
    tab.errors.length = 0;
    const response = await tab.page.goto(target.path);
    expect(response?.status(), `${target.path} status`).toBe(target.status);
    return tab;
  }

  it('has checks that catch faults: an image without alt, a box wider than the screen, a link to no anchor', async () => {
    const home = PAGES[0];
    if (!home) throw new Error('no page');
    const { page } = await load('reflow', home);
    // Set through the CSSOM, which the Content-Security-Policy allows (style attributes it does not).
    await page.evaluate(`(() => {
      const wide = document.createElement('div');
      wide.className = 'deliberately-wide';
      wide.style.width = '2000px';
      wide.style.height = '1px';
      document.querySelector('main').append(wide);
      const image = document.createElement('img');
      image.src = document.querySelector('link[rel=icon]').href;
      document.querySelector('main').append(image);
      const link = document.createElement('a');
      link.href = '#nowhere';
      link.textContent = 'nowhere';
      document.querySelector('main').append(link);
    })()`);
    expect((await horizontalOverflow(page))?.culprits.join(' ')).toContain('div.deliberately-wide');
    expect((await axeViolations(page)).some((line) => line.startsWith('image-alt'))).toBe(true);
    expect((await htmlcsErrors(page)).join('\n')).toContain('NoSuchID');
  });

  describe.each(PAGES)('$name: $path', (target) => {
    it('at 1280 px: no axe violation nor HTML_CodeSniffer error, its language, one h1, no error logged; the skip link first in the tab order moves focus to the content', async () => {
      const { page, errors } = await load('desktop', target);
      const locale = target.path.startsWith('/en/') ? 'en' : 'fr';
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await page.locator('h1').count()).toBe(1);
      if (target.shows) expect(await page.locator(target.shows).count(), `${target.path} shows ${target.shows}`).toBeGreaterThan(0);
      // Each checker reports on its own, so that one failing does not hide what the other finds.
      const violations = await axeViolations(page);
      expect.soft(violations, violations.join('\n')).toEqual([]);
      // The browser reports the error status of the page itself; anything else is a fault.
      expect.soft(errors.filter((e) => !(target.status !== 200 && e.includes(`status of ${target.status}`)))).toEqual([]);
      const sniffed = await htmlcsErrors(page);
      expect.soft(sniffed, sniffed.join('\n')).toEqual([]);

      // Neither checker moves the focus: the first Tab still starts from the top of the page.
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const active = document.activeElement;
        return { tag: active?.tagName ?? '', href: active?.getAttribute('href') ?? '', text: active?.textContent?.trim() ?? '' };
      });
      expect(first.tag).toBe('A');
      expect(first.href).toMatch(/^#./);
      expect(first.text).not.toBe('');
      // The embed page skips to its player; every other page to its main content.
      if (!target.path.includes('/embed/')) expect(first.href).toBe('#contenu');
      const visible = await page.evaluate(() => {
        const box = document.activeElement?.getBoundingClientRect();
        return box !== undefined && box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < window.innerHeight;
      });
      expect(visible, 'the focused skip link is visible').toBe(true);
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => document.activeElement?.id ?? '');
      expect(`#${focused}`).toBe(first.href);
    });

    it('at 320 px: no sideways scroll, no axe violation', async () => {
      const { page } = await load('reflow', target);
      const overflow = await horizontalOverflow(page);
      expect.soft(overflow, JSON.stringify(overflow)).toBeNull();
      const violations = await axeViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
    });
  });
});
