import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transcriptFileSchema } from '../../src/domain/text.js';
import { passagesOf, passageText } from '../../src/domain/transcript-passages.js';
import { MIN_FORM_SECONDS } from '../../src/http/correction-stamp.js';
import { readManifest, readStoredJson } from '../../src/services/archive/manifests.js';
import { readOperatorLog } from '../../src/services/operators/operator-log.js';
import { addOperator } from '../../src/services/operators/operators.js';
import type { DomDocument } from '../support/dom.js';
import { axeViolations, collectPageErrors, horizontalOverflow, launchBrowser, openPage } from '../support/browser.js';
import { copySampleArchive, removeArchiveCopy } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';

/**
 * A correction from the public to the archive, in Chromium: a visitor opens the form under a
 * transcript paragraph and sends it; an operator signs in, reads it in the console and accepts
 * it; the page, the VTT and search have the new words at the same second. The form, its
 * thank-you page and the console's section have no axe violation (WCAG 2.1 A/AA) in French and
 * English, and no sideways scroll at 320 px.
 */
declare const document: DomDocument;

const ID = '2025-strasbourg-accessibilite-numerique-du-referentiel-aux-usages-reels';
const PASSWORD = 'un mot de passe assez long';
const NEW_WORD = 'Zéphyrine';
let site: TestWeb;
let browser: Browser;

beforeAll(async () => {
  site = await startWebOver(await copySampleArchive());
  await addOperator(site.store, 'camille', PASSWORD);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (site) await removeArchiveCopy(site.store);
});

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), what).toEqual([]);
}

/**
 * A person reads before sending: the form refuses what comes back sooner than MIN_FORM_SECONDS
 * after it was shown. `shownAt` is taken before the request that made the form (its stamp is
 * later), so what the test did meanwhile (axe, typing) counts towards the wait.
 */
async function untilSendable(page: Page, shownAt: number): Promise<void> {
  const left = shownAt + MIN_FORM_SECONDS * 1000 + 300 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: button, exact: true }).first().click()]);
  await page.waitForLoadState('load');
}

describe('a correction from a visitor to the archive', () => {
  it('is suggested under a paragraph, accepted in the console, then shown, served and found at its second', async () => {
    const manifest = (await readManifest(site.store, ID))!;
    const file = (await readStoredJson(site.store, manifest.text.transcripts[0]!.json, transcriptFileSchema))!;
    const passage = passagesOf(file.cues)[0]!;
    const corrected = `${passageText(passage)} ${NEW_WORD}`;

    const visitor = await openPage(browser, site.url);
    const errors = collectPageErrors(visitor.page);
    try {
      await visitor.page.goto(`/talks/${ID}`);
      const links = visitor.page.locator('.transcript__correct a');
      expect(await links.count()).toBe(passagesOf(file.cues).length);
      const shownAt = Date.now();
      await Promise.all([visitor.page.waitForURL(/\/corrections\//), links.nth(0).click()]);
      expect(await visitor.page.locator('main h1').textContent()).toBe('Proposer une correction');
      expect(await visitor.page.locator('.correction-passage blockquote').textContent()).toContain(passageText(passage));
      await expectAccessible(visitor.page, 'the form (fr)');
      await visitor.page.fill('#correction-text', corrected);
      await visitor.page.fill('#correction-note', 'Un prénom oublié.');
      await untilSendable(visitor.page, shownAt);
      await submit(visitor.page, 'Envoyer la proposition');
      expect(new URL(visitor.page.url()).pathname).toBe(`/corrections/${ID}/merci`);
      expect(await visitor.page.locator('main').textContent()).toContain('Merci, une personne va la relire.');
      await expectAccessible(visitor.page, 'the thank-you page (fr)');
      expect(errors).toEqual([]);
      expect(await visitor.context.cookies()).toEqual([]);
    } finally {
      await visitor.context.close();
    }

    const operator = await openPage(browser, site.url);
    try {
      const { page } = operator;
      await page.goto('/admin/corrections');
      expect(new URL(page.url()).pathname).toBe('/admin/session');
      await page.fill('#sign-in-name', 'camille');
      await page.fill('#sign-in-password', PASSWORD);
      await Promise.all([page.waitForURL(/\/admin\/corrections$/), page.keyboard.press('Enter')]);
      const suggestion = page.locator('.correction-item');
      expect(await suggestion.count()).toBe(1);
      expect(await suggestion.locator('ins').textContent()).toBe(`ajouté\u00a0: ${NEW_WORD}`);
      expect(await suggestion.locator('video').getAttribute('src')).toMatch(new RegExp(`#t=${passage.start},${passage.end}$`));
      await expectAccessible(page, 'the console section (fr)');
      await submit(page, 'Accepter');
      expect(await page.locator('.admin-message').textContent()).toContain('Correction acceptée');
      await expectAccessible(page, 'the console section after accepting (fr)');
    } finally {
      await operator.context.close();
    }

    const lastCue = file.cues[passage.cues[passage.cues.length - 1]!]!;
    const search = JSON.parse((await site.fetch(`/api/search?q=${encodeURIComponent(NEW_WORD)}`)).text) as { items: { id: string; passages: { start: number }[] }[] };
    expect(search.items.find((i) => i.id === ID)?.passages[0]?.start).toBe(lastCue.start);
    expect((await site.fetch(`/api/items/${ID}/transcript.vtt`)).text).toContain(NEW_WORD);
    expect((await site.fetch(`/talks/${ID}`)).text).toContain(NEW_WORD);
    expect((await readOperatorLog(site.store, { limit: 5 })).find((a) => a.action === 'correction.accept')?.operator).toBe('camille');
  });
});

describe('the correction pages are accessible', () => {
  it('in English, with an error shown, and at 320 px', async () => {
    const { context, page } = await openPage(browser, site.url, { viewport: 'reflow' });
    try {
      const shownAt = Date.now();
      await page.goto(`/en/corrections/${ID}?t=0&lang=fr`);
      expect(await page.locator('main h1').textContent()).toBe('Suggest a correction');
      await expectAccessible(page, 'the form (en)');
      expect(await horizontalOverflow(page)).toBeNull();
      // Sent unchanged: the form comes back with the problem said and the field marked.
      const current = await page.locator('#correction-text').inputValue();
      // Past the form's minimum time, so that the text is what it answers about.
      await untilSendable(page, shownAt);
      await submit(page, 'Send the suggestion');
      expect(await page.locator('[role=alert]').textContent()).toContain('The corrected text is empty, too long or the same as the current text.');
      expect(await page.locator('#correction-text').inputValue()).toBe(current);
      expect(await page.locator('#correction-text').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'the form with an error (en)');
      expect(await horizontalOverflow(page)).toBeNull();

      await page.goto('/en/admin/session');
      await page.fill('#sign-in-name', 'camille');
      await page.fill('#sign-in-password', PASSWORD);
      await Promise.all([page.waitForURL(/\/en\/admin$/), page.keyboard.press('Enter')]);
      await page.goto('/en/admin/corrections');
      expect(await page.locator('main h1').textContent()).toBe('Corrections');
      await page.fill('#glossary-find', 'Mednum');
      await page.fill('#glossary-replace', 'MedNum');
      await submit(page, 'Add');
      expect(await page.locator('.admin-message').textContent()).toBe('Glossary updated.');
      await expectAccessible(page, 'the console section with a glossary (en)');
      expect(await horizontalOverflow(page)).toBeNull();
      await page.goto('/admin/corrections');
      await expectAccessible(page, 'the console section with a glossary (fr)');
      expect(await horizontalOverflow(page)).toBeNull();
    } finally {
      await context.close();
    }
  });
});
