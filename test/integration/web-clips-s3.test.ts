import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3BlobStore } from '../../src/adapters/blob-store/s3-blob-store.js';
import type { Manifest } from '../../src/domain/manifest.js';
import { itemApiUrl } from '../../src/http/urls.js';
import { putClipTalk } from '../support/clip-items.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';
import { startWebOver, type TestWeb } from '../support/web.js';

const run = promisify(execFile);

/** With the archive in object storage, ffmpeg reads the source from a presigned URL and the clip is kept in the bucket. */
describe('clips from S3', () => {
  let s3: TestS3;
  let site: TestWeb<S3BlobStore>;
  let talk: Manifest;
  const work = mkdtempSync(path.join(tmpdir(), 'mc-clip-s3-'));

  beforeAll(async () => {
    s3 = await startTestS3();
    const store = s3.store();
    talk = await putClipTalk(store);
    site = await startWebOver(store, undefined, s3.endpoint);
  });
  afterAll(async () => {
    await site?.close();
    await s3?.dispose();
    await rm(work, { recursive: true, force: true });
  });

  it('cuts from the bucket, keeps the clip there, and serves it and its byte ranges through the site', async () => {
    const url = `${site.url}${itemApiUrl(talk.id, 'clip.mp4', { t: '7,11' })}`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-clip-start')).toBe('6');
    const file = path.join(work, 'clip.mp4');
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=duration', '-of', 'csv=p=0', file]);
    expect(Math.abs(Number(stdout.trim()) - 5)).toBeLessThanOrEqual(0.12);
    const kept: { key: string; size: number }[] = [];
    for await (const blob of site.store.list(`clips/${talk.id}/`)) if (blob.key.endsWith('.mp4')) kept.push(blob);
    expect(kept).toHaveLength(1);
    const part = await fetch(url, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${kept[0]?.size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
  });
});
