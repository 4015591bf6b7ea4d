import { describe, expect, it } from 'vitest';
import { itemRoute } from '../../../../src/http/urls.js';
import { itemPageModel, shorten } from '../../../../src/http/view-models/item-page.js';
import { type ItemQuery } from '../../../../src/http/view-models/item-query.js';
import { bareManifest, withMedia } from '../../../support/web-item-manifests.js';

const noQuery: ItemQuery = { moment: null, momentForm: null, page: null, transcript: null, audioDescribed: false, q: null };
const ORIGIN = 'https://archives.example.org';

describe('item page model', () => {
  it('sends each kind to its section', () => {
    expect(['talk', 'workshop', 'round-table', 'pitch', 'podcast', 'document'].map((k) => itemRoute(k as never))).toEqual(['talk', 'talk', 'talk', 'talk', 'podcast', 'document']);
  });

  it('builds a talk page: links to moments, cite URL, embed code, breadcrumb', () => {
    const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk', title: 'Titre "cité"' }), { signLanguage: true });
    const model = itemPageModel({ manifest: talk, locale: 'en', origin: ORIGIN, route: 'talk', query: { ...noQuery, moment: { start: 21.5, end: null } }, texts: { transcript: null, slides: null, pages: null } });
    expect(model.pageUrl).toBe(`${ORIGIN}/en/talks/talk-1`);
    expect(model.cite).toMatchObject({ url: `${ORIGIN}/en/talks/talk-1?t=21`, time: '0:21' });
    expect(model.lang).toBe('fr');
    expect(model.kindLabel).toBe('Talk');
    expect(model.chapters[1]).toEqual({ start: 19.633, time: '0:19', href: '/en/talks/talk-1?t=19#player', label: 'Play from 0:19', title: 'Ce que nous observons au guichet' });
    expect(model.embed.code).toBe(`<iframe src="${ORIGIN}/en/embed/talk-1" title="Titre &quot;cité&quot;" width="640" height="400" allow="fullscreen" loading="lazy"></iframe>`);
    expect(model.breadcrumb).toEqual([
      { text: 'Home', href: '/en/' },
      { text: '2025 Strasbourg', href: '/en/editions/2025-strasbourg' },
    ]);
    expect(model.sign?.sources.map((s) => s.src)).toEqual([
      '/media/items/talk-1/a1b2c3d4e5f6/sign-language/hls/index.m3u8#t=21.5',
      '/media/items/talk-1/a1b2c3d4e5f6/sign-language/talk-1-sign-language.mp4#t=21.5',
    ]);
    expect(model.themes).toEqual([{ name: 'Communs & souveraineté', href: '/en/themes/communs-souverainete' }]);
    expect(model.licence.terms).toEqual([
      'You may copy, share and adapt it.',
      'Commercial use is allowed.',
      'Your adaptations must be published under the same licence.',
      'You must credit the authors and the source: use the text below.',
    ]);
    expect(model.image).toBe(`${ORIGIN}/media/items/talk-1/a1b2c3d4e5f6/images/poster-1280.jpg`);
  });

  it('keeps the chosen transcript language in links to moments, and offers the described audio', () => {
    const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk' }), { describedAudio: true });
    const model = itemPageModel({ manifest: talk, locale: 'fr', origin: ORIGIN, route: 'talk', query: { ...noQuery, transcript: 'en' }, texts: { transcript: null, slides: null, pages: null } });
    expect(model.chapters[0]?.href).toBe('/talks/talk-1?transcript=en&t=0#player');
    expect(model.describedAudio).toEqual({ href: '/talks/talk-1?transcript=en&ad=1#player', active: false, needsScript: true });
    expect(model.player?.describedAudio).toBe('Français (audiodescription)');
    const described = itemPageModel({ manifest: talk, locale: 'fr', origin: ORIGIN, route: 'talk', query: { ...noQuery, audioDescribed: true }, texts: { transcript: null, slides: null, pages: null } });
    expect(described.describedAudio).toEqual({ href: '/talks/talk-1#player', active: true, needsScript: true });
  });

  it('links moments of the embed page to the embed page', () => {
    const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk' }));
    const model = itemPageModel({ manifest: talk, locale: 'fr', origin: ORIGIN, route: 'embed', query: { ...noQuery, moment: { start: 5, end: null } }, texts: { transcript: null, slides: null, pages: null } });
    expect(model.chapters[1]?.href).toBe('/embed/talk-1?t=19#player');
    expect(model.fullPage).toEqual({ href: '/talks/talk-1?t=5', url: `${ORIGIN}/talks/talk-1` });
  });

  it('sends the player fallback to the downloads of the page, or of the full page from an embed (which has none)', () => {
    const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk' }));
    const model = (route: 'talk' | 'embed', locale: 'fr' | 'en') => itemPageModel({ manifest: talk, locale, origin: ORIGIN, route, query: noQuery, texts: { transcript: null, slides: null, pages: null } });
    expect(model('talk', 'fr').downloadsHref).toBe('#telechargements');
    expect(model('embed', 'fr').downloadsHref).toBe('/talks/talk-1#telechargements');
    expect(model('embed', 'en').downloadsHref).toBe('/en/talks/talk-1#telechargements');
  });

  it('has no player for an item without media', () => {
    const model = itemPageModel({ manifest: bareManifest({ id: 'x', kind: 'talk' }), locale: 'fr', origin: ORIGIN, route: 'talk', query: noQuery, texts: { transcript: null, slides: null, pages: null } });
    expect(model.player).toBeNull();
    expect(model.sign).toBeNull();
    expect(model.describedAudio).toBeNull();
  });

  it('builds a document page: thumbnails, text with hits per page, the page asked for', () => {
    const doc = withMedia(bareManifest({ id: 'doc', kind: 'document' }));
    const pages = { version: 1 as const, language: 'fr', pages: [{ page: 1, text: 'Les communs', ocr: false }, { page: 2, text: 'Rien ici', ocr: true }, { page: 3, text: 'Un commun, des Communs.', ocr: false }] };
    const model = itemPageModel({ manifest: doc, locale: 'fr', origin: ORIGIN, route: 'document', query: { ...noQuery, page: 3, q: 'commun' }, texts: { transcript: null, slides: null, pages } });
    const document = model.document;
    expect(document?.pages.map((p) => [p.id, p.hits, p.hitsText, p.current, p.ocr])).toEqual([
      ['page-1', 1, '1 résultat', false, false],
      ['page-2', 0, '0 résultat', false, true],
      ['page-3', 2, '2 résultats', true, false],
    ]);
    expect(document?.searchSummary).toBe('3 résultats pour «\u00a0commun\u00a0»');
    expect(document?.jump).toEqual({ href: '#page-3', text: 'Aller à la page 3' });
    expect(document?.pages[0]?.thumbnail).toEqual({
      src: '/media/items/doc/a1b2c3d4e5f6/images/pages/page-1-320.webp',
      srcset: '/media/items/doc/a1b2c3d4e5f6/images/pages/page-1-320.webp 320w, /media/items/doc/a1b2c3d4e5f6/images/pages/page-1-640.webp 640w',
      width: 320,
      height: 452,
    });
    expect(document?.file).toEqual({ href: '/media/items/doc/a1b2c3d4e5f6/download/doc.pdf?download', fileName: 'doc.pdf', text: 'Télécharger le document (PDF, 13,9\u00a0ko)' });
    expect(model.player).toBeNull();
    expect(model.duration).toBeNull();
  });

  it('shortens descriptions on a word', () => {
    expect(shorten('Un deux trois quatre', 12)).toBe('Un deux…');
    expect(shorten(' court ', 12)).toBe('court');
  });
});
