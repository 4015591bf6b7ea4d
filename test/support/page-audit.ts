import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { WCAG_TAGS } from './browser.js';

/**
 * axe's WCAG 2.1 A/AA violations of a page, one line per element as axeViolations writes them,
 * run by axe.run in the page itself. AxeBuilder's default splits the run for frames of other
 * origins (runPartial in each frame, then finishRun in a blank page it opens beside, with axe
 * injected there too); the site's pages have no frame, for which both ways read the same rules on
 * the same document. A page that does have frames gets the default way.
 */
export async function axeViolationsInPage(page: Page): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] });
  if (page.frames().length === 1) builder.setLegacyMode(true);
  const results = await builder.analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const html = node.html.replace(/\s+/g, ' ').slice(0, 160);
      return `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${node.target.join(' ')} — ${html}`;
    }),
  );
}
