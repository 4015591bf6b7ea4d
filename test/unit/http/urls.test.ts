import { describe, expect, it } from 'vitest';
import { localeOfPath, ROUTE_NAMES, routePattern } from '../../../src/http/locale.js';
import { itemApiUrl, itemHref, passageHref, searchCsvUrl, urlFor } from '../../../src/http/urls.js';

describe('web foundation', () => {
  it('builds French canonical and English paths from one route table', () => {
    expect(urlFor('talk', 'fr', { id: '2025-x' }, { t: 754 })).toBe('/talks/2025-x?t=754');
    expect(urlFor('talk', 'en', { id: '2025-x' })).toBe('/en/talks/2025-x');
    expect(urlFor('search', 'fr', {}, { q: 'médiation & IA', theme: ['A', 'B'], page: null })).toBe('/recherche?q=m%C3%A9diation+%26+IA&theme=A&theme=B');
    expect(urlFor('speaker', 'en', { slug: 'a/b' })).toBe('/en/speakers/a%2Fb');
    expect(() => urlFor('talk', 'fr')).toThrow(/missing parameter id/);
    for (const name of ROUTE_NAMES) expect(routePattern(name, 'en').startsWith('/en/')).toBe(true);
    expect(localeOfPath('/en/talks/x')).toBe('en');
    expect(localeOfPath('/en')).toBe('en');
    expect(localeOfPath('/entretiens')).toBe('fr');
  });

  it('links items by kind, in each locale, and opens them at the passage', () => {
    expect(itemHref('round-table', 'a', 'fr')).toBe('/talks/a');
    expect(passageHref('talk', 'a', { start: 754.9, page: null }, 'fr')).toBe('/talks/a?t=754');
    expect(passageHref('talk', 'a', { start: 754.9, page: null }, 'en')).toBe('/en/talks/a?t=754');
    expect(passageHref('podcast', 'p', { start: 0, page: null }, 'fr')).toBe('/podcasts/p?t=0');
    expect(passageHref('document', 'd', { start: null, page: 3 }, 'en')).toBe('/en/documents/d?page=3');
    expect(passageHref('pitch', 'x', { start: null, page: null }, 'fr')).toBe('/talks/x');
    expect(searchCsvUrl({ q: 'médiation & IA', kind: ['talk', 'podcast'], page: null, lang: 'en' })).toBe('/api/search?q=m%C3%A9diation+%26+IA&kind=talk&kind=podcast&lang=en&format=csv');
  });

  it('writes a moment as media fragments do, its comma unescaped; other commas stay escaped', () => {
    expect(urlFor('talk', 'fr', { id: 'a' }, { transcript: 'en', t: '754,790.5' })).toBe('/talks/a?transcript=en&t=754,790.5');
    expect(itemApiUrl('a', 'clip.vtt', { t: '1,2', lang: 'fr' })).toBe('/api/items/a/clip.vtt?t=1,2&lang=fr');
    expect(urlFor('search', 'fr', {}, { q: 'a,b', theme: 'x,t=1,2' })).toBe('/recherche?q=a%2Cb&theme=x%2Ct%3D1%2C2');
  });
});
