import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../../src/cli/commands/verify.js';

const expected = { size: 62_416, sha256: 'e'.repeat(64) };
const base = { item: '2025-ia', key: 'items/2025-ia/9bdf2230dd62/hls/360p/segment-00000.ts', expected };

describe('verify\'s problem lines', () => {
  it('name the item, the key, what the manifest expects and what was found, on one line', () => {
    expect(problemLine({ ...base, kind: 'damaged', found: { size: 62_416, sha256: 'b'.repeat(64) } }))
      .toBe(`error: 2025-ia ${base.key}: damaged: expected 62416 bytes sha256 ${'e'.repeat(64)}, found 62416 bytes sha256 ${'b'.repeat(64)}`);
    expect(problemLine({ ...base, kind: 'missing', found: null }))
      .toBe(`error: 2025-ia ${base.key}: missing: expected 62416 bytes sha256 ${'e'.repeat(64)}, found nothing (missing)`);
    expect(problemLine({ ...base, kind: 'unreadable', found: null, cause: 'EIO: i/o error, read' }))
      .toBe(`error: 2025-ia ${base.key}: unreadable: expected 62416 bytes sha256 ${'e'.repeat(64)}, found it unreadable (EIO: i/o error, read)`);
    expect(problemLine({ item: '2025-ia', key: 'items/2025-ia/manifest.json', kind: 'unreadable', expected: null, found: null, cause: 'unreadable manifest: id: Invalid' }))
      .toBe('error: 2025-ia items/2025-ia/manifest.json: unreadable: expected a readable manifest, found it unreadable (unreadable manifest: id: Invalid)');
  });
});
