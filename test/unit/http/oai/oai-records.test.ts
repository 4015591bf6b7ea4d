import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../../../../src/domain/tombstone.js';
import { compareRecords, inSet, oaiRecord, oaiRecords, oaiSets } from '../../../../src/http/oai/oai-records.js';
import { snapshotOf } from '../../../support/snapshot.js';
import { manifestOf } from '../../../support/manifest-factory.js';

const at = (id: string, updatedAt: string, spec: Parameters<typeof manifestOf>[0] = { id }) => {
  const m = manifestOf({ ...spec, id });
  return { ...m, pipeline: { ...m.pipeline, updatedAt } };
};
const tombstone = (id: string, purged: boolean, removedAt: string): Tombstone => ({
  version: 1, id, purged, title: purged ? null : 'T', kind: purged ? null : 'podcast', edition: purged ? null : { slug: '2023-lyon', label: '2023 Lyon' },
  archivedAt: null, removedAt, reason: null, replacedBy: null,
});

const snapshot = snapshotOf(
  [
    at('b-talk', '2025-11-02T10:00:00.500Z'),
    at('a-doc', '2025-11-02T10:00:00.000Z', { id: 'a-doc', kind: 'document', edition: '2024 Bordeaux' }),
    { ...at('c-new', '2025-01-01T00:00:00Z'), aliases: ['c-old'] },
  ],
  [],
  [tombstone('gone', false, '2026-01-01T00:00:00Z'), tombstone('purged', true, '2024-01-01T00:00:00Z')],
);

describe('oaiRecords', () => {
  it('lists live, removed and earlier ids by datestamp (to the second), then id', () => {
    expect(oaiRecords(snapshot).map((r) => [r.id, r.datestamp, r.manifest !== null])).toEqual([
      ['purged', '2024-01-01T00:00:00Z', false],
      ['c-new', '2025-01-01T00:00:00Z', true],
      ['c-old', '2025-01-01T00:00:00Z', false],
      ['a-doc', '2025-11-02T10:00:00Z', true],
      ['b-talk', '2025-11-02T10:00:00Z', true],
      ['gone', '2026-01-01T00:00:00Z', false],
    ]);
  });

  it('gives sets by edition and kind; a purged record none; an earlier id those of its item', () => {
    const sets = Object.fromEntries(oaiRecords(snapshot).map((r) => [r.id, r.sets]));
    expect(sets).toEqual({
      purged: [], 'c-new': ['edition:2025-strasbourg', 'kind:talk'], 'c-old': ['edition:2025-strasbourg', 'kind:talk'],
      'a-doc': ['edition:2024-bordeaux', 'kind:document'], 'b-talk': ['edition:2025-strasbourg', 'kind:talk'], gone: ['edition:2023-lyon', 'kind:podcast'],
    });
  });

  it('is computed once per snapshot', () => {
    expect(oaiRecords(snapshot)).toBe(oaiRecords(snapshot));
  });
});

describe('inSet', () => {
  it('matches a set and its parents, not a prefix of a name', () => {
    const record = oaiRecords(snapshot).find((r) => r.id === 'a-doc');
    if (!record) throw new Error('no a-doc');
    expect(inSet(record, 'edition:2024-bordeaux')).toBe(true);
    expect(inSet(record, 'edition')).toBe(true);
    expect(inSet(record, 'kind')).toBe(true);
    expect(inSet(record, 'edition:2024')).toBe(false);
    expect(inSet(record, 'kind:talk')).toBe(false);
  });
});

describe('oaiRecord', () => {
  it('finds a live or removed id, not an earlier one (that redirects)', () => {
    expect(oaiRecord(snapshot, 'b-talk')?.manifest?.id).toBe('b-talk');
    expect(oaiRecord(snapshot, 'gone')).toMatchObject({ manifest: null, datestamp: '2026-01-01T00:00:00Z' });
    expect(oaiRecord(snapshot, 'c-old')).toBeNull();
    expect(oaiRecord(snapshot, 'nothing')).toBeNull();
  });
});

describe('compareRecords', () => {
  it('orders by datestamp, then id', () => {
    expect(compareRecords({ datestamp: '2025-01-01T00:00:00Z', id: 'b' }, { datestamp: '2025-01-02T00:00:00Z', id: 'a' })).toBe(-1);
    expect(compareRecords({ datestamp: '2025-01-01T00:00:00Z', id: 'b' }, { datestamp: '2025-01-01T00:00:00Z', id: 'a' })).toBe(1);
    expect(compareRecords({ datestamp: '2025-01-01T00:00:00Z', id: 'a' }, { datestamp: '2025-01-01T00:00:00Z', id: 'a' })).toBe(0);
  });
});

describe('oaiSets', () => {
  it('names the parents, each edition (removed items’ too) and each kind present, in French', () => {
    expect(oaiSets(snapshot)).toEqual([
      { spec: 'edition', name: 'Éditions' },
      { spec: 'edition:2025-strasbourg', name: 'Numérique en Commun[s] 2025 Strasbourg' },
      { spec: 'edition:2024-bordeaux', name: 'Numérique en Commun[s] 2024 Bordeaux' },
      { spec: 'edition:2023-lyon', name: 'Numérique en Commun[s] 2023 Lyon' },
      { spec: 'kind', name: 'Types de contenus' },
      { spec: 'kind:talk', name: 'Conférences' },
      { spec: 'kind:podcast', name: 'Podcasts' },
      { spec: 'kind:document', name: 'Documents' },
    ]);
  });
});
