import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/errors.js';

export class IngestBusyError extends AppError {
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
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new IngestBusyError(`another ingest is running on this archive (pid ${owner}); wait for it or stop it first`);
      }
      await rm(file, { force: true }); // left by a run that was killed
    }
  }
  throw new IngestBusyError(`could not take the ingest lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
