import { describe, expect, it } from 'vitest';
import { mediaOriginOf } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';

const s3 = { STORAGE: 's3', S3_BUCKET: 'archives', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' };

describe('where browsers load media from', () => {
  it('is the site itself on the filesystem, else the bucket: CDN, path-style endpoint, bucket host', () => {
    expect(mediaOriginOf(loadConfig({}, '/nowhere'))).toBeNull();
    expect(mediaOriginOf(loadConfig({ ...s3, S3_PUBLIC_BASE_URL: 'https://cdn.example.org/nec/' }, '/nowhere'))).toBe('https://cdn.example.org');
    expect(mediaOriginOf(loadConfig({ ...s3, S3_ENDPOINT: 'http://minio:9000' }, '/nowhere'))).toBe('http://minio:9000');
    expect(mediaOriginOf(loadConfig({ ...s3, S3_ENDPOINT: 'https://s3.fr-par.scw.cloud', S3_FORCE_PATH_STYLE: 'false' }, '/nowhere'))).toBe('https://archives.s3.fr-par.scw.cloud');
    expect(mediaOriginOf(loadConfig({ ...s3, S3_REGION: 'eu-west-3' }, '/nowhere'))).toBe('https://archives.s3.eu-west-3.amazonaws.com');
  });
});
