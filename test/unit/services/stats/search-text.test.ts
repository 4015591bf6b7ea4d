import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TEXT, normaliseSearchText } from '../../../../src/services/stats/search-text.js';

describe('normaliseSearchText', () => {
  it('folds case and spaces, keeps accents', () => {
    expect(normaliseSearchText('  Médiation   NUMÉRIQUE\t')).toBe('médiation numérique');
    expect(normaliseSearchText('ﬁbre')).toBe('fibre');
  });

  it('is null for a search without text', () => {
    expect(normaliseSearchText('   ')).toBeNull();
    expect(normaliseSearchText('')).toBeNull();
  });

  it('replaces e-mail addresses and long numbers, which could name a person', () => {
    expect(normaliseSearchText('contact jeanne.martin@example.org')).toBe('contact [e-mail]');
    expect(normaliseSearchText('appeler 06 12 34 56 78')).toBe('appeler [n°]');
    expect(normaliseSearchText('loi 2005-102 de 2024 2025')).toBe('loi 2005-102 de 2024 2025');
  });

  it('is cut at a fixed length, between characters', () => {
    const text = normaliseSearchText('é'.repeat(500));
    expect([...(text ?? '')]).toHaveLength(MAX_SEARCH_TEXT);
  });
});
