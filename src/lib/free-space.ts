import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { DiskFullError, type DiskPlace } from '../domain/disk-full.js';

/**
 * Bytes an unprivileged process may still write on the filesystem holding `dir` (statfs
 * `bavail`, what df shows as available), asked of the nearest folder that exists; null when
 * even that cannot be asked.
 */
export async function freeBytes(dir: string): Promise<number | null> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      const stats = await statfs(current);
      return stats.bavail * stats.bsize;
    } catch {
      if (path.dirname(current) === current) return null;
    }
  }
}

/** The DiskFullError for a write that failed for lack of room in `dir`, with the room there now. */
export async function diskFullAt(place: DiskPlace, dir: string, cause: unknown): Promise<DiskFullError> {
  return new DiskFullError(place, dir, await freeBytes(dir), { cause });
}
