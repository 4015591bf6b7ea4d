import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestKey, type Manifest } from '../../src/domain/manifest.js';
import { cuesOf, freshStore, writeItem, type ArchiveItem } from '../support/search-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';

const TALK: ArchiveItem = {
  id: '2025-strasbourg-ia-mediation',
  kind: 'talk',
  title: 'IA et médiation',
  transcripts: [{ cues: cuesOf(['Bonjour à toutes et à tous.', 'Parlons du guichet numérique.']) }],
  chapters: [{ start: 0, end: 10, title: 'Ouverture' }],
  downloads: [{ format: 'mp4', contentType: 'video/mp4', bytes: 4096 }],
};
const PODCAST: ArchiveItem = { id: 'episode-sobriete', kind: 'podcast', title: 'Sobriété', transcripts: [{ cues: cuesOf(['Garder ses appareils.']) }] };
const MAGAZINE: ArchiveItem = { id: 'magazine-2025', kind: 'document', title: 'Le magazine', pages: ['Cinq idées.'] };
/** The talk was first published under a misspelt title; it also lists the podcast's live id, which must keep answering as the podcast. */
const OLD = '2025-strasbourg-ia-mdiation';

let site: TestWeb;
let talk: Manifest;

async function withAliases(store: ReturnType<typeof freshStore>, spec: ArchiveItem, aliases: string[]): Promise<Manifest> {
  const manifest = { ...(await writeItem(store, spec)), aliases };
  await store.putBuffer(manifestKey(spec.id), JSON.stringify(manifest), 'application/json');
  return manifest;
}

beforeAll(async () => {
  const store = freshStore();
  talk = await withAliases(store, TALK, [OLD, PODCAST.id]);
  await writeItem(store, PODCAST);
  await withAliases(store, MAGAZINE, ['magazine-n-1']);
  site = await startWebOver(store);
}, 60_000);
afterAll(async () => {
  await site?.close();
});

async function expectRedirect(path: string, location: string): Promise<Headers> {
  const response = await site.fetch(path);
  expect(response.status, path).toBe(301);
  expect(response.headers.get('location'), path).toBe(location);
  // Where it points answers.
  expect((await site.fetch(location)).status, location).toBe(200);
  return response.headers;
}

describe('an earlier id answers 301 to the current one', () => {
  it.each([
    [`/talks/${OLD}`, `/talks/${TALK.id}`],
    [`/talks/${OLD}?t=5,8`, `/talks/${TALK.id}?t=5,8`],
    [`/en/talks/${OLD}`, `/en/talks/${TALK.id}`],
    [`/podcasts/${OLD}`, `/talks/${TALK.id}`],
    [`/en/documents/${OLD}?x=1`, `/en/talks/${TALK.id}?x=1`],
    [`/embed/${OLD}?t=5`, `/embed/${TALK.id}?t=5`],
    [`/en/embed/${OLD}`, `/en/embed/${TALK.id}`],
    ['/documents/magazine-n-1?page=1', `/documents/${MAGAZINE.id}?page=1`],
    ['/en/documents/magazine-n-1', `/en/documents/${MAGAZINE.id}`],
  ])('page %s → %s', async (path, location) => {
    await expectRedirect(path, location);
  });

  it.each([
    [`/api/items/${OLD}`, `/api/items/${TALK.id}`],
    [`/api/items/${OLD}?lang=en`, `/api/items/${TALK.id}?lang=en`],
    [`/api/items/${OLD}/citation.ris?t=1,2`, `/api/items/${TALK.id}/citation.ris?t=1,2`],
    [`/api/items/${OLD}/transcript.txt`, `/api/items/${TALK.id}/transcript.txt`],
    [`/feeds/chapters/${OLD}.json`, `/feeds/chapters/${TALK.id}.json`],
  ])('API and feed %s → %s, open to other origins', async (path, location) => {
    const headers = await expectRedirect(path, location);
    expect(headers.get('access-control-allow-origin')).toBe('*');
  });

  it('IIIF addresses keep their file and query', async () => {
    for (const [path, location] of [
      [`/iiif/${OLD}/manifest.json`, `/iiif/${TALK.id}/manifest.json`],
      [`/iiif/${OLD}/search?q=guichet`, `/iiif/${TALK.id}/search?q=guichet`],
    ] as const) {
      const response = await site.fetch(path);
      expect(response.status, path).toBe(301);
      expect(response.headers.get('location')).toBe(location);
    }
  });

  it('a stored file of the old revision goes to the same file of the current item, else to its page', async () => {
    const download = talk.downloads[0] as Manifest['downloads'][number];
    await expectRedirect(`/media/items/${OLD}/0123456789ab/download/${OLD}.mp4`, `/media/${download.key}`);
    await expectRedirect(`/media/items/${OLD}/0123456789ab/hls/master.m3u8`, `/talks/${TALK.id}`);
  });

  it('oEmbed of a page under the old id embeds the current item', async () => {
    const response = await site.fetch(`/oembed?url=${encodeURIComponent(`${site.url}/talks/${OLD}?t=5`)}`);
    expect(response.status).toBe(200);
    const html = (JSON.parse(response.text) as { html: string }).html;
    expect(html).toContain(`/embed/${TALK.id}?t=5`);
    expect(html).not.toContain(OLD);
  });
});

describe('a live id always wins over an alias', () => {
  it('serves the podcast at its own id though the talk lists it', async () => {
    expect((await site.fetch(`/podcasts/${PODCAST.id}`)).status).toBe(200);
    expect((await site.fetch(`/api/items/${PODCAST.id}`)).status).toBe(200);
    expect(JSON.parse((await site.fetch(`/api/items/${PODCAST.id}`)).text)).toMatchObject({ id: PODCAST.id });
  });

  it('leaves unknown ids to the 404 page and the current id to its page', async () => {
    expect((await site.fetch('/talks/never-published')).status).toBe(404);
    expect((await site.fetch('/api/items/never-published')).status).toBe(404);
    expect((await site.fetch(`/talks/${TALK.id}`)).status).toBe(200);
  });
});
