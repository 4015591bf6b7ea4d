import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * HTML_CodeSniffer (Squiz, BSD-3) in the page beside axe: a second, independent reading of WCAG
 * 2.1 AA. Only its errors (type 1) count; its warnings and notices ask for a human's judgement.
 */
const HTMLCS_SOURCE = readFile(path.resolve('node_modules/html_codesniffer/build/HTMLCS.js'), 'utf8');
const HTMLCS_ERROR = 1;

export interface HtmlcsMessage {
  code: string;
  message: string;
  element: string;
}

/** HTMLCS's errors on the page as loaded, one line each (rule code, message, the element's start). */
export async function htmlcsErrors(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not apply.
  await page.evaluate(await HTMLCS_SOURCE);
  const messages = (await page.evaluate(`new Promise((resolve) => {
    HTMLCS.process('WCAG2AA', document, () => resolve(HTMLCS.getMessages()
      .filter((m) => m.type === ${HTMLCS_ERROR})
      .map((m) => ({ code: m.code, message: m.msg, element: m.element && m.element.outerHTML ? m.element.outerHTML : String(m.element && m.element.nodeName) }))));
  })`)) as HtmlcsMessage[];
  return messages.map((m) => `${m.code}: ${m.message} — ${m.element.replace(/\s+/g, ' ').slice(0, 160)}`);
}
