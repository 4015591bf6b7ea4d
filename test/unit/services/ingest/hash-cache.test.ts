import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashCache } from '../../../../src/services/ingest/hash-cache.js';

describe('HashCache', () => {
  it('hashes, remembers, and survives saves from items hashed side by side', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mc-hash-'));
    const files = Array.from({ length: 8 }, (_, i) => {
      const file = path.join(dir, `f${i}.bin`);
      writeFileSync(file, `content ${i}`);
      return file;
    });
    const cache = new HashCache(path.join(dir, 'cache', 'sha256.json'));
    await Promise.all(files.map(async (file) => {
      await cache.sha256(file);
      await cache.save();
    }));
    const saved = JSON.parse(readFileSync(path.join(dir, 'cache', 'sha256.json'), 'utf8')) as Record<string, { sha256: string }>;
    expect(Object.keys(saved).sort()).toEqual([...files].sort());
    expect(saved[files[0] as string]?.sha256).toBe('75e0d458fc2da40b5b8b8b614d0192e9da7fffc2d6042f33300fdb0e8a83dfb4'); // sha256('content 0')
  });

  it('notices a changed file even with the same size', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mc-hash-'));
    const file = path.join(dir, 'a.bin');
    writeFileSync(file, 'aaaa');
    const cache = new HashCache(path.join(dir, 'sha.json'));
    const first = await cache.sha256(file);
    writeFileSync(file, 'bbbb');
    // A later modification time, as any real edit has: set rather than waited for.
    const later = new Date(statSync(file).mtimeMs + 1000);
    utimesSync(file, later, later);
    const second = await cache.sha256(file);
    expect(second.size).toBe(first.size);
    expect(second.sha256).not.toBe(first.sha256);
  });
});
