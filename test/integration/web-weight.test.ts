import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kb, moduleImports, PAGE_BUDGET_BYTES, pageWeight, referencedAssets } from '../../scripts/bench/page-weight.js';
import { urlFor } from '../../src/http/urls.js';
import { SPOKEN_WORD, sampleItems } from '../browser/sample-pages.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';

/**
 * The budget: home, search and talk pages under 60 KB of HTML + CSS + JS, gzip, hls.js
 * excluded — a size on the wire, measured over the ingested sample edition.
 */
describe('page weight', () => {
  let site: TestWeb;

  beforeAll(async () => {
    site = await startWebOver(await copySampleArchive());
  });

  afterAll(async () => {
    await site?.close();
    if (site) await removeArchiveCopy(site.store);
  });

  it('finds the stylesheets, module scripts and static imports a page references', () => {
    const html = '<link rel="stylesheet" href="/a.css"><link rel="icon" href="/f.svg"><link rel="modulepreload" href="/m.js"><script type="module" src="/p.js"></script><script type="application/ld+json">{}</script>';
    expect(referencedAssets(html)).toEqual({ css: ['/a.css'], js: ['/m.js', '/p.js'] });
    expect(moduleImports("import { a } from './a.js';\nimport './b.js';\nexport { c } from \"./c.js\";\nconst d = await import('./d.js');")).toEqual(['./a.js', './b.js', './c.js']);
  });

  it.each([
    ['home', () => urlFor('home', 'fr')],
    ['search', () => urlFor('search', 'fr', {}, { q: SPOKEN_WORD })],
    ['talk', async () => urlFor('talk', 'fr', { id: sampleItems(await sampleManifests()).accessibleTalk.id })],
  ])('keeps the %s page under 60 KB gzip', async (_name, pathOf) => {
    const weight = await pageWeight(site.url, await pathOf());
    const detail = weight.files.map((f) => `${f.url} ${kb(f.sent)} (${f.encoding}, ${kb(f.size)} decoded)`).join('\n');
    expect(weight.total, detail).toBeLessThan(PAGE_BUDGET_BYTES);
    // Compression is really on: HTML sent as gzip.
    expect(weight.files[0]?.encoding).toBe('gzip');
    expect(weight.css, 'the site stylesheet at least').toBeGreaterThan(0);
  });
});
