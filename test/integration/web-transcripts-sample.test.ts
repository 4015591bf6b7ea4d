import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/domain/manifest.js';
import { transcriptFileSchema } from '../../src/domain/text.js';
import { itemHref } from '../../src/http/urls.js';
import { importCaptions } from '../../src/pipeline/captions/import-captions.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { parseSrtStrictly } from '../support/subrip.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { wordTexts, zipEntries } from '../support/zip-entries.js';

/**
 * The text files of every item of the ingested sample edition: what the ingest really stored
 * (captions imported from the programme's files, slide OCR, PDF pages) comes out whole.
 */
const MANIFESTS = await sampleManifests();
let site: TestWeb;

beforeAll(async () => {
  site = await startWebOver(await copySampleArchive());
});
afterAll(async () => {
  await site?.close();
  if (site) await removeArchiveCopy(site.store);
});

async function bytes(path: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(`${site.url}${path}`);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

const withTranscripts = MANIFESTS.filter((m) => m.text.transcripts.length > 0);

describe('the sample edition’s transcripts as files', () => {
  it('has items with and without transcripts to check', () => {
    expect(withTranscripts.length).toBeGreaterThan(2);
    expect(MANIFESTS.some((m) => m.text.transcripts.length === 0)).toBe(true);
  });

  it.each(withTranscripts.flatMap((m) => m.text.transcripts.map((t) => [m.id, t.language, m] as [string, string, Manifest])))('%s (%s): VTT and SRT give back the stored cues, TXT and DOCX open with the title', async (id, language, manifest) => {
    const transcript = manifest.text.transcripts.find((t) => t.language === language)!;
    const stored = transcriptFileSchema.parse(JSON.parse((await site.store.getBuffer(transcript.json))!.toString('utf8'))).cues;
    const api = (format: string): string => `/api/items/${id}/transcript.${format}?lang=${language}`;

    const vtt = await site.fetch(api('vtt'));
    const imported = importCaptions({ name: `${id}.vtt`, language, bytes: Buffer.from(vtt.text) });
    if (imported.status !== 'imported') throw new Error(JSON.stringify(imported));
    expect(imported.transcript.cues).toEqual(stored.filter((c) => c.text !== ''));
    expect(parseSrtStrictly((await site.fetch(api('srt'))).text).map((c) => c.text)).toEqual(stored.filter((c) => c.text !== '').map((c) => c.text.replaceAll('-->', '→')));

    const txt = (await site.fetch(api('txt'))).text;
    const locale = language.startsWith('en') ? 'en' : 'fr';
    expect(txt.split('\n')[0]).toBe(`${locale === 'en' ? 'Title: ' : 'Titre\u00a0: '}${manifest.title}`);
    expect(txt).toContain(`${site.url}${itemHref(manifest.kind, id, locale)}\n`);
    expect(txt).toMatch(transcript.source === 'captions-reviewed' ? /(Transcription relue|Reviewed transcript) \(/ : /(Transcription automatique|Automatic transcript)/);
    expect(txt).toMatch(/\n\n\[0:\d\d\] /);

    const docx = await bytes(api('docx'));
    expect(docx.status).toBe(200);
    const texts = wordTexts((await zipEntries(docx.body)).get('word/document.xml')!.toString('utf8'));
    expect(texts[0]).toBe(manifest.title);
    expect(texts.some((t) => /^\[\d+:\d\d\] $/.test(t))).toBe(true);
  });

  it('serves slide text for talks with slide OCR, page text for the magazine and talks with a PDF, 404 otherwise', async () => {
    for (const m of MANIFESTS) {
      const slides = await site.fetch(`/api/items/${m.id}/slides.txt`);
      expect(slides.status, `${m.id} slides`).toBe(m.text.slides ? 200 : 404);
      if (m.text.slides) expect(slides.text).toMatch(/\n\n\[\d+:\d\d\]\n/);
      const pages = await site.fetch(`/api/items/${m.id}/pages.txt`);
      expect(pages.status, `${m.id} pages`).toBe(m.text.pages ? 200 : 404);
      if (m.text.pages) expect(pages.text).toContain('\n\n— Page 1 —\n');
      if (m.text.transcripts.length === 0) expect((await site.fetch(`/api/items/${m.id}/transcript.txt`)).status).toBe(404);
    }
  });

  it('every text-file link on every item page answers 200', async () => {
    for (const m of MANIFESTS) {
      for (const locale of ['fr', 'en'] as const) {
        const page = (await site.fetch(itemHref(m.kind, m.id, locale))).text;
        const links = [...page.matchAll(/href="(\/api\/items\/[^"]+\/(?:transcript\.\w+|slides\.txt|pages\.txt)\?[^"]*)"/g)].map((x) => x[1]!.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'));
        if (m.text.transcripts.length > 0) expect(links.length, m.id).toBeGreaterThanOrEqual(6);
        for (const link of links) expect((await bytes(link)).status, link).toBe(200);
      }
    }
  });
});
