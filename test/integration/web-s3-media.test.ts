import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3BlobStore } from '../../src/adapters/blob-store/s3-blob-store.js';
import { manifestKey, type Manifest } from '../../src/domain/manifest.js';
import { mediaUrl } from '../../src/http/urls.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';
import { cuesOf, writeItem } from '../support/search-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';

/** With the archive in object storage, browsers fetch media from the bucket itself (presigned). */
describe('media from S3', () => {
  let s3: TestS3;
  let site: TestWeb<S3BlobStore>;
  let manifest: Manifest;

  beforeAll(async () => {
    s3 = await startTestS3();
    const store = s3.store();
    manifest = await writeItem(store, { id: '2025-strasbourg-s3', kind: 'talk', title: 'Dans le seau', transcripts: [{ cues: cuesOf(['Bonjour.', 'Au revoir.']) }] });
    site = await startWebOver(store, undefined, s3.endpoint);
  });
  afterAll(async () => {
    await site?.close();
    await s3?.dispose();
  });

  it('redirects a listed key to a presigned URL that answers Range requests, and allows that origin in the CSP', async () => {
    const file = manifest.files.find((f) => f.key.endsWith('.vtt'))!;
    const response = await site.fetch(mediaUrl(file.key));
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location.startsWith(`${s3.endpoint}/mc/`)).toBe(true);
    expect(location).toContain('X-Amz-Signature=');
    const part = await fetch(location, { headers: { Range: 'bytes=0-5' } });
    expect(part.status).toBe(206);
    expect((await part.text()).length).toBe(6);
    expect(response.headers.get('content-security-policy')).toContain(`media-src 'self' blob: ${s3.endpoint}`);
  });

  it('still refuses keys that no manifest lists', async () => {
    expect((await site.fetch(`/media/${manifestKey('2025-strasbourg-s3')}`)).status).toBe(404);
    expect((await site.fetch('/media/.probe/x')).status).toBe(404);
  });
});
