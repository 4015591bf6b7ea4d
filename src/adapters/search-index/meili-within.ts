import type { PassageHit } from '../../ports/search-index.js';
import { quoteFilterValue } from './meili-filter.js';
import { highlightParts } from './meili-highlight.js';
import { firstMatchByte } from './meili-marks.js';
import { HIGHLIGHT, PASSAGE_FIELDS, passageOf, SEGMENTS, type FirstAnswer, type SearchBody, type SegmentHit } from './meili-search.js';

/**
 * A search inside one item (IIIF Content Search): one round trip on the segments, filtered on the
 * item and on passages (its about segment — title, people, summary — is not a place in the
 * recording or a page), highlighted and cropped by Meilisearch like the best passage of a site
 * search, so each passage opens at the same cue /api/search gives it.
 */
export function withinRequest(itemId: string, q: string, limit: number): SearchBody {
  return {
    indexUid: SEGMENTS,
    q,
    filter: `itemId = ${quoteFilterValue(itemId)} AND source != ${quoteFilterValue('metadata')}`,
    limit,
    attributesToRetrieve: PASSAGE_FIELDS,
    attributesToHighlight: ['text'],
    attributesToCrop: ['text'],
    showMatchesPosition: true,
    ...HIGHLIGHT,
  };
}

export function shapeWithin(answer: FirstAnswer): PassageHit[] {
  return (answer.hits as SegmentHit[]).map((hit) => passageOf(hit, highlightParts(String(hit._formatted?.text ?? '')), firstMatchByte(hit._matchesPosition?.text)));
}
