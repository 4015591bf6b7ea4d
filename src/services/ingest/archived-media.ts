import type { ProgrammeItem } from '../../domain/item.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readManifests } from '../archive/manifests.js';

/** What the archive holds, as far as telling a new item from one already archived goes. */
export interface ArchivedMedia {
  /** The recording's (or PDF's) sha256 → the ids of the published items made from it. */
  idsBySha256: ReadonlyMap<string, readonly string[]>;
  /** Every published id → the sha256 of its recording. */
  sha256ById: ReadonlyMap<string, string>;
}

/** Read once per ingest, before any item of it is published. */
export async function readArchivedMedia(store: BlobStore): Promise<ArchivedMedia> {
  const idsBySha256 = new Map<string, string[]>();
  const sha256ById = new Map<string, string>();
  for await (const manifest of readManifests(store)) {
    sha256ById.set(manifest.id, manifest.source.sha256);
    idsBySha256.set(manifest.source.sha256, [...(idsBySha256.get(manifest.source.sha256) ?? []), manifest.id]);
  }
  return { idsBySha256, sha256ById };
}

/**
 * Why this row must not be ingested, or null. Its media already archived under another id is
 * the same item under a new id — typically a title fixed in a programme without an id column,
 * which changes the default id: ingesting it would make a second item. It is one only when the
 * row lists that id in its aliases (a rename: the old id then answers 301). An alias must not
 * be the id of another live item, whose address it would take over.
 */
export function archivedMediaProblem(item: Pick<ProgrammeItem, 'id' | 'row' | 'aliases'>, mediaSha256: string, archived: ArchivedMedia): string | null {
  const aliases = item.aliases ?? [];
  const row = item.row === null ? '' : `row ${item.row}: `;
  for (const alias of aliases) {
    const sha256 = archived.sha256ById.get(alias);
    if (sha256 !== undefined && sha256 !== mediaSha256) {
      return `${row}alias "${alias}" is the id of another item in the archive (a different recording); remove it from the aliases column`;
    }
  }
  // Already archived under its own id: re-ingesting it creates nothing new.
  if (archived.sha256ById.get(item.id) === mediaSha256) return null;
  const others = (archived.idsBySha256.get(mediaSha256) ?? []).filter((id) => id !== item.id && !aliases.includes(id));
  const old = others[0];
  if (old === undefined) return null;
  return `${row}this file is already archived as "${old}" (same sha256), so this row would make a second item: ` +
    `give this row the id "${old}", or list "${old}" in its aliases column to rename the item to "${item.id}"`;
}
