import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../../../src/adapters/blob-store/fs-blob-store.js';
import { operatorLogKey, readOperatorLog, recordOperatorAction } from '../../../../src/services/operators/operator-log.js';
import { freshStore } from '../../../support/search-archive.js';

const stores: FsBlobStore[] = [];
afterEach(() => {
  for (const made of stores.splice(0)) rmSync(made.root, { recursive: true, force: true });
});

describe('the operator log', () => {
  it('keys each action by its day and time, so the keys sort as the actions happened', () => {
    expect(operatorLogKey(new Date('2026-12-07T04:05:06.789Z'), 'a1b2c3d4')).toBe('operator-log/2026-12-07/20261207T040506789Z-a1b2c3d4.json');
    const keys = ['2026-12-07T23:59:59.999Z', '2026-12-08T00:00:00.000Z', '2026-12-07T09:00:00.000Z'].map((t) => operatorLogKey(new Date(t), '0'));
    expect([...keys].sort()).toEqual([keys[2], keys[0], keys[1]]);
  });

  it('writes one object per action, even two in the same millisecond, and reads the latest first', async () => {
    const store = freshStore();
    stores.push(store);
    const at = new Date('2026-12-07T10:00:00.000Z');
    await recordOperatorAction(store, { operator: 'camille', action: 'session.sign-in' }, at);
    await recordOperatorAction(store, { operator: 'camille', action: 'correction.accept', target: 'talk-1/s1', detail: { words: 3 } }, at);
    await recordOperatorAction(store, { operator: 'cli:root', action: 'operator.add', target: 'dominique' }, new Date('2026-12-08T08:00:00.000Z'));
    const log = await readOperatorLog(store, { limit: 10 });
    expect(log).toHaveLength(3);
    expect(log[0]).toEqual({ at: '2026-12-08T08:00:00.000Z', operator: 'cli:root', action: 'operator.add', target: 'dominique', detail: null });
    expect(log.slice(1).map((e) => e.action).sort()).toEqual(['correction.accept', 'session.sign-in']);
    expect(log.find((e) => e.action === 'correction.accept')?.detail).toEqual({ words: 3 });
    expect(await readOperatorLog(store, { limit: 1 })).toEqual([log[0]]);
  });

  it('skips an entry that cannot be read instead of showing nothing', async () => {
    const store = freshStore();
    stores.push(store);
    await recordOperatorAction(store, { operator: 'camille', action: 'session.sign-in' }, new Date('2026-12-07T10:00:00Z'));
    await store.putBuffer('operator-log/2026-12-07/20261207T110000000Z-broken.json', '{not json', 'application/json');
    expect((await readOperatorLog(store, { limit: 5 })).map((e) => e.action)).toEqual(['session.sign-in']);
  });
});
