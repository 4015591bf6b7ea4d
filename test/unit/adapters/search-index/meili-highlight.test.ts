import { describe, expect, it } from 'vitest';
import { highlightLocally, highlightParts, matchedTerms, MATCH_END as E, MATCH_START as S, withoutMarkers } from '../../../../src/adapters/search-index/meili-highlight.js';

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
