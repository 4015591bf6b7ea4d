import { describe, expect, it } from 'vitest';
import { changeKey, changeKeyAt, CHANGES_PREFIX, listChanges, parseChangeKey, pruneChanges, recordChange } from '../../../../src/services/archive/change-log.js';
import { freshStore } from '../../../support/search-archive.js';

describe('change log keys', () => {
  it('say the time, and the id, and sort in time order', () => {
    const key = changeKey('2025-strasbourg-atelier', 1_765_000_000_123);
    expect(key).toMatch(/^changes\/1765000000123-[0-9a-f]{8}-2025-strasbourg-atelier\.json$/);
    expect(parseChangeKey(key)).toEqual({ key, at: 1_765_000_000_123, id: '2025-strasbourg-atelier' });
    // Padded to 13 digits: an earlier time sorts first as a string, as the store lists keys.
    expect(changeKey('a', 999) < changeKey('a', 1_000)).toBe(true);
    expect(changeKeyAt(1_000) < changeKey('a', 1_000)).toBe(true);
    expect(changeKeyAt(-5)).toBe(`${CHANGES_PREFIX}0000000000000`);
  });

  it('refuses keys of another shape', () => {
    for (const key of ['changes/12-abcdef01-x.json', 'changes/1765000000123-abcdef01-X.json', 'changes/1765000000123-abcdef01-a/b.json', 'items/a/manifest.json']) {
      expect(parseChangeKey(key), key).toBeNull();
    }
  });
});

describe('the change log in a store', () => {
  it('lists the entries after a key, oldest first, and prunes those before a time', async () => {
    const store = freshStore();
    for (const [id, at] of [['b', 3_000], ['a', 1_000], ['c', 2_000]] as const) await recordChange(store, id, 'published', new Date(at));
    await store.putBuffer('changes/notes.txt', 'not an entry', 'text/plain');
    expect((await listChanges(store, '')).map((e) => [e.id, e.at])).toEqual([['a', 1_000], ['c', 2_000], ['b', 3_000]]);
    expect((await listChanges(store, changeKeyAt(2_000))).map((e) => e.id)).toEqual(['c', 'b']);
    const body = JSON.parse(String(await store.getBuffer((await listChanges(store, ''))[0]?.key ?? '')));
    expect(body).toEqual({ id: 'a', kind: 'published', at: '1970-01-01T00:00:01.000Z' });
    expect(await pruneChanges(store, 2_500)).toBe(2);
    expect((await listChanges(store, '')).map((e) => e.id)).toEqual(['b']);
  });
});
