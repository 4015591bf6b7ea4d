import { describe, expect, it } from 'vitest';
import { invertedName, splitPersonName } from '../../../../src/http/view-models/person-name.js';

describe('splitPersonName', () => {
  it.each([
    ['Jeanne Martin', 'Jeanne', 'Martin'],
    ['Jean-Pierre Ben Salah', 'Jean-Pierre Ben', 'Salah'],
    ['Ali BEN SALAH', 'Ali', 'BEN SALAH'],
    ['Marie de La Tour', 'Marie', 'de La Tour'],
    ['Anne-Sophie van der Berg', 'Anne-Sophie', 'van der Berg'],
    ['Pierre d’Alembert', 'Pierre', 'd’Alembert'],
    ['  Claire   Vasseur ', 'Claire', 'Vasseur'],
  ])('%s → given "%s", family "%s"', (name, given, family) => {
    expect(splitPersonName(name)).toEqual({ given, family });
  });

  it('keeps a single name (a pseudonym) as the family name', () => {
    expect(splitPersonName('Zoé')).toEqual({ given: '', family: 'Zoé' });
  });

  it('does not take a particle at the end for the family name, nor a capitalised initial', () => {
    expect(splitPersonName('Jean De')).toEqual({ given: 'Jean', family: 'De' });
    expect(splitPersonName('J. R. Martin')).toEqual({ given: 'J. R.', family: 'Martin' });
  });
});

describe('invertedName', () => {
  it('writes "Family, Given", or the family name alone', () => {
    expect(invertedName({ given: 'Marie', family: 'de La Tour' })).toBe('de La Tour, Marie');
    expect(invertedName({ given: '', family: 'Zoé' })).toBe('Zoé');
  });
});
