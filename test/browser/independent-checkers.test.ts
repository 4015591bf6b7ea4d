import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchBrowser, openPage } from '../support/browser.js';
import { htmlcsErrors } from '../support/htmlcs.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { describeVnu, vnuMessages, type CheckedDocument } from '../support/vnu.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { urlFor } from '../../src/http/urls.js';
import { themeSlug } from '../../src/services/catalogue/catalogue.js';
import { sampleItems, samplePages, type SamplePage } from './sample-pages.js';

/**
 * The site read by tools nobody here wrote, over the ingested sample edition: the Nu HTML
 * Checker (HTML, CSS, SVG), Chromium's XML parser (feeds, sitemap), HTML_CodeSniffer beside axe
 * (WCAG 2.1 AA: here on the English listings, on the other sample pages in page-accessibility.test.ts),
 * and Lighthouse's accessibility audits. Each check first proves it catches a fault.
 */
declare class DOMParser {
  parseFromString(text: string, type: string): { querySelector(selector: string): { textContent: string | null } | null };
}

const run = promisify(execFile);
const MANIFESTS = await sampleManifests();
const TALK = sampleItems(MANIFESTS).accessibleTalk;

/** The English pages the axe suite leaves to the French ones: cheap here, so read too. */
function englishListings(): SamplePage[] {
  const speaker = TALK.speakers[0];
  const theme = TALK.themes[0];
  if (!speaker || !theme) throw new Error(`${TALK.id} has no speaker or no theme`);
  const paths = [
    urlFor('editions', 'en'), urlFor('edition', 'en', { slug: TALK.edition.slug }), urlFor('speaker', 'en', { slug: speaker.slug }),
    urlFor('theme', 'en', { slug: themeSlug(theme) }), urlFor('accessibility', 'en'), urlFor('licences', 'en'), urlFor('embed', 'en', { id: TALK.id }),
  ];
  return paths.map((path) => ({ name: `${path} (en)`, path, status: 200 }));
}

const ENGLISH_LISTINGS = englishListings();
const PAGES = [...samplePages(MANIFESTS), ...ENGLISH_LISTINGS];
/** Pages whose scripts change the DOM (player, sign-language controls, copy buttons, search): checked again as scripts left them. */
const SCRIPTED = PAGES.filter((p) => p.shows?.includes('#player') || p.shows?.includes('passage__time'));

describe('independent checkers over the sample edition', () => {
  let site: TestWeb;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await startWebOver(await copySampleArchive());
    browser = await launchBrowser();
    ({ page } = await openPage(browser, site.url));
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (site) await removeArchiveCopy(site.store);
  });

  /** The site's pages and the stylesheets and icon they link, as the server sends them. */
  async function servedDocuments(): Promise<CheckedDocument[]> {
    const pages: CheckedDocument[] = [];
    const linked = new Set<string>();
    for (const target of PAGES) {
      const response = await site.fetch(target.path);
      expect(response.status, target.path).toBe(target.status);
      pages.push({ name: target.path, type: 'html', content: response.text });
      for (const [, rel, href] of response.text.matchAll(/<link rel="(stylesheet|icon)"[^>]*?href="([^"]+)"/g)) {
        if (rel && href && href.startsWith('/')) linked.add(href);
      }
    }
    const assets = await Promise.all([...linked].sort().map(async (href): Promise<CheckedDocument> => {
      const response = await site.fetch(href);
      expect(response.status, href).toBe(200);
      return { name: href, type: new URL(href, site.url).pathname.endsWith('.svg') ? 'svg' : 'css', content: response.text };
    }));
    expect(assets.some((asset) => asset.type === 'css'), 'the pages link stylesheets').toBe(true);
    // The DOM once the page's scripts ran: module scripts run before DOMContentLoaded.
    const scripted: CheckedDocument[] = [];
    for (const target of SCRIPTED) {
      await page.goto(target.path, { waitUntil: 'domcontentloaded' });
      scripted.push({ name: `${target.path} (after scripts)`, type: 'html', content: await page.content() });
    }
    expect(scripted.length).toBeGreaterThan(3);
    return [...pages, ...assets, ...scripted];
  }

  it('Nu HTML Checker: no error in any page (fr and en, as sent and after scripts), stylesheet or icon; warnings listed', async () => {
    const documents = await servedDocuments();
    // Checked in the same run, to prove the run reports what it finds.
    const faulty: CheckedDocument = {
      name: 'deliberately invalid',
      type: 'html',
      content: '<!DOCTYPE html><html lang="fr"><head><title>x</title></head><body><main id="a"><img src="x.png"><p id="a">a</p></main></body></html>',
    };
    const messages = await vnuMessages([...documents, faulty]);
    const caught = messages.filter((m) => m.name === faulty.name && m.type === 'error').map((m) => m.message).join('\n');
    expect(caught).toMatch(/“img” element must have an “alt” attribute/);
    expect(caught).toMatch(/Duplicate ID “a”/);

    const site = messages.filter((m) => m.name !== faulty.name);
    const errors = site.filter((m) => m.type === 'error').map(describeVnu);
    expect(errors, errors.join('\n')).toEqual([]);
    // Warnings are advice (e.g. a redundant role); they are shown, not failed on. None today.
    const warnings = site.filter((m) => m.type === 'warning').map(describeVnu);
    if (warnings.length > 0) console.warn(`Nu HTML Checker warnings:\n${warnings.join('\n')}`);
    expect(documents.length).toBeGreaterThan(PAGES.length);
  });

  it('feeds and sitemap are well-formed XML for Chromium’s parser', async () => {
    const xmlErrorOf = (text: string): Promise<string | null> => page.evaluate((xml) => {
      const parsed = new DOMParser().parseFromString(xml, 'application/xml');
      return parsed.querySelector('parsererror')?.textContent ?? null;
    }, text);
    expect(await xmlErrorOf('<rss><channel><title>a &amp; b</title></rss>'), 'a mismatched tag is caught').not.toBeNull();

    await page.goto('/');
    for (const path of ['/sitemap.xml', '/sitemaps/pages.xml', `/sitemaps/editions/${TALK.edition.slug}.xml`, '/feeds/podcasts.xml', `/feeds/editions/${TALK.edition.slug}/podcasts.xml`]) {
      const response = await site.fetch(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/xml/);
      expect(await xmlErrorOf(response.text), path).toBeNull();
    }
  });

  it('HTML_CodeSniffer catches a fault: a link to an anchor that is not on the page', async () => {
    await page.goto(PAGES[0]?.path ?? '/');
    await page.evaluate(`(() => {
      const link = document.createElement('a');
      link.href = '#nowhere';
      link.textContent = 'nowhere';
      document.querySelector('main').append(link);
    })()`);
    expect((await htmlcsErrors(page)).join('\n')).toContain('NoSuchID');
  });

  // The sample pages of page-accessibility.test.ts are read by HTML_CodeSniffer there, on the page
  // axe reads (the same 1280 px tab); the English listings it leaves to the French ones, here.
  describe.each(ENGLISH_LISTINGS)('HTML_CodeSniffer WCAG2AA, $name: $path', (target) => {
    it('reports no error', async () => {
      const response = await page.goto(target.path);
      expect(response?.status()).toBe(target.status);
      const errors = await htmlcsErrors(page);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });

  it('Lighthouse scores the talk page 1 for accessibility (offline, Debian’s Chromium)', async () => {
    const url = `${site.url}/talks/${TALK.id}`;
    const { stdout } = await run(process.execPath, [
      'node_modules/lighthouse/cli/index.js', url,
      // The full-page screenshot only illustrates the report's elements; the scores do not read it.
      '--only-categories=accessibility', '--disable-full-page-screenshot', '--output=json', '--output-path=stdout', '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ], { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(stdout) as {
      finalDisplayedUrl: string;
      categories: { accessibility: { score: number | null; auditRefs: { id: string; weight: number }[] } };
      audits: Record<string, { score: number | null; title: string }>;
    };
    expect(report.finalDisplayedUrl).toBe(url);
    const failing = report.categories.accessibility.auditRefs
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${ref.id}: ${report.audits[ref.id]?.title ?? ''}`);
    expect(failing, failing.join('\n')).toEqual([]);
    expect(report.categories.accessibility.score).toBe(1);
  });
});
