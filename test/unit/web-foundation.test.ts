import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDuration, isoDuration, timecode } from '../../src/http/format.js';
import { translate } from '../../src/http/i18n/messages.js';
import { localeEntry, localeOfPath, ROUTE_NAMES, routePattern } from '../../src/http/locale.js';
import { itemHref, passageHref, urlFor } from '../../src/http/urls.js';
import { jsonForScript, ViewEngine } from '../../src/http/view-engine.js';

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
  });

  it('has every interface text in both languages', () => {
    expect(Object.keys(localeEntry('en').messages).sort()).toEqual(Object.keys(localeEntry('fr').messages).sort());
    expect(() => translate('fr', 'no.such.key')).toThrow(/no interface text/);
  });

  it('formats dates, durations and sizes as each language writes them', () => {
    expect(formatDate('fr', '2025-10-29')).toBe('29 octobre 2025');
    expect(formatDate('en', '2025-10-29')).toBe('29 October 2025');
    expect(formatDate('fr', 'pas une date')).toBe('pas une date');
    expect(formatDuration('fr', 754.4)).toBe('12 min 34 s');
    expect(formatDuration('en', 3725)).toBe('1 h 02 min');
    expect(formatDuration('fr', 45)).toBe('45 s');
    expect(timecode(754.9)).toBe('12:34');
    expect(timecode(3725)).toBe('1:02:05');
    expect(isoDuration(754)).toBe('PT12M34S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3600)).toBe('PT1H');
    expect(formatBytes('fr', 1_881_674)).toBe('1,9\u00a0Mo');
    expect(formatBytes('en', 1_881_674)).toBe('1.9\u00a0MB');
    expect(formatBytes('fr', 512)).toBe('512\u00a0o');
  });

  it('keeps JSON-LD data blocks from closing their script element', () => {
    const text = jsonForScript({ name: '</script><script>alert(1)</script>', note: 'a & b \u2028' });
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>', note: 'a & b \u2028' });
  });

  it('escapes values in every view and renders the error page in the right language', () => {
    const views = ViewEngine.load();
    const model = {
      locale: 'en' as const, lang: 'en', title: '<script>x</script>', siteTitle: 'Médiacommuns', description: 'd', canonical: 'http://h/en/',
      alternates: [], langSwitches: [{ href: '/', lang: 'fr', text: 'Français', label: 'l' }], ogLocale: 'en_GB', jsonLd: null, scripts: [], styles: [], links: [],
      image: null, noindex: true, current: 'home', heading: '<b>Page not found</b>', text: 't', problems: ['<img src=x onerror=alert(1)>'], showSearch: true,
    };
    const html = views.render('error', model);
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('&lt;b&gt;Page not found&lt;/b&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).not.toContain('<img src');
    expect(html).not.toContain('<script>x</script>');
    expect(html).toContain('href="#contenu"');
  });
});
