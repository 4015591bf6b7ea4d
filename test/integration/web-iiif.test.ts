import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/domain/manifest.js';
import { writeTombstone } from '../../src/services/archive/tombstones.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { parseIiif } from '../support/iiif.js';
import { startWebOver, type TestWeb } from '../support/web.js';

/**
 * IIIF over the ingested sample edition: every item's manifest and the collections read by a
 * real IIIF library, every file they point at answering, and a content search finding the
 * second at which a word is said, as /api/search finds it.
 */
const MANIFESTS = await sampleManifests();
const PRESENTATION = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"';
const SEARCH = 'application/ld+json;profile="http://iiif.io/api/search/2/context.json"';
let site: TestWeb;

beforeAll(async () => {
  site = await startWebOver(await copySampleArchive());
});
afterAll(async () => {
  await site?.close();
  if (site) await removeArchiveCopy(site.store);
});

interface Body { id?: string; type: string; format?: string; items?: Body[]; language?: string[]; value?: string; duration?: number }
interface Anno { motivation: string; body: Body; target: string }
interface Canvas { id: string; duration?: number; width?: number; height?: number; items: { items: Anno[] }[]; annotations?: { items: Anno[] }[] }
interface IiifDoc { id: string; items: Canvas[]; service?: { id: string; type: string }[]; seeAlso: Body[]; thumbnail?: Body[]; homepage: Body[]; rendering: Body[] }

async function getJson<T>(path: string): Promise<{ status: number; type: string | null; cors: string | null; json: T }> {
  const response = await site.fetch(path);
  return { status: response.status, type: response.headers.get('content-type'), cors: response.headers.get('access-control-allow-origin'), json: JSON.parse(response.text) as T };
}

/** A URL the document hands out, fetched: its status and type (the site's own origin only). */
async function answer(url: string): Promise<{ status: number; type: string; text: string }> {
  expect(url.startsWith(site.url)).toBe(true);
  const response = await site.fetch(url.slice(site.url.length));
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: response.text };
}

const hasText = (m: Manifest): boolean => m.text.transcripts.length > 0 || m.text.slides !== null || m.text.pages !== null;

describe('IIIF manifests of the sample edition', () => {
  it('covers recordings with and without texts, and a document', () => {
    expect(MANIFESTS.some((m) => m.media.class === 'video' && m.tracks.length > 0)).toBe(true);
    expect(MANIFESTS.some((m) => m.media.class === 'audio')).toBe(true);
    expect(MANIFESTS.some((m) => m.media.class === 'document' && m.images.pages.length > 0)).toBe(true);
  });

  it.each(MANIFESTS.map((m) => [m.id, m] as const))('%s: parses with nothing to repair, and every file it names answers', async (id, manifest) => {
    const { status, type, cors, json } = await getJson<IiifDoc>(`/iiif/${id}/manifest.json`);
    expect([status, type, cors]).toEqual([200, PRESENTATION, '*']);
    expect(json.id).toBe(`${site.url}/iiif/${id}/manifest.json`);
    const parsed = parseIiif(json);
    expect(parsed.repairs).toEqual([]);
    expect(Object.keys(parsed.entities.Canvas).filter((c) => !c.includes('#'))).toEqual(json.items.map((c) => c.id));

    if (manifest.media.class === 'document') {
      expect(json.items).toHaveLength(manifest.media.pages!);
      for (const canvas of json.items) {
        const image = canvas.items[0]!.items[0]!.body;
        expect([image.type, canvas.width]).toEqual(['Image', 640]);
        const served = await answer(image.id!);
        expect([served.status, served.type]).toEqual([200, image.format]);
        expect(canvas.annotations?.[0]?.items[0]?.body).toMatchObject({ type: 'TextualBody', language: [manifest.text.pages!.language] });
      }
    } else {
      const canvas = json.items[0]!;
      expect(json.items).toHaveLength(1);
      expect(canvas.duration).toBeCloseTo(manifest.media.duration, 3);
      if (manifest.media.class === 'video') expect([canvas.width, canvas.height]).toEqual([manifest.media.video!.displayWidth, manifest.media.video!.displayHeight]);
      const painted = canvas.items[0]!.items[0]!.body;
      const bodies = painted.type === 'Choice' ? painted.items! : [painted];
      expect(bodies.map((b) => b.format)).toEqual([manifest.media.class === 'video' ? 'video/mp4' : 'audio/mp4', 'application/vnd.apple.mpegurl']);
      for (const body of bodies) {
        const served = await answer(body.id!);
        expect([served.status, served.type.split(';')[0]]).toEqual([200, body.format]);
      }
      const texts = canvas.annotations?.[0]?.items ?? [];
      const vttKeys = new Set([...manifest.tracks.filter((t) => t.kind !== 'chapters' && t.kind !== 'metadata').map((t) => t.key), ...manifest.text.transcripts.map((t) => t.vtt)]);
      expect(texts.map((a) => a.body.id).sort()).toEqual([...vttKeys].map((key) => `${site.url}/media/${key}`).sort());
      for (const text of texts) {
        expect([text.motivation, text.target, text.body.format]).toEqual(['supplementing', canvas.id, 'text/vtt']);
        const served = await answer(text.body.id!);
        expect([served.status, served.type.split(';')[0], served.text.startsWith('WEBVTT')]).toEqual([200, 'text/vtt', true]);
      }
    }
    for (const linked of [...json.seeAlso, ...(json.thumbnail ?? []), ...json.homepage, ...json.rendering]) expect((await answer(linked.id!)).status).toBe(200);
    expect(json.service?.map((s) => s.type) ?? []).toEqual(hasText(manifest) ? ['SearchService2'] : []);
  });

  it('an unknown item is a 404 problem, open to every origin', async () => {
    for (const path of ['/iiif/no-such-item/manifest.json', '/iiif/no-such-item/search?q=x', '/iiif/editions/1999-nowhere/collection.json']) {
      const response = await site.fetch(path);
      expect([response.status, response.headers.get('content-type'), response.headers.get('access-control-allow-origin')]).toEqual([404, 'application/problem+json; charset=utf-8', '*']);
    }
    const preflight = await site.fetch('/iiif/collection.json', { method: 'OPTIONS', headers: { Origin: 'https://viewer.example', 'Access-Control-Request-Method': 'GET' } });
    expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
  });
});

describe('a removed item', () => {
  it('answers 410 Gone on its manifest and search, with its notice, open to every origin', async () => {
    await writeTombstone(site.store, {
      version: 1, id: '2024-lyon-ancien-contenu', purged: false, title: 'Un ancien contenu', kind: 'talk', edition: { slug: '2024-lyon', label: '2024 Lyon' },
      archivedAt: '2024-06-01T10:00:00.000Z', removedAt: '2025-01-02T10:00:00.000Z', reason: 'Demande de l’intervenante', replacedBy: null,
    });
    await site.web.deps.catalogue.reload();
    for (const path of ['/iiif/2024-lyon-ancien-contenu/manifest.json', '/iiif/2024-lyon-ancien-contenu/search?q=communs']) {
      const response = await site.fetch(path);
      expect([response.status, response.headers.get('content-type'), response.headers.get('access-control-allow-origin')]).toEqual([410, 'application/problem+json; charset=utf-8', '*']);
      expect(response.text).toContain('Un ancien contenu');
    }
  });
});

describe('IIIF collections', () => {
  it('the archive’s collection leads to every item’s manifest through its edition’s', async () => {
    const archive = await getJson<{ id: string; items: { id: string; type: string }[] }>('/iiif/collection.json');
    expect([archive.status, archive.type, archive.cors]).toEqual([200, PRESENTATION, '*']);
    expect(parseIiif(archive.json).repairs).toEqual([]);
    const found: string[] = [];
    for (const edition of archive.json.items) {
      expect(edition.type).toBe('Collection');
      const collection = await getJson<{ id: string; items: { id: string; type: string }[] }>(edition.id.slice(site.url.length));
      expect([collection.status, collection.json.id]).toEqual([200, edition.id]);
      expect(parseIiif(collection.json).repairs).toEqual([]);
      found.push(...collection.json.items.map((i) => i.id));
    }
    expect(found.sort()).toEqual(MANIFESTS.map((m) => `${site.url}/iiif/${m.id}/manifest.json`).sort());
  });
});

describe('IIIF content search', () => {
  const talk = MANIFESTS.find((m) => m.id.includes('mediation-numerique-et-intelligence-artificielle'))!;
  const magazine = MANIFESTS.find((m) => m.media.class === 'document')!;

  async function apiPassages(q: string, id: string): Promise<{ start: number | null; end: number | null; page: number | null }[]> {
    const result = await getJson<{ items: { id: string; passages: { start: number | null; end: number | null; page: number | null }[] }[] }>(`/api/search?q=${encodeURIComponent(q)}&passages=5&perPage=50`);
    return result.json.items.find((i) => i.id === id)?.passages ?? [];
  }

  it.each([['guichet', 'fr'], ['desk', 'en']])('finds “%s” in the talk at the second it is said (%s), as /api/search does', async (word, language) => {
    const { status, type, cors, json } = await getJson<{ '@context': string; type: string; items: { motivation: string; target: string; body: { value: string; language: string[] } }[] }>(`/iiif/${talk.id}/search?q=${word}`);
    expect([status, type, cors, json['@context'], json.type]).toEqual([200, SEARCH, '*', 'http://iiif.io/api/search/2/context.json', 'AnnotationPage']);
    // The sample's captions say it in the cue 2.456 → 4.323 (“Voici ce que nous voyons au guichet.”).
    const hit = json.items.find((a) => a.target === `${site.url}/iiif/${talk.id}/canvas/1#t=2.456,4.323` && a.body.language[0] === language);
    expect(hit?.motivation).toBe('highlighting');
    expect(hit?.body.value.toLowerCase()).toContain(word);
    const api = await apiPassages(word, talk.id);
    expect(api.map((p) => `${site.url}/iiif/${talk.id}/canvas/1#t=${p.start},${p.end}`)).toContain(hit!.target);
  });

  it('finds a word of the magazine on its page’s Canvas, as /api/search does', async () => {
    const { json } = await getJson<{ items: { target: string }[] }>(`/iiif/${magazine.id}/search?q=sobriété`);
    const api = await apiPassages('sobriété', magazine.id);
    expect(api.length).toBeGreaterThan(0);
    expect(json.items.map((a) => a.target)).toEqual(expect.arrayContaining(api.map((p) => `${site.url}/iiif/${magazine.id}/canvas/p${p.page}`)));
    expect(json.items.map((a) => a.target)).toContain(`${site.url}/iiif/${magazine.id}/canvas/p5`);
  });

  it('answers an empty page when nothing matches, and 400 without words', async () => {
    expect((await getJson<{ items: unknown[] }>(`/iiif/${talk.id}/search?q=xylophone`)).json.items).toEqual([]);
    const none = await site.fetch(`/iiif/${talk.id}/search`);
    expect([none.status, none.headers.get('content-type')]).toEqual([400, 'application/problem+json; charset=utf-8']);
  });
});

describe('IIIF in the OpenAPI document', () => {
  it('lists the four paths with their JSON-LD type', async () => {
    const document = (await getJson<{ paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }> }>('/api/openapi.json')).json;
    const paths = ['/iiif/{id}/manifest.json', '/iiif/{id}/search', '/iiif/collection.json', '/iiif/editions/{slug}/collection.json'];
    expect(paths.map((p) => Object.keys(document.paths[p]?.get.responses['200']?.content ?? {})[0])).toEqual([PRESENTATION, SEARCH, PRESENTATION, PRESENTATION]);
  });
});
