import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { translate } from '../../src/http/i18n/messages.js';
import { urlFor } from '../../src/http/urls.js';
import { axeViolations, collectPageErrors, horizontalOverflow, launchBrowser, openPage, type ViewportName } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { makeVideoClip } from '../support/clips.js';
import type { DomDocument, DomMedia } from '../support/dom.js';
import { startWebOver, type TestWeb } from '../support/web.js';

/**
 * The player's stream choices in Chromium, over a talk ingested by the real CLI: 14 s of 854×480
 * with sound, so a ladder of two levels (480p, 360p) and its sound, in 6 s segments (three each,
 * the last one short). "Listen only" keeps the second and then fetches sound segments only,
 * natively and through hls.js; a visitor saving data gets every picture segment of the talk at
 * the lowest level and is told so; the quality menu changes the level; the controls work by
 * keyboard and pass axe in French at 1280 and 320 px and in English at 320 px. Positions are
 * reached by seeking, not by playing in real time: what is fetched depends on where, not on how.
 */
declare const document: DomDocument;

interface Player extends DomMedia {
  pause(): void;
  videoWidth: number;
  seeking: boolean;
  duration: number;
  buffered: { length: number; end(index: number): number };
}

const ID = '2025-strasbourg-ecouter-sans-image';
/** Three 6 s segments per rendition: 0–6, 6–12 and a short 12–14. */
const SECONDS = 14;
const SEGMENTS = 3;
const TIMEOUT = 30_000;
const SEGMENT = /\/hls\/([^/]+)\/segment-(\d+)\.ts$/;

describe('listen only, data saver and quality in a real browser', () => {
  let root: string;
  let site: TestWeb;
  let browser: Browser;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mc-streams-'));
    await makeVideoClip(path.join(root, 'talk.mp4'), { width: 854, height: 480, seconds: SECONDS });
    await writeFile(
      path.join(root, 'programme.csv'),
      'id,edition,date,title,kind,themes,speakers,language,licence,summary,media\n' +
        `${ID},2025 Strasbourg,2025-10-29,Écouter sans l’image,talk,Sobriété,Camille Martin (La Mednum),fr,CC-BY-4.0,Un essai.,talk.mp4\n`,
    );
    const data = path.join(root, 'data');
    const ingest = await runCli(['ingest', '--plain', path.join(root, 'programme.csv')], { DATA_DIR: data, TRANSCRIBER: 'none' });
    if (ingest.code !== 0) throw new Error(`ingest exited ${ingest.code}:\n${ingest.stderr}`);
    site = await startWebOver(new FsBlobStore(data));
    browser = await launchBrowser({ autoplay: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /**
   * A page in its own context; `segments` lists the rendition of every segment it asked for, in
   * order, and `fetched` the same as "rendition/number" (whoever asked: hls.js or the browser itself).
   */
  async function open(
    pathname: string,
    options: { viewport?: ViewportName; saveData?: boolean } = {},
  ): Promise<{ page: Page; errors: string[]; segments: string[]; fetched: string[]; close: () => Promise<void> }> {
    const { context, page } = await openPage(browser, site.url, { viewport: options.viewport });
    if (options.saveData) {
      // What a phone in data-saver mode tells the page (Chromium's Network Information API).
      await page.addInitScript(() => {
        const prototype = Object.getPrototypeOf((globalThis as unknown as { navigator: object }).navigator) as object;
        Object.defineProperty(prototype, 'connection', { get: () => ({ saveData: true, effectiveType: '4g' }), configurable: true });
      });
    }
    const errors = collectPageErrors(page);
    const segments: string[] = [];
    const fetched: string[] = [];
    page.on('request', (request) => {
      const match = SEGMENT.exec(new URL(request.url()).pathname);
      if (!match) return;
      segments.push(match[1]!);
      fetched.push(`${match[1]}/${Number(match[2])}`);
    });
    expect((await page.goto(pathname))?.status()).toBe(200);
    await page.locator('#player-quality').waitFor({ state: 'attached', timeout: TIMEOUT });
    return { page, errors, segments, fetched, close: () => context.close() };
  }

  const talk = (locale: 'fr' | 'en' = 'fr'): string => urlFor('talk', locale, { id: ID });
  const readyAt = (page: Page): Promise<unknown> =>
    page.waitForFunction(() => (document.querySelector<Player>('#player')?.readyState ?? 0) >= 2, undefined, { timeout: TIMEOUT });
  const currentTime = (page: Page): Promise<number> => page.evaluate(() => document.querySelector<Player>('#player')?.currentTime ?? -1);
  const videoWidth = (page: Page): Promise<number> => page.evaluate(() => document.querySelector<Player>('#player')?.videoWidth ?? -1);

  /** Seeks the paused player to `seconds` and waits for the picture there; says where it is. */
  async function seekTo(page: Page, seconds: number): Promise<number> {
    await page.waitForFunction(() => (document.querySelector<Player>('#player')?.readyState ?? 0) >= 1, undefined, { timeout: TIMEOUT });
    await page.evaluate((s) => {
      const player = document.querySelector<Player>('#player');
      if (!player) throw new Error('no #player');
      player.currentTime = s;
    }, seconds);
    await page.waitForFunction(
      (s) => {
        const player = document.querySelector<Player>('#player');
        return player !== null && !player.seeking && player.readyState >= 2 && Math.abs(player.currentTime - s) < 0.5;
      },
      seconds,
      { timeout: TIMEOUT },
    );
    return currentTime(page);
  }

  /** Seeks into another segment and plays there, muted: what is fetched now is what the choice fetches. */
  async function playFrom(page: Page, seconds: number): Promise<void> {
    await page.evaluate((s) => {
      const player = document.querySelector<Player>('#player');
      if (!player) throw new Error('no #player');
      player.muted = true;
      player.currentTime = s;
      return player.play();
    }, seconds);
    await page.waitForFunction((s) => (document.querySelector<Player>('#player')?.currentTime ?? 0) > s + 0.5, seconds, { timeout: TIMEOUT });
  }

  it.each([
    ['natively', ''],
    ['through hls.js', '?player=hlsjs'],
  ])('switches to the sound alone and back %s, keeping the second, then fetches sound segments only', async (_how, query) => {
    const { page, errors, segments, close } = await open(`${talk()}${query}`);
    const before = await seekTo(page, 4);
    expect(segments.some((rendition) => rendition !== 'audio'), 'the picture was fetched before').toBe(true);
    expect(await videoWidth(page)).toBeGreaterThan(0);

    const button = page.locator('#player-audio-only');
    // The player buffers ahead after a seek: the click comes once it has stopped asking, so a
    // picture segment asked after it is the switch's doing, not the buffering's.
    await settled(segments);
    const fetchedBefore = segments.length;
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await readyAt(page);
    expect(Math.abs((await currentTime(page)) - before)).toBeLessThanOrEqual(1);
    expect(await page.locator('#player-streams [role="status"]').textContent()).toBe(translate('fr', 'streams.status.audioOn'));
    // Sound alone: no picture any more.
    expect(await videoWidth(page)).toBe(0);

    // Into the next segment, playing: still nothing but sound is fetched.
    await playFrom(page, 7);
    const after = segments.slice(fetchedBefore);
    expect(after.length, 'sound segments fetched after the switch').toBeGreaterThan(0);
    expect(after.filter((rendition) => rendition !== 'audio')).toEqual([]);

    // And back to the picture at the second it had reached.
    await page.evaluate(() => document.querySelector<Player>('#player')?.pause());
    const reached = await currentTime(page);
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await readyAt(page);
    expect(Math.abs((await currentTime(page)) - reached)).toBeLessThanOrEqual(1);
    await page.waitForFunction(() => (document.querySelector<Player>('#player')?.videoWidth ?? 0) > 0, undefined, { timeout: TIMEOUT });
    expect(errors).toEqual([]);
    await close();
  });

  it('fetches every picture segment at the lowest level for a visitor saving data, says so, and the quality menu changes the level', async () => {
    const { page, errors, segments, fetched, close } = await open(talk(), { saveData: true });
    const status = page.locator('#player-streams [role="status"]');
    await page.waitForFunction(() => (document.querySelector('#player-streams [role="status"]')?.textContent ?? '') !== '', undefined, { timeout: TIMEOUT });
    expect(await status.textContent()).toBe(translate('fr', 'streams.status.saver'));
    expect(await page.locator('#player-quality').inputValue()).toBe('640x360');
    // hls.js was loaded for it: native HLS would choose the level by itself.
    expect(await page.locator('#player').getAttribute('data-engine')).toBe('hlsjs');
    // The talk is shorter than what hls.js buffers ahead: once it is buffered to the end, every
    // segment of the picture has been fetched, each at 360p and nothing at 480p (not even once,
    // by the browser's own HLS before hls.js took over).
    await page.waitForFunction(
      () => {
        const player = document.querySelector<Player>('#player');
        const buffered = player?.buffered;
        return player !== null && player !== undefined && buffered !== undefined && buffered.length > 0 && buffered.end(buffered.length - 1) >= player.duration - 0.5;
      },
      undefined,
      { timeout: TIMEOUT },
    );
    const pictures = fetched.filter((segment) => !segment.startsWith('audio/'));
    expect([...new Set(pictures)].sort(), fetched.join(', ')).toEqual(Array.from({ length: SEGMENTS }, (_, i) => `360p/${i}`));

    const fetchedBefore = segments.length;
    await page.locator('#player-quality').selectOption('854x480');
    await playFrom(page, 7);
    expect(segments.slice(fetchedBefore).filter((rendition) => rendition !== 'audio')).toContain('480p');
    expect(errors).toEqual([]);
    await close();
  });

  it('offers the MP4 where the browser plays HLS itself, at the same second', async () => {
    const { page, errors, close } = await open(talk());
    const options = await page.locator('#player-quality option').evaluateAll((list) => list.map((option) => option.getAttribute('value')));
    expect(options).toEqual(['auto', 'mp4']);
    const before = await seekTo(page, 4);
    await page.locator('#player-quality').selectOption('mp4');
    await readyAt(page);
    expect(new URL(await page.evaluate(() => document.querySelector<Player>('#player')?.currentSrc ?? '')).pathname).toMatch(/\.mp4$/);
    expect(Math.abs((await currentTime(page)) - before)).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await close();
  });

  // The two widths that differ: the desktop layout, and the 320 px reflow minimum where the
  // longer English labels must fit too.
  it.each([
    ['fr', 'desktop'],
    ['fr', 'reflow'],
    ['en', 'reflow'],
  ] as const)('works by keyboard and has no axe violation (%s, %s)', async (locale, viewport) => {
    const { page, errors, close } = await open(`${talk(locale)}?player=hlsjs`, { viewport });
    await page.locator('#player-quality option').nth(2).waitFor({ state: 'attached', timeout: TIMEOUT });
    // Tab until the button has the focus, then press it with the space bar.
    for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement?.id)) !== 'player-audio-only'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('player-audio-only');
    expect(await page.locator('#player-audio-only').textContent()).toBe(translate(locale, 'streams.audioOnly'));
    await page.keyboard.press('Space');
    expect(await page.locator('#player-audio-only').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    expect(await page.locator('#player-audio-only').getAttribute('aria-pressed')).toBe('false');
    // The next stop is the quality menu; the arrow keys choose in it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('player-quality');
    expect(await page.locator('#player-streams-sizes').textContent()).toMatch(locale === 'fr' ? /^vidéo ~ .+\/h, son seul ~ .+\/h$/ : /^video ~ .+\/h, listen only ~ .+\/h$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeNull();
    expect(errors).toEqual([]);
    await close();
  });

  it('shows nothing of it without JavaScript, and lists the MP3 of the talk\'s sound with the downloads', async () => {
    const { context, page } = await openPage(browser, site.url, { javaScriptEnabled: false });
    await page.goto(talk());
    expect(await page.locator('#player-streams').evaluate((slot) => slot.children.length)).toBe(0);
    expect(await page.locator('#player-tools').isVisible()).toBe(false);
    const mp3 = page.locator('.item-downloads a[href*=".mp3"]');
    expect(await mp3.textContent()).toMatch(/^MP3 \(audio, .+\)$/);
    const response = await site.fetch(new URL((await mp3.getAttribute('href')) ?? '', site.url).pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    await context.close();
  });
});

/** Resolves once no segment has been asked for during a whole second (at most 20 s). */
async function settled(segments: readonly string[]): Promise<void> {
  for (let waited = 0, seen = -1; waited < 20_000; waited += 250) {
    if (segments.length === seen) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (segments.length === seen) return;
    }
    seen = segments.length;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
