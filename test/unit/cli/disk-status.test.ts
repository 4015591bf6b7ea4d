import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskStatus, diskText } from '../../../src/cli/disk-status.js';
import { loadConfig } from '../../../src/config.js';

describe('status: room on disk', () => {
  it('asks the store, work and search folders, and marks those under DISK_WARN_FREE_MB', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mc-disk-status-'));
    const roomy = await diskStatus(loadConfig({ DATA_DIR: dataDir, DISK_WARN_FREE_MB: '0' }, dataDir));
    expect(roomy.folders.map((f) => [f.place, f.path, f.low])).toEqual([
      ['store', dataDir, false], ['work', path.join(dataDir, '.work'), false], ['search', path.join(dataDir, 'meili'), false],
    ]);
    for (const folder of roomy.folders) expect(folder.freeBytes).toBeGreaterThan(0);
    // No disk here has this much room; an external Meilisearch and an S3 store are not local folders.
    const tight = await diskStatus(loadConfig({
      DATA_DIR: dataDir, DISK_WARN_FREE_MB: String(1024 ** 3), MEILI_URL: 'http://127.0.0.1:7700', STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's',
    }, dataDir));
    expect(tight.folders.map((f) => [f.place, f.low])).toEqual([['work', true]]);
    expect(tight.warnBelowBytes).toBe(1024 ** 5);
  });

  it('prints one line of folders, then a warning for each folder short of room', () => {
    const text = diskText({
      warnBelowBytes: 2048 * 1024 * 1024,
      folders: [
        { place: 'store', path: '/data', freeBytes: 52_000_000_000, low: false },
        { place: 'work', path: '/data/.work', freeBytes: 1_500_000_000, low: true },
        { place: 'search', path: '/data/meili', freeBytes: null, low: false },
      ],
    });
    expect(text).toBe(
      'Disk: store folder /data 52.0 GB free; work folder /data/.work 1.5 GB free; search index folder /data/meili free space unknown\n'
      + 'warning: the work folder /data/.work has 1.5 GB free, under DISK_WARN_FREE_MB (2048 MiB): an ingest stops when the disk is full; free space there or set DATA_DIR to a folder on a larger disk\n',
    );
  });
});
