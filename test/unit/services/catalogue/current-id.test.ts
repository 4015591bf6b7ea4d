import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../support/snapshot.js';
import { currentIdOf } from '../../../../src/services/catalogue/current-id.js';
import { talkManifest } from '../../../support/manifest-factory.js';

describe('currentIdOf', () => {
  const snapshot = snapshotOf([
    talkManifest({ id: 'new-title', aliases: ['old-title', 'still-live'] }),
    talkManifest({ id: 'still-live' }),
  ]);

  it('answers a live id with itself and an alias with the item it names now', () => {
    expect(currentIdOf(snapshot, 'new-title')).toBe('new-title');
    expect(currentIdOf(snapshot, 'old-title')).toBe('new-title');
  });

  it('lets a live id win over an alias of the same spelling, and knows nothing else', () => {
    expect(currentIdOf(snapshot, 'still-live')).toBe('still-live');
    expect(currentIdOf(snapshot, 'never-was')).toBeNull();
  });
});
