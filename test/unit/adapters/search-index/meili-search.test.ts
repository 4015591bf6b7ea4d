import { describe, expect, it } from 'vitest';
import { MATCH_END as E, MATCH_START as S } from '../../../../src/adapters/search-index/meili-highlight.js';
import { firstRequests, passageRequests, shapeSearch } from '../../../../src/adapters/search-index/meili-search.js';
import type { IndexQuery, ItemCard } from '../../../../src/ports/search-index.js';

describe('the requests a search sends', () => {
  const query: IndexQuery = { q: 'fracture', filters: [{ fields: ['kind'], values: ['talk'] }], sort: 'date-desc', page: 2, hitsPerPage: 20, facets: ['kind'], passagesPerItem: 3 };

  it('counts items with facets on the counting index, without hits, and ranks one chunk per item, paged by offset', () => {
    const [count, ranking, ...more] = firstRequests(query);
    expect(count).toEqual({ indexUid: 'items', q: 'fracture', filter: 'kind = "talk"', page: 1, hitsPerPage: 0, facets: ['kind'] });
    expect(ranking).toEqual({
      indexUid: 'chunks', q: 'fracture', filter: 'kind = "talk"', sort: ['day:desc'], distinct: 'itemId', offset: 20, limit: 20, attributesToRetrieve: ['item'],
    });
    expect(more).toEqual([]);
  });

  it('asks the other facet counts in the same batch, each under its own filters', () => {
    const [, , own] = firstRequests({ ...query, alsoCount: [{ filters: [], facets: ['kind'] }] });
    expect(own).toEqual({ indexUid: 'items', q: 'fracture', filter: undefined, page: 1, hitsPerPage: 0, facets: ['kind'] });
  });

  it('lists the about chunks newest first when there is no query', () => {
    const [, ranking] = firstRequests({ ...query, q: '', sort: 'relevance', filters: [{ fields: ['kind'], values: ['talk', 'podcast'] }] });
    expect(ranking).toMatchObject({ indexUid: 'chunks', q: '', filter: 'kind IN ["talk", "podcast"] AND about = true', sort: ['day:desc'] });
    expect(ranking).not.toHaveProperty('distinct');
    expect(firstRequests({ ...query, q: '', filters: [] })[1]).toMatchObject({ filter: 'about = true' });
  });

  it('then fetches the best passage per item and the next ones, unformatted, never the about segments; ids quoted', () => {
    const [best, more, ...rest] = passageRequests(query, ['a', 'b"c']);
    const filter = 'itemId IN ["a", "b\\"c"] AND source != "metadata"';
    expect(best).toMatchObject({ indexUid: 'segments', q: 'fracture', filter, distinct: 'itemId', limit: 2 });
    expect(more).toMatchObject({ indexUid: 'segments', q: 'fracture', filter, limit: 6 });
    expect(rest).toEqual([]);
    // Formatting costs Meilisearch per hit: the words it matched are found here, in the texts.
    for (const body of [best, more]) {
      expect(body?.attributesToRetrieve).toContain('text');
      expect(body).not.toHaveProperty('attributesToHighlight');
      expect(body).not.toHaveProperty('showMatchesPosition');
    }
    expect(passageRequests({ ...query, passagesPerItem: 1 }, ['a'])).toHaveLength(1);
    expect(passageRequests({ ...query, passagesPerItem: 0 }, ['a'])).toEqual([]);
    expect(passageRequests(query, [])).toEqual([]);
    expect(passageRequests({ ...query, q: '' }, ['a'])).toEqual([]);
  });

  it('asks Meilisearch for the words it matched in the best five first, the way before (kept to compare)', () => {
    const [terms, best, more] = passageRequests(query, ['a'], true);
    expect(terms).toEqual({
      indexUid: 'segments', q: 'fracture', filter: 'itemId IN ["a"] AND source != "metadata"', limit: 5, attributesToRetrieve: [], attributesToHighlight: ['text'],
      highlightPreTag: S, highlightPostTag: E,
    });
    expect(best).toMatchObject({ distinct: 'itemId' });
    expect(more).toMatchObject({ limit: 3 });
  });

  it('shapes the page in the ranking order with the exact total and facets of the counting index', () => {
    const card = (id: string, title: string): ItemCard => ({ id, title } as ItemCard);
    const segment = { source: 'captions-reviewed', passageLanguage: 'fr', start: 0, end: 30, page: null };
    const answer = shapeSearch(
      { ...query, alsoCount: [{ filters: [], facets: ['kind'] }] },
      {
        count: { hits: [], totalHits: 42, facetDistribution: { kind: { talk: 42 } } },
        ranking: { hits: [{ item: card('b', 'La fracture') }, { item: card('a', 'Autre') }] },
        alsoCounted: [{ hits: [], facetDistribution: { kind: { talk: 42, podcast: 3 } } }],
      },
      {
        terms: [{ _formatted: { text: `une ${S}fracture${E} nette` } }],
        best: [{ ...segment, id: 'a_1', itemId: 'a', text: 'une fracture nette' }, { ...segment, id: 'b_4', itemId: 'b', start: 90, end: 120, text: 'les fractures numériques' }],
        more: [
          { ...segment, id: 'a_1', itemId: 'a', text: 'une fracture nette' },
          { ...segment, id: 'b_4', itemId: 'b', start: 90, end: 120, text: 'les fractures numériques' },
          { ...segment, id: 'a_2', itemId: 'a', text: 'encore une fracture' },
        ],
      },
    );
    expect(answer.total).toBe(42);
    expect(answer.facets).toEqual({ kind: { talk: 42 } });
    expect(answer.alsoCounted).toEqual([{ kind: { talk: 42, podcast: 3 } }]);
    expect(answer.hits.map((h) => [h.item.id, h.passages.map((p) => p.id)])).toEqual([['b', ['b_4']], ['a', ['a_1', 'a_2']]]);
    expect(answer.hits[0]?.title).toEqual([{ text: 'La ', match: false }, { text: 'fracture', match: true }]);
    expect(answer.hits[0]?.passages[0]?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['fractures']);
  });

  it('marks the forms of the query’s words the passages hold, found here: a typo, the last word’s continuation', () => {
    const segment = { source: 'captions-reviewed', passageLanguage: 'fr', start: 0, end: 30, page: null };
    const answer = shapeSearch(
      { ...query, q: 'mediaton numéri' },
      { count: { hits: [], totalHits: 1 }, ranking: { hits: [{ item: { id: 'a', title: 'Médiation' } as ItemCard }] }, alsoCounted: [] },
      { best: [{ ...segment, id: 'a_1', itemId: 'a', text: 'la médiation et les numériques' }], more: [] },
    );
    expect(answer.hits[0]?.passages[0]?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['médiation', 'numériques']);
    expect(answer.hits[0]?.title).toEqual([{ text: 'Médiation', match: true }]);
  });
});
