import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/services/catalogue/catalogue.js';
import { accessibilityModel } from '../../src/http/view-models/accessibility-page.js';
import { HOME_CARDS, homeJsonLd, homeModel, kindsText } from '../../src/http/view-models/home.js';
import { licencesModel } from '../../src/http/view-models/licences-page.js';
import { editionFeedPath, editionModel, editionsModel, speakerJsonLd, speakerModel, themeModel } from '../../src/http/view-models/listings.js';
import { manifestOf } from '../support/manifest-factory.js';

const NB = '\u00a0';

const archive = buildSnapshot([
  manifestOf({ id: 'talk-a', kind: 'talk', date: '2025-10-29', themes: ['Accessibilité'], speakers: [{ name: 'Claire Vasseur', organisation: 'Passerelles' }], accessibility: { transcript: 'reviewed', captions: true, audioDescription: true } }),
  manifestOf({ id: 'talk-b', kind: 'talk', date: '2025-10-30', themes: ['Accessibilité', 'Données & IA'], accessibility: { transcript: 'automatic', captions: true }, licence: 'CC0-1.0' }),
  manifestOf({ id: 'pod', kind: 'podcast', date: '2025-10-30', speakers: [{ name: 'Claire Vasseur', organisation: 'Radio' }], licence: 'CC-BY-4.0' }),
  manifestOf({ id: 'mag', kind: 'document', date: '2025-10-30', licence: 'Etalab-2.0' }),
  manifestOf({ id: 'old', kind: 'workshop', edition: '2023 Marseille', date: '2023-11-10', accessibility: { transcript: 'reviewed', signLanguage: true } }),
]);

describe('home', () => {
  it('shows the latest edition newest first, every edition with its counts and every theme', () => {
    const home = homeModel(archive, 'fr');
    expect(home.latest?.heading).toBe(`Dernière édition${NB}: 2025 Strasbourg`);
    expect(home.latest?.href).toBe('/editions/2025-strasbourg');
    expect(home.latest?.cards.map((c) => c.id)).toEqual(['mag', 'pod', 'talk-b', 'talk-a']);
    expect(home.latest?.more).toBeNull();
    expect(home.editions.map((e) => [e.label, e.countText, e.summary])).toEqual([
      ['2025 Strasbourg', '4 ressources', `4 ressources${NB}: 2 conférences, 1 podcast et 1 document`],
      ['2023 Marseille', '1 ressource', `1 ressource${NB}: 1 atelier`],
    ]);
    expect(home.themes).toEqual([
      { name: 'Accessibilité', href: '/themes/accessibilite', countText: '2 ressources' },
      { name: 'Données & IA', href: '/themes/donnees-ia', countText: '1 ressource' },
    ]);
    expect(home.summary).toBe('5 ressources dans 2 éditions');
  });

  it('shows at most a dozen cards and a link to the rest; an empty archive has no latest edition', () => {
    const many = buildSnapshot(Array.from({ length: HOME_CARDS + 3 }, (_, i) => manifestOf({ id: `t${i}` })));
    const home = homeModel(many, 'en');
    expect(home.latest?.cards).toHaveLength(HOME_CARDS);
    expect(home.latest?.more).toEqual({ href: '/en/editions/2025-strasbourg', text: 'See all 15 resources of the 2025 Strasbourg edition' });
    expect(homeModel(buildSnapshot([]), 'fr')).toMatchObject({ latest: null, editions: [], themes: [] });
  });

  it('describes the site and its search for search engines', () => {
    expect(homeJsonLd('https://archives.example.org', 'en')).toMatchObject({
      '@type': 'WebSite',
      url: 'https://archives.example.org/en/',
      potentialAction: { target: { urlTemplate: 'https://archives.example.org/en/search?q={search_term_string}' } },
    });
  });

  it('counts kinds in their usual order, in each language', () => {
    expect(kindsText(archive.items, 'en')).toBe('2 talks, 1 workshop, 1 podcast and 1 document');
    expect(kindsText([], 'fr')).toBe('');
  });
});

describe('editions, speakers, themes', () => {
  it('lists editions newest first', () => {
    const model = editionsModel(archive, 'en');
    expect(model.editions.map((e) => [e.label, e.href])).toEqual([['2025 Strasbourg', '/en/editions/2025-strasbourg'], ['2023 Marseille', '/en/editions/2023-marseille']]);
    expect(model.lede).toBe('The archive covers 2 editions of the Numérique en Commun[s] conference, newest first.');
  });

  it('groups an edition by kind, links its podcast feed and a search filtered by the edition', () => {
    const strasbourg = archive.editions[0];
    if (!strasbourg) throw new Error('no edition');
    const model = editionModel(strasbourg, 'fr');
    expect(model.heading).toBe('Numérique en Commun[s] 2025 Strasbourg');
    expect(model.lede).toBe('4 ressources enregistrées à Strasbourg en 2025.');
    expect(model.groups.map((g) => [g.id, g.heading, g.countText, g.cards.map((c) => c.id)])).toEqual([
      ['kind-talk', 'Conférences', '2 conférences', ['talk-b', 'talk-a']],
      ['kind-podcast', 'Podcasts', '1 podcast', ['pod']],
      ['kind-document', 'Documents', '1 document', ['mag']],
    ]);
    expect(model.feed).toEqual({ href: '/feeds/editions/2025-strasbourg/podcasts.xml', text: 'Flux RSS des podcasts de l’édition 2025 Strasbourg' });
    expect(model.searchHref).toBe('/recherche?edition=2025+Strasbourg');
    const marseille = archive.editions[1];
    if (!marseille) throw new Error('no edition');
    expect(editionModel(marseille, 'fr').feed).toBeNull();
    expect(editionFeedPath('a b')).toBe('/feeds/editions/a%20b/podcasts.xml');
  });

  it('gives a speaker’s organisations, items and a search of their words', () => {
    const speaker = archive.speakers.get('claire-vasseur');
    if (!speaker) throw new Error('no speaker');
    const model = speakerModel(speaker, 'fr');
    expect(model).toMatchObject({ name: 'Claire Vasseur', organisations: ['Radio', 'Passerelles'], lede: '2 ressources dans les archives.', searchHref: '/recherche?speaker=Claire+Vasseur' });
    expect(model.cards.map((c) => c.id)).toEqual(['pod', 'talk-a']);
    expect(speakerJsonLd(speaker, 'https://x.org/intervenants/claire-vasseur')).toEqual({
      '@context': 'https://schema.org', '@type': 'Person', name: 'Claire Vasseur', url: 'https://x.org/intervenants/claire-vasseur',
      affiliation: [{ '@type': 'Organization', name: 'Radio' }, { '@type': 'Organization', name: 'Passerelles' }],
    });
  });

  it('gives a theme its items and a filtered search', () => {
    const theme = archive.themes.find((t) => t.slug === 'accessibilite');
    if (!theme) throw new Error('no theme');
    const model = themeModel(theme, 'en');
    expect(model).toMatchObject({ name: 'Accessibilité', lede: '2 resources on this theme: 2 talks.', searchHref: '/en/search?theme=Accessibilit%C3%A9' });
  });
});

describe('licences and accessibility pages', () => {
  it('describes every licence with its terms, counts and a filtered search, and credits a real resource', () => {
    const model = licencesModel(archive, 'fr', 'https://x.org');
    expect(model.licences.map((l) => [l.id, l.countText, l.searchHref])).toEqual([
      ['CC-BY-4.0', '1 ressource', '/recherche?licence=CC-BY-4.0'],
      ['CC-BY-SA-4.0', '2 ressources', '/recherche?licence=CC-BY-SA-4.0'],
      ['CC-BY-NC-SA-4.0', '0 ressource', null],
      ['CC0-1.0', '1 ressource', '/recherche?licence=CC0-1.0'],
      ['Etalab-2.0', '1 ressource', '/recherche?licence=Etalab-2.0'],
    ]);
    const nc = model.licences.find((l) => l.id === 'CC-BY-NC-SA-4.0');
    expect(nc?.terms).toContain('L’usage commercial n’est pas autorisé.');
    expect(nc?.terms).toContain('Si vous adaptez la ressource, publiez votre adaptation sous la même licence.');
    expect(model.licences.find((l) => l.id === 'CC0-1.0')?.terms.join(' ')).toContain('Aucune attribution n’est exigée');
    expect(model.licences.find((l) => l.id === 'Etalab-2.0')?.deedUrl).toBe('https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
    // The newest resource asking for credit (CC0 asks none).
    expect(model.example?.title).toBe('Title of mag');
    expect(model.example?.text).toContain('https://x.org/documents/mag');
    expect(licencesModel(buildSnapshot([]), 'en', 'https://x.org').example).toBeNull();
  });

  it('counts what is not accessible from the archive itself', () => {
    expect(accessibilityModel(archive, 'fr').gaps).toEqual([
      '1 enregistrement sur 4 n’a qu’une transcription automatique : ses sous-titres et sa transcription peuvent contenir des erreurs (mots mal reconnus, noms propres).'.replace(' :', `${NB}:`),
      '1 enregistrement sur 4 n’a ni sous-titres ni transcription.',
      '2 vidéos sur 3 n’ont pas d’audiodescription : ce qui n’est que montré (diapositives, gestes) peut échapper aux personnes aveugles ou malvoyantes.'.replace(' :', `${NB}:`),
      '2 vidéos sur 3 n’ont pas d’interprétation en langue des signes française (LSF).',
      expect.stringContaining('Le document PDF publié l’est tel qu’il a été fourni'),
    ]);
    expect(accessibilityModel(buildSnapshot([]), 'en').gaps).toEqual([]);
  });
});
