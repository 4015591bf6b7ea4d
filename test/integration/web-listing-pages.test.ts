import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cuesOf } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

/**
 * Editions, edition, speaker and theme pages, the accessibility statement and the licences
 * page, over a real store and Meilisearch, in both languages, with hostile names.
 */
const EVIL = '<script>alert("x")</script>';
const NB = '\u00a0';

const decode = (html: string): string =>
  html.replace(/&#x3D;/g, '=').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const textOf = (html: string): string => decode(html.replace(/<[^>]+>/g, '')).replace(/[ \t\r\n]+/g, ' ').trim();
const h1Of = (html: string): string => textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
const headings = (html: string, level: number): string[] => [...html.matchAll(new RegExp(`<h${level}[^>]*>([\\s\\S]*?)</h${level}>`, 'g'))].map((m) => textOf(m[1] ?? ''));
const cardLinks = (html: string): string[] => [...html.matchAll(/item-card__title"><a href="([^"]+)"/g)].map((m) => m[1] ?? '');

describe('listing pages', () => {
  let site: TestWeb;

  beforeAll(async () => {
    site = await startTestWeb([
      {
        id: '2025-strasbourg-ia', kind: 'talk', title: 'Médiation numérique et IA', date: '2025-10-29',
        themes: ['Données & IA', `Thème ${EVIL}`], speakers: [{ name: 'Claire Vasseur', organisation: 'Passerelles' }],
        transcripts: [{ cues: cuesOf(['Bonjour.', 'Merci.']) }], licence: 'CC-BY-SA-4.0',
      },
      {
        id: '2025-strasbourg-table-ronde', kind: 'round-table', title: 'Les communs, une question de souveraineté ?', date: '2025-10-30',
        themes: ['Communs & souveraineté'], speakers: [{ name: 'Claire Vasseur', organisation: 'Coopérative' }, { name: `Paul ${EVIL}`, organisation: `Org ${EVIL}` }],
        licence: 'CC-BY-NC-SA-4.0', transcripts: [{ source: 'speech-to-text', cues: cuesOf(['Bonjour.']) }],
      },
      { id: '2025-strasbourg-podcast', kind: 'podcast', title: 'Paroles de médiatrices', date: '2025-10-30', themes: ['Données & IA'], licence: 'CC0-1.0' },
      { id: '2025-strasbourg-magazine', kind: 'document', title: 'Le magazine', date: '2025-10-30', licence: 'Etalab-2.0', pages: ['Une page.'] },
      { id: '2023-marseille-atelier', kind: 'workshop', title: 'Digital commons workshop', language: 'en', edition: '2023 Marseille', date: '2023-11-10', licence: 'CC-BY-SA-4.0' },
    ]);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('editions: every edition newest first with its counts, in both languages', async () => {
    const r = await site.fetch('/editions');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe('Éditions');
    expect(headings(r.text, 2)).toEqual(['2025 Strasbourg', '2023 Marseille']);
    expect(textOf(r.text)).toContain(`4 ressources${NB}: 1 conférence, 1 table ronde, 1 podcast et 1 document`);
    expect(r.text).toContain('<a href="/editions/2023-marseille">2023 Marseille</a>');
    const en = await site.fetch('/en/editions');
    expect(en.status).toBe(200);
    expect(textOf(en.text)).toContain('4 resources: 1 talk, 1 round table, 1 podcast and 1 document');
    expect(en.text).toContain('<a href="/en/editions/2025-strasbourg">2025 Strasbourg</a>');
  });

  it('edition: items grouped by kind with counts, a search of the edition, its podcast feed', async () => {
    const r = await site.fetch('/editions/2025-strasbourg');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe('Numérique en Commun[s] 2025 Strasbourg');
    expect(headings(r.text, 2)).toEqual(['Dans cette édition', 'Conférences (1 conférence)', 'Tables rondes (1 table ronde)', 'Podcasts (1 podcast)', 'Documents (1 document)']);
    expect(r.text).toContain('<section id="kind-round-table"');
    expect(r.text).toContain('<a href="#kind-podcast">Podcasts</a>');
    expect(cardLinks(r.text)).toEqual(['/talks/2025-strasbourg-ia', '/talks/2025-strasbourg-table-ronde', '/podcasts/2025-strasbourg-podcast', '/documents/2025-strasbourg-magazine']);
    expect(r.text).toContain('<a href="/feeds/editions/2025-strasbourg/podcasts.xml" type="application/rss+xml">Flux RSS des podcasts de l’édition 2025 Strasbourg</a>');
    expect(r.text).toMatch(/<link rel="alternate" type="application\/rss\+xml" href="\/feeds\/editions\/2025-strasbourg\/podcasts.xml"/);
    expect(decode(r.text)).toContain('<a href="/recherche?edition=2025+Strasbourg">Chercher dans cette édition</a>');
    // The breadcrumb: home, editions, this edition.
    expect(r.text).toMatch(/<nav class="breadcrumb"[\s\S]*?<a href="\/">Accueil<\/a>[\s\S]*?<a href="\/editions">Éditions<\/a>[\s\S]*?aria-current="page">2025 Strasbourg<\/a>/);
    const marseille = await site.fetch('/en/editions/2023-marseille');
    expect(marseille.status).toBe(200);
    expect(marseille.text).not.toContain('podcasts.xml" type');
    expect(marseille.text).toContain('<a href="/en/talks/2023-marseille-atelier">Digital commons workshop</a>');
    expect((await site.fetch('/editions/2019-nulle-part')).status).toBe(404);
    expect((await site.fetch('/en/editions/2019-nulle-part')).status).toBe(404);
  });

  it('speaker: name, organisations, items and a search of their words; `<script>` in names is text', async () => {
    const r = await site.fetch('/intervenants/claire-vasseur');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe('Claire Vasseur');
    expect(textOf(r.text)).toContain(`Organisations${NB}: Coopérative, Passerelles`);
    expect(cardLinks(r.text)).toEqual(['/talks/2025-strasbourg-table-ronde', '/talks/2025-strasbourg-ia']);
    expect(decode(r.text)).toContain('<a href="/recherche?speaker=Claire+Vasseur">');
    expect(r.text).toContain('"@type":"Person"');
    const evil = await site.fetch('/en/speakers/paul-script-alert-x-script');
    expect(evil.status).toBe(200);
    expect(evil.text).not.toContain('<script>alert');
    expect(h1Of(evil.text)).toBe(`Paul ${EVIL}`);
    expect(textOf(evil.text)).toContain(`Organisation: Org ${EVIL}`);
    expect((await site.fetch('/intervenants/personne')).status).toBe(404);
  });

  it('theme: name, items and a link to the search filtered by it; unknown → 404', async () => {
    const r = await site.fetch('/themes/donnees-ia');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe('Données & IA');
    expect(decode(r.text)).toContain(`<title>Thème${NB}: Données & IA — Médiacommuns</title>`);
    expect(cardLinks(r.text)).toEqual(['/podcasts/2025-strasbourg-podcast', '/talks/2025-strasbourg-ia']);
    expect(decode(r.text)).toContain('<a href="/recherche?theme=Donn%C3%A9es+%26+IA">');
    const en = await site.fetch('/en/themes/donnees-ia');
    expect(en.status).toBe(200);
    expect(decode(en.text)).toContain('<a href="/en/search?theme=Donn%C3%A9es+%26+IA">Search the resources of the theme “Données & IA”, with filters</a>');
    const evil = await site.fetch('/themes/theme-script-alert-x-script');
    expect(evil.status).toBe(200);
    expect(evil.text).not.toContain('<script>alert');
    expect((await site.fetch('/themes/inconnu')).status).toBe(404);
    expect((await site.fetch('/en/themes/inconnu')).status).toBe(404);
  });

  it('accessibility statement: the RGAA structure, a truthful status, figures from the archive, the recourse', async () => {
    const r = await site.fetch('/accessibilite');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe('Déclaration d’accessibilité');
    expect(headings(r.text, 2)).toEqual([
      'État de conformité', 'Résultats des tests', 'Réglages personnels et raccourcis clavier', 'Contenus non accessibles',
      'Établissement de cette déclaration d’accessibilité', 'Mesure d’audience', 'Retour d’information et contact', 'Voies de recours',
    ]);
    const text = textOf(r.text);
    expect(text).toContain('Ce site est non conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.');
    expect(text).toContain('Aucun audit de conformité au RGAA n’a encore été réalisé');
    expect(text).toContain('1 enregistrement sur 4 n’a qu’une transcription automatique');
    expect(text).toContain('2 enregistrements sur 4 n’ont ni sous-titres ni transcription.');
    expect(r.text).toContain('<time datetime="2026-11-29">29 novembre 2026</time>');
    expect(r.text).toContain('href="https://formulaire.defenseurdesdroits.fr/"');
    expect(r.text).toContain('Défenseur des droits<br>Libre réponse 71120<br>75342 Paris CEDEX 07');
    expect(r.text).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/">/);
    const en = await site.fetch('/en/accessibility');
    expect(en.status).toBe(200);
    expect(h1Of(en.text)).toBe('Accessibility statement');
    expect(en.text).toContain('<time datetime="2026-11-29">29 November 2026</time>');
    expect(textOf(en.text)).toContain('This website is not compliant with the French accessibility framework RGAA');
  });

  it('licences: every licence with its terms, counts and a filtered search, a real credit line, the ways to reuse', async () => {
    const r = await site.fetch('/licences');
    expect(r.status).toBe(200);
    expect(h1Of(r.text)).toBe('Licences et réutilisation');
    expect(headings(r.text, 3)).toEqual([
      'Creative Commons Attribution 4.0 International',
      'Creative Commons Attribution – Partage dans les mêmes conditions 4.0 International',
      "Creative Commons Attribution – Pas d'utilisation commerciale – Partage dans les mêmes conditions 4.0 International",
      'Creative Commons Zero 1.0 Universel (domaine public)',
      'Licence Ouverte / Open Licence version 2.0 (Etalab)',
    ]);
    expect(decode(r.text)).toContain('<a href="/recherche?licence=CC-BY-SA-4.0">Voir les ressources sous CC BY-SA 4.0</a> <span class="meta">(2 ressources)</span>');
    expect(r.text).toContain('<span class="meta">0 ressource</span>');
    expect(r.text).toContain('<a href="https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr" rel="license">');
    expect(textOf(r.text)).toContain('L’usage commercial n’est pas autorisé.');
    expect(textOf(r.text)).toMatch(/«\u00a0Le magazine\u00a0», Numérique en Commun\[s\] 2025 Strasbourg, http:\/\/127\.0\.0\.1:\d+\/documents\/2025-strasbourg-magazine, Licence Ouverte 2\.0/);
    expect(r.text).toContain('<a href="/api/items" type="application/json">');
    expect(r.text).toContain('<a href="/feeds/podcasts.xml" type="application/rss+xml">');
    const en = await site.fetch('/en/licences');
    expect(en.status).toBe(200);
    expect(headings(en.text, 3)).toContain('Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International');
    expect(decode(en.text)).toContain('<a href="/en/search?licence=CC0-1.0">See the resources under CC0 (public domain)</a>');
  });

  it('every listing page has one h1, the layout’s landmarks and its language', async () => {
    for (const path of ['/editions', '/editions/2025-strasbourg', '/intervenants/claire-vasseur', '/themes/donnees-ia', '/accessibilite', '/licences',
      '/en/editions', '/en/editions/2025-strasbourg', '/en/speakers/claire-vasseur', '/en/themes/donnees-ia', '/en/accessibility', '/en/licences']) {
      const r = await site.fetch(path);
      expect(r.status, path).toBe(200);
      expect(r.text.match(/<h1[ >]/g), path).toHaveLength(1);
      expect(r.text, path).toMatch(path.startsWith('/en/') ? /<html lang="en"/ : /<html lang="fr"/);
      expect(r.text, path).toMatch(/<main id="contenu"/);
      expect(r.text, path).not.toContain('<script>alert');
    }
  });
});
