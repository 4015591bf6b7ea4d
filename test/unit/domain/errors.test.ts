import { describe, expect, it } from 'vitest';
import { describeError } from '../../../src/domain/errors.js';
import { manifestSchema } from '../../../src/domain/manifest.js';

describe('describeError', () => {
  it('puts a schema failure on one line, field by field', () => {
    const result = manifestSchema.safeParse({ schemaVersion: 2, id: 'Bad Id' });
    expect(result.success).toBe(false);
    const line = describeError(result.error);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^id: .*; kind: /);
  });

  it('keeps the first line of an ordinary error', () => {
    expect(describeError(new Error('ffmpeg failed: x\ndetails'))).toBe('ffmpeg failed: x');
  });
});
