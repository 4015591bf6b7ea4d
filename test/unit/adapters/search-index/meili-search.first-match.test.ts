import { describe, expect, it } from 'vitest';
import { MATCH_END as E, MATCH_START as S } from '../../../../src/adapters/search-index/meili-highlight.js';
import { storedMarks } from '../../../../src/adapters/search-index/meili-marks.js';
import { shapeSearch, type FirstAnswer } from '../../../../src/adapters/search-index/meili-search.js';
import type { IndexQuery, ItemDocument } from '../../../../src/ports/search-index.js';
import { CUES, onlyPassage } from '../../../support/passage-cues.js';

describe('search hits open at the cue of their first matched word', () => {
  const item = { id: 'talk', title: 'Une conférence' } as ItemDocument;
  const query: IndexQuery = { q: 'gouvernance', filters: [], sort: 'relevance', page: 1, hitsPerPage: 20, facets: [], passagesPerItem: 3 };
  const passage = onlyPassage(CUES);
  const marks = storedMarks(passage.text, passage.marks);
  const segment = { itemId: 'talk', source: 'captions-reviewed', passageLanguage: 'fr', start: 0.4, end: 14.9, page: null, title: '' };
  const byte = Buffer.byteLength(passage.text.slice(0, passage.text.indexOf('gouvernance')));

  it('the best passage from Meilisearch’s match position, the others from the word marked here', () => {
    const first: FirstAnswer = {
      hits: [{ ...segment, id: 'talk_1', marks, _formatted: { text: `… de leur ${S}gouvernance${E}.` }, _matchesPosition: { text: [{ start: byte, length: 11 }] } }],
      totalHits: 1,
    };
    const second = [{ ...segment, id: 'talk_2', start: 30, end: 60, text: 'Puis la gouvernance encore.', marks: [[0, 30, 34], [8, 35.5, 39]] }];
    const [hit] = shapeSearch(query, first, [item], second).hits;
    expect(hit?.passages.map((p) => [p.start, p.end, p.passageStart, p.passageEnd])).toEqual([[11.2, 14.9, 0.4, 14.9], [35.5, 39, 30, 60]]);
  });

  it('keeps the passage bounds for an index built before marks, and when only a name matched', () => {
    const first: FirstAnswer = { hits: [{ ...segment, id: 'talk_1', _formatted: { text: `… ${S}gouvernance${E}.` }, _matchesPosition: { text: [{ start: byte, length: 11 }] } }] };
    const second = [{ ...segment, id: 'talk_2', start: 30, end: 60, text: 'Claire parle.', marks: [[0, 30, 34], [7, 35.5, 39]] }];
    const [hit] = shapeSearch(query, first, [item], second).hits;
    expect(hit?.passages.map((p) => [p.start, p.end, p.passageStart, p.passageEnd])).toEqual([[0.4, 14.9, 0.4, 14.9], [30, 60, 30, 60]]);
  });
});
