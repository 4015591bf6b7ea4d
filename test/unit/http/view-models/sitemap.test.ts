import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { editionSitemapXml, pagesSitemapXml, robotsTxt, sitemapIndexXml } from '../../../../src/http/view-models/sitemap.js';
import { snapshotOf } from '../../../support/snapshot.js';
import { documentManifest, manifestOf, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';
const snapshot = snapshotOf([
  talkManifest(), podcastManifest(), documentManifest(),
  { ...manifestOf({ id: '2024-lyon-atelier', edition: '2024 Lyon', date: '2024-05-02' }), pipeline: { version: '1', ingestedAt: '2024-05-03T00:00:00.000Z', updatedAt: '2024-06-01T00:00:00.000Z', inputs: 'x' } },
]);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap'].includes(name) });

describe('sitemap and robots', () => {
  it('is an index naming the pages’ sitemap and one per edition, each dated by its newest item', () => {
    const index = sitemapIndexXml(snapshot, ORIGIN);
    expect(XMLValidator.validate(index)).toBe(true);
    const sitemaps = xml.parse(index).sitemapindex.sitemap as { loc: string; lastmod?: string }[];
    expect(sitemaps.map((s) => s.loc)).toEqual([`${ORIGIN}/sitemaps/pages.xml`, `${ORIGIN}/sitemaps/editions/2025-strasbourg.xml`, `${ORIGIN}/sitemaps/editions/2024-lyon.xml`]);
    expect(sitemaps[2]?.lastmod).toBe('2024-06-01T00:00:00.000Z');
  });

  it('lists an edition’s page and its items in both languages, and nothing of other editions', () => {
    const lyon = snapshot.editions.find((e) => e.slug === '2024-lyon');
    const text = lyon ? editionSitemapXml(lyon, ORIGIN) : '';
    expect(XMLValidator.validate(text)).toBe(true);
    const locs = (xml.parse(text).urlset.url as { loc: string }[]).map((u) => u.loc);
    expect(locs).toEqual([`${ORIGIN}/editions/2024-lyon`, `${ORIGIN}/en/editions/2024-lyon`, `${ORIGIN}/talks/2024-lyon-atelier`, `${ORIGIN}/en/talks/2024-lyon-atelier`]);
    expect(text).toContain('hreflang="x-default"');
  });

  it('lists the other pages in the pages’ sitemap, items in none of them', () => {
    const text = pagesSitemapXml(snapshot, ORIGIN);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain(`<loc>${ORIGIN}/themes/communs-souverainete</loc>`);
    expect(text).toContain(`<loc>${ORIGIN}/en/editions</loc>`);
    expect(text).not.toContain('/documents/2025-strasbourg-magazine');
  });

  it('robots.txt names the sitemap of this origin', () => {
    expect(robotsTxt(ORIGIN)).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});
