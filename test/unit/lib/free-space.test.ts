import { statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFullAt, freeBytes } from '../../../src/lib/free-space.js';

describe('free space', () => {
  it('is what statfs gives an unprivileged writer, asked of the nearest folder that exists', async () => {
    const stats = statfsSync(tmpdir());
    const free = await freeBytes(path.join(tmpdir(), 'not-made-yet', 'deeper'));
    // The same filesystem, asked twice: other writers may change it by a little in between.
    expect(free).not.toBeNull();
    expect(Math.abs((free as number) - stats.bavail * stats.bsize)).toBeLessThan(64 * 1024 * 1024);
  });

  it('makes the DiskFullError of a folder, with its room and the cause', async () => {
    const cause = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const error = await diskFullAt('work', tmpdir(), cause);
    expect([error.place, error.path, error.cause]).toEqual(['work', tmpdir(), cause]);
    expect(error.freeBytes).toBeGreaterThanOrEqual(0);
  });
});
