import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../../../../src/domain/tombstone.js';
import { listTombstones, readTombstone, tombstoneKey, writeTombstone } from '../../../../src/services/archive/tombstones.js';
import { freshStore } from '../../../support/search-archive.js';

const removed: Tombstone = {
  version: 1, id: '2025-strasbourg-ia', purged: false, title: 'Médiation et IA', kind: 'talk',
  edition: { slug: '2025-strasbourg', label: '2025 Strasbourg' }, archivedAt: '2025-11-02T10:00:00.000Z',
  removedAt: '2026-12-07T02:00:00.000Z', reason: 'Doublon', replacedBy: '2025-strasbourg-mediation-ia',
};

describe('tombstones', () => {
  it('writes, reads back and lists tombstones, sorted by id; an unreadable one is reported, not fatal', async () => {
    const store = freshStore();
    const purged: Tombstone = { ...removed, id: 'a-purged', purged: true, title: null, kind: null, edition: null, archivedAt: null, reason: null, replacedBy: null };
    await writeTombstone(store, removed);
    await writeTombstone(store, purged);
    await store.putBuffer('tombstones/broken.json', '{"id":', 'application/json');
    expect(await readTombstone(store, removed.id)).toEqual(removed);
    expect(await readTombstone(store, 'never-removed')).toBeNull();
    const unreadable: string[] = [];
    expect((await listTombstones(store, (key) => unreadable.push(key))).map((t) => t.id)).toEqual([removed.id, 'a-purged']);
    expect(unreadable).toEqual(['tombstones/broken.json']);
    expect(tombstoneKey('x')).toBe('tombstones/x.json');
  });

  it('refuses a tombstone of another shape', async () => {
    await expect(writeTombstone(freshStore(), { ...removed, id: '../x' })).rejects.toThrow();
  });
});
