import type { CatalogueSnapshot } from './catalogue.js';

/**
 * The id under which an item asked for by `id` lives now: `id` itself when it is live, the
 * item that lists it among its aliases (earlier ids), else null (unknown, or removed: see the
 * tombstones). A live id always wins over an alias. Every route that takes an id from outside
 * (pages, API, feeds, OAI-PMH identifiers, IIIF) answers for an alias with the current id.
 */
export function currentIdOf(snapshot: Pick<CatalogueSnapshot, 'byId' | 'aliases'>, id: string): string | null {
  if (snapshot.byId.has(id)) return id;
  return snapshot.aliases.get(id) ?? null;
}
