import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BlobStore } from '../../ports/blob-store.js';
import { readStoredJson } from '../archive/manifests.js';

/**
 * The secret the console's cookies are signed with, kept in the store so that every web process
 * over the same archive accepts the same sessions. Made on first use; deleting it signs everyone out.
 */
export const SESSION_KEY_KEY = 'operator-session-key.json';

const keySchema = z.object({ key: z.string().min(43), createdAt: z.string() });

export async function readOrCreateSessionKey(store: BlobStore): Promise<Buffer> {
  const stored = await readStoredJson(store, SESSION_KEY_KEY, keySchema);
  if (stored) return Buffer.from(stored.key, 'base64');
  const fresh = { key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() };
  await store.putBuffer(SESSION_KEY_KEY, `${JSON.stringify(fresh)}\n`, 'application/json');
  // Two processes starting together may both write one: the one read back is the one everybody uses.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const kept = await readStoredJson(store, SESSION_KEY_KEY, keySchema);
  return Buffer.from((kept ?? fresh).key, 'base64');
}
