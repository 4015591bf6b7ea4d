import { describe, expect, it } from 'vitest';
import { LICENCES, parseLicence } from '../../../src/domain/licence.js';

describe('licences', () => {
  it.each([
    ['CC-BY-SA-4.0', 'CC-BY-SA-4.0'], ['cc by-sa 4.0', 'CC-BY-SA-4.0'], ['CC0-1.0', 'CC0-1.0'],
    ['etalab', 'Etalab-2.0'], ['Licence Ouverte', 'Etalab-2.0'], ['CC-BY-ND-4.0', null], ['', null],
  ])('%s → %s', (input, expected) => expect(parseLicence(input)).toBe(expected));

  it('says which licences need attribution', () => {
    expect(LICENCES['CC0-1.0'].attribution).toBe(false);
    expect(LICENCES['CC-BY-NC-SA-4.0']).toMatchObject({ commercialUse: false, shareAlike: true });
  });
});
