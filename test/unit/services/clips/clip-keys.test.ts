import { describe, expect, it } from 'vitest';
import { clipKeys, itemClipsPrefix, revisionClipsPrefix, revisionOf } from '../../../../src/services/clips/clip-keys.js';
import { talkManifest } from '../../../support/manifest-factory.js';

describe('clip keys', () => {
  const talk = talkManifest({ id: '2025-strasbourg-ia' });

  it('live under clips/<id>/<rev>/, named by the range in milliseconds and the tags’ hash', () => {
    expect(revisionOf(talk)).toBe('abc123');
    expect(itemClipsPrefix(talk.id)).toBe('clips/2025-strasbourg-ia/');
    expect(revisionClipsPrefix(talk)).toBe('clips/2025-strasbourg-ia/abc123/');
    expect(clipKeys(talk, { start: 4, end: 9.25 }, 'f'.repeat(64), 'mp4')).toEqual({
      media: 'clips/2025-strasbourg-ia/abc123/4000-9250-ffffffffffff.mp4',
      record: 'clips/2025-strasbourg-ia/abc123/4000-9250-ffffffffffff.json',
    });
  });

  it('change with the item’s revision, so a new version never serves an old clip', () => {
    const newer = talkManifest({ id: '2025-strasbourg-ia', source: { ...talk.source, key: 'items/2025-strasbourg-ia/def456/source/talk.mp4' } });
    expect(clipKeys(newer, { start: 4, end: 9 }, 'a'.repeat(64), 'mp4').media).toBe('clips/2025-strasbourg-ia/def456/4000-9000-aaaaaaaaaaaa.mp4');
  });

  it('refuse a manifest whose source names no revision', () => {
    expect(() => revisionOf({ ...talk, source: { ...talk.source, key: 'elsewhere/talk.mp4' } })).toThrow('names no revision');
  });
});
