import type { ProgrammeProblem } from '../../domain/errors.js';
import { manifestKey } from '../../domain/manifest.js';
import type { Tombstone } from '../../domain/tombstone.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { deleteTombstone, listTombstones, readTombstone, tombstoneKey } from '../archive/tombstones.js';
import { escapeControlCharacters } from '../programme/control-characters.js';
import { sortProblems } from '../programme/cross-checks.js';
import type { ProgrammeReadResult } from '../programme/read-programme.js';

/**
 * A removed item must not come back because its row is still in the programme: a purge undone
 * by the next run would publish again what a rights or personal-data request took out. A row
 * whose id has a tombstone and no manifest is refused (one error naming the row and the
 * tombstone), unless its id is listed in `restore` (`ingest --restore <id>`); the other rows
 * carry on. A restored item keeps its tombstone until it is published again (forgetRestored):
 * an ingest stopped before that leaves the id answering 410, and the next run refuses it again.
 */
export async function refuseRemovedRows(programme: ProgrammeReadResult, store: BlobStore, restore: readonly string[]): Promise<ProgrammeReadResult> {
  const tombstones = new Map<string, Tombstone>();
  // Tombstones are few: one listing, rather than one read per row of the programme.
  for (const tombstone of await listTombstones(store)) tombstones.set(tombstone.id, tombstone);
  const problems: ProgrammeProblem[] = [];
  const refused = new Set<string>();
  for (const item of programme.items) {
    const tombstone = tombstones.get(item.id);
    if (!tombstone || restore.includes(item.id)) continue;
    // Published again already (restored earlier): the live item is what the id means now.
    if ((await store.stat(manifestKey(item.id))) !== null) continue;
    refused.add(item.id);
    problems.push({ row: item.row, itemId: item.id, field: 'id', message: refusal(tombstone), severity: 'error' });
  }
  const ids = new Set(programme.items.map((item) => item.id));
  for (const id of restore) {
    const unknown = !ids.has(id) ? 'no valid row of the programme has this id' : !tombstones.has(id) ? 'this id was never removed: nothing to restore' : null;
    if (unknown) problems.push({ row: null, itemId: id, field: '--restore', message: unknown, severity: 'warning' });
  }
  if (problems.length === 0) return programme;
  return {
    ...programme,
    items: programme.items.filter((item) => !refused.has(item.id)),
    problems: sortProblems([...programme.problems, ...problems.map((p) => ({ ...p, message: escapeControlCharacters(p.message) }))]),
  };
}

function refusal(tombstone: Tombstone): string {
  const when = tombstone.removedAt.slice(0, 10);
  const what = tombstone.purged ? `purged from the archive on ${when}` : `removed from the archive on ${when} (reason: ${tombstone.reason ?? 'none given'})`;
  return `${what}, see ${tombstoneKey(tombstone.id)}: not ingested again; to bring it back on purpose, run the ingest with --restore ${tombstone.id}`;
}

/**
 * After an ingest with `--restore`: the tombstone of each restored id that is published again
 * is deleted (the live item answers for the id now). Returns the ids whose tombstone went.
 */
export async function forgetRestored(store: BlobStore, restore: readonly string[]): Promise<string[]> {
  const forgotten: string[] = [];
  for (const id of restore) {
    if ((await store.stat(manifestKey(id))) === null || (await readTombstone(store, id)) === null) continue;
    await deleteTombstone(store, id);
    forgotten.push(id);
  }
  return forgotten;
}
