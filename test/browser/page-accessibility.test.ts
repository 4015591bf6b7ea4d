import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomDocument, DomWindow } from '../support/dom.js';
import { axeViolations, collectPageErrors, horizontalOverflow, launchBrowser, openPage } from '../support/browser.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { samplePages, type SamplePage } from './sample-pages.js';

/**
 * Every page template of the site over the ingested sample edition, in Chromium: zero axe
 * violations (WCAG 2.1 A/AA) at 1280 and 375 px, no sideways scroll at 320 px, the skip link
 * first in the tab order and working, the page's language declared, no script error or CSP
 * refusal in the console.
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
    for (const viewport of ['desktop', 'phone', 'reflow'] as const) {
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
  async function load(viewport: 'desktop' | 'phone' | 'reflow', target: SamplePage): Promise<{ page: Page; errors: string[] }> {
    const tab = tabs.get(viewport);
    if (!tab) throw new Error(`no ${viewport} tab`);
    tab.errors.length = 0;
    const response = await tab.page.goto(target.path);
    expect(response?.status(), `${target.path} status`).toBe(target.status);
    return tab;
  }

  it('has checks that catch faults: an image without alt, a box wider than the screen', async () => {
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
    })()`);
    expect((await horizontalOverflow(page))?.culprits.join(' ')).toContain('div.deliberately-wide');
    expect((await axeViolations(page)).some((line) => line.startsWith('image-alt'))).toBe(true);
  });

  describe.each(PAGES)('$name: $path', (target) => {
    it('has no axe violations at 1280 px, declares its language, and logs no error', async () => {
      const { page, errors } = await load('desktop', target);
      const violations = await axeViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
      const locale = target.path.startsWith('/en/') ? 'en' : 'fr';
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await page.locator('h1').count()).toBe(1);
      if (target.shows) expect(await page.locator(target.shows).count(), `${target.path} shows ${target.shows}`).toBeGreaterThan(0);
      // The browser reports the error status of the page itself; anything else is a fault.
      const unexpected = errors.filter((e) => !(target.status !== 200 && e.includes(`status of ${target.status}`)));
      expect(unexpected).toEqual([]);
    });

    it('has no axe violations at 375 px', async () => {
      const { page } = await load('phone', target);
      const violations = await axeViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
    });

    it('does not scroll sideways at 320 px', async () => {
      const { page } = await load('reflow', target);
      const overflow = await horizontalOverflow(page);
      expect(overflow, JSON.stringify(overflow)).toBeNull();
    });

    it('puts the skip link first in the tab order, and the skip link moves focus to the content', async () => {
      const { page } = await load('desktop', target);
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
  });
});
