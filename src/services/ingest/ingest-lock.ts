import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/errors.js';
import { takePidFile } from '../../lib/pid-file.js';

class IngestBusyError extends AppError {
  override name = 'IngestBusyError';
  override readonly code = 'ingest_busy';
}

/**
 * One ingest at a time per archive: two runs would resume the same work folders at once.
 * The lock holds the owner's pid; a lock whose process is gone (killed run) is taken over.
 */
export async function acquireIngestLock(workRoot: string): Promise<() => Promise<void>> {
  await mkdir(workRoot, { recursive: true });
  const file = path.join(workRoot, 'ingest.lock');
  // A second attempt follows the removal of a lock left by a killed run.
  for (let attempt = 0; attempt < 2; attempt++) {
    const lock = await takePidFile(file);
    if (lock.taken) return lock.release;
    if (lock.owner) throw new IngestBusyError(`another ingest is running on this archive (pid ${lock.owner}); wait for it or stop it first`);
  }
  throw new IngestBusyError(`could not take the ingest lock ${file}`);
}
