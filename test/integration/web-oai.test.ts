import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { manifestKey, type Manifest } from '../../src/domain/manifest.js';
import type { Tombstone } from '../../src/domain/tombstone.js';
import { openApiDocument } from '../../src/http/openapi.js';
import { startWeb, type WebServer } from '../../src/http/start-web.js';
import { writeTombstone } from '../../src/services/archive/tombstones.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { copySampleArchive, removeArchiveCopy } from '../support/sample-archive.js';
import { freshStore, writeItem, type ArchiveItem } from '../support/search-archive.js';

/**
 * /oai harvested by a harvester nobody here wrote (Debian's HTTP::OAI, test/support/oai-harvest.pl)
 * through its resumption tokens (two records an answer), compared with /api/items and the
 * tombstones; the protocol's errors asked over HTTP, by GET and POST; tokens across a restart
 * and across a change of the archive.
 */
const run = promisify(execFile);
const HARVESTER = path.resolve('test/support/oai-harvest.pl');
const PUBLIC = 'https://archives.example.org';
const PAGE = 2;
const oaiId = (id: string): string => `oai:archives.example.org:${id}`;

const ITEMS: (ArchiveItem & { updatedAt: string; aliases?: string[] })[] = [
  {
    id: '2025-strasbourg-ia-mediation', kind: 'talk', title: 'IA & médiation <numérique>', summary: 'Accompagner les usages.',
    edition: '2025 Strasbourg', date: '2025-10-29', themes: ['Communs & souveraineté', 'Éthique'], licence: 'CC-BY-SA-4.0',
    speakers: [{ name: 'Jeanne Martin', organisation: 'La Mednum' }, { name: 'Ali BEN SALAH' }],
    downloads: [{ format: 'mp4', contentType: 'video/mp4' }], updatedAt: '2025-11-02T10:00:00.000Z',
  },
  {
    id: '2025-strasbourg-podcast-sobriete', kind: 'podcast', title: 'Le podcast de la sobriété', edition: '2025 Strasbourg', licence: 'CC-BY-4.0',
    downloads: [{ format: 'mp3', contentType: 'audio/mpeg' }, { format: 'm4a', contentType: 'audio/mp4' }], updatedAt: '2025-11-03T09:30:00.000Z',
  },
  { id: '2025-strasbourg-magazine', kind: 'document', title: 'Le magazine', edition: '2025 Strasbourg', licence: 'Etalab-2.0', pages: ['Une page.'], updatedAt: '2025-11-01T08:00:00.000Z' },
  { id: '2024-bordeaux-ethique', kind: 'round-table', title: 'Éthique et données', edition: '2024 Bordeaux', licence: 'CC0-1.0', updatedAt: '2024-12-01T12:00:00.000Z' },
  // Renamed: its first id (a typo in the title) is an alias.
  {
    id: '2024-bordeaux-sobriete-numerique', kind: 'workshop', title: 'Sobriété numérique', edition: '2024 Bordeaux', aliases: ['2024-bordeaux-sobriete-numeriqe'],
    updatedAt: '2025-01-15T00:00:00.000Z',
  },
];
const REMOVED: Tombstone = {
  version: 1, id: '2025-strasbourg-atelier-retire', purged: false, title: 'Un atelier retiré', kind: 'workshop',
  edition: { slug: '2025-strasbourg', label: '2025 Strasbourg' }, archivedAt: '2025-11-01T00:00:00.000Z',
  removedAt: '2026-02-03T04:05:06.789Z', reason: 'Doublon', replacedBy: '2025-strasbourg-ia-mediation',
};
const PURGED: Tombstone = {
  version: 1, id: '2024-bordeaux-donnees-personnelles', purged: true, title: null, kind: null, edition: null, archivedAt: null,
  removedAt: '2026-03-01T00:00:00.000Z', reason: null, replacedBy: null,
};

let store: FsBlobStore;
let meili: TestMeili;
let web: WebServer;
let base: string;

async function serve(): Promise<WebServer> {
  const index = meili.connect();
  await index.open();
  return startWeb({ store, index, port: 0, host: '127.0.0.1', publicUrl: PUBLIC, mediaOrigin: null, oai: { pageSize: PAGE, adminEmail: 'archives@example.org' }, log: () => {} });
}

async function setManifest(id: string, change: Partial<Manifest>): Promise<void> {
  const manifest = JSON.parse((await store.getBuffer(manifestKey(id)))?.toString('utf8') ?? 'null') as Manifest;
  await store.putBuffer(manifestKey(id), JSON.stringify({ ...manifest, ...change }), 'application/json');
}

beforeAll(async () => {
  store = freshStore();
  for (const { updatedAt, aliases, ...item } of ITEMS) {
    const manifest = await writeItem(store, item);
    await setManifest(item.id, { aliases: aliases ?? [], pipeline: { ...manifest.pipeline, updatedAt } });
  }
  await writeTombstone(store, REMOVED);
  await writeTombstone(store, PURGED);
  meili = await startTestMeili();
  const index = meili.connect();
  await index.open();
  await new SearchIndexer(store, index).reindex();
  web = await serve();
  base = `http://127.0.0.1:${web.port}/oai`;
}, 60_000);

afterAll(async () => {
  await web?.close();
  await meili?.stop();
});

interface Harvested {
  errors: string[];
  identify: Record<string, unknown> & { adminEmail: string[] };
  formats: string[];
  sets: { spec: string; name: string }[];
  identifiers: { identifier: string; datestamp: string; deleted: boolean; sets: string[] }[];
  records: { identifier: string; datestamp: string; deleted: boolean; sets: string[]; dc: Record<string, string[]> | null }[];
  record?: Harvested['records'][number] | null;
  requests: string[];
}

async function harvest(...args: string[]): Promise<Harvested> {
  const { stdout } = await run('perl', [HARVESTER, base, ...args], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Harvested;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', parseTagValue: false, isArray: (name) => ['error', 'header', 'record', 'set', 'setSpec'].includes(name) });
/** Parsed XML, shaped by each answer: the tests assert the shape they read. */
type Oai = any;

async function oai(query: string, init?: RequestInit): Promise<{ status: number; type: string | null; body: Oai; location: string | null }> {
  const response = await fetch(`${base}${query}`, { redirect: 'manual', ...init });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), location: response.headers.get('location'), body: text ? (parser.parse(text) as Oai)['OAI-PMH'] : null };
}

const errorCodes = (body: Oai): string[] => ((body.error ?? []) as { '@code': string }[]).map((e) => e['@code']);

describe('harvested by HTTP::OAI::Harvester', () => {
  let whole: Harvested;
  beforeAll(async () => {
    whole = await harvest(oaiId('2024-bordeaux-sobriete-numeriqe'));
  }, 60_000);

  it('harvests every item of /api/items, the removed ones and the earlier id as deleted, through resumption tokens, with no protocol error', async () => {
    expect(whole.errors).toEqual([]);
    const api = JSON.parse(await (await fetch(`http://127.0.0.1:${web.port}/api/items?perPage=100`)).text()) as { items: { id: string; updatedAt: string }[] };
    const live = api.items.map((item) => ({ identifier: oaiId(item.id), datestamp: `${item.updatedAt.slice(0, 19)}Z`, deleted: false }));
    const deleted = [
      { identifier: oaiId(REMOVED.id), datestamp: '2026-02-03T04:05:06Z', deleted: true },
      { identifier: oaiId(PURGED.id), datestamp: '2026-03-01T00:00:00Z', deleted: true },
      { identifier: oaiId('2024-bordeaux-sobriete-numeriqe'), datestamp: '2025-01-15T00:00:00Z', deleted: true },
    ];
    const expected = [...live, ...deleted].sort((a, b) => a.datestamp.localeCompare(b.datestamp) || a.identifier.localeCompare(b.identifier));
    expect(live).toHaveLength(ITEMS.length);
    expect(whole.identifiers.map(({ identifier, datestamp, deleted: d }) => ({ identifier, datestamp, deleted: d }))).toEqual(expected);
    expect(whole.records.map(({ identifier, datestamp, deleted: d }) => ({ identifier, datestamp, deleted: d }))).toEqual(expected);
    // Eight records, two an answer: four requests per list, three of them with a token.
    const pages = Math.ceil(expected.length / PAGE);
    for (const verb of ['ListIdentifiers', 'ListRecords']) {
      const asked = whole.requests.filter((r) => r.includes(`verb=${verb}`));
      expect(asked).toHaveLength(pages);
      expect(asked.filter((r) => r.includes('resumptionToken='))).toHaveLength(pages - 1);
    }
  });

  it('reads each live record in Dublin Core as the API describes the item', async () => {
    const api = JSON.parse(await (await fetch(`http://127.0.0.1:${web.port}/api/items/2025-strasbourg-ia-mediation`)).text()) as {
      url: string; licence: { url: string }; date: string; edition: { slug: string };
    };
    const talk = whole.records.find((r) => r.identifier === oaiId('2025-strasbourg-ia-mediation'));
    expect(talk?.sets).toEqual(['edition:2025-strasbourg', 'kind:talk']);
    expect(talk?.dc).toEqual({
      title: ['IA & médiation <numérique>'],
      creator: ['Martin, Jeanne', 'BEN SALAH, Ali'],
      subject: ['Communs & souveraineté', 'Éthique'],
      description: ['Accompagner les usages.'],
      publisher: ['Numérique en Commun[s]'],
      date: [api.date],
      type: ['MovingImage'],
      format: ['video/mp4'],
      identifier: [api.url],
      language: ['fr'],
      relation: ['Numérique en Commun[s] 2025 Strasbourg', `${PUBLIC}/editions/2025-strasbourg`],
      rights: [api.licence.url],
    });
    expect(api.url).toBe(`${PUBLIC}/talks/2025-strasbourg-ia-mediation`);
    const podcast = whole.records.find((r) => r.identifier === oaiId('2025-strasbourg-podcast-sobriete'));
    expect(podcast?.dc?.type).toEqual(['Sound']);
    expect(podcast?.dc?.format).toEqual(['audio/mpeg', 'audio/mp4']);
    expect(whole.records.find((r) => r.identifier === oaiId('2025-strasbourg-magazine'))?.dc?.type).toEqual(['Text']);
  });

  it('gives a removed item its sets and no metadata; a purged one neither', () => {
    const removed = whole.records.find((r) => r.identifier === oaiId(REMOVED.id));
    expect(removed).toMatchObject({ deleted: true, dc: null, sets: ['edition:2025-strasbourg', 'kind:workshop'] });
    expect(whole.records.find((r) => r.identifier === oaiId(PURGED.id))).toMatchObject({ deleted: true, dc: null, sets: [] });
  });

  it('identifies the repository, its format and its sets', () => {
    expect(whole.identify).toMatchObject({
      baseURL: `${PUBLIC}/oai`, protocolVersion: '2.0', adminEmail: ['archives@example.org'], earliestDatestamp: '2024-12-01T12:00:00Z',
      deletedRecord: 'persistent', granularity: 'YYYY-MM-DDThh:mm:ssZ',
    });
    expect(whole.formats).toEqual(['oai_dc']);
    expect(whole.sets).toEqual([
      { spec: 'edition', name: 'Éditions' },
      { spec: 'edition:2025-strasbourg', name: 'Numérique en Commun[s] 2025 Strasbourg' },
      { spec: 'edition:2024-bordeaux', name: 'Numérique en Commun[s] 2024 Bordeaux' },
      { spec: 'kind', name: 'Types de contenus' },
      { spec: 'kind:talk', name: 'Conférences' },
      { spec: 'kind:workshop', name: 'Ateliers' },
      { spec: 'kind:round-table', name: 'Tables rondes' },
      { spec: 'kind:podcast', name: 'Podcasts' },
      { spec: 'kind:document', name: 'Documents' },
    ]);
  });

  it('asked for an earlier id, follows the 301 to the current record', () => {
    expect(whole.record?.identifier).toBe(oaiId('2024-bordeaux-sobriete-numerique'));
    expect(whole.record?.dc?.title).toEqual(['Sobriété numérique']);
    expect(whole.requests.filter((r) => r.includes('verb=GetRecord'))).toHaveLength(2);
  });

  it('harvests one set and its subsets', async () => {
    const edition = await harvest(oaiId(REMOVED.id), 'edition:2024-bordeaux');
    expect(edition.errors).toEqual([]);
    expect(edition.records.map((r) => [r.identifier, r.deleted])).toEqual([
      [oaiId('2024-bordeaux-ethique'), false], [oaiId('2024-bordeaux-sobriete-numeriqe'), true], [oaiId('2024-bordeaux-sobriete-numerique'), false],
    ]);
    expect(edition.records.map((r) => r.datestamp)).toEqual(['2024-12-01T12:00:00Z', '2025-01-15T00:00:00Z', '2025-01-15T00:00:00Z']);
    expect(edition.record).toMatchObject({ identifier: oaiId(REMOVED.id), deleted: true });
    const kinds = await harvest('', 'kind');
    expect(kinds.records).toHaveLength(whole.records.length - 1); // all but the purged record, which has no sets
  }, 60_000);
});

describe('the protocol over HTTP', () => {
  it('answers text/xml in UTF-8, echoing a good request', async () => {
    const r = await oai('?verb=GetRecord&identifier=oai:archives.example.org:2025-strasbourg-magazine&metadataPrefix=oai_dc');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/xml; charset=utf-8');
    expect(r.body.request).toEqual({ '@verb': 'GetRecord', '@identifier': oaiId('2025-strasbourg-magazine'), '@metadataPrefix': 'oai_dc', '#text': `${PUBLIC}/oai` });
    expect(r.body.responseDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(r.body.GetRecord.record[0].header[0].identifier).toBe(oaiId('2025-strasbourg-magazine'));
  });

  it.each([
    ['', 'badVerb'],
    ['?verb=Frobnicate', 'badVerb'],
    ['?verb=Identify&verb=Identify', 'badVerb'],
    ['?verb=Identify&metadataPrefix=oai_dc', 'badArgument'],
    ['?verb=ListRecords', 'badArgument'],
    ['?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc', 'badArgument'],
    ['?verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x', 'badArgument'],
    ['?verb=ListRecords&metadataPrefix=oai_dc&from=2025-02-30', 'badArgument'],
    ['?verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01&until=2025-12-31T00:00:00Z', 'badArgument'],
    ['?verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2025-01-01', 'badArgument'],
    ['?verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01T00:00:00.5Z', 'badArgument'],
    ['?verb=GetRecord&identifier=oai:archives.example.org:2025-strasbourg-magazine', 'badArgument'],
  ])('%s → %s, with a bare request element', async (query, code) => {
    const r = await oai(query);
    expect(r.status).toBe(200);
    expect(errorCodes(r.body)).toContain(code);
    expect(new Set(errorCodes(r.body))).toEqual(new Set([code]));
    expect(r.body.request).toBe(`${PUBLIC}/oai`);
  });

  it.each([
    ['?verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
    ['?verb=GetRecord&identifier=oai:archives.example.org:2025-strasbourg-magazine&metadataPrefix=mods', 'cannotDisseminateFormat'],
    ['?verb=GetRecord&identifier=oai:archives.example.org:nowhere&metadataPrefix=oai_dc', 'idDoesNotExist'],
    ['?verb=GetRecord&identifier=oai:elsewhere.org:2025-strasbourg-magazine&metadataPrefix=oai_dc', 'idDoesNotExist'],
    ['?verb=ListMetadataFormats&identifier=nowhere', 'idDoesNotExist'],
    ['?verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01', 'noRecordsMatch'],
    ['?verb=ListIdentifiers&metadataPrefix=oai_dc&set=edition:1999-nulle-part', 'noRecordsMatch'],
    ['?verb=ListIdentifiers&resumptionToken=not-a-token', 'badResumptionToken'],
    ['?verb=ListSets&resumptionToken=abc', 'badResumptionToken'],
  ])('%s → %s, echoing the request', async (query, code) => {
    const r = await oai(query);
    expect(errorCodes(r.body)).toEqual([code]);
    expect(r.body.request['@verb']).toBe(new URLSearchParams(query.slice(1)).get('verb'));
  });

  it('reports every problem with a request at once', async () => {
    const r = await oai('?verb=ListRecords&foo=1&from=yesterday&set=a&set=b');
    expect(errorCodes(r.body)).toEqual(['badArgument', 'badArgument', 'badArgument', 'badArgument']);
  });

  it('selects by datestamp, by day or to the second, inclusive', async () => {
    const ids = async (query: string): Promise<string[]> => {
      const r = await oai(`?verb=ListIdentifiers&metadataPrefix=oai_dc&${query}`);
      return (r.body.ListIdentifiers?.header ?? []).map((h: { identifier: string }) => h.identifier);
    };
    expect(await ids('from=2025-11-02&until=2025-11-03')).toEqual([oaiId('2025-strasbourg-ia-mediation'), oaiId('2025-strasbourg-podcast-sobriete')]);
    expect(await ids('from=2025-11-02T10:00:00Z&until=2025-11-03T09:29:59Z')).toEqual([oaiId('2025-strasbourg-ia-mediation')]);
    expect(await ids('from=2026-02-03T04:05:06Z&until=2026-02-03T04:05:06Z')).toEqual([oaiId(REMOVED.id)]);
  });

  it('takes its arguments by POST as a form too, with the same rules', async () => {
    const post = (body: string) => oai('', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const sets = await post('verb=ListSets');
    expect(sets.body.ListSets.set.flatMap((s: { setSpec: string[] }) => s.setSpec)).toContain('kind:podcast');
    expect(errorCodes((await post('verb=ListSets&verb=ListSets')).body)).toEqual(['badVerb']);
    const renamed = await post(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(oaiId('2024-bordeaux-sobriete-numeriqe'))}`);
    expect(renamed.status).toBe(303);
    expect(renamed.location).toBe(`/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(oaiId('2024-bordeaux-sobriete-numerique'))}`);
  });

  it('answers 301 for an earlier id, to the same request about the current one', async () => {
    const r = await oai(`?verb=ListMetadataFormats&identifier=${oaiId('2024-bordeaux-sobriete-numeriqe')}`);
    expect(r.status).toBe(301);
    expect(r.location).toBe(`/oai?verb=ListMetadataFormats&identifier=${encodeURIComponent(oaiId('2024-bordeaux-sobriete-numerique'))}`);
  });

  it('is in the OpenAPI document', () => {
    expect(openApiDocument(PUBLIC).paths['/oai']?.get?.operationId).toBe('oaiPmh');
  });
});

describe('resumption tokens', () => {
  const page = async (query: string): Promise<{ ids: string[]; token: Oai }> => {
    const r = await oai(`?verb=ListIdentifiers&${query}`);
    expect(errorCodes(r.body)).toEqual([]);
    return { ids: r.body.ListIdentifiers.header.map((h: { identifier: string }) => h.identifier), token: r.body.ListIdentifiers.resumptionToken };
  };

  it('say how long the list is and where the page starts; the last one is empty', async () => {
    const first = await page('metadataPrefix=oai_dc&set=edition:2025-strasbourg');
    expect(first.token).toMatchObject({ '@completeListSize': '4', '@cursor': '0' });
    const second = await page(`resumptionToken=${first.token['#text']}`);
    expect(second.token).toEqual({ '@completeListSize': '4', '@cursor': '2' });
    expect([...first.ids, ...second.ids]).toHaveLength(4);
  });

  it('belong to their verb', async () => {
    const first = await page('metadataPrefix=oai_dc');
    const r = await oai(`?verb=ListRecords&resumptionToken=${first.token['#text']}`);
    expect(errorCodes(r.body)).toEqual(['badResumptionToken']);
  });

  it('survive a restart, and an item changed during a harvest comes again at the end, nothing skipped', async () => {
    const first = await page('metadataPrefix=oai_dc');
    await web.close();
    web = await serve();
    base = `http://127.0.0.1:${web.port}/oai`;
    // One of the records already given is corrected meanwhile: its datestamp moves past the others.
    await setManifest('2024-bordeaux-ethique', { title: 'Éthique et données (corrigé)', pipeline: { version: '2', ingestedAt: '2025-11-01T00:00:00.000Z', updatedAt: '2026-06-01T00:00:00.000Z', inputs: 'a'.repeat(64) } });
    await web.deps.catalogue.reload();
    const rest: string[] = [];
    let token: Oai = first.token;
    while (typeof token === 'object' && token['#text']) {
      const next = await page(`resumptionToken=${token['#text']}`);
      rest.push(...next.ids);
      token = next.token;
    }
    expect(first.ids).toContain(oaiId('2024-bordeaux-ethique'));
    const all = new Set([...first.ids, ...rest]);
    expect(all.size).toBe(ITEMS.length + 3);
    expect(rest[rest.length - 1]).toBe(oaiId('2024-bordeaux-ethique'));
  });
});

describe('the ingested sample edition', () => {
  it('is harvested whole, three records an answer, each as /api/items describes it', async () => {
    const sample = await copySampleArchive();
    const index = meili.connect();
    await index.open();
    // OAI reads the catalogue only: the search index is not needed here.
    const site = await startWeb({ store: sample, index, port: 0, host: '127.0.0.1', publicUrl: PUBLIC, mediaOrigin: null, oai: { pageSize: 3 }, log: () => {} });
    try {
      const { stdout } = await run('perl', [HARVESTER, `http://127.0.0.1:${site.port}/oai`], { maxBuffer: 16 * 1024 * 1024 });
      const harvested = JSON.parse(stdout) as Harvested;
      expect(harvested.errors).toEqual([]);
      const api = JSON.parse(await (await fetch(`http://127.0.0.1:${site.port}/api/items?perPage=100`)).text()) as {
        items: { id: string; kind: string; title: string; url: string; licence: { url: string } }[];
      };
      expect(api.items.length).toBeGreaterThan(3);
      expect(harvested.identify.adminEmail).toEqual(['webmaster@archives.example.org']);
      const byId = new Map(harvested.records.map((r) => [r.identifier, r]));
      expect([...byId.keys()].sort()).toEqual(api.items.map((item) => oaiId(item.id)).sort());
      for (const item of api.items) {
        const dc = byId.get(oaiId(item.id))?.dc;
        expect(dc?.title).toEqual([item.title]);
        expect(dc?.identifier).toEqual([item.url]);
        expect(dc?.rights).toEqual([item.licence.url]);
        const expected = item.kind === 'document' ? 'application/pdf' : item.kind === 'podcast' ? 'audio/' : 'video/mp4';
        expect(dc?.format?.some((format) => format.startsWith(expected))).toBe(true);
      }
      expect(harvested.requests.filter((r) => r.includes('verb=ListRecords&resumptionToken='))).toHaveLength(Math.ceil(api.items.length / 3) - 1);
    } finally {
      await site.close();
      await removeArchiveCopy(sample);
    }
  }, 60_000);
});
