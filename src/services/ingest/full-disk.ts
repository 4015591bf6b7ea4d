import path from 'node:path';
import { diskFullOf, isNoSpace, type DiskFullError } from '../../domain/disk-full.js';
import { diskFullAt } from '../../lib/free-space.js';

/**
 * A failure of an ingest step for lack of room, as the DiskFullError that names the place: the
 * store says so itself; anything else written on this machine is in the work folder (ffmpeg's
 * and libvips' outputs, local copies), or, for a file Node names outside it, the app's state
 * (the checksum cache). Null when the failure is about something else.
 */
export async function diskFullOfStep(error: unknown, workRoot: string): Promise<DiskFullError | null> {
  if (!isNoSpace(error)) return null;
  const known = diskFullOf(error);
  if (known) return known;
  const file = (error as NodeJS.ErrnoException | null)?.path;
  if (typeof file === 'string' && !isInside(file, workRoot)) return diskFullAt('state', path.dirname(file), error);
  return diskFullAt('work', workRoot, error);
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The whole run's stop: set by the first item that found a disk full. Every later item would
 * fail the same way, each naming one of its own files as if that file were at fault; so none
 * is tried, and the run lists them instead.
 */
export class RunStop {
  private reason: string | null = null;

  stop(reason: string): void {
    this.reason ??= reason;
  }

  get stopped(): string | null {
    return this.reason;
  }
}
