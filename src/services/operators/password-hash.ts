import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/**
 * Passwords are kept as scrypt hashes (node:crypto: no native package to build), each with its
 * own random salt and the cost parameters it was made with, so the cost can be raised later
 * without making the stored hashes unreadable.
 */
export const passwordHashSchema = z.object({
  algorithm: z.literal('scrypt'),
  /** CPU/memory cost (a power of two), block size and parallelism, as scrypt takes them. */
  N: z.number().int().min(2),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.string().min(16),
  hash: z.string().min(16),
});
export type PasswordHash = z.infer<typeof passwordHashSchema>;

/**
 * 2^15 × 8 blocks: 32 MiB and about a tenth of a second per attempt on a small server, the
 * cost OWASP recommends for scrypt; a guesser pays it for every try.
 */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** Longer than anyone types; bounds the work one request can ask of the KDF. */
export const MAX_PASSWORD_LENGTH = 1024;
/** A password shorter than this is refused when an operator is added. */
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128 × N × r bytes; Node's default ceiling (32 MiB) is exactly that for our cost: leave room.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost: { N: number; r: number; p: number } = SCRYPT_COST): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** True when `password` gives the stored hash; compared in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash nobody's password gives, made once per process: an unknown name is checked against it so
 * that it costs the same time as a wrong password and the answer does not tell which names exist.
 */
let dummy: Promise<PasswordHash> | null = null;
export function dummyPasswordHash(): Promise<PasswordHash> {
  dummy ??= hashPassword(randomBytes(24).toString('base64'));
  return dummy;
}
