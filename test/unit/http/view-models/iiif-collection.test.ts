import { describe, expect, it } from 'vitest';
import { archiveCollection, editionCollection } from '../../../../src/http/view-models/iiif-collection.js';
import { snapshotOf } from '../../../support/snapshot.js';
import { documentManifest, manifestOf, talkManifest } from '../../../support/manifest-factory.js';
import { parseIiif } from '../../../support/iiif.js';

const origin = 'https://archives.example.org';
const snapshot = snapshotOf([talkManifest(), documentManifest(), manifestOf({ id: '2024-lyon-atelier', edition: '2024 Lyon', date: '2024-05-02' })]);

describe('IIIF collections', () => {
  it('the archive lists one Collection per edition, newest first, and parses with nothing to repair', () => {
    const collection = archiveCollection(snapshot.editions, origin);
    expect(parseIiif(collection).repairs).toEqual([]);
    expect(collection).toMatchObject({ id: `${origin}/iiif/collection.json`, type: 'Collection', label: { fr: ['Les archives de Numérique en Commun[s]'], en: ['The archive of Numérique en Commun[s]'] } });
    expect(collection.items).toEqual([
      { id: `${origin}/iiif/editions/2025-strasbourg/collection.json`, type: 'Collection', label: { fr: ['Numérique en Commun[s] 2025 Strasbourg'], en: ['Numérique en Commun[s] 2025 Strasbourg'] } },
      { id: `${origin}/iiif/editions/2024-lyon/collection.json`, type: 'Collection', label: { fr: ['Numérique en Commun[s] 2024 Lyon'], en: ['Numérique en Commun[s] 2024 Lyon'] } },
    ]);
  });

  it('an edition lists its items’ Manifests with a thumbnail, part of the archive’s collection', () => {
    const collection = editionCollection(snapshot.editions[0]!, origin);
    expect(parseIiif(collection).repairs).toEqual([]);
    expect(collection.partOf).toEqual([{ id: `${origin}/iiif/collection.json`, type: 'Collection' }]);
    expect(collection.homepage.map((h) => h.id)).toEqual([`${origin}/editions/2025-strasbourg`, `${origin}/en/editions/2025-strasbourg`]);
    expect(collection.items.map((i) => [i.id, i.type])).toEqual(snapshot.editions[0]!.items.map((m) => [`${origin}/iiif/${m.id}/manifest.json`, 'Manifest']));
    expect(collection.items[0]!.thumbnail?.[0]).toMatchObject({ type: 'Image', format: 'image/jpeg', width: 320 });
  });
});
