import { describe, expect, it } from 'vitest';
import { shareStrings } from '../../../../src/services/catalogue/shared-strings.js';
import { documentManifest, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

describe('shareStrings', () => {
  it('leaves every manifest equal to what was parsed: strings, numbers, booleans, nulls, arrays and nesting', () => {
    for (const manifest of [talkManifest({ title: 'Médiation « numérique »' }), podcastManifest(), documentManifest()]) {
      const parsed = JSON.parse(JSON.stringify(manifest)) as typeof manifest;
      expect(shareStrings(parsed)).toEqual(manifest);
    }
  });

  it('keeps long strings apart from short ones and changes the value in place', () => {
    const long = 'x'.repeat(200);
    const value = { a: [long, long, 'fr'], b: { c: 'fr', d: 3, e: null, f: true } };
    const same = shareStrings(value);
    expect(same).toBe(value);
    expect(same).toEqual({ a: [long, long, 'fr'], b: { c: 'fr', d: 3, e: null, f: true } });
  });
});
