import { AppError } from './errors.js';

/**
 * Where the archive writes: the store (DATA_DIR, or the S3 bucket), this machine's work folder
 * (DATA_DIR/.work), the search index (DATA_DIR/meili) and the app's own state (DATA_DIR/.cache,
 * .state). A full disk is never the fault of an input file: the place is what people must act on.
 */
export type DiskPlace = 'store' | 'bucket' | 'work' | 'search' | 'state';

const PLACE_NAMES: Record<DiskPlace, string> = {
  store: 'the store folder',
  bucket: 'the S3 bucket',
  work: 'the work folder',
  search: 'the search index folder',
  state: 'the app\'s state folder',
};

/**
 * No room left where the archive writes (ENOSPC, or an object store refusing for lack of
 * storage). Fatal for a whole run: every later item would fail the same way, so the run stops at
 * the first one and says where and what to do. What was written before stays as it was: every
 * write is renamed into place whole, and finished steps are kept for the next run.
 */
export class DiskFullError extends AppError {
  override name = 'DiskFullError';
  override readonly code = 'disk_full';
  constructor(readonly place: DiskPlace, readonly path: string, readonly freeBytes: number | null, options?: { cause?: unknown }) {
    super(diskFullMessage(place, path, freeBytes), options);
  }
}

/** "disk full: the work folder /data/.work has 12 kB free; free space there or …" */
export function diskFullMessage(place: DiskPlace, where: string, freeBytes: number | null): string {
  const room = freeBytes === null ? 'has no room left' : `has ${formatBytes(freeBytes)} free`;
  return `disk full: ${PLACE_NAMES[place]} ${where} ${room}; ${remedyFor(place)}`;
}

function remedyFor(place: DiskPlace): string {
  const again = 'then run the same command again (finished steps are kept)';
  if (place === 'bucket') return `free space on the storage server or raise its quota, ${again}`;
  if (place === 'search') return 'free space there or set DATA_DIR to a folder on a larger disk (or MEILI_URL to another Meilisearch)';
  return `free space there or set DATA_DIR to a folder on a larger disk, ${again}`;
}

const SPACE_PATTERN = /ENOSPC|no space left on device|InsufficientStorage|not enough (free )?(disk )?space/i;

/**
 * Whether an error (or any error it was caused by) says the disk is full: Node's ENOSPC, a
 * tool's "No space left on device" on stderr (ffmpeg, libvips, Meilisearch), an S3 server's
 * InsufficientStorage.
 */
export function isNoSpace(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof DiskFullError) return true;
    const fields = current as { code?: unknown; name?: unknown; message?: unknown; stderrTail?: unknown; Code?: unknown };
    if (fields.code === 'ENOSPC' || fields.name === 'InsufficientStorage' || fields.Code === 'InsufficientStorage') return true;
    for (const text of [fields.message, fields.stderrTail]) if (typeof text === 'string' && SPACE_PATTERN.test(text)) return true;
    if (typeof current !== 'object') break;
  }
  return false;
}

/** The DiskFullError an error is or was caused by, if any. */
export function diskFullOf(error: unknown): DiskFullError | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof DiskFullError) return current;
  }
  return null;
}

/** 1234567 → "1.2 MB" (decimal units, as df -H and file managers show). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
