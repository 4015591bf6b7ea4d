import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BlobStore } from '../../ports/blob-store.js';
import { readStoredJson } from '../archive/manifests.js';

/**
 * Who did what, when, in the console or with the team's commands: one object per action under
 * `operator-log/<yyyy-mm-dd>/<time>-<random>.json`. One object per action (never a file appended
 * to) because several web processes and commands write at once and a store put is atomic per
 * object; the random part keeps two actions of the same millisecond apart. Kept for good.
 */
export const OPERATOR_LOG_PREFIX = 'operator-log/';

export const operatorActionSchema = z.object({
  at: z.string(),
  /** The operator's name; `cli:<system user>` for a command run on the server. */
  operator: z.string(),
  /** What was done, dotted by area: `session.sign-in`, `operator.add`, `correction.accept`… */
  action: z.string(),
  /** What it was done to (an operator's name, an item id, a suggestion id), or null. */
  target: z.string().nullable(),
  /** Anything else worth keeping about it (never a password, never a visitor's address). */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type OperatorAction = z.infer<typeof operatorActionSchema>;

/** `2026-12-07T04:05:06.789Z` → `operator-log/2026-12-07/20261207T040506789Z-<random>.json`: sorts by time. */
export function operatorLogKey(at: Date, random: string = randomBytes(4).toString('hex')): string {
  const iso = at.toISOString();
  return `${OPERATOR_LOG_PREFIX}${iso.slice(0, 10)}/${iso.replace(/[-:.]/g, '')}-${random}.json`;
}

export async function recordOperatorAction(
  store: BlobStore,
  entry: { operator: string; action: string; target?: string | null; detail?: Record<string, unknown> | null },
  now: Date = new Date(),
): Promise<OperatorAction> {
  const action = operatorActionSchema.parse({
    at: now.toISOString(), operator: entry.operator, action: entry.action, target: entry.target ?? null, detail: entry.detail ?? null,
  });
  await store.putBuffer(operatorLogKey(now), `${JSON.stringify(action)}\n`, 'application/json');
  return action;
}

/** The latest actions, newest first (an unreadable entry is skipped: the log is shown, not trusted blindly). */
export async function readOperatorLog(store: BlobStore, options: { limit: number }): Promise<OperatorAction[]> {
  const keys: string[] = [];
  for await (const blob of store.list(OPERATOR_LOG_PREFIX)) if (blob.key.endsWith('.json')) keys.push(blob.key);
  keys.sort().reverse();
  const found: OperatorAction[] = [];
  for (const key of keys) {
    if (found.length >= options.limit) break;
    const action = await readStoredJson(store, key, operatorActionSchema);
    if (action) found.push(action);
  }
  return found;
}
