import { describe, expect, it } from 'vitest';
import { describeS3Cause, isNotFound, isStorageFull } from '../../../../src/adapters/blob-store/s3-errors.js';

describe('S3 failures in words', () => {
  it('says the status when a HEAD has no body, the code and message otherwise, and the attempts', () => {
    expect(describeS3Cause({ name: 'NotFound', message: 'UnknownError', $metadata: { httpStatusCode: 404, attempts: 1 } })).toBe('HTTP 404 NotFound');
    expect(describeS3Cause({ name: 'AccessDenied', message: 'Access Denied', $metadata: { httpStatusCode: 403 } })).toBe('HTTP 403 AccessDenied: Access Denied');
    expect(describeS3Cause(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED', $metadata: { attempts: 8 } }))).toBe('connect ECONNREFUSED 127.0.0.1:9000 (8 attempts)');
    expect(describeS3Cause(Object.assign(new AggregateError([new Error('connect ECONNREFUSED ::1:9000')], ''), { code: 'ECONNREFUSED' }))).toBe('connect ECONNREFUSED ::1:9000');
    expect(describeS3Cause(new Error('first line\nsecond line'))).toBe('first line');
  });

  it('knows a missing object by its name or its status', () => {
    expect(isNotFound({ name: 'NoSuchKey' })).toBe(true);
    expect(isNotFound({ name: 'NotFound', $metadata: { httpStatusCode: 404 } })).toBe(true);
    expect(isNotFound({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } })).toBe(true);
    expect(isNotFound({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })).toBe(false);
  });

  it('knows a server out of room (507) from an object too large for it', () => {
    expect(isStorageFull({ name: 'InsufficientStorage', $metadata: { httpStatusCode: 507 } })).toBe(true);
    expect(isStorageFull({ name: 'XMinioStorageFull', message: 'Storage backend has reached its minimum free drive threshold.', $metadata: { httpStatusCode: 507 } })).toBe(true);
    expect(isStorageFull({ name: 'EntityTooLarge', $metadata: { httpStatusCode: 400 } })).toBe(false);
    expect(isStorageFull({ name: 'InternalError', $metadata: { httpStatusCode: 500 } })).toBe(false);
  });
});
