import path from 'node:path';
import { workRootOf } from '../compose.js';
import type { Config } from '../config.js';
import { formatBytes } from '../domain/disk-full.js';
import { freeBytes } from '../lib/free-space.js';
import { escapeControlCharacters } from '../services/programme/control-characters.js';

/** One folder the archive writes to on this machine, and the room left on its disk. */
export interface FolderRoom {
  place: 'store' | 'work' | 'search';
  path: string;
  /** null: the filesystem could not be asked. */
  freeBytes: number | null;
  /** Less room than DISK_WARN_FREE_MB. */
  low: boolean;
}

export interface DiskStatus {
  warnBelowBytes: number;
  folders: FolderRoom[];
}

const MIB = 1024 * 1024;

const PLACE_LABELS: Record<FolderRoom['place'], string> = { store: 'store folder', work: 'work folder', search: 'search index folder' };

/**
 * The room left where the archive writes on this machine: the store's folder (filesystem
 * storage; an S3 bucket's room is the server's business), the work folder, and the search
 * index's folder when the app runs its own Meilisearch. A full disk stops an ingest at once;
 * this says it is coming.
 */
export async function diskStatus(config: Readonly<Config>): Promise<DiskStatus> {
  const places: { place: FolderRoom['place']; path: string }[] = [
    ...(config.storage.kind === 'fs' ? [{ place: 'store' as const, path: config.dataDir }] : []),
    { place: 'work', path: workRootOf(config) },
    ...(config.meili === null ? [{ place: 'search' as const, path: path.join(config.dataDir, 'meili') }] : []),
  ];
  const folders = await Promise.all(places.map(async ({ place, path: dir }) => {
    const free = await freeBytes(dir);
    return { place, path: dir, freeBytes: free, low: free !== null && free < config.diskWarnFreeBytes };
  }));
  return { warnBelowBytes: config.diskWarnFreeBytes, folders };
}

/** "Disk: store folder /data 12.3 GB free; work folder …", then a warning line per folder short of room. */
export function diskText(status: DiskStatus): string {
  const room = (f: FolderRoom): string => (f.freeBytes === null ? 'free space unknown' : `${formatBytes(f.freeBytes)} free`);
  const lines = [`Disk: ${status.folders.map((f) => `${PLACE_LABELS[f.place]} ${f.path} ${room(f)}`).join('; ')}`];
  for (const f of status.folders.filter((folder) => folder.low)) {
    lines.push(`warning: the ${PLACE_LABELS[f.place]} ${f.path} has ${room(f)}, under DISK_WARN_FREE_MB (${Math.round(status.warnBelowBytes / MIB)} MiB):`
      + ' an ingest stops when the disk is full; free space there or set DATA_DIR to a folder on a larger disk');
  }
  // Paths come from the environment: one line each, whatever they hold.
  return lines.map((line) => `${escapeControlCharacters(line)}\n`).join('');
}
