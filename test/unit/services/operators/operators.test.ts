import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../../../src/adapters/blob-store/fs-blob-store.js';
import { endStoredSession, isSessionEnded } from '../../../../src/services/operators/ended-sessions.js';
import { addOperator, checkOperatorName, findOperator, listOperators, OPERATORS_KEY, removeOperator } from '../../../../src/services/operators/operators.js';
import { verifyPassword } from '../../../../src/services/operators/password-hash.js';
import { freshStore } from '../../../support/search-archive.js';

const stores: FsBlobStore[] = [];
const store = (): FsBlobStore => {
  const made = freshStore();
  stores.push(made);
  return made;
};
afterEach(() => {
  for (const made of stores.splice(0)) rmSync(made.root, { recursive: true, force: true });
});

describe('operators.json', () => {
  it('starts empty, adds, finds by any case, replaces a password, removes', async () => {
    const s = store();
    expect(await listOperators(s)).toEqual([]);
    expect(await addOperator(s, ' Camille ', 'premier mot de passe')).toEqual({ name: 'camille', replaced: false });
    const first = await findOperator(s, 'CAMILLE');
    expect(first?.name).toBe('camille');
    expect(await addOperator(s, 'camille', 'second mot de passe')).toEqual({ name: 'camille', replaced: true });
    const second = await findOperator(s, 'camille');
    expect(await verifyPassword('second mot de passe', second!.password)).toBe(true);
    expect(await verifyPassword('premier mot de passe', second!.password)).toBe(false);
    expect(await listOperators(s)).toHaveLength(1);
    expect(await removeOperator(s, 'Camille')).toBe(true);
    expect(await removeOperator(s, 'camille')).toBe(false);
    expect(await listOperators(s)).toEqual([]);
  });

  it('keeps every operator when several are added at the same moment (written whole, read back, made again)', async () => {
    const s = store();
    const names = ['alix', 'basile', 'celia', 'dario', 'elise'];
    await Promise.all(names.map((name) => addOperator(s, name, `mot de passe de ${name}`)));
    expect((await listOperators(s)).map((o) => o.name)).toEqual(names);
  });

  it('accepts plain names only', () => {
    expect(checkOperatorName('Jean-Marc.Dupont_2')).toBe('jean-marc.dupont_2');
    for (const bad of ['', ' ', '-x', '../x', 'a/b', 'é', 'a b', 'x'.repeat(65)]) expect(() => checkOperatorName(bad)).toThrow(/operator name/);
  });

  it('says a damaged file is damaged instead of reading it as no operator', async () => {
    const s = store();
    await s.putBuffer(OPERATORS_KEY, '{"operators": [{"name": 1}]}', 'application/json');
    await expect(listOperators(s)).rejects.toThrow(/operators\.json: unreadable/);
    await expect(addOperator(s, 'x1', 'un mot de passe assez long')).rejects.toThrow(/unreadable/);
  });
});

describe('sessions ended before their expiry', () => {
  it('are refused once ended, and forgotten once expired', async () => {
    const s = store();
    const now = new Date('2026-12-07T10:00:00Z');
    const nowSeconds = now.getTime() / 1000;
    const live = { nonce: 'AAAAAAAAAAAAAAAAAAAAAA', expires: nowSeconds + 3600 };
    const old = { nonce: 'BBBBBBBBBBBBBBBBBBBBBB', expires: nowSeconds - 10 };
    expect(await isSessionEnded(s, live)).toBe(false);
    await endStoredSession(s, old, new Date((old.expires - 60) * 1000));
    expect(await isSessionEnded(s, old)).toBe(true);
    await endStoredSession(s, live, now);
    expect(await isSessionEnded(s, live)).toBe(true);
    // The expired one was deleted by the second sign-out: its cookie is refused by its expiry anyway.
    expect(await isSessionEnded(s, old)).toBe(false);
    expect(await isSessionEnded(s, { nonce: '../../x', expires: nowSeconds })).toBe(true);
  });
});
