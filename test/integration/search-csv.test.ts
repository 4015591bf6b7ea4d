import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import type { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { DEFAULT_LOCALE } from '../../src/http/locale.js';
import { withUrls } from '../../src/http/view-models/api-search.js';
import type { SearchRequest } from '../../src/services/search/search-request.js';
import { SearchService } from '../../src/services/search/search-service.js';
import { runCli } from '../support/cli.js';
import { copySampleArchive, removeArchiveCopy } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';

const COLUMNS = ['id', 'title', 'kind', 'edition', 'date', 'speakers', 'language', 'licence', 'start', 'end', 'page', 'source', 'text', 'url'];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

interface JsonSearch {
  total: number;
  items: {
    id: string; title: string; kind: string; edition: string; date: string | null; speakers: string[]; language: string; licence: string; url: string;
    passages: { start: number | null; end: number | null; page: number | null; source: string; text: string; url: string }[];
  }[];
}

/** `search --json` as CSV rows would hold it: one per passage, numbers as text, empty for null. */
function rowsOf(result: JsonSearch, origin: string): string[][] {
  const cell = (value: string | number | null): string => (value === null ? '' : String(value));
  return result.items.flatMap((item) => {
    const head = [item.id, item.title, item.kind, item.edition, cell(item.date), item.speakers.join('; '), item.language, item.licence];
    if (item.passages.length === 0) return [[...head, '', '', '', '', '', `${origin}${item.url}`]];
    return item.passages.map((p) => [...head, cell(p.start), cell(p.end), cell(p.page), p.source, p.text, `${origin}${p.url}`]);
  });
}

/** Handlebars escapes `&`, `=` and quotes in attributes. */
const unescapeHtml = (text: string): string => text.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&amp;/g, '&');

/**
 * `/api/search?format=csv` over the ingested sample edition, against what `search --json` prints
 * (the service's answer with the site's links, asked here in process on the site's index; the
 * command's own output is search-cli.test.ts's), and against `search --csv` on the real CLI.
 */
describe('search results as CSV', () => {
  let site: TestWeb;
  let store: FsBlobStore;
  let env: Record<string, string>;
  let index: MeilisearchIndex;

  beforeAll(async () => {
    store = await copySampleArchive();
    site = await startWebOver(store);
    env = { DATA_DIR: store.root, MEILI_URL: site.meili.url, MEILI_MASTER_KEY: site.meili.apiKey };
    index = site.meili.connect();
    await index.open();
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    if (store) await removeArchiveCopy(store);
  });

  /** What `search --json` prints for this request, as the command makes it. */
  async function jsonOf(request: SearchRequest): Promise<JsonSearch> {
    return withUrls(await new SearchService(index).search(request), DEFAULT_LOCALE);
  }

  async function csvOf(query: string): Promise<{ status: number; headers: Headers; bytes: Buffer; rows: string[][] }> {
    const response = await fetch(`${site.url}/api/search?${query}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const rows = response.status === 200 ? (parse(bytes.subarray(BOM.length).toString('utf8')) as string[][]) : [];
    return { status: response.status, headers: response.headers, bytes, rows };
  }

  it('gives the rows of `search --json` with the same words and filters, in UTF-8 with a BOM, as a download', async () => {
    const csv = await csvOf('q=num%C3%A9rique&kind=talk&kind=podcast&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="recherche-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers.get('x-results-bound')).toBe('1000');
    expect(csv.bytes.subarray(0, 3).equals(BOM)).toBe(true);
    // CRLF between records, as spreadsheet software and RFC 4180 expect.
    expect(csv.bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe(COLUMNS.join(','));

    const json = await jsonOf({ q: 'numérique', filters: [['kind', 'talk'], ['kind', 'podcast']], sort: null, page: null });
    expect(json.total).toBeGreaterThan(1);
    expect(csv.headers.get('x-results-total')).toBe(String(json.total));
    expect(csv.rows[0]).toEqual(COLUMNS);
    expect(csv.rows.slice(1)).toEqual(rowsOf(json, site.url));
    // Accents survive the round trip, and every deep link opens the item at its moment.
    expect(csv.rows.slice(1).some((row) => /é/.test(row[12] ?? ''))).toBe(true);
    for (const row of csv.rows.slice(1).filter((r) => r[8] !== '')) expect(row[13]).toBe(`${site.url}/${row[2] === 'podcast' ? 'podcasts' : 'talks'}/${row[0]}?t=${Math.floor(Number(row[8]))}`);
  });

  it('holds every result, not the page asked: an archive listing with perPage=2 gives every item', async () => {
    const csv = await csvOf('perPage=2&page=3&passages=0&sort=date-desc&format=csv');
    const cli = await jsonOf({ q: '', filters: [], sort: 'date-desc', page: null });
    expect(cli.total).toBe(8);
    const ids = csv.rows.slice(1).map((row) => row[0]);
    expect(ids).toEqual(cli.items.map((item) => item.id));
    // Without words there are no passages: one row per item, linked to its page.
    expect(csv.rows.slice(1).map((row) => row[13])).toEqual(cli.items.map((item) => `${site.url}${item.url}`));
  });

  it('English links with lang=en; `search --csv` on the command line writes the same rows', async () => {
    const en = await csvOf('q=donn%C3%A9es&lang=en&format=csv');
    expect(en.rows.length).toBeGreaterThan(1);
    for (const row of en.rows.slice(1)) expect(row[13]).toMatch(new RegExp(`^${site.url}/en/`));

    const fr = await csvOf('q=donn%C3%A9es&format=csv');
    const cli = await runCli(['search', 'données', '--csv'], { ...env, PUBLIC_URL: site.url });
    expect([cli.code, cli.stderr]).toEqual([0, '']);
    expect(cli.stdout.startsWith('\uFEFF')).toBe(true);
    expect(parse(cli.stdout.slice(1))).toEqual(fr.rows);
  });

  it('refuses a bad format or a bad filter with problem+json before writing anything', async () => {
    const format = await site.fetch('/api/search?q=x&format=xlsx');
    expect(format.status).toBe(400);
    expect(format.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(format.text).detail).toMatch(/format: must be json or csv/);
    const filter = await site.fetch('/api/search?q=x&kind=film&format=csv');
    expect(filter.status).toBe(400);
    expect(JSON.parse(filter.text).detail).toMatch(/kind: "film" is not one of/);
  });

  it('the results page links to this search as CSV, saying the bound, in both languages', async () => {
    for (const [path, text] of [['/recherche?q=num%C3%A9rique&kind=talk', 'Télécharger ces résultats (CSV, 1\u202f000 contenus au plus)'], ['/en/search?q=num%C3%A9rique&kind=talk', 'Download these results (CSV, at most 1,000 items)']] as const) {
      const page = await site.fetch(path);
      const link = /<p class="search-download"><a href="([^"]+)">([^<]+)<\/a><\/p>/.exec(page.text);
      expect(link?.[2]).toBe(text);
      const href = new URL(unescapeHtml(link?.[1] ?? ''), site.url);
      expect(href.pathname).toBe('/api/search');
      expect(href.searchParams.get('format')).toBe('csv');
      expect(href.searchParams.get('q')).toBe('numérique');
      expect(href.searchParams.getAll('kind')).toEqual(['talk']);
      const csv = await csvOf(href.search.slice(1));
      expect(csv.status).toBe(200);
      expect(csv.rows.length).toBeGreaterThan(1);
    }
  });
});
