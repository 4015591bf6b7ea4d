import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * Where a test keeps files it writes in bulk: a tmpfs (/dev/shm) where there is one, else the
 * system's temporary folder. The filesystem store fsyncs every file it writes and Meilisearch
 * every task; for a test that ingests whole programmes, waiting for a busy disk was most of its
 * time and proves nothing it checks. Not for tests about the disk itself (full disk, crashes).
 */
export function scratchParent(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}
