import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cuesOf, type ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

/**
 * The home and search pages over a real store and a real Meilisearch: words, facets, sort and
 * pages through the query string, in both languages, with hostile titles and passages.
 */
const EVIL = '<script>alert("x")</script>';
const NB = '\u00a0';
const GUICHET = '2025-strasbourg-le-guichet';
const PODCAST = '2025-strasbourg-podcast-guichet';
const MAGAZINE = '2025-strasbourg-magazine';
const ENGLISH = '2025-strasbourg-digital-commons';

/** Text and attribute values as the browser reads them (Handlebars escapes `=`, quotes, `&`). */
const decode = (html: string): string =>
  html.replace(/&#x3D;/g, '=').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const textOf = (html: string): string => decode(html.replace(/<[^>]+>/g, '')).replace(/[ \t\r\n]+/g, ' ').trim();
const h1Of = (html: string): string => textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
const titleOf = (html: string): string => decode(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '');
/** The <li> items of `<ol class="results">`, each as HTML. */
const resultsOf = (html: string): string[] => {
  const list = /<ol class="results"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return list.split(/<li><article /).slice(1);
};
const resultIds = (html: string): string[] => resultsOf(html).map((r) => /item-card__title"><a href="\/(?:en\/)?[a-z]+\/([^"?]+)"/.exec(r)?.[1] ?? '?');
/** The checkbox of a facet value: its attributes, and the text of its label. */
function checkbox(html: string, name: string, value: string): { checked: boolean; label: string } | null {
  const input = new RegExp(`<input type="checkbox" id="([^"]+)" name="${name}" value="${value.replace(/&/g, '&amp;')}"[^>]*>`).exec(html);
  if (!input) return null;
  const label = new RegExp(`<label for="${input[1]}">([\\s\\S]*?)</label>`).exec(html)?.[1] ?? '';
  return { checked: / checked/.test(input[0]), label: textOf(label) };
}

/** Twenty-two quick workshops of another edition, so browsing has pages. */
const FILLERS: ArchiveItem[] = Array.from({ length: 22 }, (_, i) => ({
  id: `2024-lyon-atelier-${i + 1}`,
  kind: 'workshop' as const,
  title: `Atelier numéro ${i + 1}`,
  edition: '2024 Lyon',
  date: `2024-06-${String((i % 28) + 1).padStart(2, '0')}`,
  themes: ['Médiation numérique'],
  licence: 'CC-BY-4.0' as const,
}));

describe('home and search pages', () => {
  let site: TestWeb;

  beforeAll(async () => {
    site = await startTestWeb([
      {
        id: GUICHET,
        kind: 'talk',
        title: `Le guichet numérique ${EVIL}`,
        date: '2025-10-29',
        themes: ['Accessibilité', 'Médiation numérique'],
        speakers: [{ name: 'Claire Vasseur', organisation: 'Passerelles' }],
        transcripts: [{ cues: cuesOf(['Bonjour à toutes et à tous.', 'Nous parlons de la médiation.', `Au guichet ${EVIL} les agents aident.`, 'Merci beaucoup.'], 30) }],
        accessibility: { audioDescription: true, signLanguage: true },
      },
      {
        id: PODCAST,
        kind: 'podcast',
        title: 'Paroles de médiatrices',
        date: '2025-10-30',
        themes: ['Médiation numérique'],
        speakers: [{ name: 'Amélie Fischer' }],
        licence: 'CC0-1.0',
        transcripts: [{ source: 'speech-to-text', cues: cuesOf(['Le guichet de la mairie ferme tôt.', 'Nous allons chez les gens.'], 20) }],
      },
      {
        id: MAGAZINE,
        kind: 'document',
        title: 'Le magazine 2025',
        date: '2025-10-30',
        themes: ['Accessibilité'],
        licence: 'Etalab-2.0',
        pages: ['Sommaire', 'Les communs numériques', 'Un guichet unique pour les démarches'],
      },
      {
        id: ENGLISH,
        kind: 'talk',
        title: 'Digital commons in Europe',
        date: '2025-10-28',
        language: 'en',
        themes: ['Communs & souveraineté'],
        transcripts: [{ language: 'en', cues: cuesOf(['Digital commons need public support.', 'Thank you.'], 15) }],
      },
      ...FILLERS,
    ]);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('home: a heading, the search form with a visible label, the latest edition, editions with counts and themes', async () => {
    const r = await site.fetch('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-language')).toBe('fr');
    expect(h1Of(r.text)).toBe('Les archives ouvertes de Numérique en Commun[s]');
    expect(r.text).toMatch(/<form id="search-form"[^>]* action="\/recherche" method="get">/);
    expect(r.text).toContain('<label for="q">Chercher un mot, un nom ou un thème</label>');
    expect(r.text).toMatch(/<input id="q" name="q" type="search"/);
    expect(textOf(r.text)).toContain(`Dernière édition${NB}: 2025 Strasbourg`);
    // The latest edition's items, newest first, as cards.
    const cards = [...r.text.matchAll(/item-card__title"><a href="([^"]+)"/g)].map((m) => m[1]);
    // Same day: by title (the catalogue's order).
    expect(cards).toEqual([`/documents/${MAGAZINE}`, `/podcasts/${PODCAST}`, `/talks/${GUICHET}`, `/talks/${ENGLISH}`]);
    expect(r.text).toContain(`<a href="/talks/${ENGLISH}" lang="en">Digital commons in Europe</a>`);
    expect(r.text).toMatch(/<a href="\/editions\/2024-lyon">2024 Lyon<\/a> <span class="meta">— 22 ressources<\/span>/);
    expect(r.text).toContain('<a href="/themes/communs-souverainete">');
    expect(textOf(r.text)).toContain('Sous-titres relus');
    expect(r.text).toContain('"@type":"WebSite"');
    // The title with `<script>` is shown as text, never as markup.
    expect(r.text).not.toContain('<script>alert');
    expect(r.text).toContain('Le guichet numérique &lt;script&gt;');
  });

  it('home in English: English texts, links under /en/, French titles marked as French', async () => {
    const r = await site.fetch('/en/');
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/<html lang="en"/);
    expect(h1Of(r.text)).toBe('The open archive of Numérique en Commun[s]');
    expect(r.text).toMatch(/<form id="search-form"[^>]* action="\/en\/search"/);
    expect(r.text).toContain(`<a href="/en/podcasts/${PODCAST}" lang="fr">Paroles de médiatrices</a>`);
    expect(r.text).toContain(`<a href="/en/talks/${ENGLISH}">Digital commons in Europe</a>`);
    expect(r.text).toContain('<a href="/en/editions/2025-strasbourg">');
  });

  it('search: the count in the heading, the title and the status; results with passages that open the player at their second', async () => {
    const r = await site.fetch('/recherche?q=guichet');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe(`3 résultats pour «${NB}guichet${NB}»`);
    expect(titleOf(r.text)).toBe(`3 résultats pour «${NB}guichet${NB}» — Médiacommuns`);
    expect(r.text).toMatch(/<p id="result-count" role="status"[^>]*>Résultats 1 à 3 sur 3<\/p>/);
    expect(r.text).toContain('<meta name="robots" content="noindex">');
    expect(resultIds(r.text).sort()).toEqual([GUICHET, MAGAZINE, PODCAST].sort());
    const talk = resultsOf(r.text).find((item) => item.includes(`/talks/${GUICHET}"`)) ?? '';
    expect(decode(talk)).toContain(`<a class="passage__time" href="/talks/${GUICHET}?t=60"><time datetime="PT1M">1:00</time><span class="visually-hidden"> dans «${NB}Le guichet numérique ${EVIL}${NB}»</span></a>`);
    expect(talk).toContain('<span class="passage__source">sous-titres relus</span>');
    expect(talk).toContain('<mark>guichet</mark>');
    const podcast = resultsOf(r.text).find((item) => item.includes(`/podcasts/${PODCAST}"`)) ?? '';
    expect(podcast).toContain(`href="/podcasts/${PODCAST}?t&#x3D;0"`);
    expect(podcast).toContain('transcription automatique');
    const magazine = resultsOf(r.text).find((item) => item.includes(`/documents/${MAGAZINE}"`)) ?? '';
    expect(decode(magazine)).toContain(`<a class="passage__time" href="/documents/${MAGAZINE}?page=3">page 3<span`);
    expect(magazine).toContain('<span class="passage__source">PDF</span>');
  });

  it('search escapes `<script>` in titles and passages', async () => {
    const r = await site.fetch('/recherche?q=agents');
    expect(r.status).toBe(200);
    expect(resultIds(r.text)).toEqual([GUICHET]);
    expect(r.text).not.toMatch(/<script>alert/);
    expect(r.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // The only scripts are the JSON-LD data block, if any, and the site's own modules.
    expect([...r.text.matchAll(/<script(?![^>]*(type="application\/ld\+json"|type="module" src="\/assets\/))/g)]).toHaveLength(0);
  });

  it('search in English: English headings, and every result link under /en/', async () => {
    const r = await site.fetch('/en/search?q=guichet');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe('3 results for “guichet”');
    expect(r.text).toMatch(/<p id="result-count" role="status"[^>]*>Results 1 to 3 of 3<\/p>/);
    const hrefs = [...r.text.matchAll(/class="(?:passage__time|item-card__title)"[^>]*>?(?:<a)? href="([^"]+)"/g)].map((m) => decode(m[1] ?? ''));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href).toMatch(/^\/en\/(talks|podcasts|documents)\//);
    expect(decode(r.text)).toContain(`href="/en/talks/${GUICHET}?t=60"`);
  });

  it('facets: checkboxes with counts, the active ones checked, each facet counted without its own filter', async () => {
    const r = await site.fetch('/recherche?q=guichet&kind=talk');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe(`1 résultat pour «${NB}guichet${NB}»`);
    expect(checkbox(r.text, 'kind', 'talk')).toEqual({ checked: true, label: 'Conférence (1)' });
    // Adding podcasts would bring one more: the kind facet is not narrowed by its own filter.
    expect(checkbox(r.text, 'kind', 'podcast')).toEqual({ checked: false, label: 'Podcast (1)' });
    expect(checkbox(r.text, 'kind', 'document')).toEqual({ checked: false, label: 'Document (1)' });
    // Other facets count within the filter.
    expect(checkbox(r.text, 'theme', 'Accessibilité')).toEqual({ checked: false, label: 'Accessibilité (1)' });
    expect(checkbox(r.text, 'audioDescription', 'true')).toEqual({ checked: false, label: 'Audiodescription (1)' });
    expect(checkbox(r.text, 'signLanguage', 'true')).toEqual({ checked: false, label: 'Langue des signes (LSF) (1)' });
    // Every checkbox belongs to the search form, in a fieldset with a legend.
    expect(r.text).toMatch(/<fieldset class="facet">\s*<legend>Type<\/legend>/);
    expect([...r.text.matchAll(/<input type="checkbox"[^>]*>/g)].every((m) => m[0].includes('form="search-form"'))).toBe(true);
    // The active filter can be removed with one link.
    expect(decode(r.text)).toContain(`<a href="/recherche?q=guichet">Type${NB}: Conférence <span aria-hidden="true">×</span><span class="visually-hidden">(retirer ce filtre)</span></a>`);
  });

  it('facets from the address bar: several values of one facet, yes/no facets, themes with « & »', async () => {
    const r = await site.fetch(`/recherche?kind=talk&kind=podcast&captions=oui&theme=${encodeURIComponent('Médiation numérique')}`);
    expect(r.status).toBe(200);
    expect(resultIds(r.text)).toEqual([PODCAST, GUICHET]);
    expect(h1Of(r.text)).toBe('2 ressources correspondent aux filtres');
    expect(checkbox(r.text, 'kind', 'talk')?.checked).toBe(true);
    expect(checkbox(r.text, 'kind', 'podcast')?.checked).toBe(true);
    expect(checkbox(r.text, 'captions', 'true')).toEqual({ checked: true, label: 'Sous-titres (2)' });
    expect(checkbox(r.text, 'theme', 'Médiation numérique')?.checked).toBe(true);
    const amp = await site.fetch(`/recherche?theme=${encodeURIComponent('Communs & souveraineté')}`);
    expect(resultIds(amp.text)).toEqual([ENGLISH]);
    expect(checkbox(amp.text, 'theme', 'Communs & souveraineté')).toEqual({ checked: true, label: 'Communs & souveraineté (1)' });
  });

  it('browsing without words lists everything newest first, in pages with a navigation', async () => {
    const r = await site.fetch('/recherche');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe('26 ressources dans les archives');
    // Newest first (the podcast and the magazine share a day).
    const ids = resultIds(r.text);
    expect(new Set(ids.slice(0, 2))).toEqual(new Set([PODCAST, MAGAZINE]));
    expect(ids.slice(2, 4)).toEqual([GUICHET, ENGLISH]);
    expect(resultsOf(r.text)).toHaveLength(20);
    expect(r.text).toMatch(/<option value="date-desc" selected>/);
    expect(r.text).toMatch(/<nav class="pagination" aria-label="Pages de résultats">/);
    expect(decode(r.text)).toContain('<a href="/recherche?page=2" rel="next">Page suivante</a>');
    expect(r.text).toMatch(/<a href="\/recherche" aria-current="page"><span class="visually-hidden">Page <\/span>1<\/a>/);

    const second = await site.fetch('/recherche?page=2');
    expect(second.status).toBe(200);
    expect(titleOf(second.text)).toBe('26 ressources dans les archives — page 2 — Médiacommuns');
    expect(second.text).toMatch(/<p id="result-count" role="status"[^>]*>Résultats 21 à 26 sur 26<\/p>/);
    expect(resultsOf(second.text)).toHaveLength(6);
    expect(second.text).toContain('<ol class="results" start="21">');
    expect(decode(second.text)).toMatch(/<a href="\/recherche\?page=2" aria-current="page">/);
    expect(decode(second.text)).toContain('<a href="/recherche" rel="prev">Page précédente</a>');
  });

  it('sorting by date, oldest first, keeps the words and filters in its form', async () => {
    const r = await site.fetch('/recherche?kind=talk&kind=podcast&sort=date-asc');
    expect(r.status).toBe(200);
    expect(resultIds(r.text)).toEqual([ENGLISH, GUICHET, PODCAST]);
    expect(r.text).toMatch(/<option value="date-asc" selected>/);
    expect(r.text).toMatch(/<form class="search-sort"[^>]*>\s*<input type="hidden" name="kind" value="talk">\s*<input type="hidden" name="kind" value="podcast">/);
    // The chosen sort stays when the words change.
    expect(r.text).toMatch(/<form id="search-form"[\s\S]*?<input type="hidden" name="sort" value="date-asc">[\s\S]*?<\/form>/);
  });

  it('no results: a helpful message with ways out', async () => {
    const r = await site.fetch('/recherche?q=zzyzx&kind=talk');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe(`Aucun résultat pour «${NB}zzyzx${NB}»`);
    expect(resultsOf(r.text)).toHaveLength(0);
    expect(textOf(r.text)).toContain('Vérifiez l’orthographe des mots.');
    expect(decode(r.text)).toContain(`<a href="/recherche?q=zzyzx">Chercher «${NB}zzyzx${NB}» sans aucun filtre</a>`);
    expect(r.text).toContain('<a href="/recherche">Parcourir toutes les ressources</a>');
  });

  it('a bad filter value: status 400, the search page with each problem and a link without it', async () => {
    const r = await site.fetch('/recherche?q=guichet&kind=banane&year=deux');
    expect(r.status).toBe(400);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(h1Of(r.text)).toBe('Cette recherche contient une erreur');
    expect(r.text).toMatch(/<input id="q" name="q" type="search" value="guichet"/);
    const text = textOf(r.text);
    expect(text).toContain(`Type${NB}: «${NB}banane${NB}» n’est pas une valeur connue.`);
    expect(text).toContain(`Année${NB}: «${NB}deux${NB}» n’est pas une valeur connue.`);
    expect(decode(r.text)).toContain('<a href="/recherche?q=guichet&year=deux">Relancer sans cette valeur</a>');
    const en = await site.fetch('/en/search?sort=sideways');
    expect(en.status).toBe(400);
    expect(textOf(en.text)).toContain('Sort: “sideways” is not a known order');
  });

  it('unknown parameters are ignored (a shared link may carry a tracker’s)', async () => {
    const r = await site.fetch('/recherche?q=guichet&utm_source=lettre');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe(`3 résultats pour «${NB}guichet${NB}»`);
  });

  it('when the search engine is down: the search page answers 503, the home page still works', async () => {
    await site.meili.server.stop();
    // A search not asked before: one kept in the last seconds (page cache) would still be answered.
    const r = await site.fetch('/recherche?q=panne');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('30');
    expect(h1Of(r.text)).toBe('Service momentanément indisponible');
    expect((await site.fetch('/')).status).toBe(200);
  });
});
