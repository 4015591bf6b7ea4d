import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordOperatorAction } from '../../src/services/operators/operator-log.js';
import { addOperator } from '../../src/services/operators/operators.js';
import type { DomDocument } from '../support/dom.js';
import { axeViolations, collectPageErrors, horizontalOverflow, launchBrowser, openPage, VIEWPORTS } from '../support/browser.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';

/**
 * The console in Chromium: signed into by keyboard alone with scripts off (it is forms and
 * links), and every one of its pages without an axe violation (WCAG 2.1 A/AA) in French and
 * English at 1280 and 320 px, without sideways scroll.
 */
declare const document: DomDocument;

const PASSWORD = 'un mot de passe assez long';
let site: TestWeb;
let browser: Browser;

beforeAll(async () => {
  const manifests = await sampleManifests();
  site = await startWebOver(await copySampleArchive());
  await addOperator(site.store, 'camille', PASSWORD);
  // What the console shows at its fullest: an ingest with a failure and warnings, a long log line.
  const stateDir = path.join(site.store.localPath('.'), '.state');
  await mkdir(stateDir, { recursive: true });
  await writeFile(path.join(stateDir, 'last-ingest.json'), JSON.stringify({
    at: '2026-12-01T09:30:00.000Z', source: 'programme.csv', wallSeconds: 12,
    outcomes: [
      { id: manifests[0]!.id, title: 'x', status: 'ingested', duration: 10, wallSeconds: 3, warnings: ['slides/une-presentation-tres-longue-sans-espace-du-tout.pdf: 2 pages without text'] },
      { id: 'broken-talk', title: 'Broken', status: 'failed', duration: null, wallSeconds: 1, file: 'talks/broken.mp4', error: 'not a media file', warnings: [] },
    ],
    problems: [{ row: 3, itemId: null, field: 'notes', message: 'column ignored', severity: 'warning' }],
  }));
  await recordOperatorAction(site.store, {
    operator: 'cli:root', action: 'glossary.add', target: manifests[0]!.id, detail: { find: 'Mednum', replace: 'MedNum', items: manifests.map((m) => m.id) },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (site) await removeArchiveCopy(site.store);
});

/** Tab until the element with this id has the focus; the number of presses, or a failure after 40. */
async function tabTo(page: Page, id: string): Promise<number> {
  for (let presses = 1; presses <= 40; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id ?? '') === id) return presses;
  }
  throw new Error(`#${id} never had the focus`);
}

/** Submits the page's form and waits for the page the POST answered with. */
async function submit(page: Page): Promise<void> {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('main button[type=submit]')]);
  await page.waitForLoadState('load');
}

const focusedText = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the console by keyboard, without JavaScript', () => {
  it('signs in, shows the console, and signs out', async () => {
    const { context, page } = await openPage(browser, site.url, { javaScriptEnabled: false });
    try {
      const first = await page.goto('/admin');
      expect(first?.status()).toBe(200);
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/admin/session?next=%2Fadmin');
      // The skip link comes first, then the form, reached and filled by keyboard alone.
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Aller au contenu');
      await tabTo(page, 'sign-in-name');
      await page.keyboard.type('camille');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id ?? '')).toBe('sign-in-password');
      await page.keyboard.type('pas le bon');
      await Promise.all([page.waitForURL(/\/admin\/session$/), page.keyboard.press('Enter')]);
      expect(await page.title()).toMatch(/^Erreur\u00a0: Connexion à la console/);
      expect(await page.locator('#sign-in-error').textContent()).toContain('Nom ou mot de passe incorrect');
      expect(await page.locator('#sign-in-name').inputValue()).toBe('camille');
      expect(await page.locator('#sign-in-password').getAttribute('aria-describedby')).toBe('sign-in-error');

      await tabTo(page, 'sign-in-password');
      await page.keyboard.type(PASSWORD);
      await Promise.all([page.waitForURL(/\/admin$/), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toBe('Console');
      expect(await page.locator('h2').allTextContents()).toEqual(['État des archives', 'Rubriques', 'Dernières actions de l’équipe']);
      expect(await page.locator('main').textContent()).toContain('1 contenu en échec à la dernière ingestion.');

      // The English console with the same session (its cookie is on /en/admin too).
      await page.getByRole('link', { name: 'English' }).focus();
      await Promise.all([page.waitForURL(/\/en\/admin$/), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toBe('Console');
      expect(await page.locator('.admin-sign-out p').textContent()).toBe('Signed in: camille');

      await page.getByRole('button', { name: 'Sign out' }).focus();
      await Promise.all([page.waitForURL(/\/en\/admin\/session\?out=1$/), page.keyboard.press('Enter')]);
      expect(await page.locator('[role=status]').textContent()).toContain('You are signed out of the console.');
      expect((await context.cookies()).filter((c) => c.name === 'mc_admin')).toEqual([]);
      await page.goto('/admin');
      expect(new URL(page.url()).pathname).toBe('/admin/session');
    } finally {
      await context.close();
    }
  });
});

describe('the console’s pages are accessible', () => {
  const cases: { name: string; open: (page: Page) => Promise<void> }[] = [];
  for (const locale of ['fr', 'en'] as const) {
    const base = locale === 'fr' ? '/admin' : '/en/admin';
    cases.push(
      { name: `${locale} sign-in`, open: async (page) => void (await page.goto(`${base}/session`)) },
      {
        name: `${locale} sign-in refused`,
        open: async (page) => {
          await page.goto(`${base}/session`);
          await page.fill('#sign-in-name', 'camille');
          await page.fill('#sign-in-password', 'pas le bon mot de passe');
          await submit(page);
          expect(await page.locator('#sign-in-error').count()).toBe(1);
        },
      },
      {
        name: `${locale} form without its token (403)`,
        open: async (page) => {
          await page.goto(`${base}/session`);
          await page.fill('#sign-in-name', 'camille');
          await page.fill('#sign-in-password', PASSWORD);
          await page.evaluate("document.querySelector('input[name=_csrf]').remove()");
          await submit(page);
          expect(await page.locator('h1').textContent()).toMatch(/Formulaire refusé|Form refused/);
        },
      },
      {
        name: `${locale} console`,
        open: async (page) => {
          await page.goto(`${base}/session`);
          await page.fill('#sign-in-name', 'camille');
          await page.fill('#sign-in-password', PASSWORD);
          await Promise.all([page.waitForURL(new RegExp(`${base}$`)), page.click('main button[type=submit]')]);
        },
      },
    );
  }

  // Phones get the narrow layout at 320 px as at 375 (every breakpoint of the stylesheets is at 30rem,
  // 480 px, or wider, and no script reads the width): it is checked at 320, where nothing may stick out
  // either. The same page is resized; its media queries apply as on a fresh load.
  it.each(cases)('$name at 1280 and 320 px: no axe violation, no sideways scroll, no error', async ({ open }) => {
    const { context, page } = await openPage(browser, site.url, { viewport: 'desktop' });
    const errors = collectPageErrors(page);
    try {
      await open(page);
      expect(await page.locator('meta[name=robots]').getAttribute('content')).toBe('noindex, nofollow');
      for (const viewport of ['desktop', 'reflow'] as const) {
        await page.setViewportSize(VIEWPORTS[viewport]);
        const violations = await axeViolations(page);
        expect.soft(violations, `${viewport}:\n${violations.join('\n')}`).toEqual([]);
        const overflow = await horizontalOverflow(page);
        expect.soft(overflow, `${viewport}: ${JSON.stringify(overflow)}`).toBeNull();
      }
      // 401 and 403 are the answers these pages are about; anything else in the console is a fault.
      expect(errors.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
