import { describe, expect, it } from 'vitest';
import { decodeToken, encodeToken, type ResumptionState } from '../../../../src/http/oai/oai-token.js';

const STATE: ResumptionState = {
  verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'edition:2025-strasbourg', from: '2025-01-01T00:00:00Z', until: null,
  after: ['2025-11-02T10:00:00Z', '2025-strasbourg-ia-mediation'],
};

describe('resumption tokens', () => {
  it('carry the request and the cursor, in characters a URL and XML keep as they are', () => {
    const token = encodeToken(STATE);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeToken(token, 'ListRecords')).toEqual(STATE);
  });

  it('belong to their verb', () => {
    expect(decodeToken(encodeToken(STATE), 'ListIdentifiers')).toBeNull();
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['another shape', Buffer.from(JSON.stringify({ v: 1, verb: 'ListRecords' })).toString('base64url')],
    ['a bad datestamp', encodeToken({ ...STATE, after: ['2025-11-02', 'x'] })],
    ['an extra field', Buffer.from(JSON.stringify({ v: 1, ...STATE, extra: 1 })).toString('base64url')],
    ['empty', ''],
  ])('refuses %s', (_what, token) => {
    expect(decodeToken(token, 'ListRecords')).toBeNull();
  });
});
