import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../../../../src/domain/tombstone.js';
import { gonePageModel, goneProblem, replacementOf } from '../../../../src/http/view-models/gone.js';
import { snapshotOf } from '../../../support/snapshot.js';
import { manifestOf } from '../../../support/manifest-factory.js';

const removed: Tombstone = {
  version: 1, id: '2025-strasbourg-old', purged: false, title: 'Old title', kind: 'round-table',
  edition: { slug: '2025-strasbourg', label: '2025 Strasbourg' }, archivedAt: '2025-11-01T00:00:00.000Z',
  removedAt: '2026-12-07T02:00:00.000Z', reason: 'Duplicate', replacedBy: '2025-strasbourg-new',
};
const purged: Tombstone = { ...removed, id: '2025-strasbourg-gone', purged: true, title: null, kind: null, edition: null, archivedAt: null, reason: null, replacedBy: null };
const live = manifestOf({ id: '2025-strasbourg-new', kind: 'podcast', title: 'New title' });

describe('replacementOf', () => {
  it('links a live replacement with its title, a removed one by its id, and nothing else', () => {
    const snapshot = snapshotOf([live], [], [removed]);
    expect(replacementOf(snapshot, removed)).toEqual({ id: '2025-strasbourg-new', title: 'New title', kind: 'podcast' });
    const chained = { ...removed, id: 'x', replacedBy: removed.id };
    expect(replacementOf(snapshot, chained)).toEqual({ id: removed.id, title: null, kind: 'round-table' });
    expect(replacementOf(snapshot, { ...removed, replacedBy: 'never-there' })).toBeNull();
    expect(replacementOf(snapshot, purged)).toBeNull();
  });
});

describe('gonePageModel', () => {
  it('tells what was removed, when and why, in the page language, with the replacement link', () => {
    const model = gonePageModel(removed, { id: live.id, title: live.title, kind: 'podcast' }, true, 'en');
    expect(model).toEqual({
      id: removed.id, purged: false, intro: '“Old title” was removed from the archive on 7 December 2026.', title: 'Old title', kind: 'Round table',
      edition: { label: '2025 Strasbourg', href: '/en/editions/2025-strasbourg' }, archivedAt: removed.archivedAt, removedAt: removed.removedAt,
      reason: 'Duplicate', replacement: { href: '/en/podcasts/2025-strasbourg-new', text: 'New title' },
    });
    const french = gonePageModel(removed, { id: removed.id, title: null, kind: 'round-table' }, false, 'fr');
    expect(french.intro).toBe('«\u00a0Old title\u00a0» a été retiré des archives le 7 décembre 2026.');
    expect(french.edition).toEqual({ label: '2025 Strasbourg', href: null });
    expect(french.replacement).toEqual({ href: `/talks/${removed.id}`, text: `le contenu ${removed.id}` });
  });

  it('says what it can of an item removed with an unreadable manifest: the date and the notice', () => {
    const model = gonePageModel({ ...removed, title: null, kind: null, edition: null, archivedAt: null }, null, false, 'en');
    expect(model).toMatchObject({ intro: 'What was published at this address was removed from the archive on 7 December 2026.', title: null, reason: 'Duplicate' });
  });

  it('shows only the date of a purge', () => {
    expect(gonePageModel(purged, null, false, 'fr')).toEqual({
      id: purged.id, purged: true, intro: 'Le contenu publié à cette adresse a été retiré des archives le 7 décembre 2026. Aucune autre information n’est conservée.',
      title: null, kind: null, edition: null, archivedAt: null, removedAt: purged.removedAt, reason: null, replacement: null,
    });
  });
});

describe('goneProblem', () => {
  it('is a 410 problem with the tombstone’s facts and absolute links to the replacement', () => {
    expect(goneProblem(removed, { id: live.id, title: live.title, kind: 'podcast' }, 'fr', 'https://archives.example')).toEqual({
      type: 'about:blank', title: 'Contenu retiré', status: 410, code: 'gone', detail: '2025-strasbourg-old a été retiré des archives le 2026-12-07\u00a0: Duplicate',
      id: removed.id, purged: false, itemTitle: 'Old title', kind: 'round-table', edition: removed.edition, archivedAt: removed.archivedAt,
      removedAt: removed.removedAt, reason: 'Duplicate',
      replacedBy: { id: live.id, url: 'https://archives.example/api/items/2025-strasbourg-new', page: 'https://archives.example/podcasts/2025-strasbourg-new' },
    });
    expect(goneProblem(purged, null, 'en', 'https://archives.example')).toMatchObject({ title: 'Removed', detail: '2025-strasbourg-gone was removed from the archive on 2026-12-07.', itemTitle: null, reason: null });
  });
});
