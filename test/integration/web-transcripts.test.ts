import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transcriptFileSchema, type Cue } from '../../src/domain/text.js';
import { openApiDocument } from '../../src/http/openapi.js';
import { importCaptions } from '../../src/pipeline/captions/import-captions.js';
import { checkSchema, responseSchema } from '../support/json-schema.js';
import { cuesOf, type ArchiveItem } from '../support/search-archive.js';
import { parseSrtStrictly } from '../support/subrip.js';
import { startTestWeb, type TestWeb } from '../support/web.js';
import { wordTexts, zipEntries } from '../support/zip-entries.js';

/**
 * /api/items/<id>/transcript.<format>, slides.txt and pages.txt over a real store and server:
 * the headers a browser and a download manager read, the provenance, the formats read back by
 * other readers, the links on the pages, and every way of asking for what is not there.
 */
const TALK: ArchiveItem = {
  id: '2025-strasbourg-ia-mediation',
  kind: 'talk',
  title: 'IA & médiation : *accompagner*',
  edition: '2025 Strasbourg',
  date: '2025-10-29',
  speakers: [{ name: 'Jeanne Martin', organisation: 'La Mednum' }, { name: 'Ali Ben' }],
  licence: 'CC-BY-SA-4.0',
  transcripts: [
    { language: 'fr', cues: [[0, 4.5, 'Bonjour à toutes et à tous.', 'Jeanne Martin'], [4.5, 9, 'Parlons <b>du</b> guichet.', 'Jeanne Martin'], [754.25, 760, 'Merci Jeanne.', 'Ali Ben']] },
    { language: 'en', source: 'speech-to-text', cues: [[0, 4.5, 'Hello everyone.'], [4.5, 9, 'Let us talk about the help desk.']] },
  ],
  slides: [{ start: 0, end: 60, text: 'Médiation numérique\net IA', confidence: 90 }, { start: 62, end: 120, text: 'Merci !', confidence: 85 }],
  pages: ['Médiation numérique et IA', 'Merci !'],
};
const PODCAST: ArchiveItem = { id: '2025-strasbourg-podcast-sobriete', kind: 'podcast', title: 'Le podcast de la sobriété', licence: 'CC-BY-4.0' };
const MAGAZINE: ArchiveItem = {
  id: '2025-strasbourg-magazine', kind: 'document', title: 'Le magazine', licence: 'Etalab-2.0', speakers: [{ name: 'Marie Lefèvre' }],
  pages: ['Cinq idées pour un numérique plus juste.', '', 'Le guichet itinérant.'],
};
const ENGLISH_ONLY: ArchiveItem = { id: '2025-strasbourg-keynote', kind: 'talk', title: 'Keynote', language: 'en', transcripts: [{ cues: cuesOf(['Welcome to Strasbourg.']) }] };

/** An item beside whose listed transcript a test stores one its manifest does not list. */
const UNLISTED: ArchiveItem = { ...ENGLISH_ONLY, id: '2025-strasbourg-unlisted' };

let site: TestWeb;
const doc = openApiDocument('http://example.org');
const talkPath = (file: string): string => `/api/items/${TALK.id}/${file}`;

beforeAll(async () => {
  site = await startTestWeb([TALK, PODCAST, MAGAZINE, ENGLISH_ONLY, UNLISTED]);
});
afterAll(async () => {
  await site?.close();
});

async function storedCues(id: string, language: string): Promise<Cue[]> {
  const manifest = JSON.parse((await site.store.getBuffer(`items/${id}/manifest.json`))!.toString('utf8')) as { text: { transcripts: { language: string; json: string }[] } };
  const key = manifest.text.transcripts.find((t) => t.language === language)!.json;
  return transcriptFileSchema.parse(JSON.parse((await site.store.getBuffer(key))!.toString('utf8'))).cues;
}

async function getBytes(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${site.url}${path}`);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('transcript files', () => {
  it('serves the French transcript by default as plain text: header, then paragraphs with times and speakers', async () => {
    const r = await site.fetch(talkPath('transcript.txt'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(`inline; filename="${TALK.id}.fr.txt"`);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('etag')).toMatch(/^W\/"/);
    expect(r.text.split('\n').slice(0, 8)).toEqual([
      'Titre\u00a0: IA & médiation : *accompagner*',
      'Intervenants\u00a0: Jeanne Martin (La Mednum) et Ali Ben',
      'Édition\u00a0: 2025 Strasbourg',
      'Date\u00a0: 29 octobre 2025',
      `Adresse permanente\u00a0: ${site.url}/talks/${TALK.id}`,
      'Licence\u00a0: Creative Commons Attribution – Partage dans les mêmes conditions 4.0 International (https://creativecommons.org/licenses/by-sa/4.0/deed.fr)',
      expect.stringMatching(/^Crédit à reprendre\u00a0: «\u00a0IA & médiation : \*accompagner\*\u00a0» — Jeanne Martin \(La Mednum\) et Ali Ben, Numérique en Commun\[s\] 2025 Strasbourg, http/),
      'Texte\u00a0: Transcription relue (français)',
    ]);
    expect(r.text).toContain('\n\n[0:00] Jeanne Martin\u00a0: Bonjour à toutes et à tous. Parlons <b>du</b> guichet.\n\n[12:34] Ali Ben\u00a0: Merci Jeanne.\n');
  });

  it('chooses the language with ?lang= (its exact tag or the same primary language) and labels an English one in English', async () => {
    for (const lang of ['en', 'en-GB', 'EN']) {
      const r = await site.fetch(talkPath(`transcript.txt?lang=${lang}`));
      expect(r.status, lang).toBe(200);
      expect(r.headers.get('content-disposition')).toBe(`inline; filename="${TALK.id}.en.txt"`);
      expect(r.text).toMatch(new RegExp(`^Title: IA & médiation : \\*accompagner\\*\\nSpeakers: Jeanne Martin \\(La Mednum\\) and Ali Ben\\n[^]*Permanent URL: ${site.url}/en/talks/${TALK.id}\\n`));
      expect(r.text).toContain('Text: Automatic transcript, not reviewed (English)\n\n[0:00] Hello everyone. Let us talk about the help desk.\n');
    }
    // An item whose only transcript is English gives it without being asked.
    expect((await site.fetch(`/api/items/${ENGLISH_ONLY.id}/transcript.txt`)).text).toMatch(/^Title: Keynote\n/);
  });

  it('serves every format with its type and as an attachment named <id>.<lang>.<ext>; text and JSON inline', async () => {
    const expected: [string, string, string][] = [
      ['txt', 'text/plain; charset=utf-8', 'inline'],
      ['md', 'text/markdown; charset=utf-8', 'attachment'],
      ['srt', 'application/x-subrip; charset=utf-8', 'attachment'],
      ['vtt', 'text/vtt; charset=utf-8', 'attachment'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'attachment'],
      ['json', 'application/json; charset=utf-8', 'inline'],
    ];
    for (const [format, type, disposition] of expected) {
      const r = await getBytes(talkPath(`transcript.${format}?lang=fr`));
      expect([r.status, r.headers.get('content-type'), r.headers.get('content-disposition')], format).toEqual([200, type, `${disposition}; filename="${TALK.id}.fr.${format}"`]);
      expect(r.headers.get('cache-control')).toBe('public, max-age=60');
    }
  });

  it('gives WebVTT whose cues, read back by the caption import, are the stored cues; and strict SubRip of the same cues', async () => {
    for (const language of ['fr', 'en']) {
      const stored = await storedCues(TALK.id, language);
      const vtt = await site.fetch(talkPath(`transcript.vtt?lang=${language}`));
      expect(vtt.text).toMatch(/^WEBVTT\n\nNOTE\n(Titre|Title)/);
      const imported = importCaptions({ name: 'transcript.vtt', language, bytes: Buffer.from(vtt.text) });
      if (imported.status !== 'imported') throw new Error(JSON.stringify(imported));
      expect(imported.warnings).toEqual([]);
      expect(imported.transcript.cues).toEqual(stored);
      const srt = parseSrtStrictly((await site.fetch(talkPath(`transcript.srt?lang=${language}`))).text);
      expect(srt).toEqual(stored.map((c) => ({ start: c.start, end: c.end, text: c.text })));
    }
    expect((await site.fetch(talkPath('transcript.vtt'))).text).toContain('00:12:34.250 --> 00:12:40.000\n<v Ali Ben>Merci Jeanne.</v>');
  });

  it('gives a Word document that opens: title, a time and a speaker in word/document.xml, properties set', async () => {
    const r = await getBytes(talkPath('transcript.docx'));
    const entries = await zipEntries(r.bytes);
    const texts = wordTexts(entries.get('word/document.xml')!.toString('utf8'));
    expect(texts[0]).toBe('IA & médiation : *accompagner*');
    expect(texts).toEqual(expect.arrayContaining(['[12:34] ', 'Ali Ben', 'Merci Jeanne.', `${site.url}/talks/${TALK.id}`, 'Transcription relue (français)']));
    expect(entries.get('docProps/core.xml')!.toString('utf8')).toContain('<dc:creator>Jeanne Martin, Ali Ben</dc:creator>');
  });

  it('gives Markdown with the text escaped, and JSON as documented', async () => {
    const md = (await site.fetch(talkPath('transcript.md'))).text;
    expect(md.startsWith('# IA \\& médiation : \\*accompagner\\*\n\n- **Intervenants**')).toBe(true);
    expect(md).toContain('**\\[0:00\\] Jeanne Martin**\u00a0: Bonjour à toutes et à tous. Parlons \\<b\\>du\\</b\\> guichet.');
    const json = JSON.parse((await site.fetch(talkPath('transcript.json?lang=en'))).text);
    expect(checkSchema(responseSchema(doc, '/api/items/{id}/transcript.{format}', 200, 'application/json'), json, doc)).toEqual([]);
    expect(json.source).toMatchObject({ language: 'en', reviewed: false, origin: 'speech-to-text', url: `${site.url}/en/talks/${TALK.id}` });
    expect(json.cues).toEqual(await storedCues(TALK.id, 'en'));
  });
});

describe('slide and page text', () => {
  it('writes each slide with its time, and each PDF page under its marker, after the same header', async () => {
    const slides = await site.fetch(talkPath('slides.txt'));
    expect([slides.status, slides.headers.get('content-type'), slides.headers.get('content-disposition')]).toEqual([200, 'text/plain; charset=utf-8', `inline; filename="${TALK.id}.slides.txt"`]);
    expect(slides.text).toMatch(/^Titre\u00a0: IA & médiation/);
    expect(slides.text).toContain('Texte\u00a0: Texte des diapositives lu automatiquement (OCR), non relu (français)\n\n[0:00]\nMédiation numérique\net IA\n\n[1:02]\nMerci !\n');
    const talkPages = await site.fetch(talkPath('pages.txt?lang=en'));
    expect(talkPages.text).toMatch(/^Title: /);
    expect(talkPages.text).toContain('\n\n— Page 1 —\nMédiation numérique et IA\n\n— Page 2 —\nMerci !\n');
    const magazine = await site.fetch(`/api/items/${MAGAZINE.id}/pages.txt`);
    expect(magazine.text).toContain(`Adresse permanente\u00a0: ${site.url}/documents/${MAGAZINE.id}\n`);
    expect(magazine.text).toContain('\n\n— Page 1 —\nCinq idées pour un numérique plus juste.\n\n— Page 2 —\n\n— Page 3 —\nLe guichet itinérant.\n');
  });
});

describe('what is not there', () => {
  async function problem(path: string): Promise<{ status: number; type: string | null; detail: string }> {
    const r = await site.fetch(path);
    return { status: r.status, type: r.headers.get('content-type'), detail: String(JSON.parse(r.text).detail) };
  }

  it('answers 404 problem+json saying what is missing: the item, the format, a transcript, the language (with those there are)', async () => {
    const cases: [string, RegExp][] = [
      ['/api/items/no-such-item/transcript.txt', /no item "no-such-item"/],
      [talkPath('transcript.pdf'), /no transcript format "pdf": one of txt, md, srt, vtt, docx, json/],
      [`/api/items/${PODCAST.id}/transcript.vtt`, /has no transcript/],
      [talkPath('transcript.txt?lang=de'), /in "de": available in fr, en/],
      [`/api/items/${PODCAST.id}/slides.txt`, /has no slide text/],
      [`/api/items/${MAGAZINE.id}/slides.txt`, /has no slide text \(its PDF’s text is at pages\.txt\)/],
      [`/api/items/${PODCAST.id}/pages.txt`, /has no PDF text/],
      ['/api/items/..%2F..%2Fetc/transcript.txt', /no item/],
    ];
    for (const [path, detail] of cases) {
      const r = await problem(path);
      expect([r.status, r.type], path).toEqual([404, 'application/problem+json; charset=utf-8']);
      expect(r.detail, path).toMatch(detail);
    }
  });

  it('answers 400 to a language that is not a language tag, and to labels in a language the site does not speak', async () => {
    for (const path of [talkPath('transcript.txt?lang=fran%C3%A7ais'), talkPath('transcript.txt?lang=x'), talkPath('transcript.txt?lang=a&lang=b'), talkPath('slides.txt?lang=de')]) {
      const r = await problem(path);
      expect([r.status, r.type], path).toEqual([400, 'application/problem+json; charset=utf-8']);
      expect(r.detail, path).toMatch(/^lang: /);
    }
  });

  it('never reads a text file the manifest does not list, even one stored beside the listed ones', async () => {
    // A German transcript written into the item's revision folder, but not into its manifest.
    const manifest = JSON.parse((await site.store.getBuffer(`items/${UNLISTED.id}/manifest.json`))!.toString('utf8')) as { text: { transcripts: { json: string }[] } };
    const listed = manifest.text.transcripts[0]!.json;
    await site.store.putBuffer(listed.replace('transcript-en.json', 'transcript-de.json'), JSON.stringify({ version: 1, language: 'de', source: 'captions-reviewed', cues: [{ start: 0, end: 1, text: 'Geheim', speaker: null }] }), 'application/json');
    const r = await problem('/api/items/2025-strasbourg-unlisted/transcript.txt?lang=de');
    expect(r.status).toBe(404);
    expect(r.detail).toMatch(/available in en$/);
  });
});

describe('links on the pages and in the OpenAPI document', () => {
  it('links the shown transcript in every format, the slide text and the PDF pages; each link answers', async () => {
    const fr = (await site.fetch(`/talks/${TALK.id}`)).text;
    const hrefs = [...fr.matchAll(/href="(\/api\/items\/[^"]+)"/g)].map((m) => m[1]!.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'));
    const own = hrefs.filter((h) => /\/(transcript\.\w+|slides\.txt|pages\.txt)\?/.test(h));
    expect(own).toEqual([
      ...['txt', 'md', 'docx', 'vtt', 'srt', 'json'].map((f) => talkPath(`transcript.${f}?lang=fr`)),
      talkPath('slides.txt?lang=fr'),
      talkPath('pages.txt?lang=fr'),
    ]);
    expect(fr).toContain('<summary>Télécharger la transcription</summary>');
    for (const href of own) expect((await getBytes(href)).status, href).toBe(200);
    // The English page: English labels; the transcript it shows is the English one.
    const en = (await site.fetch(`/en/talks/${TALK.id}`)).text;
    expect(en).toContain(`<a href="${talkPath('transcript.docx?lang&#x3D;en')}" type="application/vnd.openxmlformats-officedocument.wordprocessingml.document" hreflang="en">Word (DOCX)</a>`);
    expect(en).toContain('<summary>Download the transcript</summary>');
    // A document links its pages; an item without a transcript shows no transcript links; the embed page none at all.
    expect((await site.fetch(`/documents/${MAGAZINE.id}`)).text).toContain(`href="/api/items/${MAGAZINE.id}/pages.txt?lang&#x3D;fr"`);
    expect((await site.fetch(`/podcasts/${PODCAST.id}`)).text).not.toContain('/transcript.');
    expect((await site.fetch(`/embed/${TALK.id}`)).text).not.toContain('/transcript.');
  });

  it('documents the three paths with their formats, parameters and problems', async () => {
    const served = JSON.parse((await site.fetch('/api/openapi.json')).text);
    const transcript = served.paths['/api/items/{id}/transcript.{format}'].get;
    expect(transcript.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'format', 'lang']);
    expect(transcript.parameters[1].schema.enum).toEqual(['txt', 'md', 'srt', 'vtt', 'docx', 'json']);
    expect(Object.keys(transcript.responses)).toEqual(['200', '400', '404', '410']);
    expect(transcript.description).toMatch(/SubRip .*cues only/);
    expect(Object.keys(served.paths)).toEqual(expect.arrayContaining(['/api/items/{id}/slides.txt', '/api/items/{id}/pages.txt']));
  });
});
