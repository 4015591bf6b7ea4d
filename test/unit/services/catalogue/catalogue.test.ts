import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../../../../src/domain/tombstone.js';
import { buildSnapshot, Catalogue } from '../../../../src/services/catalogue/catalogue.js';
import { writeTombstone } from '../../../../src/services/archive/tombstones.js';
import { talkManifest } from '../../../support/manifest-factory.js';
import { freshStore } from '../../../support/search-archive.js';

const gone = (id: string): Tombstone => ({
  version: 1, id, purged: true, title: null, kind: null, edition: null, archivedAt: null, removedAt: '2026-12-07T02:00:00.000Z', reason: null, replacedBy: null,
});

describe('catalogue snapshot: aliases and tombstones', () => {
  it('maps each earlier id to the current one, never shadowing a live id', () => {
    const renamed = talkManifest({ id: 'new-title', aliases: ['old-title', 'other-live'] });
    const other = talkManifest({ id: 'other-live' });
    const snapshot = buildSnapshot([renamed, other]);
    expect([...snapshot.aliases]).toEqual([['old-title', 'new-title']]);
  });

  it('keeps the tombstones of removed ids, not of an id that is live again', () => {
    const live = talkManifest({ id: 'back-again' });
    const snapshot = buildSnapshot([live], [], [gone('removed'), gone('back-again')]);
    expect([...snapshot.tombstones.keys()]).toEqual(['removed']);
  });

  it('reads the store’s tombstones with the manifests', async () => {
    const store = freshStore();
    await writeTombstone(store, gone('removed'));
    const snapshot = await new Catalogue(store).snapshot();
    expect(snapshot.tombstones.get('removed')?.removedAt).toBe('2026-12-07T02:00:00.000Z');
  });
});

describe('catalogue snapshot: the files the media route may serve', () => {
  const sha = 'a'.repeat(64);
  const stored = (key: string) => ({ key, size: 3, sha256: sha, contentType: 'video/mp4' });

  it('finds a live item’s source and listed files through the item, and nothing else', () => {
    const talk = talkManifest({ id: 'talk-one', files: [stored('items/talk-one/abc123/hls/720p.m3u8'), stored('items/talk-one/abc123/download/talk-one.mp4')] });
    const other = talkManifest({ id: 'talk-two', files: [stored('items/talk-two/abc123/hls/720p.m3u8')] });
    const snapshot = buildSnapshot([talk, other]);
    expect(snapshot.file('items/talk-one/abc123/download/talk-one.mp4')?.contentType).toBe('video/mp4');
    expect(snapshot.file(talk.source.key)).toBe(talk.source);
    expect(snapshot.file('items/talk-two/abc123/hls/720p.m3u8')?.key).toBe('items/talk-two/abc123/hls/720p.m3u8');
    // Not listed, another item's folder, a removed item, the manifest itself, a path outside items/.
    for (const key of ['items/talk-one/abc123/hls/1080p.m3u8', 'items/talk-two/abc123/download/talk-one.mp4', 'items/gone/abc123/hls/720p.m3u8', 'items/talk-one/manifest.json', 'catalogue.json', 'items/', 'items//x']) {
      expect(snapshot.file(key), key).toBeUndefined();
    }
  });

  it('still serves a file a manifest lists outside its own folder', () => {
    const talk = talkManifest({ id: 'talk-one', files: [stored('items/earlier-id/abc123/text/fr.vtt')] });
    expect(buildSnapshot([talk]).file('items/earlier-id/abc123/text/fr.vtt')?.key).toBe('items/earlier-id/abc123/text/fr.vtt');
  });
});
