import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The console's session is a signed cookie, so that any web process over the same store (they
 * share the key, kept in the store) accepts it and none keeps sessions in memory:
 * `<payload>.<signature>`, the payload base64url JSON of the operator's name, the expiry, a random
 * nonce (the CSRF token is derived from it) and a stamp of the operator's password hash (a new
 * password or a removed operator ends every session of that name at once).
 */
export interface SessionClaims {
  name: string;
  /** Seconds since the epoch. */
  expires: number;
  nonce: string;
  stamp: string;
}

/** Eight hours: a working day at the console, then sign in again. */
export const SESSION_SECONDS = 8 * 60 * 60;

const mac = (key: Buffer, purpose: string, value: string): string => createHmac('sha256', key).update(`${purpose}\n${value}`).digest('base64url');

/** Compares two strings without telling, by its time, how much of them matched. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function randomNonce(): string {
  return randomBytes(16).toString('base64url');
}

export function signSession(key: Buffer, claims: Omit<SessionClaims, 'expires' | 'nonce'>, now: Date = new Date()): { value: string; claims: SessionClaims } {
  const full: SessionClaims = { ...claims, expires: Math.floor(now.getTime() / 1000) + SESSION_SECONDS, nonce: randomNonce() };
  const payload = Buffer.from(JSON.stringify({ n: full.name, e: full.expires, r: full.nonce, s: full.stamp })).toString('base64url');
  return { value: `${payload}.${mac(key, 'session', payload)}`, claims: full };
}

/** The claims of a cookie this key signed and that has not expired; null for anything else. */
export function verifySession(key: Buffer, value: string | undefined, now: Date = new Date()): SessionClaims | null {
  if (!value || value.length > 1024) return null;
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined || !sameText(signature, mac(key, 'session', payload))) return null;
  try {
    const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const claims = { name: raw.n, expires: raw.e, nonce: raw.r, stamp: raw.s };
    if (typeof claims.name !== 'string' || typeof claims.expires !== 'number' || typeof claims.nonce !== 'string' || typeof claims.stamp !== 'string') return null;
    if (claims.expires * 1000 <= now.getTime()) return null;
    return claims as SessionClaims;
  } catch {
    return null;
  }
}

/** The stamp of an operator's stored password: part of its salt, which changes with every new password. */
export function passwordStamp(salt: string): string {
  return salt.slice(0, 12);
}

/**
 * The token of the forms: derived from the session's nonce when signed in, from the sign-in
 * cookie's nonce before (a signed double submit), so a page of another site cannot forge either.
 */
export function csrfTokenOf(key: Buffer, purpose: 'session' | 'sign-in', nonce: string): string {
  return mac(key, `csrf-${purpose}`, nonce);
}

/** The `Cookie` header as name → value (first one wins, as browsers send the most specific path first). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    const name = at < 0 ? '' : part.slice(0, at).trim();
    if (name && !found.has(name)) found.set(name, part.slice(at + 1).trim());
  }
  return found;
}

/** A Set-Cookie value: always HttpOnly and SameSite=Strict, on one path; Max-Age 0 removes it. */
export function cookieHeader(name: string, value: string, options: { path: string; maxAge: number; secure: boolean }): string {
  return [
    `${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAge}`, 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
