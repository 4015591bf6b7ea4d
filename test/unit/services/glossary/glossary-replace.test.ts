import { describe, expect, it } from 'vitest';
import { applyGlossary } from '../../../../src/services/glossary/glossary-replace.js';

describe('applyGlossary', () => {
  const glossary = [{ find: 'Mednum', replace: 'MedNum' }, { find: 'La Mednum', replace: 'La MedNum (coopérative)' }, { find: 'c++', replace: 'C++' }];

  it('replaces whole words only, case-sensitive as written', () => {
    expect(applyGlossary('la Mednum, Mednums, mednum et éMednum', glossary)).toEqual({ text: 'la MedNum, Mednums, mednum et éMednum', replaced: 1 });
  });

  it('prefers the longer find and never replaces a replacement again', () => {
    expect(applyGlossary('La Mednum et Mednum', glossary).text).toBe('La MedNum (coopérative) et MedNum');
  });

  it('takes finds with symbols literally', () => {
    expect(applyGlossary('en c++ ou cxx', glossary)).toEqual({ text: 'en C++ ou cxx', replaced: 1 });
  });

  it('changes nothing with an empty glossary', () => {
    expect(applyGlossary('Mednum', [])).toEqual({ text: 'Mednum', replaced: 0 });
  });
});
