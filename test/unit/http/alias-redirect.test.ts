import { describe, expect, it } from 'vitest';
import { aliasLocation, itemAddressOf } from '../../../src/http/alias-redirect.js';
import { snapshotOf } from '../../support/snapshot.js';
import type { Manifest } from '../../../src/domain/manifest.js';
import { podcastManifest, talkManifest } from '../../support/manifest-factory.js';

const base = talkManifest({ id: 'ia-mediation', aliases: ['ia-mdiation', 'episode-live'] });
// As the ingest writes it: every stored object is in `files`, the only keys /media serves.
const talk = { ...base, files: base.downloads.map(({ key, size, sha256, contentType }) => ({ key, size, sha256, contentType })) };
const podcast = podcastManifest({ id: 'episode-live' });
const snapshot = snapshotOf([talk, podcast]);
const whole = new Map<string, Manifest>([[talk.id, talk], [podcast.id, podcast]]);
const redirect = async (pathname: string, search = ''): Promise<string | null> => {
  const address = itemAddressOf(pathname);
  return address === null ? null : aliasLocation(address, search, snapshot, async (current) => whole.get(current.id) ?? null);
};

describe('itemAddressOf', () => {
  it('finds the id in every kind of item address', () => {
    expect(itemAddressOf('/talks/x')).toEqual({ kind: 'page', locale: 'fr', embed: false, id: 'x' });
    expect(itemAddressOf('/en/embed/x')).toEqual({ kind: 'page', locale: 'en', embed: true, id: 'x' });
    expect(itemAddressOf('/api/items/x')).toEqual({ kind: 'path', before: '/api/items/', id: 'x', after: '' });
    expect(itemAddressOf('/api/items/x/clip.mp4')).toEqual({ kind: 'path', before: '/api/items/', id: 'x', after: '/clip.mp4' });
    expect(itemAddressOf('/feeds/chapters/x.json')).toEqual({ kind: 'path', before: '/feeds/chapters/', id: 'x', after: '.json' });
    expect(itemAddressOf('/iiif/x/manifest.json')).toEqual({ kind: 'path', before: '/iiif/', id: 'x', after: '/manifest.json' });
    expect(itemAddressOf('/media/items/x/abc/download/x-720p.mp4')).toEqual({ kind: 'media', id: 'x', rest: 'abc/download/x-720p.mp4' });
  });

  it('leaves other addresses alone', () => {
    for (const pathname of ['/', '/recherche', '/editions/2025-strasbourg', '/iiif/collection.json', '/api/items', '/feeds/podcasts.xml', '/talks/x/y', '/talks/Not%20an%20id', '/media/clips/x/a.mp4']) {
      expect(itemAddressOf(pathname), pathname).toBeNull();
    }
  });
});

describe('aliasLocation', () => {
  it('sends pages in every locale to the current id, in the item’s own section, query kept', async () => {
    expect(await redirect('/talks/ia-mdiation', '?t=12,30')).toBe('/talks/ia-mediation?t=12,30');
    expect(await redirect('/en/talks/ia-mdiation')).toBe('/en/talks/ia-mediation');
    expect(await redirect('/podcasts/ia-mdiation')).toBe('/talks/ia-mediation');
    expect(await redirect('/embed/ia-mdiation', '?t=5')).toBe('/embed/ia-mediation?t=5');
    expect(await redirect('/en/embed/ia-mdiation')).toBe('/en/embed/ia-mediation');
  });

  it('replaces the id in API, chapter and IIIF addresses', async () => {
    expect(await redirect('/api/items/ia-mdiation', '?lang=en')).toBe('/api/items/ia-mediation?lang=en');
    expect(await redirect('/api/items/ia-mdiation/citation.ris', '?t=1,2')).toBe('/api/items/ia-mediation/citation.ris?t=1,2');
    expect(await redirect('/feeds/chapters/ia-mdiation.json')).toBe('/feeds/chapters/ia-mediation.json');
    expect(await redirect('/iiif/ia-mdiation/search', '?q=x')).toBe('/iiif/ia-mediation/search?q=x');
  });

  it('sends a stored file to the current item’s file at the same place, else to its page', async () => {
    // talkManifest's download is items/<id>/abc123/download/<id>-720p.mp4.
    expect(await redirect('/media/items/ia-mdiation/0123456789ab/download/ia-mdiation-720p.mp4', '?download')).toBe('/media/items/ia-mediation/abc123/download/ia-mediation-720p.mp4?download');
    expect(await redirect('/media/items/ia-mdiation/0123456789ab/source/talk.mp4')).toBe('/media/items/ia-mediation/abc123/source/talk.mp4');
    expect(await redirect('/media/items/ia-mdiation/0123456789ab/hls/gone.m3u8')).toBe('/talks/ia-mediation');
  });

  it('never redirects a live id, even one another item lists as an alias, nor an unknown one', async () => {
    expect(await redirect('/podcasts/episode-live')).toBeNull();
    expect(await redirect('/talks/ia-mediation')).toBeNull();
    expect(await redirect('/talks/never-was')).toBeNull();
  });
});
