import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { parseTombstone } from '../../src/domain/tombstone.js';
import { openApiDocument } from '../../src/http/openapi.js';
import { mediaUrl } from '../../src/http/urls.js';
import { tombstoneKey } from '../../src/services/archive/tombstones.js';
import { runCli } from '../support/cli.js';
import { checkSchema, responseSchema } from '../support/json-schema.js';
import { readSitemaps } from '../support/sitemaps.js';
import { cuesOf, type ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

/**
 * Removal leaves a trace: items removed by the real `remove` command (in its own process, on the
 * site's store and Meilisearch) answer 410 Gone with their notice on every address — pages in
 * French and English, embed, API, chapters, oEmbed — and are gone from search, listings, feeds
 * and the sitemap. A purge keeps only the id and the date.
 */
const REMOVED: ArchiveItem = {
  id: '2025-strasbourg-podcast-ancien', kind: 'podcast', title: 'Le podcast « ancien » & erroné', edition: '2025 Strasbourg', date: '2025-10-30',
  themes: ['Sobriété'], speakers: [{ name: 'Odile Retirée' }], licence: 'CC-BY-4.0',
  transcripts: [{ cues: cuesOf(['Bonjour.', 'Le mot zorglubien est dit ici.']) }],
  chapters: [{ start: 0, end: 5, title: 'Ouverture' }],
  downloads: [{ format: 'm4a', contentType: 'audio/mp4', bytes: 3000 }],
};
const REPLACEMENT: ArchiveItem = {
  id: '2025-strasbourg-podcast-nouveau', kind: 'podcast', title: 'Le podcast corrigé', edition: '2025 Strasbourg', date: '2025-10-30',
  licence: 'CC-BY-4.0', downloads: [{ format: 'm4a', contentType: 'audio/mp4', bytes: 3000 }],
};
const PURGED: ArchiveItem = {
  id: '2024-lyon-atelier-prive', kind: 'workshop', title: 'Atelier Nominatif Secret', edition: '2024 Lyon', date: '2024-06-01',
  themes: ['Thème Secret'], speakers: [{ name: 'Personne Privée' }],
  transcripts: [{ cues: cuesOf(['Le quetzalcoatlesque est dit ici.']) }],
};
const KEPT: ArchiveItem = { id: '2025-strasbourg-magazine', kind: 'document', title: 'Le magazine 2025', edition: '2025 Strasbourg', pages: ['Édito.'] };
const REASON = 'Enregistrement remplacé par une version corrigée <b>sans</b> erreur';

let site: TestWeb;
let store: FsBlobStore;

beforeAll(async () => {
  store = new FsBlobStore(mkdtempSync(path.join(tmpdir(), 'mc-removed-')));
  site = await startTestWeb([REMOVED, REPLACEMENT, PURGED, KEPT], { store });
  // Present before: the checks below that find nothing would find these.
  expect((await site.fetch('/api/search?q=zorglubien')).text).toContain(REMOVED.id);
  expect((await site.fetch('/feeds/podcasts.xml')).text).toContain(REMOVED.id);
  expect((await readSitemaps(site.fetch, site.url)).texts.join('\n')).toContain(PURGED.id);
  const env = { DATA_DIR: store.root, MEILI_URL: site.meili.url, MEILI_MASTER_KEY: site.meili.apiKey };
  const removed = await runCli(['remove', REMOVED.id, '--reason', REASON, '--replaced-by', REPLACEMENT.id, '--yes'], env);
  expect([removed.code, removed.stderr]).toEqual([0, '']);
  const purged = await runCli(['remove', PURGED.id, '--purge', '--yes'], env);
  expect([purged.code, purged.stderr]).toEqual([0, '']);
  await site.web.deps.catalogue.reload();
}, 120_000);

afterAll(async () => {
  await site?.close();
});

describe('a removed item with a reason and a replacement', () => {
  it('keeps its tombstone in the store: title, kind, edition, dates, reason, replacement', async () => {
    const tombstone = parseTombstone(String(await store.getBuffer(tombstoneKey(REMOVED.id))));
    expect(tombstone).toMatchObject({
      id: REMOVED.id, purged: false, title: REMOVED.title, kind: 'podcast', edition: { slug: '2025-strasbourg', label: '2025 Strasbourg' },
      archivedAt: '2025-11-01T00:00:00.000Z', reason: REASON, replacedBy: REPLACEMENT.id,
    });
    expect(Date.now() - Date.parse(tombstone.removedAt)).toBeLessThan(10 * 60_000);
    const left: string[] = [];
    for await (const blob of store.list(`items/${REMOVED.id}/`)) left.push(blob.key);
    expect(left).toEqual([]);
  });

  it('answers 410 with its notice in French: title, edition, dates, reason, replacement link, search', async () => {
    const r = await site.fetch(`/podcasts/${REMOVED.id}`);
    expect(r.status).toBe(410);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('content-language')).toBe('fr');
    expect(r.text).toContain('<html lang="fr"');
    expect(r.text).toContain('<meta name="robots" content="noindex">');
    expect(r.text).toContain('<h1>Ce contenu a été retiré des archives</h1>');
    expect(r.text).toContain('«\u00a0Le podcast « ancien » &amp; erroné\u00a0» a été retiré des archives le ');
    expect(r.text).toMatch(/<dt>Édition<\/dt><dd><a href="\/editions\/2025-strasbourg">2025 Strasbourg<\/a><\/dd>/);
    expect(r.text).toContain('<dt>Archivé le</dt><dd><time datetime="2025-11-01T00:00:00.000Z">1 novembre 2025</time></dd>');
    expect(r.text).toMatch(/<dt>Retiré le<\/dt><dd><time datetime="\d{4}-\d\d-\d\dT[^"]+">\d{1,2} \p{L}+ \d{4}<\/time><\/dd>/u);
    expect(r.text).toContain('<dt>Motif</dt><dd>Enregistrement remplacé par une version corrigée &lt;b&gt;sans&lt;/b&gt; erreur</dd>');
    expect(r.text).toContain(`Il est remplacé par\u00a0: <a href="/podcasts/${REPLACEMENT.id}">Le podcast corrigé</a>`);
    expect(r.text).toContain('<form class="search-form" role="search"');
  });

  it('answers 410 in English under /en/, with the English link to the replacement', async () => {
    const r = await site.fetch(`/en/podcasts/${REMOVED.id}`);
    expect(r.status).toBe(410);
    expect(r.text).toContain('<html lang="en"');
    expect(r.text).toContain('<h1>This item has been removed from the archive</h1>');
    expect(r.text).toContain('“Le podcast « ancien » &amp; erroné” was removed from the archive on ');
    expect(r.text).toContain('<dt>Archived on</dt><dd><time datetime="2025-11-01T00:00:00.000Z">1 November 2025</time></dd>');
    expect(r.text).toContain('<dt>Reason</dt>');
    expect(r.text).toContain(`It is replaced by: <a href="/en/podcasts/${REPLACEMENT.id}">Le podcast corrigé</a>`);
  });

  it('answers 410 under any section, and on its embed (links open a new window)', async () => {
    expect((await site.fetch(`/talks/${REMOVED.id}`)).status).toBe(410);
    expect((await site.fetch(`/en/documents/${REMOVED.id}`)).status).toBe(410);
    const embed = await site.fetch(`/embed/${REMOVED.id}`);
    expect(embed.status).toBe(410);
    expect(embed.text).toContain('class="embed-body"');
    expect(embed.text).toContain(`<a href="/podcasts/${REPLACEMENT.id}" target="_blank" rel="noopener">Le podcast corrigé<span class="visually-hidden"> (nouvelle fenêtre)</span></a>`);
    expect((await site.fetch(`/en/embed/${REMOVED.id}`)).text).toContain('This item has been removed from the archive');
  });

  it('answers 410 problem+json on the API, its files, its chapters and oEmbed, with the same facts', async () => {
    const r = await site.fetch(`/api/items/${REMOVED.id}`);
    expect(r.status).toBe(410);
    expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const body = JSON.parse(r.text) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'about:blank', title: 'Contenu retiré', status: 410, code: 'gone', id: REMOVED.id, purged: false, itemTitle: REMOVED.title, kind: 'podcast',
      edition: { slug: '2025-strasbourg', label: '2025 Strasbourg' }, archivedAt: '2025-11-01T00:00:00.000Z', reason: REASON,
      replacedBy: { id: REPLACEMENT.id, url: `${site.url}/api/items/${REPLACEMENT.id}`, page: `${site.url}/podcasts/${REPLACEMENT.id}` },
    });
    expect(body.detail).toMatch(new RegExp(`^${REMOVED.id} a été retiré des archives le \\d{4}-\\d\\d-\\d\\d\u00a0: Enregistrement remplacé`));
    // The document describes this answer, and the answer fits it.
    const doc = openApiDocument(site.url);
    expect(checkSchema(responseSchema(doc, '/api/items/{id}', 410, 'application/problem+json'), body, doc)).toEqual([]);
    const english = JSON.parse((await site.fetch(`/api/items/${REMOVED.id}?lang=en`)).text) as Record<string, unknown>;
    expect(english).toMatchObject({ title: 'Removed', replacedBy: { page: `${site.url}/en/podcasts/${REPLACEMENT.id}` } });
    for (const address of [
      `/api/items/${REMOVED.id}/citation.ris`, `/api/items/${REMOVED.id}/transcript.vtt?lang=fr`, `/api/items/${REMOVED.id}/clip.m4a?t=0,5`,
      `/feeds/chapters/${REMOVED.id}.json`, `/oembed?url=${encodeURIComponent(`${site.url}/podcasts/${REMOVED.id}`)}`,
    ]) {
      const answer = await site.fetch(address);
      expect([address, answer.status, answer.headers.get('content-type')]).toEqual([address, 410, 'application/problem+json; charset=utf-8']);
      expect(JSON.parse(answer.text)).toMatchObject({ code: 'gone', id: REMOVED.id });
    }
  });

  it('has no media left: its stored files answer 404', async () => {
    const r = await site.fetch(mediaUrl(`items/${REMOVED.id}/a1b2c3d4e5f6/download/${REMOVED.id}.m4a`));
    expect(r.status).toBe(404);
  });
});

describe('a purged item', () => {
  it('keeps only its id and the date in its tombstone', async () => {
    const tombstone = parseTombstone(String(await store.getBuffer(tombstoneKey(PURGED.id))));
    expect(tombstone).toEqual({
      version: 1, id: PURGED.id, purged: true, title: null, kind: null, edition: null, archivedAt: null, removedAt: tombstone.removedAt, reason: null, replacedBy: null,
    });
  });

  it('answers 410 with only the id and the date, in both languages and on the API', async () => {
    for (const [address, says] of [
      [`/talks/${PURGED.id}`, 'Le contenu publié à cette adresse a été retiré des archives le '],
      [`/en/talks/${PURGED.id}`, 'What was published at this address was removed from the archive on '],
      [`/embed/${PURGED.id}`, 'Aucune autre information n’est conservée.'],
    ] as const) {
      const r = await site.fetch(address);
      expect([address, r.status]).toEqual([address, 410]);
      expect(r.text).toContain(says);
      for (const secret of ['Atelier Nominatif Secret', 'Personne Privée', 'Thème Secret', '2024 Lyon', '<dt>']) expect(r.text).not.toContain(secret);
    }
    const body = JSON.parse((await site.fetch(`/api/items/${PURGED.id}`)).text) as Record<string, unknown>;
    expect(body).toEqual({
      type: 'about:blank', title: 'Contenu retiré', status: 410, code: 'gone', detail: `${PURGED.id} a été retiré des archives le ${String(body.removedAt).slice(0, 10)}.`,
      id: PURGED.id, purged: true, itemTitle: null, kind: null, edition: null, archivedAt: null, removedAt: body.removedAt, reason: null, replacedBy: null,
    });
  });
});

describe('what a removed item leaves', () => {
  it('leaves search (real Meilisearch): its words find nothing, an empty search lists the others', async () => {
    for (const word of ['zorglubien', 'quetzalcoatlesque', 'Nominatif']) {
      const result = JSON.parse((await site.fetch(`/api/search?q=${word}`)).text) as { total: number };
      expect([word, result.total]).toEqual([word, 0]);
    }
    const all = JSON.parse((await site.fetch('/api/search?q=')).text) as { items: { id: string }[] };
    expect(all.items.map((i) => i.id).sort()).toEqual([KEPT.id, REPLACEMENT.id].sort());
    const page = await site.fetch('/recherche?q=zorglubien');
    expect(page.text).not.toContain(REMOVED.id);
  });

  it('leaves the listings: /api/items, the edition, speaker and theme pages', async () => {
    const list = JSON.parse((await site.fetch('/api/items')).text) as { total: number; items: { id: string }[] };
    expect(list.items.map((i) => i.id).sort()).toEqual([KEPT.id, REPLACEMENT.id].sort());
    const edition = await site.fetch('/editions/2025-strasbourg');
    expect(edition.status).toBe(200);
    expect(edition.text).toContain(REPLACEMENT.id);
    expect(edition.text).not.toContain(REMOVED.id);
    // The purged item's edition, speaker and theme had nothing else: their pages are gone with it.
    expect((await site.fetch('/editions/2024-lyon')).status).toBe(404);
    expect((await site.fetch('/intervenants/personne-privee')).status).toBe(404);
    expect((await site.fetch('/intervenants/odile-retiree')).status).toBe(404);
    expect((await site.fetch('/themes/theme-secret')).status).toBe(404);
    expect((await site.fetch('/')).text).not.toContain(REMOVED.id);
  });

  it('leaves the podcast feeds and the sitemap', async () => {
    for (const feed of ['/feeds/podcasts.xml', '/feeds/editions/2025-strasbourg/podcasts.xml']) {
      const r = await site.fetch(feed);
      expect(r.status).toBe(200);
      expect(r.text).toContain(REPLACEMENT.id);
      expect(r.text).not.toContain(REMOVED.id);
    }
    const sitemap = (await readSitemaps(site.fetch, site.url)).texts.join('\n');
    expect(sitemap).toContain(REPLACEMENT.id);
    for (const id of [REMOVED.id, PURGED.id]) expect(sitemap).not.toContain(id);
  });

  it('leaves an id never removed answering 404, and a live item as it was', async () => {
    expect((await site.fetch('/podcasts/2025-strasbourg-jamais-existe')).status).toBe(404);
    expect((await site.fetch('/api/items/2025-strasbourg-jamais-existe')).status).toBe(404);
    expect((await site.fetch(`/podcasts/${REPLACEMENT.id}`)).status).toBe(200);
  });
});
