import { describe, expect, it } from 'vitest';
import { licencesModel } from '../../../../src/http/view-models/licences-page.js';
import { snapshotOf } from '../../../support/snapshot.js';
import { archive } from '../../../support/listing-archive.js';

describe('licences and accessibility pages', () => {
  it('describes every licence with its terms, counts and a filtered search, and credits a real resource', () => {
    const model = licencesModel(archive, 'fr', 'https://x.org');
    expect(model.licences.map((l) => [l.id, l.countText, l.searchHref])).toEqual([
      ['CC-BY-4.0', '1 ressource', '/recherche?licence=CC-BY-4.0'],
      ['CC-BY-SA-4.0', '2 ressources', '/recherche?licence=CC-BY-SA-4.0'],
      ['CC-BY-NC-SA-4.0', '0 ressource', null],
      ['CC0-1.0', '1 ressource', '/recherche?licence=CC0-1.0'],
      ['Etalab-2.0', '1 ressource', '/recherche?licence=Etalab-2.0'],
    ]);
    const nc = model.licences.find((l) => l.id === 'CC-BY-NC-SA-4.0');
    expect(nc?.terms).toContain('L’usage commercial n’est pas autorisé.');
    expect(nc?.terms).toContain('Si vous adaptez la ressource, publiez votre adaptation sous la même licence.');
    expect(model.licences.find((l) => l.id === 'CC0-1.0')?.terms.join(' ')).toContain('Aucune attribution n’est exigée');
    expect(model.licences.find((l) => l.id === 'Etalab-2.0')?.deedUrl).toBe('https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
    // The newest resource asking for credit (CC0 asks none).
    expect(model.example?.title).toBe('Title of mag');
    expect(model.example?.text).toContain('https://x.org/documents/mag');
    expect(licencesModel(snapshotOf([]), 'en', 'https://x.org').example).toBeNull();
  });
});
