import { z } from 'zod';
import { UsageError } from '../../domain/errors.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { parseStoredJson } from '../archive/manifests.js';
import { hashPassword, passwordHashSchema, type PasswordHash } from './password-hash.js';

/** The team's accounts, one JSON object written whole: operators are a handful, changed rarely. */
export const OPERATORS_KEY = 'operators.json';

/** Lower-case letters, digits, dot, dash and underscore: typed at sign-in, shown in the log. */
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const operatorSchema = z.object({ name: z.string().regex(NAME), password: passwordHashSchema, addedAt: z.string() });
const operatorsFileSchema = z.object({ operators: z.array(operatorSchema) });
export type Operator = z.infer<typeof operatorSchema>;

/** A name as stored: trimmed and lower-cased, so "Alice " and "alice" are one account. */
export function normaliseOperatorName(name: string): string {
  return name.trim().toLowerCase();
}

export function checkOperatorName(name: string): string {
  const normal = normaliseOperatorName(name);
  if (!NAME.test(normal)) throw new UsageError(`operator name "${name}": use 1–64 letters a–z, digits, ".", "-" or "_", starting with a letter or digit`);
  return normal;
}

export async function listOperators(store: BlobStore): Promise<Operator[]> {
  // One request (it runs on every console request): absent is no operator yet.
  const buffer = await store.getBuffer(OPERATORS_KEY);
  if (!buffer) return [];
  const file = parseStoredJson(buffer, operatorsFileSchema);
  // A damaged file must not read as "no operators" (anyone could then add one and believe it): say so.
  if (!file) throw new Error(`${OPERATORS_KEY}: unreadable; restore it from a backup or remove it and add the operators again`);
  return file.operators;
}

export async function findOperator(store: BlobStore, name: string): Promise<Operator | null> {
  const wanted = normaliseOperatorName(name);
  return (await listOperators(store)).find((operator) => operator.name === wanted) ?? null;
}

/**
 * Read, change, write the whole file, then read it back: when another command wrote in between
 * (two `operator add` at the same moment, last writer wins), the change that was lost is made
 * again on top of the other one. A store has no compare-and-swap here; a few rounds settle it.
 */
async function changeOperators(store: BlobStore, change: (operators: Operator[]) => Operator[], applied: (operators: Operator[]) => boolean): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const next = change(await listOperators(store));
    await store.putBuffer(OPERATORS_KEY, `${JSON.stringify({ operators: next }, null, 2)}\n`, 'application/json');
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    if (applied(await listOperators(store))) return;
  }
  throw new Error(`${OPERATORS_KEY}: changed by another command at every try; run it again`);
}

/** Adds an operator, or replaces the password of an existing one (`replaced: true`). */
export async function addOperator(store: BlobStore, name: string, password: string, now: Date = new Date()): Promise<{ name: string; replaced: boolean }> {
  const normal = checkOperatorName(name);
  const hash: PasswordHash = await hashPassword(password);
  const replaced = (await findOperator(store, normal)) !== null;
  const entry: Operator = { name: normal, password: hash, addedAt: now.toISOString() };
  await changeOperators(
    store,
    (operators) => [...operators.filter((o) => o.name !== normal), entry].sort((a, b) => a.name.localeCompare(b.name)),
    (operators) => operators.some((o) => o.name === normal && o.password.hash === hash.hash),
  );
  return { name: normal, replaced };
}

/** False when there was no such operator. */
export async function removeOperator(store: BlobStore, name: string): Promise<boolean> {
  const normal = normaliseOperatorName(name);
  if (!(await findOperator(store, normal))) return false;
  await changeOperators(store, (operators) => operators.filter((o) => o.name !== normal), (operators) => !operators.some((o) => o.name === normal));
  return true;
}
