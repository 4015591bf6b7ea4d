import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';
import { authorNames, formatWithStyle, readCitationFile, type CslRead } from '../support/citation-reader.js';
import type { ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

/**
 * The citation files over HTTP, read back by an independent library (citation.js with its RIS,
 * BibTeX and CSL plugins), and the citation tags and links of the item pages in both languages.
 */
const speakers = [{ name: 'Jeanne Martin', organisation: 'La Mednum' }, { name: 'Marie de La Tour' }];
const TALK: ArchiveItem = { id: '2025-strasbourg-ia', kind: 'talk', title: 'Médiation & IA', edition: '2025 Strasbourg', date: '2025-10-29', speakers, licence: 'CC-BY-SA-4.0' };
const PODCAST: ArchiveItem = { id: '2025-strasbourg-podcast', kind: 'podcast', title: 'Le podcast des communs', edition: '2025 Strasbourg', date: null, speakers, licence: 'CC-BY-4.0' };
const MAGAZINE: ArchiveItem = {
  id: '2025-strasbourg-magazine', kind: 'document', title: 'Le magazine', edition: '2025 Strasbourg', date: '2025-10-28', speakers, licence: 'Etalab-2.0',
  pages: ['Cinq idées.'], downloads: [{ format: 'pdf', contentType: 'application/pdf' }],
};

const FORMATS = ['ris', 'bib', 'json'] as const;
/** What citation.js makes of each kind, per format (its own mappings of the types written). */
const READ_TYPES = {
  talk: { ris: 'motion_picture', bib: 'document', json: 'speech' },
  podcast: { ris: 'motion_picture', bib: 'document', json: 'broadcast' },
  document: { ris: 'article-magazine', bib: 'article-journal', json: 'article-magazine' },
} as const;

describe('citations of items', () => {
  let site: TestWeb;

  beforeAll(async () => {
    site = await startTestWeb([TALK, PODCAST, MAGAZINE]);
  });

  afterAll(async () => {
    await site?.close();
  });

  async function cite(id: string, format: (typeof FORMATS)[number], query = ''): Promise<CslRead> {
    const response = await site.fetch(`/api/items/${id}/citation.${format}${query}`);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${id}.${format === 'json' ? 'csl.json' : format}"`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const items = readCitationFile(response.text, format);
    expect(items).toHaveLength(1);
    return items[0]!;
  }

  describe.each(FORMATS)('citation.%s', (format) => {
    it('gives a talk at a moment: title, speakers, date, the page URL at the moment and the moment in words', async () => {
      const item = await cite(TALK.id, format, '?t=5:34,6:10&lang=en');
      expect(item.type).toBe(READ_TYPES.talk[format]);
      expect(item.title).toBe('Médiation & IA');
      expect(authorNames(item)).toEqual(['Martin, Jeanne', 'de La Tour, Marie']);
      expect(item.issued).toEqual({ 'date-parts': [[2025, 10, 29]] });
      expect(item.URL).toBe(`${site.url}/en/talks/${TALK.id}?t=334,370`);
      expect(item.note).toBe('at 5:34–6:10');
      expect(item.language).toBe('fr');
      expect(item.publisher).toBe('Numérique en Commun[s]');
      if (format === 'json') expect(item).toMatchObject({ locator: '5:34–6:10', label: 'timestamp', license: 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr' });
      // A citation style can print what was read.
      expect(formatWithStyle([item], 'en-US')).toContain('Médiation & IA');
    });

    it('gives a talk without a moment in French, and a podcast dated by its edition', async () => {
      const talk = await cite(TALK.id, format);
      expect(talk.URL).toBe(`${site.url}/talks/${TALK.id}`);
      expect(talk.note).toBeUndefined();
      const podcast = await cite(PODCAST.id, format, '?t=90');
      expect(podcast.type).toBe(READ_TYPES.podcast[format]);
      expect(podcast.issued).toEqual({ 'date-parts': [[2025]] });
      expect(podcast.URL).toBe(`${site.url}/podcasts/${PODCAST.id}?t=90`);
      expect(podcast.note).toBe('à 1:30');
    });

    it('gives a magazine with its publication', async () => {
      const magazine = await cite(MAGAZINE.id, format);
      expect(magazine.type).toBe(READ_TYPES.document[format]);
      expect(magazine['container-title']).toBe('Numérique en Commun[s] 2025 Strasbourg');
      expect(magazine.URL).toBe(`${site.url}/documents/${MAGAZINE.id}`);
      expect(authorNames(magazine)).toEqual(['Martin, Jeanne', 'de La Tour, Marie']);
    });
  });

  it('puts the magazine’s PDF in the RIS file, where Zotero attaches it', async () => {
    const { text } = await site.fetch(`/api/items/${MAGAZINE.id}/citation.ris`);
    expect(text).toMatch(new RegExp(`\\r\\nL1  - ${site.url}/media/items/${MAGAZINE.id}/[^\\r]+\\.pdf\\r\\n`));
    const pdf = /L1 {2}- (\S+)/.exec(text)?.[1] ?? '';
    expect((await fetch(pdf)).status).toBe(200);
  });

  it('answers bad moments, languages and documents with a 400 naming the parameter, unknown items and formats with a 404', async () => {
    const problems: [string, number, RegExp][] = [
      [`/api/items/${TALK.id}/citation.ris?t=abc`, 400, /^t: "abc" is not a time/],
      [`/api/items/${TALK.id}/citation.bib?t=700`, 400, /^t: starts at 700 s, after the end/],
      [`/api/items/${TALK.id}/citation.json?t=20,10`, 400, /^t: ends at 10 s, not after its start/],
      [`/api/items/${TALK.id}/citation.json?t=1&t=2`, 400, /^t: /],
      [`/api/items/${TALK.id}/citation.ris?lang=de`, 400, /^lang: must be one of fr, en/],
      [`/api/items/${MAGAZINE.id}/citation.ris?t=10`, 400, /^t: a document has no moments/],
      // A 404 may say what was not found, never more.
      [`/api/items/nothing-here/citation.ris`, 404, /^(no item "nothing-here")?$/],
      [`/api/items/${TALK.id}/citation.xml`, 404, /^(no page at \/api\/items\/2025-strasbourg-ia\/citation\.xml)?$/],
    ];
    for (const [path, status, detail] of problems) {
      const response = await site.fetch(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type'), path).toContain('application/problem+json');
      const body = JSON.parse(response.text) as { status: number; detail?: string };
      expect(body.status).toBe(status);
      expect(body.detail ?? '', path).toMatch(detail);
    }
  });

  it('documents the three files in the OpenAPI document', () => {
    const paths = openApiDocument('https://archives.example.org').paths;
    for (const format of FORMATS) {
      const operation = paths[`/api/items/{id}/citation.${format}`]?.get;
      expect(operation?.parameters?.map((p) => p.name)).toEqual(['id', 't', 'lang']);
      expect(Object.keys(operation?.responses ?? {})).toEqual(['200', '400', '404', '410']);
    }
  });

  describe.each([
    ['fr', `/talks/${TALK.id}`, 'presentation', 'MovingImage'],
    ['en', `/en/podcasts/${PODCAST.id}`, 'podcast', 'Sound'],
    ['fr', `/documents/${MAGAZINE.id}`, 'magazineArticle', 'Text'],
  ] as const)('the %s page %s', (locale, path, zoteroType, dcmiType) => {
    it('carries Highwire and Dublin Core tags in its head', async () => {
      const { text } = await site.fetch(path);
      const head = text.slice(0, text.indexOf('</head>'));
      const meta = (name: string): string[] => [...head.matchAll(/<meta name="([^"]+)" content="([^"]*)">/g)].filter((m) => m[1] === name).map((m) => m[2]!);
      expect(meta('citation_title')).toHaveLength(1);
      expect(meta('citation_author')).toEqual(['Martin, Jeanne', 'de La Tour, Marie']);
      expect(meta('citation_publisher')).toEqual(['Numérique en Commun[s]']);
      expect(meta('citation_language')).toEqual(['fr']);
      expect(meta('citation_public_url')).toEqual([`${site.url}${path}`]);
      expect(meta('DC.type')).toEqual([zoteroType, dcmiType]);
      expect(meta('DC.creator')).toEqual(['Martin, Jeanne', 'de La Tour, Marie']);
      expect(head).toContain('<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">');
      if (zoteroType === 'magazineArticle') expect(meta('citation_pdf_url')[0]).toMatch(new RegExp(`^${site.url}/media/.+\\.pdf$`));
      else expect(meta('citation_pdf_url')).toEqual([]);
      expect(meta('citation_publication_date')).toEqual([zoteroType === 'podcast' ? '2025' : zoteroType === 'presentation' ? '2025/10/29' : '2025/10/28']);
      expect(meta('citation_conference_title')).toEqual([]);
    });

    it('shows the reference to copy and links to the three files in its language', async () => {
      const { text } = await site.fetch(path);
      expect(text).toMatch(/<textarea id="citation-text" readonly rows="4"[^>]*>[^<]*Numérique en Commun\[s\] 2025 Strasbourg[^<]*<\/textarea>/);
      const links = [...text.matchAll(/<a href="([^"]+)" data-moment-href="([^"]+)" download>/g)].map((m) => [attribute(m[1]!), attribute(m[2]!)]);
      const id = path.split('/').pop();
      expect(links).toEqual(FORMATS.map((f) => [`/api/items/${id}/citation.${f}?lang=${locale}`, `/api/items/${id}/citation.${f}?lang=${locale}`]));
    });
  });

  it('links the files at the moment a page was opened at', async () => {
    const { text } = await site.fetch(`/talks/${TALK.id}?t=334,370`);
    const link = /<a href="([^"]+)" data-moment-href="([^"]+)" download>/.exec(text);
    expect([attribute(link?.[1] ?? ''), attribute(link?.[2] ?? '')]).toEqual([`/api/items/${TALK.id}/citation.ris?t=334,370&lang=fr`, `/api/items/${TALK.id}/citation.ris?lang=fr`]);
    expect(text).toMatch(/<textarea id="citation-text"[^>]*>[^<]*, à 5:34–6:10\. [^<]*\?t&#x3D;334,370<\/textarea>/);
  });
});

/** An attribute's value as the browser reads it (Handlebars writes = and & as references). */
function attribute(value: string): string {
  return value.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
}
