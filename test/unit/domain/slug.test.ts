import { describe, expect, it } from 'vitest';
import { sanitiseFileName, slugify } from '../../../src/domain/slug.js';

describe('slugify', () => {
  it.each([
    ['Médiation numérique & IA !', 'mediation-numerique-ia'],
    ['  Cœur des communs — 2025 ', 'coeur-des-communs-2025'],
    ['Table ronde : « Données publiques »', 'table-ronde-donnees-publiques'],
    ['日本語', ''],
  ])('%s → %s', (input, expected) => expect(slugify(input)).toBe(expected));

  it('cuts long titles on a word boundary', () => {
    expect(slugify('Le magazine de Numérique en Commun[s] 2025 : cinq idées pour un numérique d’intérêt général')).toBe(
      'le-magazine-de-numerique-en-commun-s-2025-cinq-idees-pour-un',
    );
    expect(slugify('a '.repeat(100), 9)).toBe('a-a-a-a-a');
    expect(slugify('anticonstitutionnellement', 10)).toBe('anticonsti');
  });
});

describe('sanitiseFileName', () => {
  it('keeps a safe stem and a lower-case extension', () => {
    expect(sanitiseFileName('../../etc/Présentation Finale.MP4')).toBe('presentation-finale.mp4');
    expect(sanitiseFileName('..')).toBe('file');
    expect(sanitiseFileName('enregistrement')).toBe('enregistrement');
  });
});
