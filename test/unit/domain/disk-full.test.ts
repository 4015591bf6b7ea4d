import { describe, expect, it } from 'vitest';
import { diskFullMessage, diskFullOf, DiskFullError, formatBytes, isNoSpace } from '../../../src/domain/disk-full.js';
import { ToolError } from '../../../src/domain/errors.js';

describe('a full disk', () => {
  it('says where, how much room is left and what to do, in one line', () => {
    expect(diskFullMessage('work', '/data/.work', 12_345)).toBe(
      'disk full: the work folder /data/.work has 12.3 kB free; free space there or set DATA_DIR to a folder on a larger disk, then run the same command again (finished steps are kept)',
    );
    expect(diskFullMessage('search', '/data/meili', 0)).toBe(
      'disk full: the search index folder /data/meili has 0 B free; free space there or set DATA_DIR to a folder on a larger disk (or MEILI_URL to another Meilisearch)',
    );
    expect(diskFullMessage('bucket', 'archive at http://s3.local', null)).toBe(
      'disk full: the S3 bucket archive at http://s3.local has no room left; free space on the storage server or raise its quota, then run the same command again (finished steps are kept)',
    );
    const error = new DiskFullError('store', '/data', 2_500_000);
    expect([error.code, error.place, error.path, error.freeBytes, error.message.split('\n')]).toEqual(['disk_full', 'store', '/data', 2_500_000, [error.message]]);
  });

  it('is recognised in Node errors, tool output and S3 answers, also as a cause, and nothing else', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/data/x' });
    const ffmpeg = new ToolError('ffmpeg', 'ffmpeg failed: Error writing trailer', '[hls @ 0x1] Failed to write: No space left on device');
    const s3 = Object.assign(new Error('Storage backend has reached its minimum free drive threshold.'), { name: 'XMinioStorageFull', Code: 'InsufficientStorage' });
    const wrapped = new Error('copy failed', { cause: enospc });
    for (const error of [enospc, ffmpeg, s3, wrapped, new DiskFullError('work', '/w', 0)]) expect(isNoSpace(error), String(error)).toBe(true);
    for (const error of [new Error('ENOENT: no such file'), new ToolError('ffmpeg', 'ffmpeg failed: Invalid data found'), null]) expect(isNoSpace(error), String(error)).toBe(false);
  });

  it('finds the DiskFullError behind an error', () => {
    const full = new DiskFullError('store', '/data', 0);
    expect(diskFullOf(new Error('stage failed', { cause: full }))).toBe(full);
    expect(diskFullOf(new Error('other'))).toBeNull();
  });

  it('writes sizes in decimal units', () => {
    expect([0, 999, 1000, 56_000, 2_147_483_648].map(formatBytes)).toEqual(['0 B', '999 B', '1.0 kB', '56.0 kB', '2.1 GB']);
  });
});
