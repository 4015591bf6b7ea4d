import { z } from 'zod';
import { ITEM_KINDS } from './item.js';

/**
 * What stays of a removed item: enough for its old links to answer 410 Gone with a notice (and
 * where it went), and for harvesters (OAI-PMH) to learn it was deleted. A purge (a rights or
 * personal-data request) keeps only the id and the date of removal: `title`, `edition`, `kind`,
 * `archivedAt`, `reason` and `replacedBy` are then null.
 */
export const tombstoneSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  purged: z.boolean(),
  title: z.string().nullable(),
  kind: z.enum(ITEM_KINDS).nullable(),
  edition: z.object({ slug: z.string(), label: z.string() }).nullable(),
  /** When the item was first archived (its manifest's ingestedAt), ISO 8601. */
  archivedAt: z.string().nullable(),
  /** ISO 8601, UTC: the OAI-PMH datestamp of the deleted record. */
  removedAt: z.string(),
  reason: z.string().nullable(),
  /** The id of the item that replaces it, when there is one. */
  replacedBy: z.string().nullable(),
});
export type Tombstone = z.infer<typeof tombstoneSchema>;

export function parseTombstone(json: string): Tombstone {
  return tombstoneSchema.parse(JSON.parse(json));
}
