import type { BlobStore } from '../../ports/blob-store.js';

/**
 * Sessions signed out before their expiry. A session is a signed cookie any web process accepts
 * until it expires; signing out must end it everywhere, including a copy of the cookie, so its
 * nonce is written here and every process refuses it. An entry is useless once the session it
 * names has expired: its name starts with that time, and older ones are deleted at each sign-out.
 */
const PREFIX = 'operator-sessions/ended/';

/** Nonces are base64url: nothing else may reach a key. */
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

const keyOf = (expires: number, nonce: string): string => `${PREFIX}${String(expires).padStart(12, '0')}-${nonce}`;

export async function endStoredSession(store: BlobStore, session: { nonce: string; expires: number }, now: Date = new Date()): Promise<void> {
  if (!NONCE.test(session.nonce)) return;
  await store.putBuffer(keyOf(session.expires, session.nonce), '', 'application/octet-stream');
  const nowSeconds = Math.floor(now.getTime() / 1000);
  for await (const blob of store.list(PREFIX)) {
    const expires = Number(/^(\d{12})-/.exec(blob.key.slice(PREFIX.length))?.[1]);
    if (Number.isFinite(expires) && expires < nowSeconds) await store.delete(blob.key);
  }
}

export async function isSessionEnded(store: BlobStore, session: { nonce: string; expires: number }): Promise<boolean> {
  return NONCE.test(session.nonce) ? (await store.stat(keyOf(session.expires, session.nonce))) !== null : true;
}
