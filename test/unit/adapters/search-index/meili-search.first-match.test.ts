import { describe, expect, it } from 'vitest';
import { MATCH_END as E, MATCH_START as S } from '../../../../src/adapters/search-index/meili-highlight.js';
import { storedMarks } from '../../../../src/adapters/search-index/meili-marks.js';
import { shapeSearch, type FirstAnswer } from '../../../../src/adapters/search-index/meili-search.js';
import type { IndexQuery, ItemCard } from '../../../../src/ports/search-index.js';
import { CUES, onlyPassage } from '../../../support/passage-cues.js';

describe('search hits open at the cue of their first matched word', () => {
  const item = { id: 'talk', title: 'Une conférence' } as ItemCard;
  const answers = (count: FirstAnswer) => ({ count, ranking: { hits: [{ item }] }, alsoCounted: [] });
  const query: IndexQuery = { q: 'gouvernance', filters: [], sort: 'relevance', page: 1, hitsPerPage: 20, facets: [], passagesPerItem: 3 };
  const passage = onlyPassage(CUES);
  const marks = storedMarks(passage.text, passage.marks);
  const segment = { itemId: 'talk', source: 'captions-reviewed', passageLanguage: 'fr', start: 0.4, end: 14.9, page: null };
  const byte = Buffer.byteLength(passage.text.slice(0, passage.text.indexOf('gouvernance')));

  // Meilisearch highlighted a typo's match in its few formatted hits: the word as it is said.
  const terms = [{ _formatted: { text: `… de leur ${S}gouvernanc${E}e.` } }];

  it('opens each passage at the cue where the first word Meilisearch matched is said, its offset counted in bytes', () => {
    const best = [{ ...segment, id: 'talk_1', marks, text: passage.text }];
    const more = [{ ...segment, id: 'talk_2', start: 30, end: 60, text: 'Puis la gouvernance encore.', marks: [[0, 30, 34], [8, 35.5, 39]] }];
    const [hit] = shapeSearch({ ...query, q: 'gouvernence' }, answers({ hits: [], totalHits: 1 }), { terms, best, more }).hits;
    expect(hit?.passages.map((p) => [p.start, p.end, p.passageStart, p.passageEnd])).toEqual([[11.2, 14.9, 0.4, 14.9], [35.5, 39, 30, 60]]);
    expect(hit?.passages[0]?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['gouvernance']);
    expect(byte).toBeGreaterThan(passage.text.indexOf('gouvernance'));
  });

  it('keeps the passage bounds for an index built before marks, and when only a name matched', () => {
    const best = [{ ...segment, id: 'talk_1', text: passage.text }];
    const more = [{ ...segment, id: 'talk_2', start: 30, end: 60, text: 'Claire parle.', marks: [[0, 30, 34], [7, 35.5, 39]] }];
    const [hit] = shapeSearch(query, answers({ hits: [] }), { terms, best, more }).hits;
    expect(hit?.passages.map((p) => [p.start, p.end, p.passageStart, p.passageEnd])).toEqual([[0.4, 14.9, 0.4, 14.9], [30, 60, 30, 60]]);
  });
});
