import { describe, expect, it } from 'vitest';
import { accessibilityModel } from '../../../../src/http/view-models/accessibility-page.js';
import { snapshotOf } from '../../../support/snapshot.js';
import { archive } from '../../../support/listing-archive.js';

const NB = '\u00a0';

describe('licences and accessibility pages', () => {
  it('counts what is not accessible from the archive itself', () => {
    expect(accessibilityModel(archive, 'fr').gaps).toEqual([
      '1 enregistrement sur 4 n’a qu’une transcription automatique : ses sous-titres et sa transcription peuvent contenir des erreurs (mots mal reconnus, noms propres).'.replace(' :', `${NB}:`),
      '1 enregistrement sur 4 n’a ni sous-titres ni transcription.',
      '2 vidéos sur 3 n’ont pas d’audiodescription : ce qui n’est que montré (diapositives, gestes) peut échapper aux personnes aveugles ou malvoyantes.'.replace(' :', `${NB}:`),
      '2 vidéos sur 3 n’ont pas d’interprétation en langue des signes française (LSF).',
      expect.stringContaining('Le document PDF publié l’est tel qu’il a été fourni'),
    ]);
    expect(accessibilityModel(snapshotOf([]), 'en').gaps).toEqual([]);
  });
});
