import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../src/services/search/search-service.js';
import { languageLabel } from '../../../../src/domain/language.js';
import { activeFiltersOf, facetGroupsOf } from '../../../../src/http/view-models/facets.js';

const NB = '\u00a0';

describe('facets', () => {
  const facets: SearchResult['facets'] = {
    kind: { podcast: 2, talk: 5, document: 1 },
    theme: { Accessibilité: 2, 'Communs & souveraineté': 4 },
    captions: { true: 3, false: 5 },
    easyRead: { false: 8 },
    language: { fr: 7, en: 1 },
    licence: { 'CC0-1.0': 1, 'CC-BY-4.0': 2 },
    year: { '2024': 3, '2025': 5 },
    transcript: { none: 1, reviewed: 4 },
  };

  it('groups values in fieldsets with human labels, counts and the checked ones', () => {
    const groups = facetGroupsOf(facets, { kind: ['talk'] }, 'fr');
    expect(groups.map((g) => g.legend)).toEqual(['Type', 'Thème', 'Accessibilité', 'Transcription', 'Année', 'Langue', 'Licence']);
    const kind = groups[0];
    expect(kind?.options.map((o) => [o.label, o.count, o.checked])).toEqual([['Conférence', 5, true], ['Podcast', 2, false], ['Document', 1, false]]);
    // A yes/no facet offers "yes" only, and only when something has it.
    expect(groups[2]?.options.map((o) => [o.name, o.value, o.label])).toEqual([['captions', 'true', 'Sous-titres']]);
    expect(groups.find((g) => g.id === 'year')?.options.map((o) => o.value)).toEqual(['2025', '2024']);
    expect(groups.find((g) => g.id === 'language')?.options.map((o) => o.label)).toEqual(['Français', 'Anglais']);
    expect(groups.find((g) => g.id === 'licence')?.options.map((o) => o.label)).toEqual(['CC BY 4.0', 'CC0 (domaine public)']);
    expect(groups.find((g) => g.id === 'transcript')?.options.map((o) => o.label)).toEqual(['Relue', 'Aucune']);
    expect(new Set(groups.flatMap((g) => g.options.map((o) => o.id))).size).toBe(groups.flatMap((g) => g.options).length);
  });

  it('keeps an active value the index no longer counts, checked, so it can be unchecked', () => {
    const groups = facetGroupsOf({}, { theme: ['Disparu'], captions: ['false'] }, 'en');
    expect(groups.map((g) => [g.legend, g.options.map((o) => [o.label, o.count, o.checked])])).toEqual([
      ['Theme', [['Disparu', 0, true]]],
      ['Accessibility', [['Captions: no', 0, true]]],
    ]);
  });

  it('puts the values of a long list beyond the first eight in « more », except checked ones', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Thème ${i}`, 20 - i]));
    const [theme] = facetGroupsOf({ theme: many }, { theme: ['Thème 11'] }, 'fr');
    expect(theme?.options.map((o) => o.value)).toEqual(['Thème 0', 'Thème 1', 'Thème 2', 'Thème 3', 'Thème 4', 'Thème 5', 'Thème 6', 'Thème 7', 'Thème 11']);
    expect(theme?.more.map((o) => o.value)).toEqual(['Thème 8', 'Thème 9', 'Thème 10']);
    expect(theme?.moreLabel).toBe('Afficher 3 autres choix');
  });

  it('names active filters with their facet and links each to the search without it', () => {
    const active = activeFiltersOf({ kind: ['talk'], signLanguage: ['true'] }, 'fr', (name, value) => `/without/${name}/${value}`);
    expect(active).toEqual([
      { name: 'kind', value: 'talk', text: `Type${NB}: Conférence`, href: '/without/kind/talk' },
      { name: 'signLanguage', value: 'true', text: 'Langue des signes (LSF)', href: '/without/signLanguage/true' },
    ]);
  });

  it('names languages in the page language, and keeps unknown tags as they are', () => {
    expect(languageLabel('en', 'fr')).toBe('Anglais');
    expect(languageLabel('fr', 'en')).toBe('French');
    expect(languageLabel('qqq', 'fr')).toBe('qqq');
  });
});
