import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/domain/errors.js';
import { manifestKey } from '../../../../src/domain/manifest.js';
import { checkNotice, checkReplacement, planRemoval, removeItem, tombstoneOf } from '../../../../src/services/archive/remove-item.js';
import { readTombstone, tombstoneKey } from '../../../../src/services/archive/tombstones.js';
import { manifestOf } from '../../../support/manifest-factory.js';
import { freshStore, writeItem } from '../../../support/search-archive.js';

const NOW = new Date('2026-12-07T02:00:00.000Z');

describe('checkNotice', () => {
  it('requires a reason, squeezed to one line, unless purging', () => {
    expect(checkNotice({ reason: '  Doublon,\n  voir   la suite ', replacedBy: 'x' })).toEqual({ reason: 'Doublon, voir la suite', replacedBy: 'x', purge: false });
    expect(() => checkNotice({})).toThrow(UsageError);
    expect(() => checkNotice({ reason: ' \t' })).toThrow(/--reason "…" is required/);
    expect(() => checkNotice({ reason: 'x'.repeat(501) })).toThrow('--reason: at most 500 characters (501 given)');
  });

  it('keeps nothing but the purge, and refuses a reason or a replacement given with it', () => {
    expect(checkNotice({ purge: true })).toEqual({ reason: null, replacedBy: null, purge: true });
    expect(() => checkNotice({ purge: true, reason: 'x' })).toThrow('--purge keeps only the id and the date');
    expect(() => checkNotice({ purge: true, replacedBy: 'x' })).toThrow('--purge keeps only the id and the date');
  });
});

describe('tombstoneOf', () => {
  const manifest = manifestOf({ id: '2025-strasbourg-ia', kind: 'workshop', title: 'IA', edition: '2025 Strasbourg' });

  it('keeps title, kind, edition, the date first archived, the reason and the replacement', () => {
    expect(tombstoneOf(manifest.id, manifest, { reason: 'Doublon', replacedBy: '2025-strasbourg-ia-2', purge: false }, NOW)).toEqual({
      version: 1, id: '2025-strasbourg-ia', purged: false, title: 'IA', kind: 'workshop', edition: { slug: '2025-strasbourg', label: '2025 Strasbourg' },
      archivedAt: '2025-11-01T00:00:00.000Z', removedAt: '2026-12-07T02:00:00.000Z', reason: 'Doublon', replacedBy: '2025-strasbourg-ia-2',
    });
  });

  it('keeps only the id and the date after a purge', () => {
    expect(tombstoneOf(manifest.id, manifest, { reason: null, replacedBy: null, purge: true }, NOW)).toEqual({
      version: 1, id: '2025-strasbourg-ia', purged: true, title: null, kind: null, edition: null, archivedAt: null, removedAt: '2026-12-07T02:00:00.000Z', reason: null, replacedBy: null,
    });
  });
});

describe('planRemoval and removeItem', () => {
  const notice = { reason: 'Doublon', replacedBy: null, purge: false };

  it('writes the tombstone, then takes out the manifest and every file', async () => {
    const store = freshStore();
    await writeItem(store, { id: '2025-a', kind: 'talk', title: 'A' });
    const plan = await planRemoval(store, '2025-a', notice, NOW);
    expect(plan?.tombstone).toMatchObject({ id: '2025-a', title: 'A', reason: 'Doublon', removedAt: NOW.toISOString() });
    if (!plan) throw new Error('no plan');
    await removeItem(store, plan, mkdtempSync(path.join(tmpdir(), 'mc-remove-work-')));
    expect(await readTombstone(store, '2025-a')).toEqual(plan.tombstone);
    expect(await store.stat(manifestKey('2025-a'))).toBeNull();
    expect(await planRemoval(store, '2025-a', notice)).toBeNull();
  });

  it('writes no tombstone without a notice (an item retired under an alias) or without a manifest (leftovers of an unpublished item)', async () => {
    const store = freshStore();
    await writeItem(store, { id: '2025-a', kind: 'talk', title: 'A' });
    expect((await planRemoval(store, '2025-a'))?.tombstone).toBeNull();
    await store.putBuffer('staging/2025-b/current.json', '{}', 'application/json');
    const leftovers = await planRemoval(store, '2025-b', notice);
    expect(leftovers).toMatchObject({ id: '2025-b', title: null, tombstone: null, keys: ['staging/2025-b/current.json'] });
    if (!leftovers) throw new Error('no plan');
    await removeItem(store, leftovers, mkdtempSync(path.join(tmpdir(), 'mc-remove-work-')));
    expect(await store.stat(tombstoneKey('2025-b'))).toBeNull();
  });

  it('takes out what was made from the item too: its clips and its edition’s cached packages', async () => {
    const store = freshStore();
    await writeItem(store, { id: '2025-a', kind: 'talk', title: 'A' });
    const edition = '2025-strasbourg'; // the edition writeItem gives
    await store.putBuffer('clips/2025-a/abc/1000-5000-h.mp4', 'clip', 'video/mp4');
    await store.putBuffer(`exports/${edition}/v1.zip`, 'zip', 'application/zip');
    await store.putBuffer('clips/2025-ab/abc/1000-5000-h.mp4', 'another item', 'video/mp4');
    const plan = await planRemoval(store, '2025-a', notice, NOW);
    expect(plan?.keys).toEqual(expect.arrayContaining(['clips/2025-a/abc/1000-5000-h.mp4', `exports/${edition}/v1.zip`]));
    expect(plan?.keys).not.toContain('clips/2025-ab/abc/1000-5000-h.mp4');
    if (!plan) throw new Error('no plan');
    await removeItem(store, plan, mkdtempSync(path.join(tmpdir(), 'mc-remove-work-')));
    expect(await store.stat('clips/2025-a/abc/1000-5000-h.mp4')).toBeNull();
    expect(await store.stat(`exports/${edition}/v1.zip`)).toBeNull();
    expect(await store.stat('clips/2025-ab/abc/1000-5000-h.mp4')).not.toBeNull();
  });

  it('refuses an id that could widen the storage prefix', async () => {
    expect(await planRemoval(freshStore(), '../items', notice)).toBeNull();
  });
});

describe('checkReplacement', () => {
  it('accepts a published item, refuses an unknown one or one being removed', async () => {
    const store = freshStore();
    await writeItem(store, { id: '2025-new', kind: 'talk', title: 'New' });
    await expect(checkReplacement(store, null, ['2025-old'])).resolves.toBeUndefined();
    await expect(checkReplacement(store, '2025-new', ['2025-old'])).resolves.toBeUndefined();
    await expect(checkReplacement(store, '2025-nowhere', ['2025-old'])).rejects.toThrow('--replaced-by 2025-nowhere: no such item in the archive');
    await expect(checkReplacement(store, '2025-new', ['2025-new'])).rejects.toThrow('this item is being removed itself');
    await expect(checkReplacement(store, '../x', [])).rejects.toThrow(UsageError);
  });
});
