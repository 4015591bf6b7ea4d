import { describe, expect, it } from 'vitest';
import { FRENCH_STOP_WORDS, ITEM_SETTINGS, SEGMENT_SETTINGS, settingsDiff, SYNONYM_GROUPS, synonymMap } from '../../../../src/adapters/search-index/meili-settings.js';

describe('settings', () => {
  it('uses no stop word inside a synonym: Meilisearch could not match such a synonym', () => {
    const stop = new Set(FRENCH_STOP_WORDS);
    for (const group of SYNONYM_GROUPS) for (const term of group) {
      for (const word of term.split(/[\s'’-]+/)) expect(stop.has(word), `${term}: ${word}`).toBe(false);
    }
  });

  it('makes every synonym group multi-way', () => {
    const map = synonymMap([['ia', 'intelligence artificielle'], ['nec', 'numérique en commun', 'numérique en communs']]);
    expect(map).toEqual({
      ia: ['intelligence artificielle'], 'intelligence artificielle': ['ia'],
      nec: ['numérique en commun', 'numérique en communs'], 'numérique en commun': ['nec', 'numérique en communs'], 'numérique en communs': ['nec', 'numérique en commun'],
    });
  });

  it('compares with the server’s settings: sets as sets, our keys only, Unicode forms alike', () => {
    const server = {
      ...SEGMENT_SETTINGS,
      filterableAttributes: [...SEGMENT_SETTINGS.filterableAttributes].reverse(),
      stopWords: FRENCH_STOP_WORDS.map((w) => w.normalize('NFD')),
      typoTolerance: { ...SEGMENT_SETTINGS.typoTolerance, disableOnWords: [], disableOnAttributes: [] },
      embedders: {},
    };
    expect(settingsDiff(SEGMENT_SETTINGS, server)).toEqual([]);
    expect(settingsDiff(SEGMENT_SETTINGS, { ...server, searchableAttributes: ['text', 'title', 'people', 'topics'] })).toEqual(['searchableAttributes']);
    expect(settingsDiff(ITEM_SETTINGS, { ...server, synonyms: { ia: ['intelligence artificielle'] } })).toContain('synonyms');
  });
});
