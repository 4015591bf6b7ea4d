import { describe, expect, it } from 'vitest';
import { LICENCE_IDS } from '../../../../src/domain/licence.js';
import { inEveryLocale, inLanguage, rightsUri } from '../../../../src/http/view-models/iiif-parts.js';

describe('IIIF pieces', () => {
  it('`rights` is the canonical http URI of a Creative Commons licence, and none for Etalab', () => {
    expect(Object.fromEntries(LICENCE_IDS.map((id) => [id, rightsUri(id)]))).toEqual({
      'CC-BY-4.0': 'http://creativecommons.org/licenses/by/4.0/',
      'CC-BY-SA-4.0': 'http://creativecommons.org/licenses/by-sa/4.0/',
      'CC-BY-NC-SA-4.0': 'http://creativecommons.org/licenses/by-nc-sa/4.0/',
      'CC0-1.0': 'http://creativecommons.org/publicdomain/zero/1.0/',
      'Etalab-2.0': null,
    });
  });

  it('language maps: our texts in every locale, data in its language or in none', () => {
    expect(inEveryLocale('iiif.page', { page: 3 })).toEqual({ fr: ['Page 3'], en: ['Page 3'] });
    expect(inLanguage('fr', 'Titre')).toEqual({ fr: ['Titre'] });
    expect(inLanguage(null, 'a', 'b')).toEqual({ none: ['a', 'b'] });
  });
});
