import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cachedPageOf, identityOf, PageCache, pageKey } from '../../../src/http/page-cache.js';

const HEADERS = { contentLanguage: 'fr', cacheControl: 'no-cache' };
const pageOf = (html: string) => cachedPageOf(html, HEADERS);
/** A page of about `size` bytes of HTML (plus its compressed forms, tiny for repeated text). */
const htmlOf = (size: number, fill = 'a'): string => `<p>${fill.repeat(size)}</p>`;

describe('cachedPageOf', () => {
  it('keeps the HTML with its gzip and brotli forms, which decode to the same bytes', () => {
    const html = htmlOf(5000, 'é');
    const page = pageOf(html);
    expect(page.identity.toString('utf8')).toBe(html);
    expect(gunzipSync(page.gzip ?? Buffer.alloc(0)).toString('utf8')).toBe(html);
    expect(brotliDecompressSync(page.br ?? Buffer.alloc(0)).toString('utf8')).toBe(html);
    expect(page.contentLanguage).toBe('fr');
    expect(page.cacheControl).toBe('no-cache');
  });

  it('leaves a page under 1 KB uncompressed, as the compression middleware did', () => {
    const page = pageOf('<p>court</p>');
    expect(page.gzip).toBeNull();
    expect(page.br).toBeNull();
  });

  it('gives one weak ETag per body, the same for the same bytes and another for other bytes', () => {
    expect(pageOf(htmlOf(2000)).etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(pageOf(htmlOf(2000)).etag).toBe(pageOf(htmlOf(2000)).etag);
    expect(pageOf(htmlOf(2000)).etag).not.toBe(pageOf(htmlOf(2001)).etag);
  });
});

describe('PageCache', () => {
  it('answers a stored key with the stored page and counts its bytes (key and every form)', () => {
    const cache = new PageCache();
    const page = pageOf(htmlOf(3000));
    cache.set('k', page);
    expect(cache.get('k')).toBe(page);
    expect(cache.get('other')).toBeUndefined();
    expect(cache.bytes).toBe(1 + page.identity.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0));
  });

  it('never holds more than its bound: the least recently used page goes first', () => {
    const one = pageOf(htmlOf(500));
    const bytes = 1 + one.identity.length;
    const cache = new PageCache({ maxBytes: bytes * 3 });
    cache.set('a', pageOf(htmlOf(500)));
    cache.set('b', pageOf(htmlOf(500)));
    cache.set('c', pageOf(htmlOf(500)));
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('d', pageOf(htmlOf(500)));
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k) !== undefined)).toEqual([true, true, true]);
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBeLessThanOrEqual(bytes * 3);
  });

  it('does not store a page larger than the whole bound, and keeps what it held', () => {
    const cache = new PageCache({ maxBytes: 2000 });
    cache.set('small', pageOf(htmlOf(500)));
    cache.set('huge', pageOf(htmlOf(50_000, 'xyz')));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('small')).toBeDefined();
  });

  it('replacing a key counts the new page only', () => {
    const cache = new PageCache();
    cache.set('k', pageOf(htmlOf(500)));
    const second = pageOf(htmlOf(700));
    cache.set('k', second);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(1 + second.identity.length);
  });

  it('drops a page once its time to live is over (clock given by the test)', () => {
    let now = 1_000;
    const cache = new PageCache({ ttlMs: 10_000, now: () => now });
    cache.set('k', pageOf(htmlOf(500)));
    now += 9_999;
    expect(cache.get('k')).toBeDefined();
    now += 1;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.bytes).toBe(0);
    expect(cache.size).toBe(0);
  });
});

describe('page keys', () => {
  it('name objects by identity: equal content under another object is another key', () => {
    const manifest = { id: 'x' };
    const reloaded = { id: 'x' };
    expect(identityOf(manifest)).toBe(identityOf(manifest));
    expect(identityOf(manifest)).not.toBe(identityOf(reloaded));
    expect(pageKey([manifest], 'http://a', '/talks/x')).toBe(pageKey([manifest], 'http://a', '/talks/x'));
    expect(pageKey([manifest], 'http://a', '/talks/x')).not.toBe(pageKey([reloaded], 'http://a', '/talks/x'));
  });

  it('hold the origin and the whole URL as asked (locale prefix and query)', () => {
    const scope = {};
    const keys = new Set([
      pageKey([scope], 'http://a', '/talks/x'),
      pageKey([scope], 'http://b', '/talks/x'),
      pageKey([scope], 'http://a', '/en/talks/x'),
      pageKey([scope], 'http://a', '/talks/x?t=10'),
    ]);
    expect(keys.size).toBe(4);
  });
});
