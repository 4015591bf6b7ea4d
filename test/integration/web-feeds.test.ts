import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'podcast-partytime';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';
import { feedGuid } from '../../src/http/view-models/podcast-feed.js';
import { checkSchema, responseSchema } from '../support/json-schema.js';
import { readSitemaps } from '../support/sitemaps.js';
import { cuesOf, type ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

const TRICKY_TITLE = 'Épisode <1> & « deux » "quotes" \u0001';
const EPISODE: ArchiveItem = {
  id: '2025-strasbourg-podcast-sobriete',
  kind: 'podcast',
  title: TRICKY_TITLE,
  summary: 'Garder ses appareils <b>plus</b> longtemps & les réparer.',
  edition: '2025 Strasbourg',
  date: '2025-10-30',
  speakers: [{ name: 'Julien Moreau', organisation: 'Radio Communs', role: 'animateur' }, { name: 'Inès Roy' }],
  licence: 'CC-BY-4.0',
  transcripts: [{ cues: cuesOf(['Bonjour.', 'Parlons de sobriété.']) }],
  chapters: [{ start: 0, end: 5, title: 'Ouverture' }, { start: 5, end: 10, title: 'Réparer & réemployer' }],
  downloads: [{ format: 'm4a', contentType: 'audio/mp4', bytes: 3000 }, { format: 'mp3', contentType: 'audio/mpeg', bytes: 2500 }],
  posters: [{ width: 320, height: 320, format: 'jpeg' }, { width: 1280, height: 1280, format: 'jpeg' }, { width: 1280, height: 1280, format: 'webp' }],
};
const M4A_ONLY: ArchiveItem = {
  id: '2025-strasbourg-paroles',
  kind: 'podcast',
  title: 'Paroles de médiatrices',
  edition: '2025 Strasbourg',
  date: '2025-10-29',
  licence: 'CC-BY-4.0',
  downloads: [{ format: 'm4a', contentType: 'audio/mp4', bytes: 1234 }],
};
const OTHER_EDITION: ArchiveItem = {
  id: '2024-bordeaux-podcast',
  kind: 'podcast',
  title: 'Le podcast bordelais',
  edition: '2024 Bordeaux',
  date: '2024-11-15',
  licence: 'CC-BY-SA-4.0',
  downloads: [{ format: 'mp3', contentType: 'audio/mpeg' }],
};
const NO_AUDIO: ArchiveItem = { id: '2025-strasbourg-podcast-sans-audio', kind: 'podcast', title: 'Sans fichier', edition: '2025 Strasbourg' };
const TALK: ArchiveItem = {
  id: '2025-strasbourg-ia', kind: 'talk', title: 'IA & médiation', edition: '2025 Strasbourg', date: '2025-10-29',
  themes: ['Communs & souveraineté'], speakers: [{ name: 'Jeanne Martin' }],
  chapters: [{ start: 0, end: 60, title: 'Intro' }],
};

let site: TestWeb;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'podcast:transcript', 'podcast:person', 'url', 'xhtml:link', 'itunes:category'].includes(name) });

beforeAll(async () => {
  site = await startTestWeb([EPISODE, M4A_ONLY, OTHER_EDITION, NO_AUDIO, TALK]);
});
afterAll(async () => {
  await site?.close();
});

describe('/feeds/podcasts.xml', () => {
  it('is RSS 2.0 that a real feed parser reads, with every podcast that has audio', async () => {
    const r = await site.fetch('/feeds/podcasts.xml');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(XMLValidator.validate(r.text)).toBe(true);
    const feed = await new Parser().parseString(r.text);
    expect(feed.title).toBe('Les podcasts de Numérique en Commun[s]');
    expect(feed.link).toBe(`${site.url}/`);
    expect(feed.items.map((i) => i.guid)).toEqual([EPISODE.id, M4A_ONLY.id, OTHER_EDITION.id]);
    const [episode, m4a] = feed.items;
    // "<", "&" and quotes survive the round trip; the control character XML forbids is dropped.
    expect(episode?.title).toBe(TRICKY_TITLE.replace('\u0001', ''));
    expect(episode?.link).toBe(`${site.url}/podcasts/${EPISODE.id}`);
    expect(episode?.content).toBe(EPISODE.summary);
    expect(episode?.enclosure).toMatchObject({ url: expect.stringMatching(new RegExp(`^${site.url}/media/items/${EPISODE.id}/.+\\.mp3$`)), length: '2500', type: 'audio/mpeg' });
    expect(m4a?.enclosure).toMatchObject({ length: '1234', type: 'audio/mp4' });
    expect(new Date(episode?.pubDate ?? '').toISOString()).toBe('2025-10-30T00:00:00.000Z');
    expect(episode?.itunes?.duration).toBe('600');
    expect(feed.itunes?.image).toMatch(/poster-1280\.jpg$/);
    // The enclosure really is served, with its length.
    const audio = await site.fetch(new URL(episode?.enclosure?.url ?? '').pathname);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-length')).toBe('2500');
  });

  it('carries the Podcasting 2.0 elements with the right attributes', async () => {
    const r = await site.fetch('/feeds/podcasts.xml');
    const rss = xml.parse(r.text).rss;
    expect(rss['@version']).toBe('2.0');
    expect(rss['@xmlns:podcast']).toBe('https://podcastindex.org/namespace/1.0');
    expect(rss['@xmlns:itunes']).toBe('http://www.itunes.com/dtds/podcast-1.0.dtd');
    const channel = rss.channel;
    expect(channel['podcast:guid']).toBe(feedGuid(`${site.url}/feeds/podcasts.xml`));
    expect(channel['podcast:guid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(channel['itunes:category'].map((c: Record<string, string>) => c['@text'])).toContain('Society & Culture');
    expect(channel['atom:link']['@href']).toBe(`${site.url}/feeds/podcasts.xml`);
    // Episodes under two licences: no channel-level licence.
    expect(channel['podcast:license']).toBeUndefined();

    const item = channel.item[0];
    expect(item.guid).toEqual({ '#text': EPISODE.id, '@isPermaLink': 'false' });
    expect(item['podcast:license']).toEqual({ '#text': 'cc-by-4.0', '@url': 'https://creativecommons.org/licenses/by/4.0/deed.fr' });
    const transcripts = item['podcast:transcript'];
    expect(transcripts).toHaveLength(2);
    expect(transcripts[0]).toMatchObject({ '@type': 'text/vtt', '@language': 'fr', '@rel': 'captions', '@url': expect.stringMatching(/\/text\/fr\.vtt$/) });
    expect(transcripts[1]).toMatchObject({ '@type': 'text/plain', '@language': 'fr', '@url': expect.stringMatching(/\/text\/fr\.txt$/) });
    expect(transcripts[1]['@rel']).toBeUndefined();
    for (const t of transcripts) expect((await site.fetch(new URL(t['@url']).pathname)).status).toBe(200);
    expect(item['podcast:chapters']).toEqual({ '@url': `${site.url}/feeds/chapters/${EPISODE.id}.json`, '@type': 'application/json+chapters' });
    expect(item['podcast:person']).toEqual([
      { '#text': 'Julien Moreau', '@role': 'host', '@group': 'cast', '@href': `${site.url}/intervenants/julien-moreau` },
      { '#text': 'Inès Roy', '@role': 'guest', '@group': 'cast', '@href': `${site.url}/intervenants/ines-roy` },
    ]);
    // An episode without chapters or transcripts has none of those elements.
    const m4a = channel.item[1];
    expect(m4a['podcast:chapters']).toBeUndefined();
    expect(m4a['podcast:transcript']).toBeUndefined();
  });

  it('reads as a Podcasting 2.0 feed to an independent parser (podcast-partytime, Podcast Index)', async () => {
    const r = await site.fetch('/feeds/podcasts.xml');
    const feed = parseFeed(r.text);
    expect(feed).not.toBeNull();
    expect(feed?.guid).toBe(feedGuid(`${site.url}/feeds/podcasts.xml`));
    expect(feed?.medium).toBe('podcast');
    expect(feed?.pubsub?.self).toBe(`${site.url}/feeds/podcasts.xml`);
    expect(feed?.itunesCategory).toEqual(['Society & Culture', 'Technology']);
    expect(feed?.pc20support).toMatchObject({ 1: expect.arrayContaining(['transcript', 'chapters']), 2: ['person'], 3: expect.arrayContaining(['license', 'guid']) });
    const [episode, m4a] = feed?.items ?? [];
    expect(episode).toMatchObject({
      guid: EPISODE.id,
      title: TRICKY_TITLE.replace('\u0001', '').trim(), // partytime trims what it reads
      duration: 600,
      explicit: false,
      enclosure: { length: 2500, type: 'audio/mpeg' },
      podcastChapters: { url: `${site.url}/feeds/chapters/${EPISODE.id}.json`, type: 'application/json+chapters' },
      license: { identifier: 'cc-by-4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' },
    });
    expect(episode?.podcastTranscripts?.map((t) => [t.type, t.language, t.rel])).toEqual([['text/vtt', 'fr', 'captions'], ['text/plain', 'fr', undefined]]);
    expect(episode?.podcastPeople?.map((p) => [p.name, p.role, p.group])).toEqual([['Julien Moreau', 'Host', 'Cast'], ['Inès Roy', 'Guest', 'Cast']]);
    expect(m4a?.podcastTranscripts).toBeUndefined();
  });

  it('serves the JSON Chapters file the feed points to', async () => {
    const r = await site.fetch(`/feeds/chapters/${EPISODE.id}.json`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json\+chapters/);
    const body = JSON.parse(r.text);
    expect(body).toEqual({ version: '1.2.0', chapters: [{ startTime: 0, endTime: 5, title: 'Ouverture' }, { startTime: 5, endTime: 10, title: 'Réparer & réemployer' }] });
    const doc = openApiDocument(site.url);
    expect(checkSchema(responseSchema(doc, '/feeds/chapters/{id}.json', 200, 'application/json+chapters'), body, doc)).toEqual([]);
    expect((await site.fetch(`/feeds/chapters/${M4A_ONLY.id}.json`)).status).toBe(404);
    expect((await site.fetch('/feeds/chapters/nothing.json')).status).toBe(404);
    expect((await site.fetch(`/feeds/chapters/${TALK.id}`)).status).toBe(404);
  });
});

describe('/feeds/editions/:slug/podcasts.xml', () => {
  it('holds one edition’s podcasts, with the licence they share at channel level', async () => {
    const r = await site.fetch('/feeds/editions/2025-strasbourg/podcasts.xml');
    expect(r.status).toBe(200);
    const feed = await new Parser().parseString(r.text);
    expect(feed.title).toBe('Les podcasts de Numérique en Commun[s] 2025 Strasbourg');
    expect(feed.link).toBe(`${site.url}/editions/2025-strasbourg`);
    expect(feed.items.map((i) => i.guid)).toEqual([EPISODE.id, M4A_ONLY.id]);
    const channel = xml.parse(r.text).rss.channel;
    expect(channel['podcast:license']).toEqual({ '#text': 'cc-by-4.0', '@url': 'https://creativecommons.org/licenses/by/4.0/deed.fr' });
    expect(channel['podcast:guid']).toBe(feedGuid(`${site.url}/feeds/editions/2025-strasbourg/podcasts.xml`));
    expect(channel['podcast:guid']).not.toBe(feedGuid(`${site.url}/feeds/podcasts.xml`));
  });

  it('answers 404 for an unknown edition', async () => {
    expect((await site.fetch('/feeds/editions/1999-nulle-part/podcasts.xml')).status).toBe(404);
  });
});

describe('/sitemap.xml and /robots.txt', () => {
  it('is an index of the site’s pages and of one sitemap per edition, each with its newest change', async () => {
    const r = await site.fetch('/sitemap.xml');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(XMLValidator.validate(r.text)).toBe(true);
    const index = xml.parse(r.text).sitemapindex;
    expect(index['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const { index: sitemaps, texts } = await readSitemaps(site.fetch, site.url);
    expect(sitemaps.map((s) => s.loc)).toEqual([`${site.url}/sitemaps/pages.xml`, `${site.url}/sitemaps/editions/2025-strasbourg.xml`, `${site.url}/sitemaps/editions/2024-bordeaux.xml`]);
    for (const s of sitemaps) expect(s.lastmod, s.loc).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    for (const text of texts) {
      expect(XMLValidator.validate(text)).toBe(true);
      expect(xml.parse(text).urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    }
    expect((await site.fetch('/sitemaps/editions/1999-nulle-part.xml')).status).toBe(404);
  });

  it('lists every page in both languages with alternates and lastmod, as valid XML', async () => {
    const { entries } = await readSitemaps(site.fetch, site.url);
    const locs = entries.map((e) => e.loc);
    for (const path of [
      '/', '/en/', '/editions', '/en/editions', '/editions/2025-strasbourg', '/en/editions/2024-bordeaux',
      `/podcasts/${EPISODE.id}`, `/en/podcasts/${EPISODE.id}`, `/talks/${TALK.id}`, `/en/talks/${TALK.id}`,
      '/intervenants/jeanne-martin', '/en/speakers/jeanne-martin', '/themes/communs-souverainete', '/en/themes/communs-souverainete',
      '/accessibilite', '/en/accessibility', '/licences', '/en/licences',
    ]) expect(locs, path).toContain(`${site.url}${path}`);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.some((l) => l.includes('/recherche') || l.includes('/embed/'))).toBe(false);
    const talk = entries.find((e) => e.loc === `${site.url}/en/talks/${TALK.id}`);
    expect(talk?.lastmod).toBe('2025-11-01T00:00:00.000Z');
    expect(talk?.['xhtml:link']).toEqual([
      { '@rel': 'alternate', '@hreflang': 'fr', '@href': `${site.url}/talks/${TALK.id}` },
      { '@rel': 'alternate', '@hreflang': 'en', '@href': `${site.url}/en/talks/${TALK.id}` },
      { '@rel': 'alternate', '@hreflang': 'x-default', '@href': `${site.url}/talks/${TALK.id}` },
    ]);
  });

  it('robots.txt allows crawling, keeps search results out and names the sitemap', async () => {
    const r = await site.fetch('/robots.txt');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    const lines = r.text.split('\n');
    expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Allow: /', 'Disallow: /api/search', 'Disallow: /recherche?', 'Disallow: /en/search?', `Sitemap: ${site.url}/sitemap.xml`]));
  });
});
