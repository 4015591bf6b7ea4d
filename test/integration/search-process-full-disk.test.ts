import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalMeilisearch } from '../../src/adapters/search-index/meilisearch-process.js';
import { openMeilisearch } from '../../src/adapters/search-index/open-meilisearch.js';
import { DiskFullError } from '../../src/domain/disk-full.js';
import { fillDisk, mountTmpfs, tmpfsProblem, type Tmpfs } from '../support/tmpfs.js';

const problem = tmpfsProblem();

/**
 * The app's own Meilisearch asked to start on a full disk: it says nothing useful itself (an
 * anyhow::error line, or SIGBUS on tmpfs), so the launcher says it in words.
 */
describe.skipIf(problem !== null)(`Meilisearch started on a full disk${problem ? ` (skipped: ${problem})` : ''}`, () => {
  let disk: Tmpfs;
  beforeAll(() => {
    disk = mountTmpfs('2m');
    // Its folder and key exist (an archive that had search before the disk filled up).
    mkdirSync(path.join(disk.dir, 'meili'));
  });
  afterAll(() => disk?.unmount());

  it('says the search index folder is full, with its room and what to do', async () => {
    // The key is written while there is room, then the disk fills up.
    const first = await startLocalMeilisearch({ dataDir: disk.dir });
    await first.stop();
    fillDisk(disk.dir);
    const error = await startLocalMeilisearch({ dataDir: disk.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiskFullError);
    expect(error).toMatchObject({ place: 'search', path: path.join(disk.dir, 'meili'), freeBytes: 0 });
    expect((error as Error).message).toBe(`disk full: the search index folder ${path.join(disk.dir, 'meili')} has 0 B free; free space there or set DATA_DIR to a folder on a larger disk (or MEILI_URL to another Meilisearch)`);
  }, 60_000);

  it('and search as status reports it says the same, not an anyhow::error', async () => {
    const error = await openMeilisearch({ dataDir: disk.dir, external: null }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^search is unavailable: could not start Meilisearch \(disk full: the search index folder .* has 0 B free; free space there/);
  }, 60_000);
});
