import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/domain/manifest.js';

describe('parseManifest', () => {
  it('names the schema version of a manifest written by another version', () => {
    expect(() => parseManifest('{"schemaVersion": 1, "id": "x"}')).toThrow(
      'manifest schema version 1, this version reads 2: ingest the edition again to upgrade it',
    );
  });
});
