import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BlobStore } from '../../ports/blob-store.js';
import { readStoredJson } from '../archive/manifests.js';

/**
 * Suggested corrections of transcripts, one object each: `corrections/<item id>/<suggestion id>.json`.
 * One object per suggestion (never a list rewritten) because several web processes take them at
 * once and a store put is atomic per object. A decision rewrites the suggestion's own object.
 */
export const CORRECTIONS_PREFIX = 'corrections/';

export const SUGGESTION_STATES = ['pending', 'accepted', 'rejected', 'spam'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

const ID_PATTERN = /^[0-9a-z]+-[0-9a-f]{6}$/;
const KEY_PATTERN = /^corrections\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([0-9a-z]+-[0-9a-f]{6})\.json$/;

export const suggestionSchema = z.object({
  id: z.string().regex(ID_PATTERN),
  item: z.string(),
  state: z.enum(SUGGESTION_STATES),
  at: z.string(),
  /** The transcript corrected: its language and the text file it was read from (its revision). */
  language: z.string(),
  transcript: z.string(),
  /** The passage: its bounds in seconds and its cues' indices (the times never change). */
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  cues: z.array(z.number().int().nonnegative()).min(1),
  /** The passage's text and speaker when the suggestion was made. */
  current: z.string(),
  currentSpeaker: z.string().nullable(),
  /** What the visitor proposes. */
  text: z.string(),
  speaker: z.string().nullable(),
  note: z.string().nullable(),
  decision: z
    .object({ at: z.string(), by: z.string(), text: z.string().nullable() })
    .nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestionKey = (item: string, id: string): string => `${CORRECTIONS_PREFIX}${item}/${id}.json`;

/** Sorts by time of submission; the random part keeps two of the same millisecond apart. */
export function newSuggestionId(now: Date): string {
  return `${now.getTime().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export function isSuggestionId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export async function writeSuggestion(store: BlobStore, suggestion: Suggestion): Promise<void> {
  await store.putBuffer(suggestionKey(suggestion.item, suggestion.id), `${JSON.stringify(suggestionSchema.parse(suggestion))}\n`, 'application/json');
}

export async function readSuggestion(store: BlobStore, item: string, id: string): Promise<Suggestion | null> {
  return readStoredJson(store, suggestionKey(item, id), suggestionSchema);
}

/** Every suggestion (of one item, or all), oldest first; unreadable objects are left out. */
export async function listSuggestions(store: BlobStore, options: { item?: string; state?: SuggestionState } = {}): Promise<Suggestion[]> {
  const found: Suggestion[] = [];
  for await (const blob of store.list(options.item ? `${CORRECTIONS_PREFIX}${options.item}/` : CORRECTIONS_PREFIX)) {
    const match = KEY_PATTERN.exec(blob.key);
    if (!match) continue;
    const suggestion = await readStoredJson(store, blob.key, suggestionSchema);
    if (suggestion && (!options.state || suggestion.state === options.state)) found.push(suggestion);
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

/** A suggestion by its id alone (as the CLI names it): its item is found from its key. */
export async function findSuggestion(store: BlobStore, id: string): Promise<Suggestion | null> {
  if (!isSuggestionId(id)) return null;
  for await (const blob of store.list(CORRECTIONS_PREFIX)) {
    const match = KEY_PATTERN.exec(blob.key);
    if (match && match[2] === id) return readSuggestion(store, match[1]!, id);
  }
  return null;
}
