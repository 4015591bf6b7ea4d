import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/http/i18n/messages.js';
import { itemRoute } from '../../src/http/urls.js';
import { VIEWS_DIR } from '../../src/http/view-engine.js';
import { downloadsOf } from '../../src/http/view-models/downloads.js';
import { itemPageModel, shorten } from '../../src/http/view-models/item-page.js';
import { parseItemQuery, parsePageNumber, parseStartTime, type ItemQuery } from '../../src/http/view-models/item-query.js';
import { playerModel, posterOf, statusOf, tracksOf } from '../../src/http/view-models/player.js';
import { bareManifest, withMedia } from '../support/web-item-manifests.js';

const noQuery: ItemQuery = { startAt: null, page: null, transcript: null, audioDescribed: false, q: null };
const ORIGIN = 'https://archives.example.org';

describe('item page query', () => {
  it('accepts whole or decimal seconds within the recording', () => {
    expect(parseStartTime('754', 1000)).toBe(754);
    expect(parseStartTime('12.5', 1000)).toBe(12.5);
    expect(parseStartTime('0', 1000)).toBe(0);
    expect(parseStartTime('1000', 1000)).toBe(1000);
  });

  it('ignores anything else', () => {
    for (const bad of ['abc', '-3', '1e3', '', ' 12', '12s', 'NaN', 'Infinity', '1001', '0x10']) expect(parseStartTime(bad, 1000), bad).toBeNull();
    expect(parseStartTime(['12', '13'], 1000)).toBeNull();
    expect(parseStartTime({ a: '1' }, 1000)).toBeNull();
    expect(parseStartTime(undefined, 1000)).toBeNull();
  });

  it('validates page numbers against the page count', () => {
    expect(parsePageNumber('3', 5)).toBe(3);
    for (const bad of ['0', '6', '-1', '2.5', 'x', '']) expect(parsePageNumber(bad, 5), bad).toBeNull();
  });

  it('keeps only transcript languages the item has, and ?ad=1', () => {
    const query = parseItemQuery({ t: '30', transcript: 'de', ad: '1', q: '  communs ' }, { duration: 100, pageCount: 0, transcriptLanguages: ['fr', 'en'] });
    expect(query).toEqual({ startAt: 30, page: null, transcript: null, audioDescribed: true, q: 'communs' });
    expect(parseItemQuery({ transcript: 'en' }, { duration: 100, pageCount: 0, transcriptLanguages: ['fr', 'en'] }).transcript).toBe('en');
  });
});

describe('player', () => {
  const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk' }), { englishSubtitles: true, signLanguage: true });

  it('lists the HLS master first, then the MP4, with the start as a media fragment', () => {
    const player = playerModel(talk, 'fr', 754);
    expect(player.element).toBe('video');
    expect(player.sources).toEqual([
      { src: '/media/items/talk-1/a1b2c3d4e5f6/hls/master.m3u8#t=754', type: 'application/vnd.apple.mpegurl' },
      { src: '/media/items/talk-1/a1b2c3d4e5f6/download/talk-1-720p.mp4#t=754', type: 'video/mp4' },
    ]);
    expect(player).toMatchObject({ startAt: 754, startTime: '12:34', width: 1920, height: 1080 });
    expect(playerModel(talk, 'fr', null).sources[0]?.src).toBe('/media/items/talk-1/a1b2c3d4e5f6/hls/master.m3u8');
  });

  it('plays a podcast from HLS, then M4A', () => {
    const podcast = withMedia(bareManifest({ id: 'pod', kind: 'podcast' }));
    const player = playerModel(podcast, 'fr', null);
    expect(player.element).toBe('audio');
    expect(player.sources.map((s) => s.type)).toEqual(['application/vnd.apple.mpegurl', 'audio/mp4']);
  });

  it('has no sources for an item without media', () => {
    expect(playerModel(bareManifest({ id: 'x', kind: 'talk' }), 'fr', null).sources).toEqual([]);
  });

  it('picks the smallest poster at least 640 px wide, WebP first', () => {
    expect(posterOf(talk)?.key).toBe('items/talk-1/a1b2c3d4e5f6/images/poster-640.webp');
  });

  it('turns the item-language captions on by default; other languages are subtitles', () => {
    expect(tracksOf(talk, 'fr')).toEqual([
      { kind: 'chapters', src: '/media/items/talk-1/a1b2c3d4e5f6/text/chapters.vtt', srclang: 'fr', label: 'Chapitres', default: false },
      { kind: 'captions', src: '/media/items/talk-1/a1b2c3d4e5f6/text/fr.vtt', srclang: 'fr', label: 'Français', default: true },
      { kind: 'subtitles', src: '/media/items/talk-1/a1b2c3d4e5f6/text/en.vtt', srclang: 'en', label: 'Anglais', default: false },
    ]);
    expect(tracksOf(talk, 'en').map((t) => t.label)).toEqual(['Chapters', 'French', 'English']);
  });

  it('tells the caption status before the player', () => {
    const reviewed = { ...talk, accessibility: { ...talk.accessibility, transcript: 'reviewed' as const } };
    expect(statusOf(reviewed, 'fr')).toEqual({
      text: 'Sous-titres relus (français et anglais)',
      tone: 'ok',
      badges: [{ text: 'Interprétation en langue des signes (LSF)', tone: 'ok' }],
    });
    const automatic = { ...talk, accessibility: { ...talk.accessibility, transcript: 'automatic' as const } };
    expect(statusOf(automatic, 'en').text).toBe('Automatic captions, not reviewed (French and English)');
    expect(statusOf(bareManifest({ id: 'x', kind: 'talk' }), 'fr')).toEqual({ text: 'Pas de sous-titres', tone: 'warn', badges: [] });
    expect(statusOf(bareManifest({ id: 'x', kind: 'podcast' }), 'fr').text).toBe('Pas de transcription');
  });
});

describe('downloads', () => {
  it('labels each file with its format, kind, language and size', () => {
    const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk' }));
    expect(downloadsOf(talk, 'fr').map((d) => `${d.label} (${d.details})`)).toEqual([
      'MP4 720p (vidéo, 1,9\u00a0Mo)',
      'Sous-titres WebVTT (français) (texte, 2,6\u00a0ko)',
      'Fichier original (MP4) (tel que reçu, 3,4\u00a0Mo)',
    ]);
    expect(downloadsOf(talk, 'en').map((d) => `${d.label} (${d.details})`)[0]).toBe('MP4 720p (video, 1.9\u00a0MB)');
    const [mp4, vtt] = downloadsOf(talk, 'fr');
    expect(mp4).toMatchObject({ href: '/media/items/talk-1/a1b2c3d4e5f6/download/talk-1-720p.mp4?download', fileName: 'talk-1-720p.mp4', size: 1_881_674 });
    expect(vtt?.fileName).toBe('talk-1-fr.vtt');
  });

  it('offers every podcast rendition', () => {
    const podcast = withMedia(bareManifest({ id: 'pod', kind: 'podcast' }));
    expect(downloadsOf(podcast, 'fr').map((d) => d.label)).toEqual(['M4A (AAC)', 'MP3', 'Sous-titres WebVTT (français)', 'Fichier original (MP3)']);
  });

  it('lists a PDF published as is once', () => {
    const doc = withMedia(bareManifest({ id: 'doc', kind: 'document' }));
    doc.source = { ...doc.source, sha256: doc.downloads[0]?.sha256 ?? '' };
    expect(downloadsOf(doc, 'fr').map((d) => d.label)).toEqual(['PDF']);
  });
});

describe('item page model', () => {
  it('sends each kind to its section', () => {
    expect(['talk', 'workshop', 'round-table', 'pitch', 'podcast', 'document'].map((k) => itemRoute(k as never))).toEqual(['talk', 'talk', 'talk', 'talk', 'podcast', 'document']);
  });

  it('builds a talk page: links to moments, cite URL, embed code, breadcrumb', () => {
    const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk', title: 'Titre "cité"' }), { signLanguage: true });
    const model = itemPageModel({ manifest: talk, locale: 'en', origin: ORIGIN, route: 'talk', query: { ...noQuery, startAt: 21.5 }, texts: { transcript: null, slides: null, pages: null } });
    expect(model.pageUrl).toBe(`${ORIGIN}/en/talks/talk-1`);
    expect(model.cite).toEqual({ url: `${ORIGIN}/en/talks/talk-1?t=21`, time: '0:21' });
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
    const model = itemPageModel({ manifest: talk, locale: 'fr', origin: ORIGIN, route: 'embed', query: { ...noQuery, startAt: 5 }, texts: { transcript: null, slides: null, pages: null } });
    expect(model.chapters[1]?.href).toBe('/embed/talk-1?t=19#player');
    expect(model.fullPage).toEqual({ href: '/talks/talk-1?t=5', url: `${ORIGIN}/talks/talk-1` });
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

describe('item views', () => {
  it('use only interface texts that exist in both languages', () => {
    const files = [
      ...readdirSync(path.join(VIEWS_DIR, 'partials')).filter((f) => f.startsWith('item-')).map((f) => path.join(VIEWS_DIR, 'partials', f)),
      ...['talk', 'podcast', 'document', 'embed'].map((f) => path.join(VIEWS_DIR, 'pages', `${f}.hbs`)),
      path.join(VIEWS_DIR, 'layouts', 'embed.hbs'),
    ];
    const keys = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\{\{t "([^"]+)"/g)].map((m) => m[1] ?? '')));
    expect(keys.size).toBeGreaterThan(40);
    for (const key of keys) {
      for (const locale of ['fr', 'en'] as const) expect(() => translate(locale, key, { count: 2 }), `${key} (${locale})`).not.toThrow();
    }
  });
});
