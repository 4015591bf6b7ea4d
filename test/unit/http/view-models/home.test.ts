import { describe, expect, it } from 'vitest';
import { HOME_CARDS, homeJsonLd, homeModel, kindsText } from '../../../../src/http/view-models/home.js';
import { snapshotOf } from '../../../support/snapshot.js';
import { archive } from '../../../support/listing-archive.js';
import { manifestOf } from '../../../support/manifest-factory.js';

const NB = '\u00a0';

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
    const many = snapshotOf(Array.from({ length: HOME_CARDS + 3 }, (_, i) => manifestOf({ id: `t${i}` })));
    const home = homeModel(many, 'en');
    expect(home.latest?.cards).toHaveLength(HOME_CARDS);
    expect(home.latest?.more).toEqual({ href: '/en/editions/2025-strasbourg', text: 'See all 15 resources of the 2025 Strasbourg edition' });
    expect(homeModel(snapshotOf([]), 'fr')).toMatchObject({ latest: null, editions: [], themes: [] });
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
