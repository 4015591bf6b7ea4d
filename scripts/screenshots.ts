/**
 * Full-page screenshots of the main pages at desktop (1280×800) and phone (375×812) widths,
 * against a running `mediacommuns serve`, with Debian's Chromium:
 *   npx tsx scripts/screenshots.ts [--out DIR] [--base URL]
 * Defaults: ./screenshots and http://localhost:3000. Ids come from the site's own API, so any
 * archive works; pages whose kind the archive lacks are skipped with a note.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, VIEWPORTS } from '../test/support/browser.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, base: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('Usage: npx tsx scripts/screenshots.ts [--out DIR] [--base URL]');
  process.exit(0);
}
const out = path.resolve(values.out ?? 'screenshots');
const base = values.base ?? 'http://localhost:3000';

interface ApiItem {
  id: string;
  kind: string;
  url?: string;
  title?: string;
  accessibility?: { signLanguage?: boolean };
}

/** The archive's items through the public API (first page is enough to find one of each kind). */
async function items(): Promise<ApiItem[]> {
  const response = await fetch(new URL('/api/items?perPage=100', base));
  if (!response.ok) throw new Error(`${base}/api/items answered ${response.status}: is \`mediacommuns serve\` running there?`);
  const body = (await response.json()) as { items?: ApiItem[] } | ApiItem[];
  return Array.isArray(body) ? body : (body.items ?? []);
}

/** A word of the first item's title, for a search with results. */
function searchWord(list: readonly ApiItem[]): string {
  const words = (list[0]?.title ?? 'numérique').split(/[^\p{L}]+/u).filter((w) => w.length >= 6);
  return (words[0] ?? 'numérique').toLowerCase();
}

const list = await items();
const VIDEO = new Set(['talk', 'workshop', 'round-table', 'pitch']);
const byKind = (test: (kind: string) => boolean): ApiItem | undefined => list.find((item) => test(item.kind));
// The talk with the most to show (sign language, descriptions) when there is one.
const talk = list.find((item) => VIDEO.has(item.kind) && item.accessibility?.signLanguage === true) ?? byKind((k) => k === 'talk') ?? byKind((k) => VIDEO.has(k));
const podcast = byKind((k) => k === 'podcast');
const document = byKind((k) => k === 'document');
const pages: [string, string | null][] = [
  ['home', '/'],
  ['search', `/recherche?q=${encodeURIComponent(searchWord(list))}`],
  ['talk', talk ? `/talks/${encodeURIComponent(talk.id)}` : null],
  ['podcast', podcast ? `/podcasts/${encodeURIComponent(podcast.id)}` : null],
  ['document', document ? `/documents/${encodeURIComponent(document.id)}` : null],
];

await mkdir(out, { recursive: true });
const browser = await launchBrowser();
try {
  for (const [viewportName, viewport] of [['desktop', VIEWPORTS.desktop], ['phone', VIEWPORTS.phone]] as const) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'fr-FR', reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const [name, pagePath] of pages) {
      if (pagePath === null) {
        console.log(`${name}: the archive has none, skipped`);
        continue;
      }
      const response = await page.goto(new URL(pagePath, base).href, { waitUntil: 'networkidle' });
      // A full-page picture shows what is below the fold: load the lazy images first.
      await page.evaluate('for (const img of document.images) img.loading = "eager"');
      await page.waitForLoadState('networkidle');
      const file = path.join(out, `${name}-${viewportName}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${file}  ${pagePath} (${response?.status() ?? '?'}) at ${viewport.width}×${viewport.height}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
