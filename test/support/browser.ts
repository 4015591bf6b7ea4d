import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DomDocument, DomWindow } from './dom.js';

declare const document: DomDocument;
declare const window: DomWindow;

/**
 * Debian's Chromium driven by playwright-core: one browser per test file, one context per
 * viewport or setting. The networking flags keep it from calling home on a closed network.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** The widths the issue names: desktop, phone, and the 320 px reflow minimum (WCAG 1.4.10). */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
  reflow: { width: 320, height: 640 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** The WCAG 2.1 A and AA rules of axe-core, as the issue asks. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function launchBrowser(options: { autoplay?: boolean } = {}): Promise<Browser> {
  // Media tests play without a click in front of them, as a user who pressed play would.
  const args = options.autoplay ? [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM_PATH, args });
}

export interface PageOptions {
  viewport?: ViewportName;
  javaScriptEnabled?: boolean;
}

/** A fresh context (axe needs one of its own before the page) and its page. */
export async function openPage(browser: Browser, baseURL: string, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORTS[options.viewport ?? 'desktop'],
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: 'fr-FR',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { context, page };
}

/**
 * One line per violating element: rule, impact, target, the element's HTML (shortened). With
 * `include` (a selector), only that part of the page is checked: what changed since a check of
 * the whole page (a dialog opened over it).
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  // Only violations are read: skipping the details of passes makes a run noticeably faster.
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] });
  if (include !== undefined) builder.include(include);
  // axe.run in the page itself where it has no frame: AxeBuilder's default splits the run for
  // frames of other origins (runPartial in each, then finishRun in a blank page it opens beside,
  // axe injected there too), 2–3× slower here; on a page without frames both read the same rules
  // on the same document. A page that has frames gets the default way.
  if (page.frames().length === 1) builder.setLegacyMode(true);
  const results = await builder.analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const html = node.html.replace(/\s+/g, ' ').slice(0, 160);
      return `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${node.target.join(' ')} — ${html}`;
    }),
  );
}

/**
 * Null when the page fits the window; otherwise the widths and the elements that stick out on
 * the right (the deepest ones first), so a failure says what to fix.
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] } | null> {
  return page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    const innerWidth = window.innerWidth;
    if (scrollWidth <= innerWidth) return null;
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= innerWidth + 0.5) continue;
      // Report only the innermost: a parent sticking out because of its child says nothing new.
      if (Array.from(element.children).some((child) => child.getBoundingClientRect().right > innerWidth + 0.5)) continue;
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${Array.from(element.classList).join('.')}` : ''}`;
      culprits.push(`${name} (right edge ${Math.round(box.right)} px)`);
      if (culprits.length >= 8) break;
    }
    return { scrollWidth, innerWidth, culprits };
  });
}

/**
 * Console errors and uncaught exceptions of a page (CSP violations land here too: an inline
 * script or style the policy blocked). Start it before navigating.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  return errors;
}
