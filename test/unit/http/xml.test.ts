import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedGuid, rfc822 } from '../../../src/http/view-models/podcast-feed.js';
import { xmlDocument } from '../../../src/http/xml.js';
import { escapeMarkup } from '../../../src/lib/escape-markup.js';

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
