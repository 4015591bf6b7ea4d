import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CACHE_TTL_MS, PageCache } from '../../src/http/page-cache.js';
import { startWeb, type WebServer } from '../../src/http/start-web.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { cuesOf, freshStore, writeItem, type ArchiveItem } from '../support/search-archive.js';

/**
 * The page cache over a real store and a real Meilisearch: a site with the cache beside the
 * same site without it (same store, same index, same origin) answers every page with the same
 * bytes and headers; a kept page answers 304 to its ETag, in every coding the client accepts;
 * what a page was made from changing (a new snapshot, a new item, a reindex once the time to
 * live is over) is shown at once or within that bound; error pages are never kept.
 */
const TALK = '2025-strasbourg-le-guichet';
const PODCAST = '2025-strasbourg-podcast-guichet';
const DOC = '2025-strasbourg-magazine';
const LATE = '2025-strasbourg-arrive-tard';
const ITEMS: ArchiveItem[] = [
  {
    id: TALK, kind: 'talk', title: 'Le guichet numérique', date: '2025-10-29', themes: ['Accessibilité'],
    speakers: [{ name: 'Claire Vasseur', organisation: 'Passerelles' }],
    transcripts: [{ cues: cuesOf(['Bonjour à toutes et à tous.', 'Le guichet des agents aide les habitants.', 'Merci beaucoup.'], 30) }],
  },
  { id: PODCAST, kind: 'podcast', title: 'Paroles de guichet', transcripts: [{ cues: cuesOf(['Au guichet, on écoute.'], 20) }] },
  { id: DOC, kind: 'document', title: 'Le magazine', pages: ['Édito : le guichet et les communs', 'Page deux'] },
];
const PAGES = [
  '/', '/en/', '/recherche?q=guichet', '/en/search?q=guichet', '/recherche?q=guichet&theme=Accessibilit%C3%A9', '/recherche',
  `/talks/${TALK}`, `/en/talks/${TALK}`, `/talks/${TALK}?t=30,60`, `/podcasts/${PODCAST}`, `/documents/${DOC}?page=2`,
];
// Headers that describe the transfer or this very response, not the page.
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'etag', 'content-encoding', 'vary']);

interface Raw {
  status: number;
  headers: Record<string, string>;
  /** The body as sent (compressed or not). */
  body: Buffer;
  /** The body decoded from its Content-Encoding. */
  html: string;
}

/** A GET by node:http, so the body's coding is seen as sent (fetch decodes it on its own). */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const call = request(`${base}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const coding = response.headers['content-encoding'];
        const decoded = body.length === 0 ? body : coding === 'gzip' ? gunzipSync(body) : coding === 'br' ? brotliDecompressSync(body) : body;
        const flat = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));
        resolve({ status: response.statusCode ?? 0, headers: flat, body, html: decoded.toString('utf8') });
      });
    });
    call.on('error', reject);
    call.end();
  });
}
const pageHeaders = (raw: Raw): Record<string, string> => Object.fromEntries(Object.entries(raw.headers).filter(([name]) => !PER_RESPONSE.has(name)));

describe('the page cache', () => {
  let meili: TestMeili;
  let cached: WebServer;
  let plain: WebServer;
  let base: string;
  let plainBase: string;
  let indexer: SearchIndexer;
  let now = 1_000_000;
  const pages = new PageCache({ now: () => now });
  const store = freshStore();

  beforeAll(async () => {
    for (const item of ITEMS) await writeItem(store, item);
    meili = await startTestMeili();
    const index = meili.connect();
    await index.open();
    indexer = new SearchIndexer(store, index);
    await indexer.reindex();
    cached = await startWeb({ store, index, port: 0, host: '127.0.0.1', pages, log: () => {} });
    base = `http://127.0.0.1:${cached.port}`;
    // The same origin for both, so that both write the same absolute links.
    plain = await startWeb({ store, index: meili.connect(), port: 0, host: '127.0.0.1', pages: null, publicUrl: base, log: () => {} });
    plainBase = `http://127.0.0.1:${plain.port}`;
  }, 120_000);

  afterAll(async () => {
    await cached?.close();
    await plain?.close();
    await meili?.stop();
  });

  it('answers every page with the bytes and headers of the site without it, made or kept, in every coding', async () => {
    for (const path of PAGES) {
      const without = await get(plainBase, path);
      expect(without.status, path).toBe(200);
      const made = await get(base, path);
      for (const coding of ['identity', 'gzip', 'br', 'gzip, deflate, br']) {
        const kept = await get(base, path, { 'accept-encoding': coding });
        expect(kept.status, `${path} ${coding}`).toBe(200);
        expect(kept.html, `${path} ${coding}`).toBe(without.html);
        expect(pageHeaders(kept), `${path} ${coding}`).toEqual(pageHeaders(without));
        expect(kept.headers.etag, `${path} ${coding}`).toBe(made.headers.etag);
      }
    }
    expect(pages.size).toBe(PAGES.length);
  });

  it('sends the coding asked, and says it varies with Accept-Encoding', async () => {
    const path = `/talks/${TALK}`;
    const br = await get(base, path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect((await get(base, path, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    const identity = await get(base, path);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString('utf8')).toBe(identity.html);
  });

  it('answers 304 without a body to the ETag of a kept page, and the page to another ETag', async () => {
    for (const path of [`/talks/${TALK}`, '/recherche?q=guichet']) {
      const first = await get(base, path, { 'accept-encoding': 'gzip' });
      const etag = first.headers.etag ?? '';
      expect(etag).toMatch(/^W\/"/);
      const again = await get(base, path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect((await get(base, path, { 'if-none-match': 'W/"another"' })).status).toBe(200);
    }
  });

  it('makes a page asked many times at once only once, and gives each request the same page', async () => {
    const path = '/recherche?q=agents';
    const before = pages.size;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => get(base, path, i % 2 === 0 ? { 'accept-encoding': 'gzip' } : {})));
    const expected = (await get(plainBase, path)).html;
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.html).toBe(expected);
    }
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
    expect(pages.size).toBe(before + 1);
  });

  it('never keeps an error page or a no-store page', async () => {
    const before = pages.size;
    for (const path of ['/recherche?q=guichet&kind=nothing', '/talks/nobody-here', '/recherche?q=guichet&kind=nothing']) {
      const page = await get(base, path);
      expect(page.status, path).toBeGreaterThanOrEqual(400);
      expect(page.html).toBe((await get(plainBase, path)).html);
    }
    expect(pages.size).toBe(before);
  });

  it('shows a newly published item and a changed title at once when the catalogue reloads', async () => {
    const searchPath = '/recherche?q=guichet';
    expect((await get(base, searchPath)).html).not.toContain(LATE);
    expect((await get(base, `/talks/${TALK}`)).html).toContain('Le guichet numérique');
    await writeItem(store, { id: LATE, kind: 'talk', title: 'Arrivé tard au guichet', transcripts: [{ cues: cuesOf(['Le guichet ouvre tard.'], 10) }] });
    await writeItem(store, { ...ITEMS[0] as ArchiveItem, title: 'Le guichet numérique, revu' });
    await indexer.indexItem(LATE);
    await indexer.indexItem(TALK);
    await cached.deps.catalogue.reload();
    await plain.deps.catalogue.reload();
    const search = await get(base, searchPath);
    expect(search.html).toContain(LATE);
    expect(search.html).toBe((await get(plainBase, searchPath)).html);
    const talk = await get(base, `/talks/${TALK}`);
    expect(talk.html).toContain('Le guichet numérique, revu');
    expect(talk.html).toBe((await get(plainBase, `/talks/${TALK}`)).html);
    expect((await get(base, `/talks/${LATE}`)).status).toBe(200);
  });

  it('shows a reindex (another process, nothing this one sees) once the time to live is over', async () => {
    const searchPath = '/recherche?q=paroles';
    expect((await get(base, searchPath)).html).toContain(PODCAST);
    await store.delete(`items/${PODCAST}/manifest.json`);
    await indexer.reindex();
    // The same snapshot, a page kept a moment ago: still the page as it was made.
    expect((await get(base, searchPath)).html).toContain(PODCAST);
    now += PAGE_CACHE_TTL_MS;
    const after = await get(base, searchPath);
    expect(after.html).not.toContain(`/podcasts/${PODCAST}`);
    expect(after.html).toBe((await get(plainBase, searchPath)).html);
  });
});
