import { describe, expect, it } from 'vitest';
import { dummyPasswordHash, hashPassword, MAX_PASSWORD_LENGTH, passwordHashSchema, SCRYPT_COST, verifyPassword } from '../../../../src/services/operators/password-hash.js';

// A cheaper cost where the cost itself is not what is tested: the same code path, less waiting.
const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashes', () => {
  it('keeps scrypt with its own salt and the cost it was made with, by default 2^15 × 8', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(passwordHashSchema.parse(stored)).toEqual(stored);
    expect(stored).toMatchObject({ algorithm: 'scrypt', ...SCRYPT_COST });
    expect(Buffer.from(stored.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(stored.hash, 'base64')).toHaveLength(32);
    expect(JSON.stringify(stored)).not.toContain('horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
  });

  it('refuses any other password, close ones included', async () => {
    const stored = await hashPassword('correct horse battery staple', CHEAP);
    for (const other of ['correct horse battery stapl', 'Correct horse battery staple', 'correct horse battery staple ', '']) {
      expect(await verifyPassword(other, stored)).toBe(false);
    }
  });

  it('salts each hash: the same password twice gives two hashes, each verifying', async () => {
    const a = await hashPassword('même mot de passe', CHEAP);
    const b = await hashPassword('même mot de passe', CHEAP);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword('même mot de passe', a)).toBe(true);
    expect(await verifyPassword('même mot de passe', b)).toBe(true);
  });

  it('verifies with the cost stored beside the hash, so a later default does not lock anyone out', async () => {
    const stored = await hashPassword('un mot de passe', CHEAP);
    expect(stored.N).toBe(1024);
    expect(await verifyPassword('un mot de passe', stored)).toBe(true);
    expect(await verifyPassword('un mot de passe', { ...stored, N: 2048 })).toBe(false);
  });

  it('reads accents typed either way (composed or not) as the same password', async () => {
    const stored = await hashPassword('clé d\u00e9j\u00e0 vue', CHEAP);
    expect(await verifyPassword('cle\u0301 de\u0301ja\u0300 vue', stored)).toBe(true);
  });

  it('refuses a password longer than the limit without hashing it', async () => {
    const long = 'x'.repeat(MAX_PASSWORD_LENGTH + 1);
    const stored = await hashPassword(long, CHEAP);
    expect(await verifyPassword(long, stored)).toBe(false);
  });

  it('has a dummy hash, the same for the process, that no usual password verifies', async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(dummy).toMatchObject(SCRYPT_COST);
    expect(await verifyPassword('', dummy)).toBe(false);
    expect(await verifyPassword('password', dummy)).toBe(false);
  });
});
