import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/domain/manifest.js';
import { correctionsSection } from '../../src/http/admin/corrections-section.js';
import { statsSection } from '../../src/http/admin/stats-section.js';
import { adminHref, itemHref, mediaUrl } from '../../src/http/urls.js';
import { readOperatorLog } from '../../src/services/operators/operator-log.js';
import { addOperator, removeOperator } from '../../src/services/operators/operators.js';
import { AdminClient } from '../support/admin-client.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { describeVnu, vnuMessages } from '../support/vnu.js';
import { startTestWeb, startWebOver, type TestWeb } from '../support/web.js';

/**
 * The console over the ingested sample edition: signing in and out, what a wrong name or
 * password gets, the limits on guessing, the CSRF tokens, and that no page outside /admin ever
 * sets a cookie.
 */
const PASSWORD = 'un mot de passe assez long';
let site: TestWeb;
let manifests: Manifest[];

beforeAll(async () => {
  manifests = await sampleManifests();
  site = await startWebOver(await copySampleArchive());
  await addOperator(site.store, 'camille', PASSWORD);
  // The ingest's report, where `mediacommuns ingest` leaves it beside a filesystem archive.
  const stateDir = path.join(site.store.localPath('.'), '.state');
  await mkdir(stateDir, { recursive: true });
  await writeFile(path.join(stateDir, 'last-ingest.json'), JSON.stringify({
    at: '2026-12-01T09:30:00.000Z', source: 'programme.csv', wallSeconds: 12,
    outcomes: [
      { id: manifests[0]!.id, title: 'x', status: 'ingested', duration: 10, wallSeconds: 3, warnings: ['slides.pdf: 2 pages without text'] },
      { id: 'broken-talk', title: 'Broken', status: 'failed', duration: null, wallSeconds: 1, file: 'talks/broken.mp4', error: 'not a media file', warnings: [] },
    ],
    problems: [],
  }));
});
afterAll(async () => {
  await site?.close();
  if (site) await removeArchiveCopy(site.store);
});

/** Every Set-Cookie of a response, parsed: name, value and attributes in lower case. */
function setCookies(headers: Headers): { name: string; value: string; attributes: Map<string, string> }[] {
  return headers.getSetCookie().map((line) => {
    const [pair, ...rest] = line.split(';').map((p) => p.trim());
    const at = pair!.indexOf('=');
    return {
      name: pair!.slice(0, at),
      value: pair!.slice(at + 1),
      attributes: new Map(rest.map((a) => {
        const eq = a.indexOf('=');
        return eq < 0 ? [a.toLowerCase(), ''] : [a.slice(0, eq).toLowerCase(), a.slice(eq + 1)];
      })),
    };
  });
}

describe('signing in and out', () => {
  it('sends a visitor who is not signed in to the sign-in page of their language', async () => {
    const fr = await site.fetch('/admin');
    expect(fr.status).toBe(303);
    expect(fr.headers.get('location')).toBe('/admin/session?next=%2Fadmin');
    const en = await site.fetch('/en/admin');
    expect(en.status).toBe(303);
    expect(en.headers.get('location')).toBe('/en/admin/session?next=%2Fen%2Fadmin');
    expect(fr.headers.get('set-cookie')).toBeNull();
  });

  it('signs in, with the session cookie on both languages’ console paths only, HttpOnly, SameSite=Strict, for 8 hours', async () => {
    const client = new AdminClient(site.url);
    const form = await client.get('/admin/session?next=%2Fadmin');
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(form.headers.get('x-robots-tag')).toBe('noindex');
    expect(form.text).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(form.text).toMatch(/<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}">/);
    const [nonce] = setCookies(form.headers);
    expect(nonce).toMatchObject({ name: 'mc_admin_signin' });
    expect(nonce!.attributes.get('path')).toBe('/admin');

    const answer = await client.post('/admin/session', { name: 'Camille', password: PASSWORD, next: '/admin' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/admin');
    const sessions = setCookies(answer.headers).filter((c) => c.name === 'mc_admin');
    expect(sessions.map((c) => c.attributes.get('path'))).toEqual(['/admin', '/en/admin']);
    for (const cookie of sessions) {
      expect(cookie.attributes.get('max-age')).toBe('28800');
      expect(cookie.attributes.has('httponly')).toBe(true);
      expect(cookie.attributes.get('samesite')).toBe('Strict');
      // Served over plain HTTP (PUBLIC_URL unset): a Secure cookie would never come back.
      expect(cookie.attributes.has('secure')).toBe(false);
    }
    const home = await client.get('/admin');
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toBe('no-store');
    expect(home.text).toContain('Connecté·e\u00a0: camille');
    const english = await client.get('/en/admin');
    expect(english.status).toBe(200);
    expect(english.text).toContain('Signed in: camille');
    expect((await readOperatorLog(site.store, { limit: 1 }))[0]).toMatchObject({ operator: 'camille', action: 'session.sign-in', target: null });
  });

  it('goes back to the page asked for, and never to another site', async () => {
    const client = new AdminClient(site.url);
    await client.get('/en/admin/session');
    const back = await client.post('/en/admin/session', { name: 'camille', password: PASSWORD, next: '/en/admin?x=1' });
    expect(back.headers.get('location')).toBe('/en/admin?x=1');
    for (const next of ['https://evil.example/', '//evil.example/admin', '/admin/../x', '/admin/%2E%2e/x', '/\\evil.example', '/administration']) {
      const other = new AdminClient(site.url);
      await other.get('/admin/session');
      const answer = await other.post('/admin/session', { name: 'camille', password: PASSWORD, next });
      expect(answer.headers.get('location')).toBe('/admin');
    }
  });

  it('answers an unknown name exactly as a wrong password', async () => {
    const client = new AdminClient(site.url, '127.0.0.2');
    await client.get('/admin/session');
    const wrong = await client.post('/admin/session', { name: 'camille', password: 'pas le bon mot de passe' });
    const unknown = await client.post('/admin/session', { name: 'personne', password: 'pas le bon mot de passe' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain('Nom ou mot de passe incorrect');
    // The page gives the typed name back (not to type it again): apart from it, the same bytes.
    expect(unknown.text.replace('value="personne"', 'value="NAME"')).toBe(wrong.text.replace('value="camille"', 'value="NAME"'));
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(unknown.headers.getSetCookie()).toEqual([]);
  });

  it('signs out: the cookie is removed on both paths and the session is over, even for a copy of the cookie', async () => {
    const client = new AdminClient(site.url);
    await client.signIn('camille', PASSWORD);
    await client.get('/admin');
    const copy = client.cookieHeader('/admin');
    const out = await client.post('/admin/session/end', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/admin/session?out=1');
    const removed = setCookies(out.headers).filter((c) => c.name === 'mc_admin');
    expect(removed.map((c) => [c.attributes.get('path'), c.attributes.get('max-age')])).toEqual([['/admin', '0'], ['/en/admin', '0']]);
    expect((await client.get('/admin')).status).toBe(303);
    const replay = await site.fetch('/admin', { headers: { cookie: copy } });
    expect(replay.status).toBe(303);
    expect((await client.get('/admin/session?out=1')).text).toContain('Vous êtes déconnecté·e de la console.');
    expect((await readOperatorLog(site.store, { limit: 1 }))[0]).toMatchObject({ operator: 'camille', action: 'session.sign-out' });
  });

  it('ends the sessions of an operator who is removed, or whose password is changed', async () => {
    await addOperator(site.store, 'dominique', PASSWORD);
    const client = new AdminClient(site.url);
    expect((await client.signIn('dominique', PASSWORD)).status).toBe(303);
    expect((await client.get('/admin')).status).toBe(200);
    await addOperator(site.store, 'dominique', `${PASSWORD} 2`);
    expect((await client.get('/admin')).status).toBe(303);
    expect((await client.signIn('dominique', `${PASSWORD} 2`)).status).toBe(303);
    expect((await client.get('/admin')).status).toBe(200);
    await removeOperator(site.store, 'dominique');
    expect((await client.get('/admin')).status).toBe(303);
  });

  it('refuses a forged, tampered or expired-looking cookie', async () => {
    const client = new AdminClient(site.url);
    await client.signIn('camille', PASSWORD);
    const value = client.cookies.find((c) => c.name === 'mc_admin')!.value;
    const [payload, signature] = value.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, n: 'someone-else' })).toString('base64url');
    for (const cookie of [`mc_admin=${forged}.${signature}`, `mc_admin=${payload}.${signature!.slice(1)}x`, 'mc_admin=', `mc_admin=${payload}`]) {
      expect((await site.fetch('/admin', { headers: { cookie } })).status).toBe(303);
    }
  });
});

describe('CSRF tokens', () => {
  it('refuses a sign-in without the form’s token or its cookie (403)', async () => {
    const client = new AdminClient(site.url);
    const form = await client.get('/admin/session');
    expect(form.status).toBe(200);
    const noToken = await client.post('/admin/session', { _csrf: null, name: 'camille', password: PASSWORD });
    expect(noToken.status).toBe(403);
    expect(noToken.text).toContain('Formulaire refusé');
    expect(noToken.headers.getSetCookie()).toEqual([]);
    const stranger = new AdminClient(site.url);
    const noCookie = await stranger.post('/admin/session', { _csrf: client.lastCsrf, name: 'camille', password: PASSWORD });
    expect(noCookie.status).toBe(403);
  });

  it('refuses a signed-in form without the session’s token, or with another session’s (403), and does nothing', async () => {
    const one = new AdminClient(site.url);
    await one.signIn('camille', PASSWORD);
    await one.get('/admin');
    const other = new AdminClient(site.url);
    await other.signIn('camille', PASSWORD);
    await other.get('/admin');
    const none = await one.post('/admin/session/end', { _csrf: null });
    expect(none.status).toBe(403);
    expect(none.headers.get('cache-control')).toBe('no-store');
    const foreign = await one.post('/admin/session/end', { _csrf: other.lastCsrf });
    expect(foreign.status).toBe(403);
    expect((await one.get('/admin')).status).toBe(200);
    // A token from before signing in does not do either.
    const before = new AdminClient(site.url);
    await before.get('/admin/session');
    const preToken = before.lastCsrf;
    await before.post('/admin/session', { name: 'camille', password: PASSWORD });
    expect((await before.post('/admin/session/end', { _csrf: preToken })).status).toBe(403);
  });
});

describe('the console', () => {
  let client: AdminClient;
  beforeAll(async () => {
    client = new AdminClient(site.url);
    await client.signIn('camille', PASSWORD);
  });

  it('shows the archive’s status: items by kind, what to look at, the last ingest and audit', async () => {
    const page = await client.get('/admin');
    expect(page.status).toBe(200);
    const kinds = new Set(manifests.map((m) => m.kind));
    expect(page.text).toContain(`${manifests.length} contenus`);
    if (kinds.has('podcast')) expect(page.text).toMatch(/<li>Podcast\u00a0: \d+<\/li>/);
    expect(page.text).toContain('1 contenu en échec à la dernière ingestion.');
    expect(page.text).toContain('Les archives n’ont jamais été contrôlées');
    expect(page.text).toContain('<time datetime="2026-12-01T09:30:00.000Z">');
    expect(page.text).toContain('<code>broken-talk talks/broken.mp4: not a media file</code>');
    expect(page.text).toContain(`${manifests[0]!.id}: slides.pdf: 2 pages without text`);
    const english = await client.get('/en/admin');
    expect(english.text).toContain(`${manifests.length} items`);
    expect(english.text).toContain('1 item failed in the last ingest.');
  });

  it('lists the recordings without a transcript, linked to their pages', async () => {
    const untranscribed = manifests.filter((m) => m.media.class !== 'document' && m.accessibility.transcript === 'none' && !(m.media.class === 'video' && m.media.audio === null));
    const page = await client.get('/admin');
    for (const m of untranscribed) expect(page.text).toContain(`<a href="${itemHref(m.kind, m.id, 'fr')}">`);
    if (untranscribed.length === 0) expect(page.text).not.toContain('Enregistrements sans transcription');
  });

  it('links every section, in the navigation and on the home, in the page’s language', async () => {
    for (const locale of ['fr', 'en'] as const) {
      const page = await client.get(adminHref(locale));
      for (const section of [correctionsSection, statsSection]) {
        const link = `<a href="${adminHref(locale, section.path)}">${section.title(locale)}</a>`;
        expect(page.text.split(link).length - 1, `${locale} ${section.path}`).toBe(2);
      }
    }
  });

  it('keeps the sections behind the sign-in and their forms behind the session’s token', async () => {
    for (const section of [correctionsSection, statsSection]) {
      const anonymous = await site.fetch(adminHref('en', section.path));
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toBe(adminHref('en', '/session', { next: adminHref('en', section.path) }));
      const forged = await site.fetch(adminHref('fr', `${section.path}/anything`), {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1',
      });
      expect(forged.status).toBe(303);
      const noToken = await client.post(adminHref('fr', `${section.path}/anything`), { _csrf: null, x: '1' });
      expect(noToken.status).toBe(403);
      expect(noToken.headers.get('cache-control')).toBe('no-store');
      const page = await client.get(adminHref('fr', section.path));
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.text).toContain(`<a href="${adminHref('fr', section.path)}" aria-current="page">`);
    }
  });

  it('lists the latest operator actions, newest first', async () => {
    const page = await client.get('/admin');
    const log = await readOperatorLog(site.store, { limit: 20 });
    const rows = [...page.text.matchAll(/<tr><td><time datetime="([^"]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(log.map((entry) => entry.at));
    expect(page.text).toContain('session.sign-in');
  });
});

describe('valid HTML', () => {
  it('has no Nu HTML Checker error on the sign-in page, a refused sign-in, a 403 and the console, in both languages', async () => {
    const documents = [];
    for (const base of ['/admin', '/en/admin']) {
      const client = new AdminClient(site.url, '127.0.0.5');
      documents.push({ name: `${base}/session`, type: 'html' as const, content: (await client.get(`${base}/session`)).text });
      documents.push({ name: `${base}/session 401`, type: 'html' as const, content: (await client.post(`${base}/session`, { name: 'camille', password: 'pas le bon mot de passe' })).text });
      documents.push({ name: `${base}/session 403`, type: 'html' as const, content: (await client.post(`${base}/session`, { _csrf: null, name: 'camille', password: PASSWORD })).text });
      await client.post(`${base}/session`, { name: 'camille', password: PASSWORD });
      documents.push({ name: base, type: 'html' as const, content: (await client.get(base)).text });
    }
    expect(documents.map((d) => d.content.startsWith('<!doctype html>'))).toEqual(documents.map(() => true));
    const errors = (await vnuMessages(documents)).filter((m) => m.type === 'error').map(describeVnu);
    expect(errors).toEqual([]);
  });
});

describe('guessing is limited per address and per name', () => {
  it('refuses the 11th try from one address within the window with 429 and Retry-After, even with the right password', async () => {
    const client = new AdminClient(site.url, '127.0.0.3');
    await client.get('/admin/session');
    for (let i = 1; i <= 10; i++) {
      const answer = await client.post('/admin/session', { name: `essai-${i}`, password: 'pas le bon mot de passe' });
      expect(answer.status).toBe(401);
    }
    const eleventh = await client.post('/admin/session', { name: 'camille', password: PASSWORD });
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(eleventh.text).toContain('Trop de tentatives de connexion');
    expect(eleventh.headers.getSetCookie()).toEqual([]);
    // Another address is not held up by this one.
    expect((await new AdminClient(site.url, '127.0.0.4').signIn('camille', PASSWORD)).status).toBe(303);
  });

  it('refuses the 11th try on one name, whichever addresses the tries came from', async () => {
    await addOperator(site.store, 'eliott', PASSWORD);
    for (let i = 1; i <= 10; i++) {
      const answer = await new AdminClient(site.url, `127.0.1.${i}`).signIn('eliott', 'pas le bon mot de passe');
      expect(answer.status).toBe(401);
    }
    const eleventh = await new AdminClient(site.url, '127.0.1.11').signIn('Eliott', PASSWORD);
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await new AdminClient(site.url, '127.0.1.12').signIn('camille', PASSWORD)).status).toBe(303);
  });
});

describe('no cookie outside /admin', () => {
  it('sets no cookie on public pages, API, feeds, media, embeds and oEmbed, even for a signed-in operator', async () => {
    const client = new AdminClient(site.url);
    await client.signIn('camille', PASSWORD);
    const signedIn = client.cookieHeader('/admin');
    const talk = manifests.find((m) => m.kind === 'talk') ?? manifests[0]!;
    const podcast = manifests.find((m) => m.kind === 'podcast');
    const stored = talk.files.find((f) => f.key.endsWith('.vtt') || f.key.endsWith('.jpg')) ?? talk.files[0]!;
    const paths = [
      '/', '/en/', '/recherche?q=numérique', '/en/search?q=numérique', '/editions', '/en/editions', '/accessibilite', '/licences',
      ...manifests.flatMap((m) => [itemHref(m.kind, m.id, 'fr'), itemHref(m.kind, m.id, 'en'), `/embed/${m.id}`, `/api/items/${m.id}`]),
      `/oembed?url=${encodeURIComponent(`${site.url}${itemHref(talk.kind, talk.id, 'fr')}`)}`,
      '/api/items', '/api/search?q=numérique', '/api/openapi.json', `/api/items/${talk.id}/transcript.vtt`,
      '/feeds/podcasts.xml', ...(podcast ? [`/feeds/chapters/${podcast.id}.json`] : []), '/sitemap.xml', '/robots.txt', '/healthz',
      '/iiif/collection.json', `/iiif/${talk.id}/manifest.json`, '/oai?verb=Identify', mediaUrl(stored.key),
      '/nowhere', '/api/items/nowhere', '/administration', '/en/administration',
      // The console's own files in the store are nobody's media.
      '/media/operators.json', '/media/operator-session-key.json',
    ];
    for (const path of paths) {
      for (const cookie of [undefined, signedIn]) {
        const answer = await site.fetch(path, cookie ? { headers: { cookie } } : {});
        expect(answer.headers.getSetCookie(), `${path} ${cookie ? 'signed in' : ''}`).toEqual([]);
        expect(answer.status, path).toBeLessThan(500);
      }
    }
    expect((await site.fetch('/media/operators.json')).status).toBe(404);
    expect((await site.fetch('/media/operator-session-key.json')).status).toBe(404);
  });
});

describe('behind https', () => {
  it('marks the cookies Secure when PUBLIC_URL is https', async () => {
    const secure = await startTestWeb([], { publicUrl: 'https://archives.example.org' });
    try {
      await addOperator(secure.store, 'camille', PASSWORD);
      const client = new AdminClient(secure.url);
      const form = await client.get('/admin/session');
      expect(setCookies(form.headers).every((c) => c.attributes.has('secure'))).toBe(true);
      const answer = await client.post('/admin/session', { name: 'camille', password: PASSWORD });
      expect(answer.status).toBe(303);
      const cookies = setCookies(answer.headers);
      expect(cookies.length).toBe(3);
      expect(cookies.every((c) => c.attributes.has('secure'))).toBe(true);
    } finally {
      await secure.close();
    }
  });
});
