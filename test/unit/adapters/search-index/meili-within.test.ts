import { describe, expect, it } from 'vitest';
import { shapeWithin, withinRequest } from '../../../../src/adapters/search-index/meili-within.js';
import { MATCH_END, MATCH_START } from '../../../../src/adapters/search-index/meili-highlight.js';

describe('a search inside one item', () => {
  it('asks the segments of that item only, never its about segment, highlighted and with match positions', () => {
    const body = withinRequest('a"b', 'communs', 50);
    expect(body).toMatchObject({ indexUid: 'segments', q: 'communs', limit: 50, filter: 'itemId = "a\\"b" AND source != "metadata"', showMatchesPosition: true, attributesToHighlight: ['text'] });
  });

  it('opens each passage at the cue of its first matched word', () => {
    const text = 'Bonjour à tous. Parlons des communs.';
    const hits = shapeWithin({
      hits: [{
        id: 'x_cr-fr-1', itemId: 'x', source: 'captions-reviewed', passageLanguage: 'fr', start: 10, end: 40, page: null, title: '',
        marks: [[0, 10, 14], [16, 14, 19]],
        _formatted: { text: `Bonjour à tous. Parlons des ${MATCH_START}communs${MATCH_END}.` },
        _matchesPosition: { text: [{ start: Buffer.byteLength(text.slice(0, text.indexOf('communs'))), length: 7 }] },
      }],
    });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ start: 14, end: 19, passageStart: 10, passageEnd: 40, text, source: 'captions-reviewed', language: 'fr' });
    expect(hits[0]!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['communs']);
  });
});
