import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { manifestKey } from '../../src/domain/manifest.js';
import { writeTombstone } from '../../src/services/archive/tombstones.js';
import { axeViolations, collectPageErrors, horizontalOverflow, launchBrowser, openPage } from '../support/browser.js';
import type { DomDocument } from '../support/dom.js';
import { freshStore, writeItem } from '../support/search-archive.js';
import { describeVnu, vnuMessages } from '../support/vnu.js';
import { startWebOver, type TestWeb } from '../support/web.js';

/**
 * The notice of a removed item (410 Gone) in Chromium, in French and English, as a page and as
 * an embed, with and without what a purge takes away: zero axe violations (WCAG 2.1 A/AA) at
 * 1280 and 320 px (phones get the same narrow layout at 375 px: every breakpoint of the
 * stylesheets is at 480 px or wider), no sideways scroll at 320 px, its links reached by keyboard
 * without JavaScript, and no error from the Nu HTML Checker.
 */
declare const document: DomDocument;

const REMOVED = '2025-strasbourg-retire';
const PURGED = '2025-strasbourg-purge';
const REPLACEMENT = '2025-strasbourg-remplacant';

const PAGES = [
  { path: `/podcasts/${REMOVED}`, lang: 'fr', links: ['/editions/2025-strasbourg', `/podcasts/${REPLACEMENT}`] },
  { path: `/en/podcasts/${REMOVED}`, lang: 'en', links: ['/en/editions/2025-strasbourg', `/en/podcasts/${REPLACEMENT}`] },
  { path: `/talks/${PURGED}`, lang: 'fr', links: [] },
  { path: `/en/talks/${PURGED}`, lang: 'en', links: [] },
  { path: `/embed/${REMOVED}`, lang: 'fr', links: ['/editions/2025-strasbourg', `/podcasts/${REPLACEMENT}`, '/recherche'] },
  { path: `/en/embed/${PURGED}`, lang: 'en', links: ['/en/search'] },
] as const;

describe('the notice of a removed item in a real browser', () => {
  let site: TestWeb;
  let browser: Browser;

  beforeAll(async () => {
    const store: FsBlobStore = freshStore();
    await writeItem(store, { id: REPLACEMENT, kind: 'podcast', title: 'Le podcast qui le remplace, avec un titre assez long pour passer à la ligne' });
    const removedAt = '2026-12-07T01:00:00.000Z';
    await writeTombstone(store, {
      version: 1, id: REMOVED, purged: false, title: 'Un titre très long d’épisode retiré des archives pour une raison expliquée plus bas', kind: 'podcast',
      edition: { slug: '2025-strasbourg', label: '2025 Strasbourg' }, archivedAt: '2025-11-01T00:00:00.000Z', removedAt,
      reason: 'Enregistrement remplacé par une version corrigée : le son de la première était inaudible par moments.', replacedBy: REPLACEMENT,
    });
    await writeTombstone(store, { version: 1, id: PURGED, purged: true, title: null, kind: null, edition: null, archivedAt: null, removedAt, reason: null, replacedBy: null });
    expect(await store.stat(manifestKey(REMOVED))).toBeNull();
    site = await startWebOver(store);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** One tab per way of reading the notice, reused from page to page: they keep no state a notice depends on. */
  const tabs = new Map<string, { page: Page; errors: string[] }>();
  async function open(path: string, tab: 'desktop' | 'reflow' | 'no-script'): Promise<{ page: Page; errors: string[] }> {
    let opened = tabs.get(tab);
    if (!opened) {
      const { page } = await openPage(browser, site.url, { viewport: tab === 'reflow' ? 'reflow' : 'desktop', javaScriptEnabled: tab !== 'no-script' });
      opened = { page, errors: collectPageErrors(page) };
      tabs.set(tab, opened);
    }
    opened.errors.length = 0;
    const response = await opened.page.goto(path);
    expect(response?.status(), `${path} status`).toBe(410);
    return opened;
  }

  describe.each(PAGES)('$path', (target) => {
    it('has no axe violations at 1280 and 320 px, declares its language, one h1, no error but its own 410, no sideways scroll at 320 px', async () => {
      for (const viewport of ['desktop', 'reflow'] as const) {
        const { page, errors } = await open(target.path, viewport);
        const violations = await axeViolations(page);
        expect.soft(violations, `${viewport}:\n${violations.join('\n')}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(target.lang);
        expect(await page.locator('h1').count()).toBe(1);
        expect(errors.filter((e) => !e.includes('status of 410'))).toEqual([]);
        if (viewport === 'reflow') {
          const overflow = await horizontalOverflow(page);
          expect(overflow, JSON.stringify(overflow)).toBeNull();
        }
      }
    });

    it('reaches its links by keyboard without JavaScript, the skip link first', async () => {
      const { page } = await open(target.path, 'no-script');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')).toBe('#contenu');
      // Tabs on until every link the notice must offer has had the focus (40 presses at most).
      const reached: string[] = [];
      for (let i = 0; i < 40 && !target.links.every((link) => reached.includes(link)); i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
        if (href !== null) reached.push(href);
      }
      for (const link of target.links) expect(reached, `${link} in ${reached.join(' ')}`).toContain(link);
    });
  });

  it('writes valid HTML, by the Nu HTML Checker', async () => {
    const documents = await Promise.all(PAGES.map(async ({ path }) => ({ name: path, type: 'html' as const, content: (await site.fetch(path)).text })));
    const errors = (await vnuMessages(documents)).filter((m) => m.type === 'error').map(describeVnu);
    expect(errors, errors.join('\n')).toEqual([]);
  }, 120_000);
});
