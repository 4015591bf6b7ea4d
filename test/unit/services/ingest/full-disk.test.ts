import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskFullError } from '../../../../src/domain/disk-full.js';
import { MediaError, ToolError } from '../../../../src/domain/errors.js';
import { diskFullOfStep, RunStop } from '../../../../src/services/ingest/full-disk.js';

const workRoot = path.join(tmpdir(), 'mc-data', '.work');
const enospc = (file?: string): NodeJS.ErrnoException => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', ...(file ? { path: file } : {}) });

describe('a step that found no room', () => {
  it('names the work folder for what this machine writes there, never an input file', async () => {
    const ffmpeg = new ToolError('ffmpeg', 'ffmpeg failed: Error writing trailer of out.m3u8', 'av_interleaved_write_frame(): No space left on device');
    for (const error of [ffmpeg, enospc(path.join(workRoot, 'item', 'out', 'poster.avif')), enospc()]) {
      const full = await diskFullOfStep(error, workRoot);
      expect([full?.place, full?.path, full?.cause]).toEqual(['work', workRoot, error]);
    }
  });

  it('names the app state folder for a file outside the work folder (the checksum cache)', async () => {
    const cache = path.join(tmpdir(), 'mc-data', '.cache', 'sha256.json.tmp');
    expect(await diskFullOfStep(enospc(cache), workRoot)).toMatchObject({ place: 'state', path: path.dirname(cache) });
  });

  it('keeps what the store said about itself, and is null for every other failure', async () => {
    const store = new DiskFullError('store', '/data', 0);
    expect(await diskFullOfStep(new Error('stage failed', { cause: store }), workRoot)).toBe(store);
    expect(await diskFullOfStep(new MediaError('talk.mp4', 'moov atom not found'), workRoot)).toBeNull();
  });
});

describe('the run stop', () => {
  it('keeps the first reason', () => {
    const halt = new RunStop();
    expect(halt.stopped).toBeNull();
    halt.stop('disk full: the store folder /a has 0 B free');
    halt.stop('disk full: later');
    expect(halt.stopped).toBe('disk full: the store folder /a has 0 B free');
  });
});
