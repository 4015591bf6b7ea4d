import { describe, expect, it } from 'vitest';
import { MATCH_END as E, MATCH_START as S } from '../../../../src/adapters/search-index/meili-highlight.js';
import { firstRequest, secondRequests } from '../../../../src/adapters/search-index/meili-search.js';
import type { IndexQuery } from '../../../../src/ports/search-index.js';

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
