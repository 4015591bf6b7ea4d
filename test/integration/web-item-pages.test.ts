import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptFile } from '../../src/domain/text.js';
import { cuesOf, freshStore, writeItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';
import { storeManifest, withMedia } from '../support/web-item-manifests.js';

/**
 * The item pages over a real store and Meilisearch: talk, podcast, document and embed, in both
 * languages, with hostile titles and transcripts, media or none, and their query parameters.
 */
const EVIL = '<script>alert("x")</script>';
const TALK = '2025-strasbourg-ia-au-guichet';
const BARE = '2025-strasbourg-sans-media';
const PODCAST = '2025-strasbourg-paroles';
const DOC = '2025-strasbourg-magazine';
const DESCRIBED = '2025-strasbourg-table-ronde';

/** Attribute and text values as the browser reads them (Handlebars escapes `=`, quotes, `&`). */
function decode(html: string): string {
  return html
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'")
    .replace(/&#x60;/g, '`')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const textareaOf = (html: string, id: string): string => decode(new RegExp(`<textarea id="${id}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1] ?? '');
const attributesOf = (html: string, tag: string, id: string): string => new RegExp(`<${tag} id="${id}"([^>]*)>`).exec(html)?.[1] ?? '';

describe('item pages', () => {
  let site: TestWeb;

  beforeAll(async () => {
    const store = freshStore();
    const talk = await writeItem(store, {
      id: TALK,
      kind: 'talk',
      title: `L’IA au guichet ${EVIL}`,
      summary: `Retour d’expérience. ${EVIL}`,
      speakers: [{ name: `Claire ${EVIL}`, organisation: 'Passerelles' }],
      themes: ['Données & IA'],
      licence: 'CC-BY-SA-4.0',
      transcripts: [
        { language: 'fr', cues: cuesOf(['Bonjour à toutes et à tous.', `Voici un ${EVIL} dans le texte.`, 'Merci.'], 10) },
        { language: 'en', cues: cuesOf(['Hello everyone.', 'Thank you.'], 10) },
      ],
      slides: [{ start: 0, end: 20, text: `Diapositive ${EVIL}`, confidence: 90 }],
      accessibility: { transcript: 'reviewed' },
    });
    await storeManifest(store, withMedia(talk, { signLanguage: true, englishSubtitles: true }));
    // Speaker turns as captions carry them (<v Name>), one of them hostile.
    const transcript: TranscriptFile = {
      version: 1,
      language: 'fr',
      source: 'captions-reviewed',
      cues: [
        { start: 0.8, end: 9, text: 'Bonjour à toutes et à tous.', speaker: 'Claire' },
        { start: 10, end: 19, text: `Voici un ${EVIL} dans le texte.`, speaker: `Paul ${EVIL}` },
        { start: 20, end: 29, text: 'Merci.', speaker: 'Claire' },
      ],
    };
    await store.putBuffer(talk.text.transcripts[0]!.json, JSON.stringify(transcript), 'application/json');

    await writeItem(store, { id: BARE, kind: 'workshop', title: 'Open data workshop', language: 'en', transcripts: [{ language: 'en', source: 'speech-to-text', cues: cuesOf(['Welcome.']) }] });
    const podcast = await writeItem(store, { id: PODCAST, kind: 'podcast', title: 'Paroles de médiatrices', licence: 'CC0-1.0', speakers: [{ name: 'Youssef Haddad' }] });
    await storeManifest(store, withMedia(podcast));
    const doc = await writeItem(store, { id: DOC, kind: 'document', title: 'Le magazine', licence: 'Etalab-2.0', pages: ['Édito : faire du numérique un commun', 'Les communs numériques et les Communs.', `Page ${EVIL}`] });
    await storeManifest(store, withMedia(doc));
    const described = await writeItem(store, { id: DESCRIBED, kind: 'round-table', title: 'Table ronde' });
    await storeManifest(store, withMedia(described, { describedAudio: true }));
    site = await startTestWeb([], { store });
  });
  afterAll(async () => site?.close());

  it.each([
    ['/talks', TALK, 'fr'],
    ['/en/talks', TALK, 'en'],
    ['/talks', BARE, 'fr'],
    ['/en/talks', BARE, 'en'],
    ['/podcasts', PODCAST, 'fr'],
    ['/en/podcasts', PODCAST, 'en'],
    ['/documents', DOC, 'fr'],
    ['/en/documents', DOC, 'en'],
    ['/embed', TALK, 'fr'],
    ['/en/embed', PODCAST, 'en'],
    ['/embed', DOC, 'fr'],
  ])('renders %s/%s in its language', async (section, id, locale) => {
    const page = await site.fetch(`${section}/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-language')).toBe(locale);
    expect(page.text).toContain(`<html lang="${locale}"`);
    expect(page.text.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it('marks text in another language than the page with its lang', async () => {
    const fr = (await site.fetch(`/talks/${BARE}`)).text;
    expect(fr).toMatch(/<h1 id="item-title" lang="en">Open data workshop<\/h1>/);
    expect(fr).toMatch(/<div class="transcript__body" lang="en">/);
    const en = (await site.fetch(`/en/talks/${TALK}`)).text;
    expect(en).toMatch(/<h1 id="item-title" lang="fr">/);
    // The English transcript is the English page's; the French one on the French page has no lang.
    expect(en).toContain('Hello everyone.');
    expect(en).not.toMatch(/class="transcript__body" lang=/);
    const fr2 = (await site.fetch(`/talks/${TALK}`)).text;
    expect(fr2).toMatch(/<h1 id="item-title">/);
    expect(fr2).toContain('Bonjour à toutes et à tous.');
  });

  it('answers unknown ids with the 404 page', async () => {
    for (const path of ['/talks/inconnu', '/en/talks/inconnu', '/podcasts/inconnu', '/documents/inconnu', '/embed/inconnu', '/en/embed/inconnu']) {
      const page = await site.fetch(path);
      expect(page.status, path).toBe(404);
    }
    expect((await site.fetch('/en/documents/inconnu')).text).toContain('Page not found');
  });

  it('redirects an id asked under the wrong section, keeping the query', async () => {
    const podcast = await site.fetch(`/talks/${PODCAST}?t=12`);
    expect(podcast.status).toBe(301);
    expect(podcast.headers.get('location')).toBe(`/podcasts/${PODCAST}?t=12`);
    const talk = await site.fetch(`/en/documents/${TALK}`);
    expect(talk.status).toBe(301);
    expect(talk.headers.get('location')).toBe(`/en/talks/${TALK}`);
    expect((await site.fetch(`/podcasts/${DOC}`)).headers.get('location')).toBe(`/documents/${DOC}`);
  });

  it('escapes titles, summaries, speakers, transcripts and slides everywhere', async () => {
    for (const path of [`/talks/${TALK}`, `/en/talks/${TALK}`, `/embed/${TALK}`, `/documents/${DOC}`]) {
      const page = (await site.fetch(path)).text;
      // The only scripts are the JSON-LD data block and this site's own modules.
      for (const tag of page.match(/<script[^>]*>/g) ?? []) expect(tag, path).toMatch(/^<script (type="application\/ld\+json"|type="module" src="\/assets\/[0-9a-f]+\/js\/[a-z-]+\.js")>$/);
      expect(page, path).not.toContain('alert("x")</script>');
      expect(page, path).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
    const talk = (await site.fetch(`/talks/${TALK}`)).text;
    expect(talk).toContain('<p class="transcript__speaker">Paul &lt;script&gt;');
    expect(talk).toContain('<p class="slides__text">Diapositive &lt;script&gt;');
    expect(talk).toContain('<title>L’IA au guichet &lt;script&gt;');
    const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(talk)?.[1] ?? '';
    expect(jsonLd).not.toContain('</');
  });

  it('builds the player: HLS then MP4, captions and subtitles, poster, sign language, storyboard', async () => {
    const page = (await site.fetch(`/talks/${TALK}`)).text;
    const video = attributesOf(page, 'video', 'player');
    expect(video).toContain('controls');
    expect(video).toContain('preload="metadata"');
    expect(video).toContain('playsinline');
    expect(video).toContain('crossorigin="anonymous"');
    expect(video).toMatch(/poster="\/media\/items\/[^"]+\/images\/poster-640\.webp"/);
    expect(video).toMatch(/data-hls-src="\/assets\/[0-9a-f]+\/vendor\/hls\.min\.js"/);
    expect(video).toMatch(/data-storyboard="\/media\/items\/[^"]+\/images\/storyboard\.vtt"/);
    expect(video).not.toContain('data-start-at');
    const sources = [...page.matchAll(/<source src="([^"]+)" type="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(sources.slice(0, 2)).toEqual([
      [expect.stringMatching(/\/hls\/master\.m3u8$/), 'application/vnd.apple.mpegurl'],
      [expect.stringMatching(/-720p\.mp4$/), 'video/mp4'],
    ]);
    expect(page).toMatch(/<track kind="captions" src="[^"]+\/text\/fr\.vtt" srclang="fr" label="Français" default>/);
    expect(page).toMatch(/<track kind="subtitles" src="[^"]+\/text\/en\.vtt" srclang="en" label="Anglais">/);
    expect(page).toMatch(/<track kind="chapters" src="[^"]+\/text\/chapters\.vtt" srclang="fr" label="Chapitres">/);
    expect(page).toMatch(/<video id="sign-language"[^>]* muted playsinline/);
    expect(page).toContain('<figure class="sign-window" id="sign-window" data-position="beside">');
    expect(page).toContain('Interprétation en langue des signes française (LSF)');
    expect(page).toMatch(/<button type="button" class="secondary" data-sign-position="overlay-right" aria-pressed="false">Incruster en bas à droite<\/button>/);
    // The status comes before the player.
    expect(page.indexOf('Sous-titres relus (français et anglais)')).toBeGreaterThan(0);
    expect(page.indexOf('Sous-titres relus (français et anglais)')).toBeLessThan(page.indexOf('id="player"'));
  });

  it('renders the interactive transcript with links to moments, and the other language on demand', async () => {
    const page = (await site.fetch(`/talks/${TALK}`)).text;
    expect(page).toContain('<section id="transcription"');
    expect(page).toContain('<ol class="transcript">');
    expect(page).toContain('<li class="transcript__passage" data-start="10" data-end="19">');
    expect(decode(page)).toContain(`<a class="transcript__time" href="/talks/${TALK}?t=10#player" data-start="10" aria-label="Lire à partir de 0:10">0:10</a>`);
    expect(page).toContain('Transcription relue (français)');
    expect(decode(page)).toContain(`href="/talks/${TALK}?transcript=en#transcription" hreflang="en"`);
    const english = decode((await site.fetch(`/talks/${TALK}?transcript=en`)).text);
    expect(english).toContain('Hello everyone.');
    expect(english).toContain('<div class="transcript__body" lang="en">');
    expect(english).toContain(`<a class="transcript__time" href="/talks/${TALK}?transcript=en&t=0#player"`);
    // An unknown language is ignored.
    expect((await site.fetch(`/talks/${TALK}?transcript=xx`)).text).toContain('Bonjour à toutes et à tous.');
  });

  it('starts at ?t= when it is a time within the recording, and ignores it otherwise', async () => {
    const at = decode((await site.fetch(`/talks/${TALK}?t=30.5`)).text);
    expect(attributesOf(at, 'video', 'player')).toContain('data-start-at="30.5"');
    expect(at).toMatch(/<source src="[^"]+master\.m3u8#t=30\.5"/);
    expect(at).toMatch(/<source src="[^"]+-720p\.mp4#t=30\.5"/);
    expect(at).toContain('La lecture commence à 0:30.');
    expect(at).toContain(`<input id="cite-url" type="url" readonly value="${site.url}/talks/${TALK}?t=30"`);
    for (const bad of ['abc', '-5', '999999', '1e2', '']) {
      const page = await site.fetch(`/talks/${TALK}?t=${bad}`);
      expect(page.status, bad).toBe(200);
      expect(attributesOf(page.text, 'video', 'player'), bad).not.toContain('data-start-at');
      expect(page.text, bad).not.toContain('#t=');
    }
    expect((await site.fetch(`/talks/${TALK}?t=1&t=2`)).status).toBe(200);
  });

  it('lists chapters as links to their moment', async () => {
    const page = decode((await site.fetch(`/en/talks/${TALK}`)).text);
    expect(page).toContain(`<a class="chapters__link" href="/en/talks/${TALK}?t=19#player" data-start="19.633"><span class="chapters__time">0:19</span> <span class="chapters__title">Ce que nous observons au guichet</span></a>`);
    expect(page).toMatch(/<ol class="chapters" lang="fr">/);
  });

  it('offers the downloads with format, language and size', async () => {
    const talk = decode((await site.fetch(`/talks/${TALK}`)).text);
    expect(talk).toMatch(/<a href="\/media\/[^"]+-720p\.mp4\?download" download="[^"]+-720p\.mp4">MP4 720p <span class="item-downloads__details">\(vidéo, 1,9\u00a0Mo\)<\/span><\/a>/);
    expect(talk).toContain('Sous-titres WebVTT (français) <span class="item-downloads__details">(texte, 2,6\u00a0ko)</span>');
    expect(talk).toContain('Fichier original (BIN)');
    const podcast = decode((await site.fetch(`/en/podcasts/${PODCAST}`)).text);
    expect(podcast).toContain('M4A (AAC) <span class="item-downloads__details">(audio, 812\u00a0KB)</span>');
    expect(podcast).toContain('MP3 <span class="item-downloads__details">(audio, 586\u00a0KB)</span>');
  });

  it('gives the ready-to-copy attribution for CC BY-SA and CC0, and the embed code', async () => {
    const talk = (await site.fetch(`/talks/${TALK}`)).text;
    expect(textareaOf(talk, 'attribution-text')).toBe(
      `«\u00a0L’IA au guichet ${EVIL}\u00a0» — Claire ${EVIL} (Passerelles), Numérique en Commun[s] 2025 Strasbourg, ${site.url}/talks/${TALK}, licence CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/deed.fr)`,
    );
    expect(textareaOf(talk, 'attribution-html')).toContain(`<a href="${site.url}/talks/${TALK}">L’IA au guichet &#60;script&#62;`);
    expect(talk).toContain('Vos adaptations doivent être publiées sous la même licence.');
    expect(talk).toContain('<label for="attribution-text">');
    expect(textareaOf(talk, 'embed-code')).toBe(`<iframe src="${site.url}/embed/${TALK}" title="L’IA au guichet &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" width="640" height="400" allow="fullscreen" loading="lazy"></iframe>`);
    const podcast = (await site.fetch(`/podcasts/${PODCAST}`)).text;
    expect(textareaOf(podcast, 'attribution-text')).toContain('versé dans le domaine public (CC0 1.0, https://creativecommons.org/publicdomain/zero/1.0/deed.fr)\u00a0: aucune attribution n’est requise.');
    expect(podcast).toContain('Aucune attribution n’est requise');
  });

  it('lets people cite a moment', async () => {
    const page = decode((await site.fetch(`/talks/${TALK}`)).text);
    expect(page).toContain(`<a id="cite-link" href="${site.url}/talks/${TALK}?t=0"`);
    expect(page).toContain('<label for="cite-url">Adresse de ce moment</label>');
    expect(page).toMatch(/<button type="button" id="cite-copy" class="secondary" data-copy="cite-url" hidden data-enhanced>Copier le lien à ce moment<\/button>/);
  });

  it('shows a podcast with an audio player and its cover', async () => {
    const page = (await site.fetch(`/podcasts/${PODCAST}`)).text;
    expect(page).toMatch(/<audio id="player" class="item-player" controls preload="metadata"/);
    expect(page).toMatch(/<source src="[^"]+\.m4a" type="audio\/mp4">/);
    expect(page).toContain('class="item-audio__cover"');
    expect(page).not.toContain('<video');
  });

  it('renders an item without media with its text and a note instead of a player', async () => {
    const page = (await site.fetch(`/talks/${BARE}`)).text;
    expect(page).not.toContain('id="player"');
    expect(page).toContain('La vidéo n’est pas encore disponible.');
    expect(page).toContain('Transcription automatique, non relue (anglais)');
    expect(page).toContain('Welcome.');
  });

  it('renders a document: download, thumbnails, text per page, ?page and ?q', async () => {
    const page = decode((await site.fetch(`/documents/${DOC}?page=2&q=commun`)).text);
    expect(page).toMatch(/<a class="button" href="\/media\/[^"]+\/download\/[^"]+\.pdf\?download" download="[^"]+\.pdf">Télécharger le document \(PDF, 13,9\u00a0ko\)<\/a>/);
    for (const n of [1, 2, 3]) expect(page).toContain(`<section id="page-${n}" class="document-page`);
    expect(page).toContain('<a href="#page-2">Aller à la page 2</a>');
    expect(page).toMatch(/<a class="page-thumbs__link" href="#page-2" aria-current="true">\s*<img src="[^"]+page-2-320\.webp" srcset="[^"]+page-2-320\.webp 320w, [^"]+page-2-640\.webp 640w" sizes="[^"]+" width="320" height="452" alt="Page 2" loading="lazy">/);
    expect(page).not.toMatch(/href="#page-1" aria-current/);
    expect(page).toContain('Les <mark>communs</mark> numériques et les <mark>Communs</mark>.');
    expect(page).toContain('<span class="page-thumbs__hits page-thumbs__hits--found">2 résultats</span>');
    expect(page).toContain('3 résultats pour «\u00a0commun\u00a0»');
    expect(page).toContain('Licence Ouverte 2.0');
    // A page beyond the count is ignored.
    const beyond = decode((await site.fetch(`/documents/${DOC}?page=9`)).text);
    expect(beyond).not.toContain('Aller à la page');
    expect(beyond).not.toContain('aria-current="true"');
  });

  it('serves the embed page: minimal layout, skip link to the player, link to the full page, embeddable', async () => {
    const embed = await site.fetch(`/embed/${TALK}?t=10`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const page = decode(embed.text);
    expect(page).not.toContain('class="site-header"');
    expect(page).not.toContain('class="site-footer"');
    expect(page).toContain('<a href="#player">Aller au lecteur</a>');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain(`<a href="/talks/${TALK}?t=10" target="_blank" rel="noopener">Voir sur Médiacommuns`);
    expect(page).toContain(`href="/embed/${TALK}?t=10#player"`);
    expect(page).toContain('id="player"');
    expect(page).toContain('<section id="transcription"');
  });

  it('offers the audio-described version where the HLS master has one', async () => {
    const page = decode((await site.fetch(`/talks/${DESCRIBED}`)).text);
    expect(page).toContain(`<a href="/talks/${DESCRIBED}?ad=1#player">Écouter la version audiodécrite</a>`);
    expect(attributesOf(page, 'video', 'player')).toContain('data-described-audio="Français (audiodescription)"');
    expect(attributesOf(page, 'video', 'player')).not.toContain('data-audio-described');
    expect(page).toContain('Audiodescription</span>');
    const chosen = decode((await site.fetch(`/talks/${DESCRIBED}?ad=1`)).text);
    expect(attributesOf(chosen, 'video', 'player')).toContain('data-audio-described="true"');
    expect(chosen).toContain(`<a href="/talks/${DESCRIBED}#player">Revenir à la version sans audiodescription</a>`);
    expect(chosen).toContain('<noscript><p class="meta">La version audiodécrite se choisit dans le lecteur');
    expect(chosen).toContain(`href="/talks/${DESCRIBED}?ad=1&t=19#player"`);
  });

  it('announces oEmbed and JSON-LD in the head, and gives pages a preview image', async () => {
    const page = (await site.fetch(`/talks/${TALK}`)).text;
    expect(decode(page)).toContain(`<link rel="alternate" type="application/json+oembed" href="${site.url}/oembed?url=${encodeURIComponent(`${site.url}/talks/${TALK}`)}" title="Intégration (oEmbed)">`);
    expect(page).toContain('<script type="application/ld+json">');
    const data = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1] ?? '{}') as { '@type'?: string; transcript?: string };
    expect(data['@type']).toBe('VideoObject');
    // The transcript in the data block is the one the page shows, cue by cue.
    const transcriptJson = JSON.parse((await site.store.getBuffer(JSON.parse((await site.store.getBuffer(`items/${TALK}/manifest.json`))!.toString()).text.transcripts[0].json))!.toString()) as { cues: { text: string }[] };
    expect(data.transcript).toContain(transcriptJson.cues[0]!.text.replace(/\s+/g, ' ').trim());
    expect(page).toMatch(/<meta property="og:image" content="http:\/\/127\.0\.0\.1:\d+\/media\/[^"]+poster-1280\.jpg">/);
    expect(decode(page)).toContain(`<link rel="canonical" href="${site.url}/talks/${TALK}">`);
  });
});
