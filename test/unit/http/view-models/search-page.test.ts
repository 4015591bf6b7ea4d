import { describe, expect, it } from 'vitest';
import { parseSearchRequest, SearchRequestError, type SearchProblem } from '../../../../src/services/search/search-request.js';
import type { SearchResult } from '../../../../src/services/search/search-service.js';
import {
  invalidSearchModel, readSearchState, searchHref, searchPageModel, searchProblemsOf, searchRequestOf, type SearchState,
} from '../../../../src/http/view-models/search-page.js';
import { manifestOf, postersOf } from '../../../support/manifest-factory.js';

const NB = '\u00a0';
const state = (partial: Partial<SearchState> = {}): SearchState => ({ q: '', sort: null, page: null, filters: {}, ...partial });

function resultOf(partial: Partial<SearchResult> = {}): SearchResult {
  return {
    query: '', total: 0, items: [], facets: {}, page: 1, pageCount: 0, hitsPerPage: 20, sort: 'relevance', filters: {}, limited: null, ...partial,
  };
}

describe('readSearchState', () => {
  it('reads words, sort, page and facets (names in any case, repeated values merged), and ignores other parameters', () => {
    const read = readSearchState({ q: ' guichet ', sort: 'date-asc', page: '2', Kind: ['talk', 'podcast'], theme: 'Accessibilité', utm_source: 'x', kind: 'talk' });
    expect(read).toEqual({ q: 'guichet', sort: 'date-asc', page: '2', filters: { kind: ['talk', 'podcast'], theme: ['Accessibilité'] } });
  });

  it('takes strings out of nested query objects and drops empty values', () => {
    expect(readSearchState({ theme: { a: 'A', b: ['B', ''] }, year: '', q: ['a', 'b'] })).toEqual({ q: 'a b', sort: null, page: null, filters: { theme: ['A', 'B'] } });
  });

  it('browses newest first without words, and by relevance with words', () => {
    expect(searchRequestOf(state()).sort).toBe('date-desc');
    expect(searchRequestOf(state({ q: 'x' })).sort).toBeNull();
    expect(searchRequestOf(state({ q: 'x', sort: 'date-asc' })).sort).toBe('date-asc');
  });

  it('builds links in a stable order, leaving out page 1 and empty values', () => {
    const s = state({ q: 'guichet', filters: { theme: ['Données & IA'], kind: ['talk'] }, sort: 'date-asc', page: '3' });
    expect(searchHref('fr', s)).toBe('/recherche?q=guichet&theme=Donn%C3%A9es+%26+IA&kind=talk&sort=date-asc&page=3');
    expect(searchHref('en', s, 1)).toBe('/en/search?q=guichet&theme=Donn%C3%A9es+%26+IA&kind=talk&sort=date-asc');
  });
});

describe('searchPageModel', () => {
  const talk = manifestOf({ id: 'guichet', title: 'Le guichet', images: { posters: postersOf('guichet') } });
  const hit = {
    id: 'guichet', title: 'Le guichet', kind: 'talk' as const, titleParts: [{ text: 'Le ', match: false }, { text: 'guichet', match: true }],
    edition: '2025 Strasbourg', date: '2025-10-29', duration: 754, pages: null, speakers: [], themes: [], language: 'fr', licence: 'CC-BY-SA-4.0', poster: null,
    passages: [
      { start: 754.6, end: 758, passageStart: 741.2, passageEnd: 780, page: null, text: 'au guichet', source: 'captions-reviewed' as const, language: 'fr', snippet: [{ text: 'au ', match: false }, { text: 'guichet', match: true }] },
      { start: null, end: null, passageStart: null, passageEnd: null, page: 3, text: 'guichet', source: 'pdf' as const, language: 'en', snippet: [{ text: 'guichet', match: true }] },
    ],
  };

  it('puts the count and the words in the heading, the range in the status, passages with timecodes and sources', () => {
    const result = resultOf({ query: 'guichet', total: 12, items: [hit], page: 1, pageCount: 1, filters: { kind: ['talk'] }, facets: { kind: { talk: 12 } } });
    const model = searchPageModel({ state: state({ q: 'guichet', filters: { kind: ['talk'] } }), result, locale: 'fr', manifestOf: (id) => (id === 'guichet' ? talk : undefined) });
    expect(model.heading).toBe(`12 résultats pour «${NB}guichet${NB}»`);
    expect(model.title).toBe(model.heading);
    expect(model.status).toBe('Résultats 1 à 1 sur 12');
    expect(model.results[0]?.card.picture).not.toBeNull();
    expect(model.results[0]?.card.titleParts).toEqual(hit.titleParts);
    expect(model.results[0]?.passages).toEqual([
      { href: '/talks/guichet?t=754', time: '12:34', iso: 'PT12M34S', pageText: null, context: `dans «${NB}Le guichet${NB}»`, source: 'sous-titres relus', snippet: hit.passages[0]?.snippet, lang: null },
      { href: '/talks/guichet', time: null, iso: null, pageText: 'page 3', context: `dans «${NB}Le guichet${NB}»`, source: 'PDF', snippet: hit.passages[1]?.snippet, lang: 'en' },
    ]);
    expect(model.active).toEqual([{ name: 'kind', value: 'talk', text: `Type${NB}: Conférence`, href: '/recherche?q=guichet' }]);
    expect(model.keep).toEqual({ sort: null, filters: [{ name: 'kind', value: 'talk' }] });
    expect(model.empty).toBeNull();
    // Every result of the same search as CSV, in the order shown, the bound said in the link.
    expect(model.download).toEqual({ href: '/api/search?q=guichet&kind=talk&sort=relevance&lang=fr&format=csv', text: 'Télécharger ces résultats (CSV, 1\u202f000 contenus au plus)' });
  });

  it('in English: item and passage links under /en/, a card from the hit alone when the catalogue lacks the item', () => {
    const result = resultOf({ query: 'guichet', total: 1, items: [hit], pageCount: 1 });
    const model = searchPageModel({ state: state({ q: 'guichet' }), result, locale: 'en', manifestOf: () => undefined });
    expect(model.heading).toBe('1 result for “guichet”');
    expect(model.status).toBe('Result 1 of 1');
    expect(model.results[0]?.card).toMatchObject({ href: '/en/talks/guichet', picture: null, edition: null, lang: 'fr' });
    expect(model.results[0]?.passages.map((p) => p.href)).toEqual(['/en/talks/guichet?t=754', '/en/talks/guichet']);
  });

  it('browsing says how many resources there are; a later page says so in the title and numbers results from there', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ ...hit, id: `x${i}`, passages: [] }));
    const model = searchPageModel({ state: state({ page: '2' }), result: resultOf({ total: 45, items, page: 2, pageCount: 3, sort: 'date-desc' }), locale: 'fr', manifestOf: () => undefined });
    expect(model.heading).toBe('45 ressources dans les archives');
    expect(model.title).toBe('45 ressources dans les archives — page 2');
    expect(model.status).toBe('Résultats 21 à 40 sur 45');
    expect(model.resultsStart).toBe(21);
    expect(model.sortOptions.find((o) => o.selected)?.value).toBe('date-desc');
    expect(model.pagination?.pages.find((p) => p.current)?.pageNumber).toBe(2);
    expect(model.pagination?.next?.href).toBe('/recherche?page=3');
    expect(model.pagination?.prev?.href).toBe('/recherche');
    expect(model.download?.href).toBe('/api/search?sort=date-desc&lang=fr&format=csv');
  });

  it('with no results, offers ways out: spelling, fewer words, without the filters, browse everything', () => {
    const result = resultOf({ query: 'zzz', filters: { kind: ['talk'], year: ['2024'] } });
    const model = searchPageModel({ state: state({ q: 'zzz' }), result, locale: 'fr', manifestOf: () => undefined });
    expect(model.heading).toBe(`Aucun résultat pour «${NB}zzz${NB}»`);
    expect(model.empty?.tips).toHaveLength(2);
    expect(model.empty?.removals.map((r) => r.href)).toEqual(['/recherche?q=zzz&year=2024', '/recherche?q=zzz&kind=talk']);
    expect(model.empty?.withoutFiltersHref).toBe('/recherche?q=zzz');
    expect(model.empty?.browseHref).toBe('/recherche');
    expect(model.download).toBeNull();
  });

  it('cuts very long words short in the heading, not in the search box', () => {
    const q = 'mot '.repeat(60).trim();
    const model = searchPageModel({ state: state({ q }), result: resultOf({ query: q }), locale: 'en', manifestOf: () => undefined });
    expect(model.heading.length).toBeLessThan(130);
    expect(model.heading).toMatch(/…”$/);
    expect(model.q).toBe(q);
  });

  it('says which words were left out of a long query, and when a page is past the end', () => {
    const limited = { searched: 'a b', dropped: ['c', 'd'], reason: 'too-many-words' as const };
    const model = searchPageModel({ state: state({ q: 'a b c d', page: '9' }), result: resultOf({ query: 'a b c d', total: 3, page: 9, pageCount: 1, limited }), locale: 'en', manifestOf: () => undefined });
    expect(model.limited).toBe('Only the first words of your search were used. Words left out: c d');
    expect(model.outOfRange).toEqual({ text: 'This page of results does not exist: they fit on a single page.', href: '/en/search?q=a+b+c+d' });
  });
});

describe('refused searches', () => {
  /** The problems the search service finds in the page's request. */
  const refused = (s: SearchState): SearchProblem[] => {
    try {
      parseSearchRequest(searchRequestOf(s), { maxWords: 10, stopWords: new Set(), maxTotalHits: 1000 });
      return [];
    } catch (error) {
      if (error instanceof SearchRequestError) return [...error.problems];
      throw error;
    }
  };

  it('lists each wrong value in the page language, in the form’s order, with a link to the search without it', () => {
    const s = state({ q: 'x', filters: { kind: ['talk', 'banane'], year: ['20x'] }, sort: 'best', page: '0' });
    const problems = searchProblemsOf(s, refused(s), 'fr');
    expect(problems.map((p) => p.text)).toEqual([
      `Année${NB}: «${NB}20x${NB}» n’est pas une valeur connue.`,
      `Type${NB}: «${NB}banane${NB}» n’est pas une valeur connue.`,
      `Tri${NB}: «${NB}best${NB}» n’est pas un ordre connu (pertinence, plus récents ou plus anciens d’abord).`,
      `Page${NB}: «${NB}0${NB}» n’est pas un numéro de page.`,
    ]);
    expect(problems[1]?.fixHref).toBe('/recherche?q=x&year=20x&kind=talk&sort=best');
    expect(problems[2]?.fixHref).toBe('/recherche?q=x&year=20x&kind=talk&kind=banane');
  });

  it('explains too many values and a value too long from their codes', () => {
    const long = 'y'.repeat(201);
    const s = state({ filters: { theme: Array.from({ length: 21 }, (_, i) => `t${i}`), speaker: [long, 'Inès Roy'] } });
    const problems = searchProblemsOf(s, refused(s), 'en');
    expect(problems.map((p) => [p.text, p.lang])).toEqual([
      ['Theme: at most 20 values at once.', null],
      ['Speaker: a value cannot be longer than 200 characters.', null],
    ]);
    expect(problems[0]?.fixHref).toBeNull();
    expect(problems[1]?.fixHref).toMatch(/^\/en\/search\?theme=t0&.*&theme=t20&speaker=In%C3%A8s\+Roy$/);
  });

  it('shows the service’s own words (marked as English) for what the page never sends', () => {
    const problem: SearchProblem = { field: 'hitsPerPage', value: '51', code: 'too_large', message: 'hitsPerPage: at most 50' };
    expect(searchProblemsOf(state({}), [problem], 'fr')).toEqual([{ text: 'hitsPerPage: at most 50', lang: 'en', fixHref: null, fixText: null }]);
  });

  it('gives a page with the words kept, the problems and a way to start again', () => {
    const s = state({ q: 'guichet', filters: { kind: ['x'] } });
    const model = invalidSearchModel(s, refused(s), 'en');
    expect(model).toMatchObject({ q: 'guichet', heading: 'This search contains an error', status: 'One part of the search needs correcting.', clearHref: '/en/search?q=guichet', results: [], groups: [] });
    expect(model.problems).toHaveLength(1);
  });
});
