import { describe, expect, it } from 'vitest';
import { itemCardOf, pictureOf } from '../../../../src/http/view-models/item-card.js';
import { manifestOf, postersOf } from '../../../support/manifest-factory.js';

describe('item cards', () => {
  it('picks AVIF and WebP sources and a JPEG of at least 320 px, all through /media', () => {
    const picture = pictureOf(manifestOf({ id: 'a', images: { posters: postersOf('a') } }));
    expect(picture?.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
    expect(picture?.src).toBe('/media/items/a/r/images/poster-320.jpg');
    expect(picture?.srcset).toBe('/media/items/a/r/images/poster-320.jpg 320w, /media/items/a/r/images/poster-640.jpg 640w, /media/items/a/r/images/poster-1280.jpg 1280w');
    expect([picture?.width, picture?.height]).toEqual([320, 180]);
  });

  it('falls back to a document’s first page, then a podcast’s cover or waveform; none at all gives no picture', () => {
    const page = { key: 'items/d/r/images/pages/page-1-320.webp', width: 320, height: 453, format: 'webp' as const, page: 1 };
    const other = { ...page, key: 'items/d/r/images/pages/page-2-320.webp', page: 2 };
    expect(pictureOf(manifestOf({ id: 'd', kind: 'document', images: { pages: [other, page] } }))?.src).toBe('/media/items/d/r/images/pages/page-1-320.webp');
    const waveform = { key: 'items/p/r/images/waveform.png', width: 1200, height: 200, format: 'png' as const };
    expect(pictureOf(manifestOf({ id: 'p', kind: 'podcast', images: { waveform } }))).toMatchObject({ src: '/media/items/p/r/images/waveform.png', sources: [] });
    expect(pictureOf(manifestOf({ id: 'n' }))).toBeNull();
  });

  it('says what can be followed before opening it: captions for videos, transcript for podcasts, nothing for documents', () => {
    const talk = itemCardOf(manifestOf({ id: 't', accessibility: { transcript: 'reviewed', captions: true, audioDescription: true, signLanguage: true, easyRead: true } }), 'fr');
    expect(talk.badges).toEqual([
      { text: 'Sous-titres relus', tone: 'ok' },
      { text: 'Audiodescription', tone: 'ok' },
      { text: 'Langue des signes (LSF)', tone: 'ok' },
      { text: 'Facile à lire (FALC)', tone: 'ok' },
    ]);
    expect(itemCardOf(manifestOf({ id: 'p', kind: 'podcast', accessibility: { transcript: 'automatic' } }), 'en').badges).toEqual([{ text: 'Automatic transcript', tone: 'warn' }]);
    expect(itemCardOf(manifestOf({ id: 'd', kind: 'document' }), 'fr').badges).toEqual([]);
  });

  it('links in the page language, marks a title in another language, formats date and length per locale', () => {
    const card = itemCardOf(manifestOf({ id: 'x', kind: 'workshop', language: 'en', speakers: [{ name: 'Léa Schmitt' }] }), 'fr');
    expect(card).toMatchObject({
      href: '/talks/x', lang: 'en', kindLabel: 'Atelier', dateIso: '2025-10-29', dateText: '29 octobre 2025', length: '12 min 34 s', lengthIso: 'PT12M34S',
      edition: { text: '2025 Strasbourg', href: '/editions/2025-strasbourg' }, speakers: [{ text: 'Léa Schmitt', href: '/intervenants/lea-schmitt' }],
    });
    const english = itemCardOf(manifestOf({ id: 'y', kind: 'document', pages: 24 }), 'en');
    expect(english).toMatchObject({ href: '/en/documents/y', lang: 'fr', kindLabel: 'Document', dateText: '29 October 2025', length: '24 pages', lengthIso: null });
  });
});
