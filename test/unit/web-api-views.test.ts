import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';
import { itemDetail, itemSummary } from '../../src/http/view-models/api-item.js';
import { itemOfUrl, oembedOf } from '../../src/http/view-models/oembed.js';
import { feedGuid, personRole, podcastFeed, rfc822 } from '../../src/http/view-models/podcast-feed.js';
import { audioEnclosure, previewImage } from '../../src/http/view-models/public-item.js';
import { robotsTxt, sitemapXml } from '../../src/http/view-models/sitemap.js';
import { xmlDocument } from '../../src/http/xml.js';
import { escapeMarkup } from '../../src/lib/escape-markup.js';
import { buildSnapshot } from '../../src/services/catalogue/catalogue.js';
import { checkSchema } from '../support/json-schema.js';
import { documentManifest, podcastManifest, talkManifest } from '../support/manifest-fixture.js';

const ORIGIN = 'https://archives.example.org';
const doc = openApiDocument(ORIGIN);
const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('xml', () => {
  it('escapes markup and drops the characters XML 1.0 forbids', () => {
    expect(escapeMarkup('a < b & "c" \'d\' > e\u0000\u0007\uFFFE\uD800')).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; e');
    expect(escapeMarkup('émoji 🎙 ok\ttab')).toBe('émoji 🎙 ok\ttab');
  });

  it('builds documents whose values cannot break them', () => {
    const doc = xmlDocument({ r: { t: { '#text': '</r><!-- & ]]>\u0001', '@a': '<"\u0002', '@skipped': undefined }, n: 3, e: { '@href': 'x?a=1&b=2' }, none: undefined } });
    expect(XMLValidator.validate(doc)).toBe(true);
    const r = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(doc).r;
    expect(r).toEqual({ t: { '#text': '</r><!-- & ]]>', '@a': '<"' }, n: 3, e: { '@href': 'x?a=1&b=2' } });
    expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<r>')).toBe(true);
  });

  it('makes the podcast:guid the namespace asks for (UUID v5 of the feed URL without its scheme)', () => {
    // The namespace's own example: https://podcastindex.org/namespace/1.0#guid
    expect(feedGuid('https://mp3s.nashownotes.com/pc20rss.xml')).toBe('917393e3-1b1e-5cef-ace4-edaa54e1f810');
    expect(feedGuid('http://mp3s.nashownotes.com/pc20rss.xml/')).toBe('917393e3-1b1e-5cef-ace4-edaa54e1f810');
  });

  it('writes RFC 822 dates', () => {
    expect(rfc822('2025-10-30')).toBe('Thu, 30 Oct 2025 00:00:00 GMT');
    expect(rfc822('2025-11-01T10:20:30.000Z')).toBe('Sat, 01 Nov 2025 10:20:30 GMT');
  });
});

describe('podcastFeed', () => {
  const feed = (items = [podcastManifest(), talkManifest()]) =>
    podcastFeed(items, { origin: ORIGIN, path: '/feeds/podcasts.xml', title: 'T & <t>', description: 'D', link: `${ORIGIN}/` });

  it('lists only podcasts with audio, the MP3 as enclosure', () => {
    const xml = feed([podcastManifest(), talkManifest(), podcastManifest({ id: 'sans-audio', downloads: [] })]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'item' }).parse(xml).rss.channel;
    expect(channel.title).toBe('T & <t>');
    expect(channel.item).toHaveLength(1);
    expect(channel.item[0].enclosure['@type']).toBe('audio/mpeg');
    expect(channel.item[0]['itunes:duration']).toBe(1801);
    expect(channel['podcast:license']['#text']).toBe('cc-by-sa-4.0');
  });

  it('prefers MP3, then M4A, then Opus; hosts are those the programme calls so', () => {
    const m = podcastManifest();
    expect(audioEnclosure(m)?.format).toBe('mp3');
    expect(audioEnclosure({ ...m, downloads: m.downloads.filter((d) => d.format !== 'mp3') })?.format).toBe('m4a');
    expect(personRole('animatrice')).toBe('host');
    expect(personRole('Host')).toBe('host');
    expect(personRole('présentateur')).toBe('host');
    expect(personRole('chercheuse')).toBe('guest');
    expect(personRole(undefined)).toBe('guest');
  });
});

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

describe('oEmbed', () => {
  it('recognises item pages of this site only', () => {
    expect(itemOfUrl(`${ORIGIN}/talks/a-b?t=3`, ORIGIN)).toEqual({ id: 'a-b', locale: 'fr' });
    expect(itemOfUrl(`http://archives.example.org/en/podcasts/a-b#x`, ORIGIN)).toEqual({ id: 'a-b', locale: 'en' });
    expect(itemOfUrl(`${ORIGIN}/embed/a%2Db`, ORIGIN)).toEqual({ id: 'a-b', locale: 'fr' });
    expect(itemOfUrl(`${ORIGIN}/documents/`, ORIGIN)).toBeNull();
    expect(itemOfUrl(`${ORIGIN}/editions/x`, ORIGIN)).toBeNull();
    expect(itemOfUrl('https://evil.example/talks/a-b', ORIGIN)).toBeNull();
    expect(itemOfUrl(`ftp://archives.example.org/talks/a-b`, ORIGIN)).toBeNull();
    expect(itemOfUrl(`${ORIGIN}/talks/%E0%A4%A`, ORIGIN)).toBeNull();
  });

  it('fits 16:9 within the limits and conforms to its schema', () => {
    const m = talkManifest();
    const sized = (maxWidth?: number, maxHeight?: number) => {
      const answer = oembedOf(m, { origin: ORIGIN, locale: 'fr', ...(maxWidth ? { maxWidth } : {}), ...(maxHeight ? { maxHeight } : {}) });
      expect(checkSchema(schema('OEmbed'), answer, doc)).toEqual([]);
      if (answer.thumbnail_width !== undefined) {
        if (maxWidth) expect(answer.thumbnail_width).toBeLessThanOrEqual(maxWidth);
        if (maxHeight) expect(answer.thumbnail_height).toBeLessThanOrEqual(maxHeight);
      }
      return [answer.width, answer.height];
    };
    expect(sized()).toEqual([640, 360]);
    expect(sized(1920)).toEqual([640, 360]);
    expect(sized(300)).toEqual([300, 168]);
    expect(sized(undefined, 100)).toEqual([177, 99]);
    expect(sized(1, 1)).toEqual([1, 1]);
  });

  it('picks a JPEG preview at least as wide as asked', () => {
    const m = talkManifest();
    expect(previewImage(m)?.key).toMatch(/poster-640\.jpg$/);
    expect(previewImage(m, { minWidth: 1000 })?.key).toMatch(/poster-1280\.jpg$/);
    expect(previewImage(m, { maxWidth: 400 })?.key).toMatch(/poster-320\.jpg$/);
    expect(previewImage(m, { maxWidth: 100 })).toBeNull();
  });
});

describe('API item views', () => {
  it('conform to their documented schemas for every kind, in both languages', () => {
    for (const m of [talkManifest(), podcastManifest(), documentManifest()]) {
      for (const locale of ['fr', 'en'] as const) {
        expect(checkSchema(schema('ItemSummary'), JSON.parse(JSON.stringify(itemSummary(m, ORIGIN, locale))), doc)).toEqual([]);
        expect(checkSchema(schema('Item'), JSON.parse(JSON.stringify(itemDetail(m, ORIGIN, locale))), doc)).toEqual([]);
      }
    }
  });

  it('leave internal fields out', () => {
    const detail = JSON.stringify(itemDetail(talkManifest(), ORIGIN, 'fr'));
    expect(detail).not.toContain('internal warning');
    expect(detail).not.toContain('"inputs"');
    expect(detail).not.toContain('"key"');
  });

  it('are caught by the conformance check when a field is not documented', () => {
    const summary = { ...itemSummary(talkManifest(), ORIGIN, 'fr'), secret: 1 };
    expect(checkSchema(schema('ItemSummary'), summary, doc)).toEqual(['$: undocumented property "secret"']);
    const { title: _title, ...untitled } = itemSummary(talkManifest(), ORIGIN, 'fr');
    expect(checkSchema(schema('ItemSummary'), untitled, doc)).toEqual(['$: missing required "title"']);
  });
});
