import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../../src/domain/manifest.js';
import { iiifManifest } from '../../../../src/http/view-models/iiif-manifest.js';
import { documentManifest, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';
import { parseIiif } from '../../../support/iiif.js';

const origin = 'https://archives.example.org';
const talk = talkManifest();
const id = talk.id;
const base = `${origin}/iiif/${id}`;

describe('iiifManifest: a recording', () => {
  const doc = iiifManifest({ manifest: talk, origin, pages: null, searchable: true });

  it('parses with @iiif/parser with nothing to repair', () => {
    const parsed = parseIiif(doc);
    expect(parsed.repairs).toEqual([]);
    expect(Object.keys(parsed.entities.Manifest)).toEqual([`${base}/manifest.json`]);
  });

  it('is one Canvas with the duration and size of the video', () => {
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0]).toMatchObject({ id: `${base}/canvas/1`, type: 'Canvas', duration: 754.4, width: 1920, height: 1080 });
  });

  it('paints the MP4 first and the HLS master as a Choice of the same recording', () => {
    const painting = doc.items[0]!.items[0]!.items[0]!;
    expect(painting).toMatchObject({ motivation: 'painting', target: `${base}/canvas/1` });
    expect(painting.body).toEqual({
      type: 'Choice',
      items: [
        { id: `${origin}/media/items/${id}/abc123/download/${id}-720p.mp4`, type: 'Video', format: 'video/mp4', width: 1280, height: 720, duration: 754.4 },
        { id: `${origin}/media/items/${id}/abc123/hls/master.m3u8`, type: 'Video', format: 'application/vnd.apple.mpegurl', width: 1920, height: 1080, duration: 754.4 },
      ],
    });
  });

  it('supplements the Canvas with each WebVTT file once (the captions track is also the transcript’s)', () => {
    const texts = doc.items[0]!.annotations![0]!.items;
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({
      motivation: 'supplementing',
      target: `${base}/canvas/1`,
      body: { id: `${origin}/media/items/${id}/abc123/text/fr.vtt`, type: 'Text', format: 'text/vtt', language: ['fr'], label: { fr: ['Français'] } },
    });
  });

  it('gives each chapter a Range on its part of the Canvas', () => {
    expect(doc.structures).toEqual([{
      id: `${base}/range/chapters`, type: 'Range', label: { fr: ['Chapitres'], en: ['Chapters'] },
      items: [
        { id: `${base}/range/1`, type: 'Range', label: { fr: ['Ouverture'] }, items: [{ id: `${base}/canvas/1#t=0,120.5`, type: 'Canvas' }] },
        { id: `${base}/range/2`, type: 'Range', label: { fr: ['Questions & réponses'] }, items: [{ id: `${base}/canvas/1#t=120.5,754.4`, type: 'Canvas' }] },
      ],
    }]);
  });

  it('describes, credits and links the item in French and English', () => {
    expect(doc.label).toEqual({ fr: ['Médiation numérique et IA'] });
    expect(doc.summary).toEqual({ fr: ['Comment accompagner les usages de l’IA.'] });
    expect(doc.rights).toBe('http://creativecommons.org/licenses/by-sa/4.0/');
    expect(doc.requiredStatement.label).toEqual({ fr: ['Mention à reprendre'], en: ['Credit to give'] });
    expect(doc.requiredStatement.value.fr![0]).toContain(`${origin}/talks/${id}`);
    expect(doc.requiredStatement.value.en![0]).toContain(`${origin}/en/talks/${id}`);
    expect(doc.metadata.map((m) => m.label.en![0])).toEqual(['Speakers', 'Edition', 'Date', 'Themes', 'Language', 'Licence']);
    expect(doc.metadata[0]!.value).toEqual({ none: ['Jeanne Martin (La Mednum)', 'Ali Ben'] });
    expect(doc.metadata[4]!.value).toEqual({ fr: ['français'], en: ['French'] });
    expect(doc.homepage.map((h) => h.id)).toEqual([`${origin}/talks/${id}`, `${origin}/en/talks/${id}`]);
    expect(doc.provider[0]!.label).toEqual({ none: ['Numérique en Commun[s]'] });
    expect(doc.thumbnail).toEqual([{ id: `${origin}/media/items/${id}/abc123/images/poster-640.jpg`, type: 'Image', format: 'image/jpeg', width: 640, height: 360 }]);
    expect(doc.seeAlso.map((s) => s.id)).toEqual([`${origin}/api/items/${id}`, `${origin}/api/items/${id}/transcript.txt?lang=fr`]);
  });

  it('declares its content search, with the search context before Presentation’s', () => {
    expect(doc['@context']).toEqual(['http://iiif.io/api/search/2/context.json', 'http://iiif.io/api/presentation/3/context.json']);
    expect(doc.service).toEqual([{ id: `${base}/search`, type: 'SearchService2', label: { fr: ['Chercher dans ce contenu'], en: ['Search in this item'] } }]);
    const plain = iiifManifest({ manifest: talk, origin, pages: null, searchable: false });
    expect(plain['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
    expect(plain.service).toBeUndefined();
  });

  it('has no `rights` under the Etalab licence (neither Creative Commons nor RightsStatements), which metadata and the credit still name', () => {
    const etalab = iiifManifest({ manifest: manifestSchema.parse({ ...talk, licence: 'Etalab-2.0' }), origin, pages: null, searchable: false });
    expect(etalab.rights).toBeUndefined();
    expect(etalab.metadata.at(-1)!.value.fr![0]).toBe('<a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence Ouverte / Open Licence version 2.0 (Etalab)</a>');
    expect(etalab.requiredStatement.value.fr![0]).toContain('Licence Ouverte');
    expect(parseIiif(etalab).repairs).toEqual([]);
  });

  it('paints a podcast’s M4A as Sound, with no size', () => {
    const podcast = iiifManifest({ manifest: podcastManifest(), origin, pages: null, searchable: false });
    const canvas = podcast.items[0]!;
    expect(canvas.width).toBeUndefined();
    expect(canvas.duration).toBe(1801.2);
    const body = canvas.items[0]!.items[0]!.body as { items: { type: string; format: string }[] };
    expect(body.items.map((b) => [b.type, b.format])).toEqual([['Sound', 'audio/mp4'], ['Sound', 'application/vnd.apple.mpegurl']]);
    expect(parseIiif(podcast).repairs).toEqual([]);
  });
});

describe('iiifManifest: a document', () => {
  const manifest = documentManifest({
    images: {
      posters: [], storyboard: null, waveform: null, cover: null,
      pages: [1, 2].flatMap((page) => [
        { page, key: `items/2025-strasbourg-magazine/aaa111/images/pages/page-${page}-320.webp`, width: 320, height: 453, format: 'webp' as const },
        { page, key: `items/2025-strasbourg-magazine/aaa111/images/pages/page-${page}-640.webp`, width: 640, height: 906, format: 'webp' as const },
      ]),
    },
  });
  const pages = { version: 1 as const, language: 'fr', pages: [{ page: 1, text: 'Cinq idées pour un numérique en commun', ocr: false }, { page: 2, text: '  ', ocr: true }] };
  const doc = iiifManifest({ manifest, origin, pages: pages as never, searchable: true });
  const at = `${origin}/iiif/${manifest.id}`;

  it('is one Canvas per page, painted with its 640 px image, its thumbnail the 320 px one', () => {
    expect(parseIiif(doc).repairs).toEqual([]);
    expect(doc.behavior).toEqual(['paged']);
    expect(doc.items.map((c) => [c.id, c.label.en![0], c.width, c.height])).toEqual([[`${at}/canvas/p1`, 'Page 1', 640, 906], [`${at}/canvas/p2`, 'Page 2', 640, 906]]);
    expect(doc.items[0]!.items[0]!.items[0]!.body).toEqual({ id: `${origin}/media/items/${manifest.id}/aaa111/images/pages/page-1-640.webp`, type: 'Image', format: 'image/webp', width: 640, height: 906 });
    expect(doc.items[0]!.thumbnail![0]!.width).toBe(320);
  });

  it('supplements a page with its text, and a page without text with nothing', () => {
    expect(doc.items[0]!.annotations![0]!.items[0]).toMatchObject({
      motivation: 'supplementing', target: `${at}/canvas/p1`,
      body: { type: 'TextualBody', value: 'Cinq idées pour un numérique en commun', format: 'text/plain', language: ['fr'] },
    });
    expect(doc.items[1]!.annotations).toBeUndefined();
  });

  it('offers the PDF to download and the page text to read, without structures', () => {
    expect(doc.rendering).toEqual([{ id: `${origin}/media/items/${manifest.id}/aaa111/source/magazine.pdf`, type: 'Text', format: 'application/pdf', label: { fr: ['Le magazine 2025'] } }]);
    expect(doc.seeAlso.map((s) => s.id)).toContain(`${origin}/api/items/${manifest.id}/pages.txt`);
    expect(doc.structures).toBeUndefined();
  });
});
