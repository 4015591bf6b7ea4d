import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../../../../src/domain/tombstone.js';
import { buildSnapshot, Catalogue } from '../../../../src/services/catalogue/catalogue.js';
import { writeTombstone } from '../../../../src/services/archive/tombstones.js';
import { talkManifest } from '../../../support/manifest-factory.js';
import { freshStore } from '../../../support/search-archive.js';

const gone = (id: string): Tombstone => ({
  version: 1, id, purged: true, title: null, kind: null, edition: null, archivedAt: null, removedAt: '2026-12-07T02:00:00.000Z', reason: null, replacedBy: null,
});

describe('catalogue snapshot: aliases and tombstones', () => {
  it('maps each earlier id to the current one, never shadowing a live id', () => {
    const renamed = talkManifest({ id: 'new-title', aliases: ['old-title', 'other-live'] });
    const other = talkManifest({ id: 'other-live' });
    const snapshot = buildSnapshot([renamed, other]);
    expect([...snapshot.aliases]).toEqual([['old-title', 'new-title']]);
  });

  it('keeps the tombstones of removed ids, not of an id that is live again', () => {
    const live = talkManifest({ id: 'back-again' });
    const snapshot = buildSnapshot([live], [], [gone('removed'), gone('back-again')]);
    expect([...snapshot.tombstones.keys()]).toEqual(['removed']);
  });

  it('reads the store’s tombstones with the manifests', async () => {
    const store = freshStore();
    await writeTombstone(store, gone('removed'));
    const snapshot = await new Catalogue(store).snapshot();
    expect(snapshot.tombstones.get('removed')?.removedAt).toBe('2026-12-07T02:00:00.000Z');
  });
});
