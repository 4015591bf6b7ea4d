import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../../../../src/domain/tombstone.js';
import { writeTombstone } from '../../../../src/services/archive/tombstones.js';
import { forgetRestored, refuseRemovedRows } from '../../../../src/services/ingest/removed-rows.js';
import { programmeItem } from '../../../support/programme-item.js';
import { freshStore, writeItem } from '../../../support/search-archive.js';

const media = { path: '/x/a.mp4', declared: 'a.mp4' };
const removed: Tombstone = {
  version: 1, id: '2025-removed', purged: false, title: 'Old', kind: 'talk', edition: { slug: '2025-strasbourg', label: '2025 Strasbourg' },
  archivedAt: '2025-11-01T00:00:00.000Z', removedAt: '2026-12-07T02:00:00.000Z', reason: 'Duplicate', replacedBy: null,
};
const purged: Tombstone = { ...removed, id: '2025-purged', purged: true, title: null, kind: null, edition: null, archivedAt: null, reason: null };

function programme(): Parameters<typeof refuseRemovedRows>[0] {
  return {
    source: '/x/programme.csv',
    items: [
      programmeItem({ id: '2025-removed', row: 1, media }),
      programmeItem({ id: '2025-purged', row: 2, media }),
      programmeItem({ id: '2025-other', row: 3, media }),
    ],
    problems: [{ row: null, itemId: null, field: 'colour', message: 'unknown column', severity: 'warning' }],
  };
}

describe('refuseRemovedRows', () => {
  it('refuses each row whose id has a tombstone, naming the tombstone and --restore; the others carry on', async () => {
    const store = freshStore();
    await writeTombstone(store, removed);
    await writeTombstone(store, purged);
    const checked = await refuseRemovedRows(programme(), store, []);
    expect(checked.items.map((i) => i.id)).toEqual(['2025-other']);
    expect(checked.problems).toEqual([
      { row: null, itemId: null, field: 'colour', message: 'unknown column', severity: 'warning' },
      { row: 1, itemId: '2025-removed', field: 'id', severity: 'error', message: 'removed from the archive on 2026-12-07 (reason: Duplicate), see tombstones/2025-removed.json: not ingested again; to bring it back on purpose, run the ingest with --restore 2025-removed' },
      { row: 2, itemId: '2025-purged', field: 'id', severity: 'error', message: 'purged from the archive on 2026-12-07, see tombstones/2025-purged.json: not ingested again; to bring it back on purpose, run the ingest with --restore 2025-purged' },
    ]);
  });

  it('lets a restored id through, warns about a --restore that names nothing to restore, and leaves a programme without removed ids as it was', async () => {
    const store = freshStore();
    await writeTombstone(store, removed);
    const restored = await refuseRemovedRows(programme(), store, ['2025-removed', '2025-other', '2025-elsewhere']);
    expect(restored.items.map((i) => i.id)).toEqual(['2025-removed', '2025-purged', '2025-other']);
    expect(restored.problems.slice(1)).toEqual([
      { row: null, itemId: '2025-other', field: '--restore', severity: 'warning', message: 'this id was never removed: nothing to restore' },
      { row: null, itemId: '2025-elsewhere', field: '--restore', severity: 'warning', message: 'no valid row of the programme has this id' },
    ]);
    const untouched = programme();
    expect(await refuseRemovedRows(untouched, freshStore(), [])).toBe(untouched);
  });

  it('lets an id through that is published again (its tombstone left behind by a stopped restore)', async () => {
    const store = freshStore();
    await writeTombstone(store, removed);
    await writeItem(store, { id: '2025-removed', kind: 'talk', title: 'Back' });
    expect((await refuseRemovedRows(programme(), store, [])).items.map((i) => i.id)).toContain('2025-removed');
  });
});

describe('forgetRestored', () => {
  it('deletes the tombstone of a restored id once it is published again, not before', async () => {
    const store = freshStore();
    await writeTombstone(store, removed);
    expect(await forgetRestored(store, ['2025-removed'])).toEqual([]);
    await writeItem(store, { id: '2025-removed', kind: 'talk', title: 'Back' });
    expect(await forgetRestored(store, ['2025-removed', '2025-never'])).toEqual(['2025-removed']);
    expect(await store.stat('tombstones/2025-removed.json')).toBeNull();
  });
});
