import { describe, expect, it } from 'vitest';
import { manifestKey, type Manifest } from '../../../../src/domain/manifest.js';
import type { Tombstone } from '../../../../src/domain/tombstone.js';
import { Catalogue } from '../../../../src/services/catalogue/catalogue.js';
import { snapshotOf } from '../../../support/snapshot.js';
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
    const snapshot = snapshotOf([renamed, other]);
    expect([...snapshot.aliases]).toEqual([['old-title', 'new-title']]);
  });

  it('keeps the tombstones of removed ids, not of an id that is live again', () => {
    const live = talkManifest({ id: 'back-again' });
    const snapshot = snapshotOf([live], [], [gone('removed'), gone('back-again')]);
    expect([...snapshot.tombstones.keys()]).toEqual(['removed']);
  });

  it('reads the store’s tombstones with the manifests', async () => {
    const store = freshStore();
    await writeTombstone(store, gone('removed'));
    const snapshot = await new Catalogue(store).snapshot();
    expect(snapshot.tombstones.get('removed')?.removedAt).toBe('2026-12-07T02:00:00.000Z');
  });
});

describe('catalogue: the files the media route may serve', () => {
  const sha = 'a'.repeat(64);
  const stored = (key: string) => ({ key, size: 3, sha256: sha, contentType: 'video/mp4' });
  const catalogueOf = async (...manifests: Manifest[]): Promise<Catalogue> => {
    const store = freshStore();
    for (const m of manifests) await store.putBuffer(manifestKey(m.id), JSON.stringify(m), 'application/json');
    return new Catalogue(store);
  };

  it('finds a live item’s source and listed files through the item (read from its stored manifest), and nothing else', async () => {
    const talk = talkManifest({ id: 'talk-one', files: [stored('items/talk-one/abc123/hls/720p.m3u8'), stored('items/talk-one/abc123/download/talk-one.mp4')] });
    const other = talkManifest({ id: 'talk-two', files: [stored('items/talk-two/abc123/hls/720p.m3u8')] });
    const catalogue = await catalogueOf(talk, other);
    expect((await catalogue.file('items/talk-one/abc123/download/talk-one.mp4'))?.contentType).toBe('video/mp4');
    expect(await catalogue.file(talk.source.key)).toEqual(talk.source);
    expect((await catalogue.file('items/talk-two/abc123/hls/720p.m3u8'))?.key).toBe('items/talk-two/abc123/hls/720p.m3u8');
    // Not listed, another item's folder, a removed item, the manifest itself, a path outside items/.
    for (const key of ['items/talk-one/abc123/hls/1080p.m3u8', 'items/talk-two/abc123/download/talk-one.mp4', 'items/gone/abc123/hls/720p.m3u8', 'items/talk-one/manifest.json', 'catalogue.json', 'items/', 'items//x']) {
      expect(await catalogue.file(key), key).toBeUndefined();
    }
  });

  it('still serves a file a manifest lists outside its own folder', async () => {
    const talk = talkManifest({ id: 'talk-one', files: [stored('items/earlier-id/abc123/text/fr.vtt')] });
    expect((await (await catalogueOf(talk)).file('items/earlier-id/abc123/text/fr.vtt'))?.key).toBe('items/earlier-id/abc123/text/fr.vtt');
  });
});

describe('catalogue: items held without their files', () => {
  it('holds each manifest without its files, and gives the whole one, the same object while kept', async () => {
    const store = freshStore();
    const talk = talkManifest({ id: 'talk-one' });
    await store.putBuffer(manifestKey(talk.id), JSON.stringify(talk), 'application/json');
    const catalogue = new Catalogue(store);
    const listing = (await catalogue.snapshot()).byId.get(talk.id);
    expect(listing && 'files' in listing).toBe(false);
    expect(listing?.stored).toMatchObject({ files: talk.files.length, bytes: talk.files.reduce((n, f) => n + f.size, 0) });
    const whole = await catalogue.item(talk.id);
    expect(whole).toEqual(talk);
    expect(await catalogue.item(talk.id)).toBe(whole);
  });

  it('gives the stored manifest, whole, when it was published again since the last look', async () => {
    const store = freshStore();
    const talk = talkManifest({ id: 'talk-one' });
    await store.putBuffer(manifestKey(talk.id), JSON.stringify(talk), 'application/json');
    const catalogue = new Catalogue(store, { maxAgeMs: 60_000 });
    const listing = (await catalogue.snapshot()).byId.get(talk.id);
    const again = { ...talk, title: 'Nouveau titre', files: talk.files.slice(0, 1) };
    await store.putBuffer(manifestKey(talk.id), JSON.stringify(again), 'application/json');
    expect(listing && (await catalogue.whole(listing))).toEqual(again);
    await store.delete(manifestKey(talk.id));
    expect(listing && (await catalogue.whole(listing))).toBeNull();
    await catalogue.idle();
  });
});
