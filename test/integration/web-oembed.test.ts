import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';
import { checkSchema, responseSchema } from '../support/json-schema.js';
import type { ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

const TALK: ArchiveItem = {
  id: '2025-strasbourg-ia-mediation',
  kind: 'talk',
  title: 'IA "et" <script>alert(1)</script> médiation',
  speakers: [{ name: 'Jeanne Martin', organisation: 'La Mednum' }, { name: 'Ali Ben' }],
  posters: [{ width: 320, height: 180, format: 'jpeg' }, { width: 640, height: 360, format: 'jpeg' }, { width: 1280, height: 720, format: 'jpeg' }],
};
const PODCAST: ArchiveItem = { id: '2025-strasbourg-podcast', kind: 'podcast', title: 'Le podcast' };
const MAGAZINE: ArchiveItem = { id: '2025-strasbourg-magazine', kind: 'document', title: 'Le magazine', pages: ['Une page.'] };

let site: TestWeb;
const doc = openApiDocument('http://example.org');

beforeAll(async () => {
  site = await startTestWeb([TALK, PODCAST, MAGAZINE]);
});
afterAll(async () => {
  await site?.close();
});

async function oembed(query: string): Promise<{ status: number; headers: Headers; body: any }> {
  const r = await site.fetch(`/oembed?${query}`);
  return { status: r.status, headers: r.headers, body: JSON.parse(r.text) };
}
const urlOf = (path: string): string => encodeURIComponent(`${site.url}${path}`);

describe('/oembed', () => {
  it('describes a talk as a 16:9 video iframe of the embed page, per oEmbed 1.0', async () => {
    const r = await oembed(`url=${urlOf(`/talks/${TALK.id}?t=30`)}&format=json`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(checkSchema(responseSchema(doc, '/oembed', 200), r.body, doc)).toEqual([]);
    expect(r.body).toMatchObject({
      version: '1.0', type: 'video', title: TALK.title, width: 640, height: 360,
      provider_name: 'Médiacommuns', provider_url: `${site.url}/`,
      author_name: 'Jeanne Martin, Ali Ben', author_url: `${site.url}/intervenants/jeanne-martin`,
      thumbnail_width: 640, thumbnail_height: 360,
    });
    expect(r.body.thumbnail_url).toMatch(/poster-640\.jpg$/);
    expect(r.body.html).toBe(
      // The page's moment (?t=30) plays in the iframe too.
      `<iframe src="${site.url}/embed/${TALK.id}?t=30" width="640" height="360" title="IA &quot;et&quot; &lt;script&gt;alert(1)&lt;/script&gt; médiation"` +
        ' loading="lazy" allow="fullscreen; picture-in-picture" allowfullscreen></iframe>',
    );
  });

  it('keeps the player and its thumbnail within maxwidth and maxheight, at 16:9', async () => {
    const narrow = await oembed(`url=${urlOf(`/talks/${TALK.id}`)}&maxwidth=320`);
    expect(narrow.body).toMatchObject({ width: 320, height: 180, thumbnail_width: 320 });
    const low = await oembed(`url=${urlOf(`/talks/${TALK.id}`)}&maxheight=90`);
    expect(low.body).toMatchObject({ width: 160, height: 90 });
    expect(low.body.thumbnail_url).toBeUndefined();
    const both = await oembed(`url=${urlOf(`/talks/${TALK.id}`)}&maxwidth=1000&maxheight=500`);
    expect(both.body).toMatchObject({ width: 640, height: 360 });
    for (const b of [narrow.body, low.body, both.body]) expect(b.html).toContain(`width="${b.width}" height="${b.height}"`);
  });

  it('describes podcasts and documents as rich content, in the language of the URL', async () => {
    const podcast = await oembed(`url=${urlOf(`/en/podcasts/${PODCAST.id}`)}`);
    expect(podcast.body).toMatchObject({ type: 'rich', provider_url: `${site.url}/en/` });
    expect(podcast.body.html).toContain(`src="${site.url}/en/embed/${PODCAST.id}"`);
    expect(podcast.body.author_name).toBeUndefined();
    const magazine = await oembed(`url=${urlOf(`/documents/${MAGAZINE.id}?page=1`)}`);
    expect(magazine.body.type).toBe('rich');
    const embed = await oembed(`url=${urlOf(`/embed/${TALK.id}`)}`);
    expect(embed.body.type).toBe('video');
  });

  it('answers 404 for another site, another page or an unknown item', async () => {
    for (const url of [
      encodeURIComponent(`https://elsewhere.example/talks/${TALK.id}`),
      urlOf('/editions/2025-strasbourg'),
      urlOf('/talks/nothing-here'),
      urlOf(`/talks/${TALK.id}/more`),
      encodeURIComponent('not a url'),
      encodeURIComponent(`javascript:alert(1)//${site.url}/talks/${TALK.id}`),
    ]) {
      const r = await oembed(`url=${url}`);
      expect(r.status, decodeURIComponent(url)).toBe(404);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(checkSchema(responseSchema(doc, '/oembed', 404, 'application/problem+json'), r.body, doc)).toEqual([]);
    }
  });

  it('answers 501 for a format other than json and 400 for bad parameters', async () => {
    const xml = await oembed(`url=${urlOf(`/talks/${TALK.id}`)}&format=xml`);
    expect(xml.status).toBe(501);
    expect(checkSchema(responseSchema(doc, '/oembed', 501, 'application/problem+json'), xml.body, doc)).toEqual([]);
    for (const query of ['', 'url=', `url=${urlOf(`/talks/${TALK.id}`)}&maxwidth=abc`, `url=${urlOf(`/talks/${TALK.id}`)}&maxheight=0`]) {
      const r = await oembed(query);
      expect(r.status, query).toBe(400);
    }
  });
});
