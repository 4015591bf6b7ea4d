import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';
import { checkSchema, responseSchema } from '../support/json-schema.js';
import { cuesOf, type ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

const TALK: ArchiveItem = {
  id: '2025-strasbourg-ia-mediation',
  kind: 'talk',
  title: 'IA <script>alert(1)</script> & médiation',
  summary: 'Accompagner les usages.',
  edition: '2025 Strasbourg',
  date: '2025-10-29',
  themes: ['Communs & souveraineté'],
  speakers: [{ name: 'Jeanne Martin', organisation: 'La Mednum' }],
  licence: 'CC-BY-SA-4.0',
  transcripts: [{ cues: cuesOf(['Bonjour à toutes et à tous.', 'Parlons du guichet numérique de proximité.', 'Le guichet reste ouvert le samedi.'], 10) }],
  chapters: [{ start: 0, end: 10, title: 'Ouverture' }, { start: 10, end: 30, title: 'Le guichet' }],
  downloads: [{ format: 'mp4', contentType: 'video/mp4', bytes: 4096 }],
  posters: [{ width: 640, height: 360, format: 'jpeg' }],
};
const PODCAST: ArchiveItem = {
  id: '2025-strasbourg-podcast-sobriete',
  kind: 'podcast',
  title: 'Le podcast de la sobriété',
  edition: '2025 Strasbourg',
  date: '2025-10-30',
  themes: ['Écologie du numérique'],
  speakers: [{ name: 'Julien Moreau', organisation: 'Radio Communs', role: 'animateur' }],
  licence: 'CC-BY-4.0',
  transcripts: [{ cues: cuesOf(['Garder ses appareils plus longtemps.']) }],
  downloads: [{ format: 'm4a', contentType: 'audio/mp4' }, { format: 'mp3', contentType: 'audio/mpeg' }],
};
const MAGAZINE: ArchiveItem = {
  id: '2025-strasbourg-magazine',
  kind: 'document',
  title: 'Le magazine',
  edition: '2025 Strasbourg',
  date: '2025-10-28',
  licence: 'Etalab-2.0',
  pages: ['Cinq idées pour un numérique plus juste.', 'Le guichet itinérant.'],
};
const OLDER: ArchiveItem = {
  id: '2024-bordeaux-ethique',
  kind: 'round-table',
  title: 'Éthique et données',
  edition: '2024 Bordeaux',
  date: '2024-11-15',
  themes: ['Éthique'],
  speakers: [{ name: 'Jeanne Martin', organisation: 'La Mednum' }],
  licence: 'CC0-1.0',
};

let site: TestWeb;
const doc = openApiDocument('http://example.org');

beforeAll(async () => {
  site = await startTestWeb([TALK, PODCAST, MAGAZINE, OLDER]);
});
afterAll(async () => {
  await site?.close();
});

async function getJson(path: string): Promise<{ status: number; headers: Headers; body: any }> {
  const r = await site.fetch(path);
  return { status: r.status, headers: r.headers, body: JSON.parse(r.text) };
}

function expectConforms(path: string, body: unknown, status = 200, type = 'application/json'): void {
  expect(checkSchema(responseSchema(doc, path, status, type), body, doc)).toEqual([]);
}

describe('/api/items', () => {
  it('lists items newest first as documented, with absolute URLs, CORS, a short cache and an ETag', async () => {
    const r = await getJson('/api/items');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('cache-control')).toBe('public, max-age=60');
    expect(r.headers.get('etag')).toMatch(/^W\/"[^"]+"$/);
    expectConforms('/api/items', r.body);
    expect(r.body.total).toBe(4);
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([PODCAST.id, TALK.id, MAGAZINE.id, OLDER.id]);
    const talk = r.body.items[1];
    expect(talk.url).toBe(`${site.url}/talks/${TALK.id}`);
    expect(talk.title).toBe(TALK.title);
    expect(talk.licence).toEqual({ id: 'CC-BY-SA-4.0', name: expect.stringContaining('Partage dans les mêmes conditions'), url: expect.stringMatching(/^https:\/\/creativecommons/) });
    expect(talk.poster).toMatch(new RegExp(`^${site.url}/media/items/${TALK.id}/.+\\.jpg$`));
    expect(talk.speakers[0]).toEqual({ name: 'Jeanne Martin', organisation: 'La Mednum', slug: 'jeanne-martin', url: `${site.url}/intervenants/jeanne-martin` });
    expect(talk.themes[0]).toEqual({ name: 'Communs & souveraineté', slug: 'communs-souverainete', url: `${site.url}/themes/communs-souverainete` });
    expect(r.body.items[2].pages).toBe(2);
    expect(r.body.items[2].duration).toBeNull();
  });

  it('answers 304 when the ETag matches', async () => {
    const first = await site.fetch('/api/items');
    // fetch() adds "Cache-Control: no-cache" to conditional requests unless told otherwise, which forbids a 304.
    const again = await site.fetch('/api/items', { headers: { 'If-None-Match': first.headers.get('etag') ?? '', 'Cache-Control': 'max-age=0' } });
    expect(again.status).toBe(304);
  });

  it('pages with perPage and links to the next and previous pages', async () => {
    const r = await getJson('/api/items?perPage=3&page=2&kind=talk&kind=podcast&kind=document&kind=round-table');
    expect(r.body).toMatchObject({ total: 4, page: 2, perPage: 3, pageCount: 2 });
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([OLDER.id]);
    expect(r.body.links.next).toBeNull();
    expect(r.body.links.prev).toBe(`${site.url}/api/items?perPage=3&kind=talk&kind=podcast&kind=document&kind=round-table`);
    const past = await getJson('/api/items?page=9');
    expect(past.status).toBe(200);
    expect(past.body.items).toEqual([]);
  });

  it('filters exactly by edition, kind, theme, speaker, licence and year (slugs or names)', async () => {
    const ids = async (query: string): Promise<string[]> => (await getJson(`/api/items?${query}`)).body.items.map((i: { id: string }) => i.id);
    expect(await ids('edition=2024-bordeaux')).toEqual([OLDER.id]);
    expect(await ids(`edition=${encodeURIComponent('2025 Strasbourg')}`)).toEqual([PODCAST.id, TALK.id, MAGAZINE.id]);
    expect(await ids('kind=podcast')).toEqual([PODCAST.id]);
    expect(await ids('theme=communs-souverainete')).toEqual([TALK.id]);
    expect(await ids(`theme=${encodeURIComponent('Éthique')}`)).toEqual([OLDER.id]);
    expect(await ids('speaker=jeanne-martin')).toEqual([TALK.id, OLDER.id]);
    expect(await ids('licence=cc-by-4.0')).toEqual([PODCAST.id]);
    expect(await ids('licence=etalab')).toEqual([MAGAZINE.id]);
    expect(await ids('year=2024')).toEqual([OLDER.id]);
    expect(await ids('edition=nowhere')).toEqual([]);
    expect(await ids('unknown=ignored&utm_source=x')).toHaveLength(4);
  });

  it('refuses bad values with a problem+json 400 naming every parameter', async () => {
    for (const query of ['perPage=101', 'page=0', 'page=abc', 'kind=movie', 'licence=proprietary', 'year=20x5', 'lang=de', 'theme[a]=b']) {
      const r = await getJson(`/api/items?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      expectConforms('/api/items', r.body, 400, 'application/problem+json');
      expect(r.body.detail).toContain(query.split(/[=[]/)[0]);
    }
    const both = await getJson('/api/items?perPage=500&page=-1');
    expect(both.body.detail).toMatch(/perPage.*page|page.*perPage/);
  });
});

describe('/api/items/:id', () => {
  it('describes everything a reuser needs, as documented, and nothing internal', async () => {
    const r = await getJson(`/api/items/${TALK.id}`);
    expect(r.status).toBe(200);
    expectConforms('/api/items/{id}', r.body);
    const item = r.body;
    expect(item.urls).toEqual({ fr: `${site.url}/talks/${TALK.id}`, en: `${site.url}/en/talks/${TALK.id}` });
    expect(item.embedUrl).toBe(`${site.url}/embed/${TALK.id}`);
    expect(item.media.downloads[0]).toMatchObject({ format: 'mp4', size: 4096, type: 'video/mp4', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(item.media.original.url).toMatch(/\/source\/original\.bin$/);
    expect(item.transcripts[0]).toMatchObject({ language: 'fr', source: 'captions-reviewed', vtt: expect.stringMatching(/\/text\/fr\.vtt$/) });
    expect(item.chapters[1]).toEqual({ start: 10, end: 30, title: 'Le guichet', url: `${site.url}/talks/${TALK.id}?t=10` });
    expect(item.chaptersUrl).toBe(`${site.url}/feeds/chapters/${TALK.id}.json`);
    expect(item.attribution.text).toContain(TALK.title);
    expect(item.attribution.text).toContain(`${site.url}/talks/${TALK.id}`);
    expect(item.attribution.html).not.toContain('<script>');
    expect(item.attribution.html).toContain('&#60;script&#62;');
    const text = JSON.stringify(item);
    for (const internal of ['"pipeline"', '"inputs"', '"warnings"', '"files"', 'a1b2c3d4e5f6/source"']) expect(text).not.toContain(internal);
    // Every file URL it gives is served.
    const download = await site.fetch(new URL(item.media.downloads[0].url).pathname);
    expect(download.status).toBe(200);
  });

  it('speaks English with lang=en and describes podcasts and documents too', async () => {
    const en = await getJson(`/api/items/${PODCAST.id}?lang=en`);
    expectConforms('/api/items/{id}', en.body);
    expect(en.body.url).toBe(`${site.url}/en/podcasts/${PODCAST.id}`);
    expect(en.body.licence.name).toBe('Creative Commons Attribution 4.0 International');
    expect(en.body.attribution.text).toContain('licensed under CC BY 4.0');
    const magazine = await getJson(`/api/items/${MAGAZINE.id}`);
    expectConforms('/api/items/{id}', magazine.body);
    expect(magazine.body.pageText).toMatchObject({ count: 2, url: expect.stringMatching(/pages\.json$/) });
    expect(magazine.body.media.hls).toBeNull();
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const r = await getJson('/api/items/nope-nothing');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expectConforms('/api/items/{id}', r.body, 404, 'application/problem+json');
  });
});

describe('/api/search', () => {
  it('returns the documented shape with passages and absolute URLs', async () => {
    const r = await getJson('/api/search?q=guichet');
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expectConforms('/api/search', r.body);
    expect(r.body.query).toBe('guichet');
    const talk = r.body.items.find((i: { id: string }) => i.id === TALK.id);
    expect(talk.url).toBe(`${site.url}/talks/${TALK.id}`);
    expect(talk.passages.length).toBeGreaterThan(0);
    // The talk's first passage (0–20 s) says "guichet" in its last cue (10–20 s): the link opens there.
    const passage = talk.passages.find((p: { passageStart: number }) => p.passageStart === 0);
    expect(passage).toMatchObject({ start: 10, end: 20, passageStart: 0, passageEnd: 20, url: `${site.url}/talks/${TALK.id}?t=10` });
    expect(passage.snippet.some((part: { match: boolean }) => part.match)).toBe(true);
    const magazine = r.body.items.find((i: { id: string }) => i.id === MAGAZINE.id);
    expect(magazine.passages[0]).toMatchObject({ page: 2, url: `${site.url}/documents/${MAGAZINE.id}?page=2` });
  });

  it('takes the site search parameters: facets, sort, page, perPage, lang', async () => {
    const r = await getJson('/api/search?q=guichet&kind=document&perPage=5&lang=en&sort=date-desc');
    expectConforms('/api/search', r.body);
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([MAGAZINE.id]);
    expect(r.body.items[0].url).toBe(`${site.url}/en/documents/${MAGAZINE.id}`);
    expect(r.body.filters).toEqual({ kind: ['document'] });
    expect(r.body.perPage).toBe(5);
    const all = await getJson('/api/search');
    expect(all.body.total).toBe(4);
  });

  it('refuses bad parameters with 400', async () => {
    for (const query of ['year=abc', 'sort=random', 'perPage=51', 'page=0', 'passages=9', 'kind=movie']) {
      const r = await getJson(`/api/search?q=x&${query}`);
      expect(r.status, query).toBe(400);
      expectConforms('/api/search', r.body, 400, 'application/problem+json');
    }
  });
});

describe('/api/openapi.json and CORS', () => {
  it('serves an OpenAPI 3.1 document whose every $ref resolves', async () => {
    const r = await getJson('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(r.body.servers).toEqual([{ url: site.url }]);
    for (const path of ['/api/items', '/api/items/{id}', '/api/search', '/oembed', '/feeds/podcasts.xml', '/feeds/editions/{slug}/podcasts.xml', '/feeds/chapters/{id}.json', '/sitemap.xml']) {
      expect(r.body.paths[path]?.get, path).toBeDefined();
    }
    const refs = JSON.stringify(r.body).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const [, section, name] = /#\/components\/(schemas|responses)\/([^"]+)/.exec(ref) ?? [];
      expect(r.body.components[section ?? '']?.[name ?? ''], ref).toBeDefined();
    }
  });

  it('answers CORS preflight requests', async () => {
    const r = await site.fetch('/api/items', { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('answers unknown API paths with a problem+json 404', async () => {
    const r = await getJson('/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

// Last: it stops the search engine under the running site.
describe('when the search engine is down', () => {
  it('answers /api/search with a 503 problem+json, while the catalogue endpoints keep working', async () => {
    await site.meili.server.stop();
    const r = await getJson('/api/search?q=guichet');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('30');
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expectConforms('/api/search', r.body, 503, 'application/problem+json');
    expect((await getJson('/api/items')).status).toBe(200);
    expect((await getJson(`/api/items/${TALK.id}`)).status).toBe(200);
  });
});
