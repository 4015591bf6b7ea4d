import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/domain/manifest.js';
import { urlFor } from '../../src/http/urls.js';
import type { DomDocument, DomMedia, DomWindow } from '../support/dom.js';
import { axeViolations, collectPageErrors, horizontalOverflow, launchBrowser, openPage, type PageOptions } from '../support/browser.js';
import { putComfortTalk } from '../support/comfort-talk.js';
import { copySampleArchive, removeArchiveCopy } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';

/**
 * The visitor's own comforts in Chromium, over a 30 s talk with captions and a transcript: speed
 * and caption settings survive a reload; « Reprendre à » appears after a reload at the second
 * kept and seeks there when pressed; every shortcut acts, none while typing, the switch turns
 * them off; finding « numerique » marks « numérique »; the home page's « Continuer » list shows
 * and clears; no axe violation in French at 1280 and 320 px and in English at 320 px, dialog
 * open too, and no sideways scroll at 320 px.
 */
interface PrefsMedia extends DomMedia {
  duration: number;
  playbackRate: number;
  dataset: Record<string, string | undefined>;
  pause(): void;
  textTracks: ArrayLike<DomMedia['textTracks'][number] & { cues: ArrayLike<{ line: number | string }> | null }>;
}
declare const document: DomDocument & { fullscreenElement: { id: string } | null };
declare const window: DomWindow & { scrollTo(x: number, y: number): void };

const PLAYING_TIMEOUT = 20_000;

describe('the visitor’s own comforts in a real browser', () => {
  let site: TestWeb;
  let browser: Browser;
  let talk: Manifest;
  let talkPath: string;

  beforeAll(async () => {
    const store = await copySampleArchive();
    talk = await putComfortTalk(store);
    talkPath = urlFor('talk', 'fr', { id: talk.id });
    site = await startWebOver(store);
    browser = await launchBrowser({ autoplay: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (site) await removeArchiveCopy(site.store);
  });

  /** A page in a fresh context (its own empty localStorage) once the player knows its duration. */
  async function open(path: string, options: PageOptions = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const { context, page } = await openPage(browser, site.url, options);
    const errors = collectPageErrors(page);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    if (options.javaScriptEnabled !== false && (path.includes('/talks/') || path.includes('/embed/'))) await ready(page);
    return { page, errors, close: () => context.close() };
  }

  async function ready(page: Page): Promise<void> {
    await page.waitForFunction(() => (document.querySelector<DomMedia>('#player')?.readyState ?? 0) >= 1, undefined, { timeout: PLAYING_TIMEOUT });
    await page.locator('#pref-speed').waitFor();
  }

  const player = <T>(page: Page, read: (media: PrefsMedia) => T): Promise<T> =>
    page.evaluate(`(${read.toString()})(document.querySelector('#player'))`) as Promise<T>;

  async function seek(page: Page, seconds: number): Promise<void> {
    await page.evaluate((s) => {
      const media = document.querySelector<PrefsMedia>('#player');
      if (media) media.currentTime = s;
    }, seconds);
    await page.waitForFunction((s) => Math.abs((document.querySelector<DomMedia>('#player')?.currentTime ?? -1) - s) < 0.1, seconds);
  }

  it('keeps the speed and the caption settings across a reload, the captions off or on as left, until cleared', async () => {
    const { page, errors, close } = await open(talkPath);
    expect(await page.locator('#pref-speed').inputValue()).toBe('1');
    await page.locator('#pref-speed').selectOption('1.5');
    expect(await player(page, (m) => m.playbackRate)).toBe(1.5);
    await page.locator('#player-captions summary').click();
    await page.locator('#pref-caption-size').selectOption('larger');
    await page.locator('#pref-caption-contrast').selectOption('yellow');
    await page.locator('#pref-caption-position').selectOption('top');

    await page.reload();
    await ready(page);
    expect(await page.locator('#pref-speed').inputValue()).toBe('1.5');
    expect(await player(page, (m) => [m.playbackRate, m.dataset.captionSize, m.dataset.captionContrast])).toEqual([1.5, 'larger', 'yellow']);
    expect(await page.locator('#pref-caption-size').inputValue()).toBe('larger');
    expect(await page.locator('#pref-caption-contrast').inputValue()).toBe('yellow');
    expect(await page.locator('#pref-caption-position').inputValue()).toBe('top');
    // The captions (on by default) are placed at the top: every cue on line 0.
    await page.waitForFunction(() => {
      const track = Array.from(document.querySelector<PrefsMedia>('#player')?.textTracks ?? []).find((t) => t.kind === 'captions');
      return (track?.cues?.length ?? 0) > 0 && Array.from(track?.cues ?? []).every((cue) => cue.line === 0);
    }, undefined, { timeout: PLAYING_TIMEOUT });

    // The captions stay off once turned off, and on again once turned on, across reloads.
    const showing = () => player(page, (m) => Array.from(m.textTracks).filter((t) => t.kind === 'captions' && t.mode === 'showing').length);
    // On by default: the item's own captions.
    expect(await showing()).toBe(1);
    await page.evaluate(() => {
      for (const track of Array.from(document.querySelector<PrefsMedia>('#player')?.textTracks ?? [])) track.mode = 'disabled';
    });
    await page.reload();
    await ready(page);
    await page.waitForFunction('document.readyState === "complete"');
    expect(await showing()).toBe(0);
    await page.evaluate(() => {
      const track = Array.from(document.querySelector<PrefsMedia>('#player')?.textTracks ?? []).find((t) => t.kind === 'captions');
      if (track) track.mode = 'showing';
    });
    await page.reload();
    await ready(page);
    expect(await showing()).toBe(1);

    // « Effacer ce qui est gardé » leaves nothing of this site in the browser's storage.
    await page.locator('#prefs-clear').click();
    await page.waitForFunction(() => document.querySelector('#player-prefs-status')?.textContent === 'Réglages et positions effacés de ce navigateur.');
    expect(await page.evaluate('Object.keys(localStorage).filter((key) => key.startsWith("mediacommuns."))')).toEqual([]);
    await page.reload();
    await ready(page);
    expect(await page.locator('#pref-speed').inputValue()).toBe('1');
    expect(errors).toEqual([]);
    await close();
  });

  it('offers « Reprendre à » after a reload at the second kept, seeks there when pressed, and not at a moment', async () => {
    const { page, errors, close } = await open(talkPath);
    expect(await page.locator('#player-resume').isVisible()).toBe(false);
    await seek(page, 15.4);
    // Played a little, then paused: a pause writes the position at once (playing writes it every few seconds).
    await page.evaluate(async () => {
      const media = document.querySelector<PrefsMedia>('#player');
      if (!media) return;
      media.muted = true;
      await media.play();
      media.pause();
    });
    await page.reload();
    await ready(page);
    const resume = page.locator('#player-resume');
    expect(await resume.isVisible()).toBe(true);
    expect(await resume.textContent()).toBe('Reprendre à 0:15');
    // Never a jump by itself.
    expect(await player(page, (m) => m.currentTime)).toBeLessThan(1);
    await resume.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Math.abs((document.querySelector<DomMedia>('#player')?.currentTime ?? 0) - 15) < 1.5, undefined, { timeout: PLAYING_TIMEOUT });
    expect(await resume.isVisible()).toBe(false);

    // A page opened at a moment plays that moment: no offer.
    await page.goto(urlFor('talk', 'fr', { id: talk.id }, { t: '3' }));
    await ready(page);
    expect(await page.locator('#player-resume').isVisible()).toBe(false);

    // The home page lists it under « Continuer », with where it stopped, until the list is cleared.
    await page.goto(urlFor('home', 'fr'));
    const section = page.locator('#continue');
    expect(await section.isVisible()).toBe(true);
    const link = section.locator('#continue-list a');
    expect(await link.textContent()).toBe('Les communs au quotidien');
    expect(await link.getAttribute('href')).toBe(talkPath);
    expect(await section.locator('#continue-list li').textContent()).toMatch(/arrêté à 0:1\d sur 0:30/);
    const violations = await axeViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    await page.locator('#continue-clear').click();
    expect(await section.locator('#continue-list li').count()).toBe(0);
    await page.waitForFunction(() => document.querySelector('#continue-status')?.textContent === 'La liste a été effacée de ce navigateur.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('continue-heading');
    await page.reload();
    expect(await section.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('hides « Continuer » when nothing was started, and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, close } = await open(urlFor('home', 'fr'), { javaScriptEnabled });
      expect(await page.locator('#continue').isVisible()).toBe(false);
      await close();
    }
    const { page, close } = await open(talkPath, { javaScriptEnabled: false });
    expect(await page.locator('#pref-speed').count()).toBe(0);
    expect(await page.locator('#transcript-find').isVisible()).toBe(false);
    await close();
  });

  it('acts on each shortcut, never while typing in a field, and not once switched off', async () => {
    const { page, errors, close } = await open(talkPath);
    await page.evaluate(() => {
      const media = document.querySelector<PrefsMedia>('#player');
      if (media) media.muted = true;
    });
    const paused = () => player(page, (m) => m.paused);
    const time = () => player(page, (m) => m.currentTime);
    await page.locator('h1').click();

    await page.keyboard.press('k');
    await page.waitForFunction(() => document.querySelector<DomMedia>('#player')?.paused === false);
    await page.keyboard.press('k');
    expect(await paused()).toBe(true);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector<DomMedia>('#player')?.paused === false);
    await page.keyboard.press('Space');
    expect(await paused()).toBe(true);

    await seek(page, 12);
    await page.keyboard.press('l');
    expect(await time()).toBeCloseTo(22, 0);
    await page.keyboard.press('j');
    expect(await time()).toBeCloseTo(12, 0);
    await page.keyboard.press('ArrowRight');
    expect(await time()).toBeCloseTo(17, 0);
    await page.keyboard.press('ArrowLeft');
    expect(await time()).toBeCloseTo(12, 0);
    await page.waitForFunction(() => (document.querySelector('#player-prefs-status')?.textContent ?? '').includes('0:12'));

    const captionsShowing = () => player(page, (m) => Array.from(m.textTracks).some((t) => t.kind === 'captions' && t.mode === 'showing'));
    expect(await captionsShowing()).toBe(true);
    await page.keyboard.press('c');
    expect(await captionsShowing()).toBe(false);
    await page.keyboard.press('c');
    expect(await captionsShowing()).toBe(true);

    await page.keyboard.press('m');
    expect(await player(page, (m) => m.muted)).toBe(false);
    await page.keyboard.press('m');
    expect(await player(page, (m) => m.muted)).toBe(true);

    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement?.id === 'player');
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === null);

    await page.keyboard.press('t');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('class'))).toBe('transcript__time');

    // `?` opens the list; Escape closes it and the focus goes back to the button.
    await page.locator('h1').click();
    await page.keyboard.press('?');
    expect(await page.locator('#shortcuts-dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('#shortcuts-dialog').isVisible()).toBe(false);
    // The dialog's close event comes as a task after it closes: wait for the focus it moves.
    await page.waitForFunction(() => document.activeElement?.id === 'shortcuts-open', null, { timeout: 5_000 });

    // Typing in a field: the letters are typed, nothing happens to the player.
    const before = await time();
    await page.locator('#transcript-find-field').fill('');
    await page.locator('#transcript-find-field').pressSequentially('kjlmcft ?');
    expect(await page.locator('#transcript-find-field').inputValue()).toBe('kjlmcft ?');
    expect([await paused(), await time(), await player(page, (m) => m.muted), await captionsShowing()]).toEqual([true, before, true, true]);
    expect(await page.locator('#shortcuts-dialog').isVisible()).toBe(false);
    // Nor with Ctrl.
    await page.locator('h1').click();
    await page.keyboard.press('Control+l');
    expect(await time()).toBe(before);

    // Switched off, and kept off after a reload.
    await page.locator('#pref-shortcuts').uncheck();
    await page.locator('h1').click();
    for (const key of ['k', 'l', 'm', 'c', '?']) await page.keyboard.press(key);
    expect([await paused(), await time(), await player(page, (m) => m.muted), await captionsShowing()]).toEqual([true, before, true, true]);
    expect(await page.locator('#shortcuts-dialog').isVisible()).toBe(false);
    await page.reload();
    await ready(page);
    expect(await page.locator('#pref-shortcuts').isChecked()).toBe(false);
    // The visible button still opens the list.
    await page.locator('#shortcuts-open').click();
    expect(await page.locator('#shortcuts-dialog').isVisible()).toBe(true);
    await page.locator('#shortcuts-close').click();
    // The dialog's close event comes as a task after it closes: wait for the focus it moves.
    await page.waitForFunction(() => document.activeElement?.id === 'shortcuts-open', null, { timeout: 5_000 });
    expect(errors).toEqual([]);
    await close();
  });

  it('finds « numérique » typed without its accent, moves between matches and plays from one', async () => {
    const { page, errors, close } = await open(talkPath);
    const field = page.locator('#transcript-find-field');
    await field.fill('numerique');
    const marks = page.locator('.transcript mark');
    expect(await marks.allTextContents()).toEqual(['numérique', 'numérique', 'numérique']);
    await page.waitForFunction(() => document.querySelector('#transcript-find-count')?.textContent === '3 résultats pour «\u00a0numerique\u00a0»');
    await field.press('Enter');
    await page.waitForFunction(() => document.querySelector('#transcript-find-count')?.textContent === 'Résultat 1 sur 3, à 0:05');
    await field.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelector('#transcript-find-count')?.textContent === 'Résultat 3 sur 3, à 0:15');
    expect(await page.locator('.transcript mark.is-active').textContent()).toBe('numérique');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('transcript-find-field');
    expect(await player(page, (m) => m.currentTime)).toBeLessThan(1);
    await page.locator('button[data-find="play"]').click();
    await page.waitForFunction(() => Math.abs((document.querySelector<DomMedia>('#player')?.currentTime ?? 0) - 15) < 1.5, undefined, { timeout: PLAYING_TIMEOUT });
    await field.fill('xylophone');
    await page.waitForFunction(() => document.querySelector('#transcript-find-count')?.textContent === 'Aucun résultat pour «\u00a0xylophone\u00a0»');
    expect(await marks.count()).toBe(0);
    expect(await page.locator('button[data-find="next"]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('follows along, if asked and as last left, keeping the passage in view without taking the focus', async () => {
    const { page, errors, close } = await open(talkPath);
    await page.locator('#transcript-follow').check();
    await page.reload();
    await ready(page);
    expect(await page.locator('#transcript-follow').isChecked()).toBe(true);
    await page.locator('#transcript-find-field').focus();
    await page.evaluate(() => window.scrollTo(0, 0));
    await seek(page, 25.5);
    const last = page.locator('.transcript__passage[aria-current="true"] .transcript__time');
    await last.waitFor();
    expect(await last.getAttribute('data-start')).toBe('25');
    await page.waitForFunction(() => {
      const box = document.querySelector('.transcript__passage[aria-current="true"]')?.getBoundingClientRect();
      // Scrolled to the nearest edge: the box may end a fraction of a pixel past it.
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight + 1;
    });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('transcript-find-field');
    expect(errors).toEqual([]);
    await close();
  });

  // The desktop layout, and the one-column layout at 320 px (the same as at 375 px: one breakpoint
  // at 30rem) where the longer English labels must fit too.
  it.each([
    ['fr', 'desktop'],
    ['fr', 'reflow'],
    ['en', 'reflow'],
  ] as const)('has no axe violation in %s at the %s width with the settings shown, a search in the transcript and the shortcuts dialog open', async (locale, viewport) => {
    const { page, errors, close } = await open(urlFor('talk', locale, { id: talk.id }), { viewport });
    await page.locator('#player-captions summary').click();
    await page.locator('#transcript-find-field').fill('numerique');
    await page.locator('#transcript-find-field').press('Enter');
    let violations = await axeViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    if (viewport === 'reflow') {
      const overflow = await horizontalOverflow(page);
      expect(overflow, JSON.stringify(overflow)).toBeNull();
    }
    // The dialog is modal: the page under it was checked just above, the dialog now.
    await page.locator('#shortcuts-open').click();
    violations = await axeViolations(page, '#shortcuts-dialog');
    expect(violations, violations.join('\n')).toEqual([]);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await close();
  });

  it('does not scroll sideways at 320 px in the embed (the talk page: above)', async () => {
    const { page, close } = await open(urlFor('embed', 'fr', { id: talk.id }), { viewport: 'reflow' });
    await page.locator('#player-captions summary').click();
    const overflow = await horizontalOverflow(page);
    expect(overflow, JSON.stringify(overflow)).toBeNull();
    await close();
  });
});
