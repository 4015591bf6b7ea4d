import { describe, expect, it } from 'vitest';
import { buildFilter, quoteFilterValue } from '../../src/adapters/search-index/meili-filter.js';
import { highlightLocally, highlightParts, matchedTerms, MATCH_END as E, MATCH_START as S, withoutMarkers } from '../../src/adapters/search-index/meili-highlight.js';
import { firstRequest, secondRequests } from '../../src/adapters/search-index/meili-search.js';
import { FRENCH_STOP_WORDS, ITEM_SETTINGS, SEGMENT_SETTINGS, settingsDiff, SYNONYM_GROUPS, synonymMap } from '../../src/adapters/search-index/meili-settings.js';
import type { IndexQuery } from '../../src/ports/search-index.js';

describe('filters', () => {
  it('quotes every value and escapes backslashes and quotes', () => {
    expect(quoteFilterValue('x" OR kind = "talk')).toBe('"x\\" OR kind = \\"talk"');
    expect(quoteFilterValue('a\\')).toBe('"a\\\\"');
    expect(quoteFilterValue(2025)).toBe('"2025"');
    expect(quoteFilterValue(true)).toBe('"true"');
  });

  it('ANDs clauses, ORs fields and values within one', () => {
    expect(buildFilter([])).toBeUndefined();
    expect(buildFilter([{ fields: ['kind'], values: ['talk'] }, { fields: ['themes'], values: ['A', 'B'] }, { fields: ['edition', 'editionSlug'], values: ['2025-strasbourg'] }]))
      .toBe('kind = "talk" AND themes IN ["A", "B"] AND (edition = "2025-strasbourg" OR editionSlug = "2025-strasbourg")');
  });

  it('refuses a field name that is not a plain identifier', () => {
    expect(() => buildFilter([{ fields: ['kind = "x" OR id' as 'kind'], values: ['a'] }])).toThrow(/invalid filter field/);
  });
});

describe('highlights', () => {
  it('splits marked text into parts and merges neighbours', () => {
    expect(highlightParts(`la ${S}fracture${E} ${S}numérique${E}${S}s${E} touche`)).toEqual([
      { text: 'la ', match: false }, { text: 'fracture', match: true }, { text: ' ', match: false }, { text: 'numériques', match: true }, { text: ' touche', match: false },
    ]);
    expect(highlightParts('')).toEqual([]);
  });

  it('learns the words Meilisearch matched (typos, synonyms) and marks them in other passages', () => {
    const terms = matchedTerms([highlightParts(`la ${S}médiation${E} et l’${S}intelligence${E} ${S}artificielle${E}`)], ['mediaton', 'IA']);
    expect([...terms].sort()).toEqual(['artificielle', 'ia', 'intelligence', 'mediation', 'mediaton']);
    expect(highlightLocally('Les MÉDIATIONS numériques et l’IA.', terms, 100)).toEqual([
      { text: 'Les ', match: false }, { text: 'MÉDIATIONS', match: true }, { text: ' numériques et l’', match: false }, { text: 'IA', match: true }, { text: '.', match: false },
    ]);
  });

  it('crops a long passage around its densest run of matches, at spaces', () => {
    const words = Array.from({ length: 60 }, (_, i) => (i === 40 || i === 43 ? 'médiation' : `mot${i}`));
    const parts = highlightLocally(words.join(' '), new Set(['mediation']), 60);
    const text = parts.map((p) => p.text).join('');
    expect(text).toMatch(/^…mot3\d( mot\d\d)* médiation mot41 mot42 médiation mot44( mot\d\d)*…$/);
    expect(text.length).toBeLessThanOrEqual(62);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['médiation', 'médiation']);
    expect(highlightLocally('court', new Set(['x']), 10)).toEqual([{ text: 'court', match: false }]);
    expect(highlightLocally('l’IA, la CNIL et l’iade', new Set(['ia']), 100).filter((p) => p.match).map((p) => p.text)).toEqual(['IA']);
  });

  it('removes the markers from indexed text so none can be forged', () => {
    expect(withoutMarkers(`a${S}b${E}c`)).toBe('abc');
  });
});

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

describe('the requests a search sends', () => {
  const query: IndexQuery = { q: 'fracture', filters: [{ fields: ['kind'], values: ['talk'] }], sort: 'date-desc', page: 2, hitsPerPage: 20, facets: ['kind'], passagesPerItem: 3 };

  it('asks the segments for one item each, paged, with facets and highlights', () => {
    expect(firstRequest(query)).toMatchObject({
      indexUid: 'segments', q: 'fracture', distinct: 'itemId', filter: 'kind = "talk"', sort: ['day:desc'], page: 2, hitsPerPage: 20, facets: ['kind'],
      highlightPreTag: S, highlightPostTag: E,
    });
  });

  it('lists items newest first when there is no query', () => {
    expect(firstRequest({ ...query, q: '', sort: 'relevance' })).toMatchObject({ indexUid: 'items', q: '', sort: ['day:desc'] });
  });

  it('then fetches only the page’s items and their passages, ids quoted', () => {
    const [items, passages] = secondRequests(query, ['a', 'b"c']);
    expect(items).toEqual({ indexUid: 'items', q: '', filter: 'id IN ["a", "b\\"c"]', limit: 2 });
    expect(passages).toMatchObject({ indexUid: 'segments', q: 'fracture', filter: 'itemId IN ["a", "b\\"c"]', limit: 10 });
    expect(secondRequests({ ...query, passagesPerItem: 0 }, ['a'])).toHaveLength(1);
  });
});
