import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentManifest, podcastManifest, talkManifest } from '../support/manifest-factory.js';
import { freshStore } from '../support/search-archive.js';
import { describeVnu, vnuMessages } from '../support/vnu.js';
import { startWebOver, type TestWeb } from '../support/web.js';
import { storeManifest } from '../support/web-item-manifests.js';

/**
 * Moments on the pages over a real store and Meilisearch: `?t=START,END` on talk, podcast and
 * embed pages (sources, the excerpt shown, the whole recording offered), the cite form without
 * JavaScript (redirected to `?t=`, or saying what is wrong), the clip links and their limit, and
 * oEmbed passing the moment on to its iframe.
 */
const TALK = '2025-strasbourg-ia-et-mediation';
const PODCAST = '2025-strasbourg-podcast-sobriete';
const DOC = '2025-strasbourg-magazine';

/** A talk of an hour: its moments fit in it. */
function hourLongTalk(): ReturnType<typeof talkManifest> {
  const talk = talkManifest({ id: TALK });
  return { ...talk, media: { ...talk.media, duration: 3600 } };
}

/** Attribute and text values as the browser reads them (Handlebars escapes `=`, quotes, `&`). */
function decode(html: string): string {
  return html.replace(/&#x3D;/g, '=').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The opening tag of the element with this id (its attributes), decoded. */
const tagOf = (html: string, id: string): string => new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';

describe('moments on the pages', () => {
  let site: TestWeb;
  let page: (path: string) => Promise<string>;

  beforeAll(async () => {
    const store = freshStore();
    const talk = hourLongTalk();
    // Captions in two languages: one clip caption link each.
    await storeManifest(store, { ...talk, tracks: [...talk.tracks, { kind: 'subtitles', language: 'en', label: 'English', key: talk.tracks[0]!.key.replace('fr.vtt', 'en.vtt'), format: 'vtt', origin: 'supplied' }] });
    await storeManifest(store, podcastManifest({ id: PODCAST }));
    await storeManifest(store, documentManifest({ id: DOC }));
    site = await startWebOver(store);
    page = async (path) => {
      const response = await site.fetch(path);
      expect(response.status, path).toBe(200);
      return decode(response.text);
    };
  });
  afterAll(async () => site?.close());

  it('plays a talk from START to END without JavaScript, says which part it is and offers the whole recording', async () => {
    const html = await page(`/talks/${TALK}?t=12:34,13:10`);
    expect(html).toMatch(/<source src="[^"]+master\.m3u8#t=754,790"/);
    expect(html).toMatch(/<source src="[^"]+-720p\.mp4#t=754,790"/);
    expect(tagOf(html, 'player')).toContain('data-start-at="754"');
    expect(tagOf(html, 'player')).toContain('data-end-at="790"');
    expect(html).toContain(`<p class="meta item-start" id="moment-excerpt">Extrait de 12:34 à 13:10 — <a href="/talks/${TALK}">voir l’enregistrement entier</a></p>`);
    expect(html).not.toContain('La lecture commence à');

    // oEmbed discovery from a moment's page gives the moment's embed.
    expect(html).toContain(`<link rel="alternate" type="application/json+oembed" href="${site.url}/oembed?url=${encodeURIComponent(`${site.url}/talks/${TALK}?t=754,790`)}"`);

    const english = await page(`/en/talks/${TALK}?t=754,790`);
    expect(english).toContain(`Excerpt from 12:34 to 13:10 — <a href="/en/talks/${TALK}">see the whole recording</a>`);
  });

  it('keeps ?t=START as it was: starts there, no end, no excerpt', async () => {
    const html = await page(`/talks/${TALK}?t=754`);
    expect(html).toMatch(/<source src="[^"]+master\.m3u8#t=754"/);
    expect(tagOf(html, 'player')).toContain('data-start-at="754"');
    expect(tagOf(html, 'player')).not.toContain('data-end-at');
    expect(html).toContain('La lecture commence à 12:34.');
    expect(html).not.toContain('id="moment-excerpt"');
    expect(html).toContain(`<input id="cite-url" type="url" readonly value="${site.url}/talks/${TALK}?t=754"`);
  });

  it('opens the page as if there were no ?t= when it is not a moment of this recording', async () => {
    for (const bad of ['13:10,12:34', '754,754', '99:99', '754,790,800', '3600', '4000', 'abc', '-5']) {
      const html = await page(`/talks/${TALK}?t=${encodeURIComponent(bad)}`);
      expect(tagOf(html, 'player'), bad).not.toContain('data-start-at');
      expect(html, bad).not.toContain('#t=');
      expect(html, bad).not.toContain('id="moment-excerpt"');
    }
    // An end past the recording stops at its end, as media fragments do.
    expect(await page(`/talks/${TALK}?t=3590,4000`)).toMatch(/master\.m3u8#t=3590,3600"/);
  });

  it('cites the moment with its start and end: link, address, and the two fields filled in', async () => {
    const html = await page(`/talks/${TALK}?t=754,790`);
    expect(html).toContain(`<a id="cite-link" href="${site.url}/talks/${TALK}?t=754,790"`);
    expect(html).toContain('>Lien vers ce moment (12:34–13:10)</a>');
    expect(html).toContain(`<input id="cite-url" type="url" readonly value="${site.url}/talks/${TALK}?t=754,790"`);
    expect(html).toContain(`<form class="moment-form" id="moment-form" method="get" action="/talks/${TALK}#citer" novalidate`);
    expect(tagOf(html, 'moment-form')).not.toContain('data-follows');
    expect(tagOf(html, 'moment-start')).toContain('name="from" type="text" value="12:34"');
    expect(tagOf(html, 'moment-end')).toContain('name="to" type="text" value="13:10"');
    expect(html).toContain('<label for="moment-start">Début</label>');
    expect(html).toContain('<label for="moment-end">Fin (facultative)</label>');
    // The "current position" buttons need the player's script: hidden until it shows them.
    expect(html).toContain('<button type="button" class="secondary" data-moment-now="start" hidden data-enhanced>Prendre la position actuelle comme début</button>');
    // Without an end, the address follows playback until someone chooses.
    expect(tagOf(await page(`/talks/${TALK}`), 'moment-form')).toContain('data-follows="true"');
  });

  it('offers the clip of the moment and its captions, with the keyframe caveat', async () => {
    const html = await page(`/talks/${TALK}?t=754,790&transcript=fr`);
    const clip = /<div class="moment-clip"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(clip).toContain('data-clip-limit="600"');
    expect(clip).toContain('<h3 id="clip-heading">Télécharger cet extrait</h3>');
    expect(clip).toMatch(/<ul class="moment-clip__links" data-clip-links>/);
    expect(clip).toContain(`<a href="/api/items/${TALK}/clip.mp4?t=754,790" data-moment-href="/api/items/${TALK}/clip.mp4" download>Extrait vidéo (MP4)</a>`);
    expect(clip).toContain(`<a href="/api/items/${TALK}/clip.vtt?t=754,790&lang=fr" data-moment-href="/api/items/${TALK}/clip.vtt?lang=fr" download>Sous-titres de l’extrait en français (WebVTT)</a>`);
    expect(clip).toContain(`<a href="/api/items/${TALK}/clip.vtt?t=754,790&lang=en" data-moment-href="/api/items/${TALK}/clip.vtt?lang=en" download>Sous-titres de l’extrait en anglais (WebVTT)</a>`);
    expect(clip).toContain('<p class="meta" data-clip-note="needs-end" hidden>');
    expect(clip).toContain('<p class="meta" data-clip-note="too-long" hidden>');
    expect(clip).toContain('La vidéo est découpée aux images clés, une toutes les 2 secondes');

    const english = await page(`/en/talks/${TALK}?t=754,790`);
    expect(english).toContain('>Video excerpt (MP4)</a>');
    expect(english).toContain('The video is cut at keyframes, one every 2 seconds');
  });

  it('says why there is no clip link: no end chosen, or longer than 10 minutes', async () => {
    const open = /<div class="moment-clip"[\s\S]*?<\/div>/.exec(await page(`/talks/${TALK}?t=754`))?.[0] ?? '';
    expect(open).toContain('<ul class="moment-clip__links" data-clip-links hidden>');
    expect(open).toContain('<p class="meta" data-clip-note="needs-end">Pour télécharger cet extrait, choisissez aussi sa fin ci-dessus\u00a0: un extrait dure 10 minutes au plus.</p>');
    const long = /<div class="moment-clip"[\s\S]*?<\/div>/.exec(await page(`/talks/${TALK}?t=0,10:00.5`))?.[0] ?? '';
    expect(long).toContain('<ul class="moment-clip__links" data-clip-links hidden>');
    expect(long).toContain('<p class="meta" data-clip-note="too-long">Un extrait téléchargeable dure 10 minutes au plus\u00a0: choisissez une fin plus proche du début.</p>');
    expect(long).not.toContain('clip.mp4?t=');
    // Exactly ten minutes is a clip.
    expect(await page(`/talks/${TALK}?t=0,10:00`)).toContain(`href="/api/items/${TALK}/clip.mp4?t=0,600"`);
    const english = await page(`/en/talks/${TALK}?t=0,700`);
    expect(english).toContain('A downloadable excerpt lasts 10 minutes at most: choose an end closer to the start.');
  });

  it('sends the cite form without JavaScript to the page at the moment typed in', async () => {
    const sent = await site.fetch(`/talks/${TALK}?transcript=fr&from=${encodeURIComponent('12:34')}&to=${encodeURIComponent('13:10')}`);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/talks/${TALK}?transcript=fr&t=754,790#citer`);
    const english = await site.fetch(`/en/talks/${TALK}?from=754&to=`);
    expect(english.headers.get('location')).toBe(`/en/talks/${TALK}?t=754#citer`);
    const whole = await site.fetch(`/talks/${TALK}?from=&to=`);
    expect(whole.headers.get('location')).toBe(`/talks/${TALK}#citer`);
    const podcast = await site.fetch(`/podcasts/${PODCAST}?from=1:00&to=2:00`);
    expect(podcast.headers.get('location')).toBe(`/podcasts/${PODCAST}?t=60,120#citer`);
  });

  it('says what is wrong with the fields, on the field to fix, keeping what was typed', async () => {
    const html = await page(`/talks/${TALK}?from=${encodeURIComponent('12:99')}&to=13:10`);
    expect(tagOf(html, 'moment-start')).toContain('value="12:99"');
    expect(tagOf(html, 'moment-start')).toContain('aria-describedby="moment-format moment-status" aria-invalid="true" autofocus');
    expect(tagOf(html, 'moment-end')).toContain('value="13:10"');
    expect(tagOf(html, 'moment-end')).not.toContain('aria-invalid');
    expect(html).toContain('<p class="moment-form__status" id="moment-status" role="status">Le début «\u00a012:99\u00a0» n’est pas un temps\u00a0: écrivez des secondes, mm:ss ou hh:mm:ss.</p>');
    expect(tagOf(html, 'player')).not.toContain('data-start-at');

    const order = await page(`/en/talks/${TALK}?from=13:10&to=12:34`);
    expect(tagOf(order, 'moment-end')).toContain('aria-invalid="true"');
    expect(order).toContain('The end (12:34) must come after the start (13:10).');
    const late = await page(`/talks/${TALK}?from=1:20:00`);
    expect(late).toContain('Le début (1:20:00) est après la fin de l’enregistrement (1:00:00).');
  });

  it('plays a podcast moment and offers its audio clip (no keyframe caveat: every AAC frame is one)', async () => {
    const html = await page(`/podcasts/${PODCAST}?t=1:00,2:00`);
    expect(html).toMatch(/<source src="[^"]+\.m4a#t=60,120" type="audio\/mp4">/);
    expect(tagOf(html, 'player')).toContain('data-end-at="120"');
    expect(html).toContain('Extrait de 1:00 à 2:00');
    expect(html).toContain(`<a href="/api/items/${PODCAST}/clip.m4a?t=60,120" data-moment-href="/api/items/${PODCAST}/clip.m4a" download>Extrait audio (M4A)</a>`);
    expect(html).not.toContain('clip.vtt');
    expect(html).not.toContain('images clés');
  });

  it('honours the moment on the embed page, whose links stay in the frame or open the full page at the moment', async () => {
    const html = await page(`/embed/${TALK}?t=754,790`);
    expect(html).toMatch(/<source src="[^"]+master\.m3u8#t=754,790"/);
    expect(tagOf(html, 'player')).toContain('data-end-at="790"');
    expect(html).toContain(`Extrait de 12:34 à 13:10 — <a href="/embed/${TALK}">voir l’enregistrement entier</a>`);
    expect(html).toContain(`<a href="/talks/${TALK}?t=754,790" target="_blank" rel="noopener">`);
    expect(html).not.toContain('id="moment-form"');
  });

  it('writes valid HTML for every state of a moment, by the Nu HTML Checker', async () => {
    const paths = [
      `/talks/${TALK}?t=754,790`, `/en/talks/${TALK}?t=754`, `/talks/${TALK}?t=0,700`, `/talks/${TALK}?from=12:99&to=13:10&transcript=fr`,
      `/en/podcasts/${PODCAST}?t=60,120`, `/embed/${TALK}?t=754,790`, `/en/embed/${PODCAST}?t=60`,
    ];
    const documents = await Promise.all(paths.map(async (path) => ({ name: path, type: 'html' as const, content: (await site.fetch(path)).text })));
    const errors = (await vnuMessages(documents)).filter((m) => m.type === 'error').map(describeVnu);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('ignores a moment on a document', async () => {
    const html = await page(`/documents/${DOC}?t=10,20`);
    expect(html).not.toContain('#t=');
    expect(html).not.toContain('id="moment-');
    expect((await site.fetch(`/documents/${DOC}?from=1&to=2`)).status).toBe(200);
  });
});

describe('oEmbed with a moment', () => {
  let site: TestWeb;
  const oembed = async (url: string): Promise<{ html: string }> => {
    const response = await site.fetch(`/oembed?url=${encodeURIComponent(url)}`);
    expect(response.status, url).toBe(200);
    return JSON.parse(response.text) as { html: string };
  };

  beforeAll(async () => {
    const store = freshStore();
    await storeManifest(store, hourLongTalk());
    await storeManifest(store, podcastManifest({ id: PODCAST }));
    await storeManifest(store, documentManifest({ id: DOC }));
    site = await startWebOver(store);
  });
  afterAll(async () => site?.close());

  it('passes the page\'s moment on to the iframe, which plays it', async () => {
    const talk = await oembed(`${site.url}/talks/${TALK}?t=12:34,13:10`);
    expect(talk.html).toContain(`<iframe src="${site.url}/embed/${TALK}?t=754,790" `);
    const src = /src="([^"]+)"/.exec(talk.html)?.[1] ?? '';
    const embed = decode((await site.fetch(new URL(src).pathname + new URL(src).search)).text);
    expect(embed).toMatch(/master\.m3u8#t=754,790"/);
    expect((await oembed(`${site.url}/en/podcasts/${PODCAST}?t=60`)).html).toContain(`<iframe src="${site.url}/en/embed/${PODCAST}?t=60" `);
    expect((await oembed(`${site.url}/embed/${TALK}?t=1:00,2:00`)).html).toContain(`<iframe src="${site.url}/embed/${TALK}?t=60,120" `);
  });

  it('leaves out a moment the page would ignore, and any on a document', async () => {
    expect((await oembed(`${site.url}/talks/${TALK}?t=13:10,12:34`)).html).toContain(`<iframe src="${site.url}/embed/${TALK}" `);
    expect((await oembed(`${site.url}/talks/${TALK}?t=9999`)).html).toContain(`<iframe src="${site.url}/embed/${TALK}" `);
    expect((await oembed(`${site.url}/documents/${DOC}?t=10`)).html).toContain(`<iframe src="${site.url}/embed/${DOC}" `);
  });
});
