import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestWeb, type TestWeb } from '../support/web.js';
import { readSitemaps } from '../support/sitemaps.js';

/**
 * Adding a language is one entry in the locale table and its messages: this test adds a
 * throwaway German that way, and nothing else, then checks that the whole site speaks it under
 * its prefix (routes, lang, hreflang alternates, the language switch, Intl formatting, the API)
 * while French and English stay as they were. The compile-time half (a locale missing a message
 * does not compile, and the error names every missing key) is in test/unit/http/i18n/translation.test.ts.
 */
vi.mock('../../src/http/locale-table.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/http/locale-table.js')>();
  const { translation } = await import('../../src/http/i18n/translation.js');
  const { fr } = actual.LOCALE_TABLE;
  // "Its message file": made from the French one, with the texts this test looks for in German.
  const de = translation(
    [
      {
        ...fr.messages,
        'lang.name': 'Deutsch',
        'lang.readIn': 'Diese Seite auf Deutsch lesen',
        'nav.search': 'Suchen',
        'site.tagline': 'Das offene Archiv von Numérique en Commun[s]',
      },
    ],
    'complete',
  );
  const entry = {
    tag: 'de-DE',
    prefix: '/de',
    paths: { ...fr.paths, search: '/suche', speaker: '/sprecher/:slug', accessibility: '/barrierefreiheit' },
    messages: de,
  };
  return { ...actual, LOCALE_TABLE: { ...actual.LOCALE_TABLE, de: entry } };
});

const ID = '2025-strasbourg-guichet';

/** An attribute's value as Handlebars escapes it ("=" is written &#x3D;) read back. */
const unescape = (text: string): string => text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

/** Every `<link rel="alternate" hreflang>` of a page, as [hreflang, href]. */
function alternates(html: string): [string, string][] {
  return [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1] ?? '', unescape(m[2] ?? '')]);
}

/** The language switch of the header: [lang, href, text] for each link. */
function languageSwitch(html: string): [string, string, string][] {
  return [...html.matchAll(/<li><a href="([^"]+)" lang="([^"]+)" hreflang="[^"]+" title="[^"]+">([^<]+)<\/a><\/li>/g)].map((m) => [m[2] ?? '', unescape(m[1] ?? ''), m[3] ?? '']);
}

describe('a third locale, added as one table entry and its messages', () => {
  let site: TestWeb;

  beforeAll(async () => {
    site = await startTestWeb([
      {
        id: ID,
        kind: 'talk',
        title: 'Au guichet',
        date: '2025-10-29',
        speakers: [{ name: 'Léa Schmitt' }],
        transcripts: [{ cues: [[0, 4, 'Bonjour et bienvenue au guichet.']] }],
      },
    ]);
  });
  afterAll(async () => site?.close());

  it('serves its pages under its prefix, in its language, with its Intl formats', async () => {
    const page = await site.fetch(`/de/talks/${ID}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-language')).toBe('de');
    expect(page.text).toContain('<html lang="de"');
    expect(page.text).toContain('<meta property="og:locale" content="de_DE">');
    // Dates from the table's tag (de-DE), not from a language named in code.
    expect(page.text).toContain('29. Oktober 2025');
    expect(page.text).toContain('Das offene Archiv von Numérique en Commun[s]');
    // Links inside the page stay in German.
    expect(page.text).toContain('href="/de/sprecher/lea-schmitt"');
    expect(page.text).toContain('action="/de/suche"');
    for (const path of ['/de/', '/de/suche?q=guichet', '/de/editions', '/de/barrierefreiheit', '/de/licences', '/de/sprecher/lea-schmitt', `/de/embed/${ID}`]) {
      const other = await site.fetch(path);
      expect(other.status, path).toBe(200);
      expect(other.text, path).toContain('lang="de"');
    }
  });

  it('lists every locale in the hreflang alternates and the language switch, from every language', async () => {
    const german = await site.fetch(`/de/talks/${ID}`);
    const origin = site.url;
    expect(alternates(german.text)).toEqual([
      ['fr', `${origin}/talks/${ID}`],
      ['en', `${origin}/en/talks/${ID}`],
      ['de', `${origin}/de/talks/${ID}`],
      ['x-default', `${origin}/talks/${ID}`],
    ]);
    expect(languageSwitch(german.text)).toEqual([
      ['fr', `/talks/${ID}`, 'Français'],
      ['en', `/en/talks/${ID}`, 'English'],
    ]);
    const french = await site.fetch(`/talks/${ID}`);
    expect(french.text).toContain('<html lang="fr"');
    expect(french.text).toContain('29 octobre 2025');
    expect(alternates(french.text).map(([lang]) => lang)).toEqual(['fr', 'en', 'de', 'x-default']);
    expect(languageSwitch(french.text)).toEqual([
      ['en', `/en/talks/${ID}`, 'English'],
      ['de', `/de/talks/${ID}`, 'Deutsch'],
    ]);
    const english = await site.fetch('/en/search?q=guichet');
    expect(languageSwitch(english.text).map(([lang, href]) => [lang, href])).toEqual([
      ['fr', '/recherche?q=guichet'],
      ['de', '/de/suche?q=guichet'],
    ]);
  });

  it('links search results, the API and the sitemap in that locale too', async () => {
    const search = await site.fetch('/de/suche?q=guichet');
    expect(unescape(search.text)).toContain(`href="/de/talks/${ID}?t=0"`);
    const api = JSON.parse((await site.fetch(`/api/items/${ID}?lang=de`)).text) as { url: string; urls: Record<string, string> };
    expect(api.url).toBe(`${site.url}/de/talks/${ID}`);
    expect(Object.keys(api.urls)).toEqual(['fr', 'en', 'de']);
    const found = JSON.parse((await site.fetch('/api/search?q=guichet&lang=de')).text) as { items: { url: string }[] };
    expect(found.items[0]?.url).toBe(`${site.url}/de/talks/${ID}`);
    const sitemap = (await readSitemaps(site.fetch, site.url)).texts.join('\n');
    expect(sitemap).toContain(`<loc>${site.url}/de/talks/${ID}</loc>`);
    expect(sitemap).toContain(`hreflang="de" href="${site.url}/de/talks/${ID}"`);
  });

  it('leaves French at the canonical paths and English under /en', async () => {
    expect((await site.fetch('/recherche?q=guichet')).status).toBe(200);
    expect((await site.fetch('/en/speakers/lea-schmitt')).status).toBe(200);
    expect((await site.fetch('/de/speakers/lea-schmitt')).status).toBe(404);
    expect((await site.fetch('/de/talks/inconnu')).text).toContain('lang="de"');
  });
});
