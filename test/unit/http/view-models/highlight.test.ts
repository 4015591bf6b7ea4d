import { describe, expect, it } from 'vitest';
import { highlightText, searchTerms } from '../../../../src/http/view-models/highlight.js';

describe('highlightText', () => {
  it('finds words ignoring case and accents, from the start of a word, and counts them', () => {
    const { parts, hits } = highlightText('Les Communs numériques, un commun, la communauté — pas excommunié.', searchTerms('commun NUMERIQUE'));
    expect(hits).toBe(4);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Communs', 'numériques', 'commun', 'communauté']);
    expect(parts.map((p) => p.text).join('')).toBe('Les Communs numériques, un commun, la communauté — pas excommunié.');
  });

  it('maps positions back through folded characters', () => {
    const { parts } = highlightText('École œuvre ÉCOLE', searchTerms('ecole'));
    expect(parts).toEqual([
      { text: 'École', match: true },
      { text: ' œuvre ', match: false },
      { text: 'ÉCOLE', match: true },
    ]);
  });

  it('ignores one-letter words and returns the text whole without terms', () => {
    expect(searchTerms('a l’IA !')).toEqual(['ia']);
    expect(highlightText('Du texte', [])).toEqual({ parts: [{ text: 'Du texte', match: false }], hits: 0 });
    expect(highlightText('', ['x'])).toEqual({ parts: [], hits: 0 });
  });
});
