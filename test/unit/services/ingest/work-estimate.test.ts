import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../../../src/domain/item.js';
import { estimatedWork } from '../../../../src/services/ingest/work-estimate.js';

const item = (kind: string): ProgrammeItem => ({ id: 'x', kind } as unknown as ProgrammeItem);

describe('an item’s estimated work', () => {
  it('counts the bytes of what its steps decode, a podcast’s lighter than a talk’s, captions and slides not at all', () => {
    const sizes = [
      { slot: 'media' as const, size: 3_000_000 },
      { slot: 'signLanguage' as const, size: 400_000 },
      { slot: 'captions:0' as const, size: 3_000 },
      { slot: 'slides' as const, size: 90_000 },
    ];
    expect(estimatedWork(item('talk'), sizes)).toBe(3_400_000);
    expect(estimatedWork(item('podcast'), [{ slot: 'media', size: 3_000_000 }])).toBeLessThan(estimatedWork(item('talk'), [{ slot: 'media', size: 3_000_000 }]));
    expect(estimatedWork(item('document'), [{ slot: 'media', size: 14_000 }])).toBe(14_000);
  });
});
