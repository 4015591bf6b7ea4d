import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemapXml } from '../../../../src/http/view-models/sitemap.js';
import { buildSnapshot } from '../../../../src/services/catalogue/catalogue.js';
import { documentManifest, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';

describe('sitemap and robots', () => {
  it('is valid XML listing items in both languages', () => {
    const xml = sitemapXml(buildSnapshot([talkManifest(), podcastManifest(), documentManifest()]), ORIGIN);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(`<loc>${ORIGIN}/documents/2025-strasbourg-magazine</loc>`);
    expect(xml).toContain(`<loc>${ORIGIN}/en/documents/2025-strasbourg-magazine</loc>`);
    expect(xml).toContain(`<loc>${ORIGIN}/themes/communs-souverainete</loc>`);
    expect(xml).toContain('hreflang="x-default"');
  });

  it('robots.txt names the sitemap of this origin', () => {
    expect(robotsTxt(ORIGIN)).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});
