import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cookieHeader, csrfTokenOf, parseCookies, passwordStamp, SESSION_SECONDS, signSession, verifySession,
} from '../../../../src/http/admin/admin-cookie.js';

const key = randomBytes(32);
const now = new Date('2026-12-07T10:00:00Z');

describe('session cookies', () => {
  it('carry the name, an expiry 8 hours ahead, a nonce and the password stamp, signed', () => {
    const { value, claims } = signSession(key, { name: 'camille', stamp: 'abcdefghijkl' }, now);
    expect(claims).toMatchObject({ name: 'camille', stamp: 'abcdefghijkl', expires: now.getTime() / 1000 + SESSION_SECONDS });
    expect(claims.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifySession(key, value, now)).toEqual(claims);
    expect(signSession(key, { name: 'camille', stamp: 'x' }, now).claims.nonce).not.toBe(claims.nonce);
  });

  it('are refused when expired, signed by another key, changed or malformed', () => {
    const { value } = signSession(key, { name: 'camille', stamp: 's' }, now);
    expect(verifySession(key, value, new Date(now.getTime() + SESSION_SECONDS * 1000 - 1000))).not.toBeNull();
    expect(verifySession(key, value, new Date(now.getTime() + SESSION_SECONDS * 1000))).toBeNull();
    expect(verifySession(randomBytes(32), value, now)).toBeNull();
    const [payload, signature] = value.split('.') as [string, string];
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), n: 'root' })).toString('base64url');
    expect(verifySession(key, `${other}.${signature}`, now)).toBeNull();
    for (const bad of [undefined, '', payload, `${payload}.`, `${payload}.${signature}.x`, `.${signature}`, 'x'.repeat(2000)]) {
      expect(verifySession(key, bad, now)).toBeNull();
    }
  });

  it('stamp a password by its salt, which every new password changes', () => {
    expect(passwordStamp('c2FsdHNhbHRzYWx0c2FsdA==')).toBe('c2FsdHNhbHRz');
  });
});

describe('form tokens', () => {
  it('differ by purpose and nonce, and only the key makes them', () => {
    const session = csrfTokenOf(key, 'session', 'nonce-one-aaaaaaaa');
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfTokenOf(key, 'session', 'nonce-one-aaaaaaaa')).toBe(session);
    expect(csrfTokenOf(key, 'sign-in', 'nonce-one-aaaaaaaa')).not.toBe(session);
    expect(csrfTokenOf(key, 'session', 'nonce-two-aaaaaaaa')).not.toBe(session);
    expect(csrfTokenOf(randomBytes(32), 'session', 'nonce-one-aaaaaaaa')).not.toBe(session);
  });
});

describe('cookie headers', () => {
  it('parses the Cookie header, the first of a name winning (the most specific path comes first)', () => {
    const cookies = parseCookies('mc_admin=first; other=1; mc_admin=second; broken; =x');
    expect(cookies.get('mc_admin')).toBe('first');
    expect(cookies.get('other')).toBe('1');
    expect(cookies.size).toBe(2);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('writes HttpOnly, SameSite=Strict cookies on one path, Secure when asked', () => {
    expect(cookieHeader('mc_admin', 'v', { path: '/en/admin', maxAge: 28800, secure: false })).toBe('mc_admin=v; Path=/en/admin; Max-Age=28800; HttpOnly; SameSite=Strict');
    expect(cookieHeader('mc_admin', '', { path: '/admin', maxAge: 0, secure: true })).toBe('mc_admin=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict; Secure');
  });
});
