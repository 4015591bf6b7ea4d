import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readStoredJson } from '../archive/manifests.js';
import type { GlossaryEntry } from './glossary-replace.js';

/**
 * The glossary of recurring fixes of automatic transcripts ("Mednum" → "MedNum"), one object in
 * the store: `glossary.json`. Operators change it rarely and one at a time; the last write wins.
 */
export const GLOSSARY_KEY = 'glossary.json';
/** A find is a word or a few: longer is a sentence, which is a correction's job. */
export const MAX_FIND_LENGTH = 80;

const entrySchema = z.object({ find: z.string().min(1).max(MAX_FIND_LENGTH), replace: z.string().max(MAX_FIND_LENGTH * 2), by: z.string(), at: z.string() });
const glossarySchema = z.object({ entries: z.array(entrySchema) });
export type StoredGlossaryEntry = z.infer<typeof entrySchema>;

export class GlossaryError extends AppError {
  override name = 'GlossaryError';
  override readonly code = 'glossary_invalid';
  readonly status = 400;
}

/** The entries, in the order they were added; none when the glossary was never written. */
export async function readGlossary(store: BlobStore): Promise<StoredGlossaryEntry[]> {
  return (await readStoredJson(store, GLOSSARY_KEY, glossarySchema))?.entries ?? [];
}

async function write(store: BlobStore, entries: readonly StoredGlossaryEntry[]): Promise<void> {
  await store.putBuffer(GLOSSARY_KEY, `${JSON.stringify({ entries }, null, 2)}\n`, 'application/json');
}

/** Adds a pair, or changes the replacement of a find already there. Spaces at the ends are dropped. */
export async function addGlossaryEntry(store: BlobStore, pair: GlossaryEntry, by: string, now: Date = new Date()): Promise<StoredGlossaryEntry> {
  const find = pair.find.trim();
  const replace = pair.replace.trim();
  if (find === '') throw new GlossaryError('find: must not be empty');
  if (find.length > MAX_FIND_LENGTH) throw new GlossaryError(`find: at most ${MAX_FIND_LENGTH} characters`);
  if (replace === '' || replace === find) throw new GlossaryError('replace: must not be empty nor the same as find');
  if (replace.length > MAX_FIND_LENGTH * 2) throw new GlossaryError(`replace: at most ${MAX_FIND_LENGTH * 2} characters`);
  const entry = { find, replace, by, at: now.toISOString() };
  const entries = await readGlossary(store);
  const at = entries.findIndex((e) => e.find === find);
  if (at >= 0) entries[at] = entry;
  else entries.push(entry);
  await write(store, entries);
  return entry;
}

/** Removes a find; false when it was not there. */
export async function removeGlossaryEntry(store: BlobStore, find: string): Promise<boolean> {
  const entries = await readGlossary(store);
  const kept = entries.filter((e) => e.find !== find.trim());
  if (kept.length === entries.length) return false;
  await write(store, kept);
  return true;
}
