import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebServer } from '../../src/http/start-web.js';
import { itemTotals, topSearches, type ItemDay } from '../../src/services/stats/stats-counts.js';
import { statsMonthOf } from '../../src/services/stats/stats-calendar.js';
import { readMonth } from '../../src/services/stats/stats-reader.js';
import { cuesOf, type ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

const TALK: ArchiveItem = {
  id: '2025-strasbourg-guichet',
  kind: 'talk',
  title: 'Le guichet numérique',
  edition: '2025 Strasbourg',
  date: '2025-10-29',
  themes: ['Inclusion'],
  licence: 'CC-BY-SA-4.0',
  transcripts: [{ cues: cuesOf(['Parlons du guichet numérique de proximité.']) }],
  downloads: [{ format: 'mp4', contentType: 'video/mp4', bytes: 4096 }, { format: 'mp3', contentType: 'audio/mpeg', bytes: 1024 }],
};
const OTHER: ArchiveItem = { ...TALK, id: '2025-strasbourg-autre', title: 'Un autre atelier', downloads: [], transcripts: [{ cues: cuesOf(['Rien à voir.']) }] };
const MAGAZINE: ArchiveItem = { id: '2025-strasbourg-magazine', kind: 'document', title: 'Le magazine', edition: '2025 Strasbourg', date: '2025-10-28', licence: 'Etalab-2.0', pages: ['Cinq idées.'] };

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const browser = (extra: Record<string, string> = {}) => ({ 'User-Agent': FIREFOX, ...extra });

let site: TestWeb;
const month = () => statsMonthOf(new Date());

beforeAll(async () => {
  site = await startTestWeb([TALK, OTHER, MAGAZINE]);
});
afterAll(async () => {
  await site?.close();
});

function post(body: string, headers: Record<string, string> = browser(), url = site.url) {
  return fetch(`${url}/api/events`, { method: 'POST', body, headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers } });
}

/** The month's totals of an item as the store holds them once this process has written what it counted. */
async function countsOf(item: string): Promise<ItemDay | undefined> {
  await site.web.deps.stats?.flush();
  return itemTotals(await readMonth(site.store, month())).get(item);
}

describe('POST /api/events', () => {
  it('counts a play (once per visitor for the day’s visitors) and each quarter reached, answering 204 without a cookie', async () => {
    const first = await post(JSON.stringify({ type: 'play', item: TALK.id, lang: 'fr' }));
    expect(first.status).toBe(204);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(await first.text()).toBe('');
    expect((await post(JSON.stringify({ type: 'play', item: TALK.id, lang: 'en' }), { ...browser(), 'Content-Type': 'application/json' })).status).toBe(204);
    expect((await post(JSON.stringify({ type: 'progress', item: TALK.id, quartile: 2 }))).status).toBe(204);
    const counts = await countsOf(TALK.id);
    expect(counts?.plays).toBe(2);
    expect(counts?.visitors).toBe(1);
    expect(counts?.quartiles).toEqual([0, 1, 0, 0]);
    expect(Object.fromEntries(counts?.languages ?? [])).toEqual({ fr: 1, en: 1 });
  });

  it('refuses anything else with a problem, and an unknown item with 404', async () => {
    const cases: [string, number][] = [
      ['not json', 400],
      [JSON.stringify({ type: 'pause', item: TALK.id }), 400],
      [JSON.stringify({ type: 'play', item: TALK.id, visitor: 'anne' }), 400],
      [JSON.stringify({ type: 'progress', item: TALK.id, quartile: 5 }), 400],
      [JSON.stringify({ type: 'play', item: MAGAZINE.id }), 400],
      [JSON.stringify({ type: 'play', item: 'nothing-here' }), 404],
      [JSON.stringify({ type: 'play', item: TALK.id, lang: 'x'.repeat(2000) }), 413],
    ];
    for (const [body, status] of cases) {
      const response = await post(body);
      expect(response.status, body.slice(0, 60)).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect((await fetch(`${site.url}/api/events`)).status).toBe(404);
  });

  it('does not count robots nor prefetches, answering them the same', async () => {
    const before = (await countsOf(OTHER.id))?.plays ?? 0;
    const play = JSON.stringify({ type: 'play', item: OTHER.id });
    for (const headers of [{ 'User-Agent': GOOGLEBOT }, { 'User-Agent': 'curl/8.5.0' }, browser({ 'Sec-Purpose': 'prefetch' }), browser({ Purpose: 'prefetch' })]) {
      expect((await post(play, headers)).status).toBe(204);
    }
    expect((await post(play, {})).status).toBe(204); // Node's own user agent: a script
    expect((await countsOf(OTHER.id))?.plays ?? 0).toBe(before);
  });
});

describe('what the server counts by itself', () => {
  it('counts a download by its format: the download link, whole or from its first byte, not the player’s streaming nor robots', async () => {
    const manifest = await site.web.deps.catalogue.item(TALK.id);
    const mp4 = manifest!.downloads.find((d) => d.format === 'mp4')!.key;
    const mp3 = manifest!.downloads.find((d) => d.format === 'mp3')!.key;
    const get = (key: string, query: string, headers: Record<string, string>) => site.fetch(`/media/${key}${query}`, { headers });
    expect((await get(mp4, '?download', browser())).status).toBe(200);
    expect((await get(mp4, '?download', browser({ Range: 'bytes=0-' }))).status).toBe(206);
    expect((await get(mp4, '?download', browser({ Range: 'bytes=100-' }))).status).toBe(206);
    expect((await get(mp4, '', browser())).status).toBe(200);
    expect((await get(mp4, '?download', { 'User-Agent': GOOGLEBOT })).status).toBe(200);
    expect((await get(mp3, '?download', browser())).status).toBe(200);
    expect((await get(`items/${TALK.id}/nothing.mp4`, '?download', browser())).status).toBe(404);
    const counts = await countsOf(TALK.id);
    expect(Object.fromEntries(counts?.downloads ?? [])).toEqual({ mp4: 2, mp3: 1 });
  });

  it('counts an embed by the embedding site’s host, from the Referer (none: an empty host)', async () => {
    for (const referer of ['https://blog.example.org/billet', 'https://blog.example.org/autre', 'https://mairie.example.fr/']) {
      expect((await site.fetch(`/embed/${OTHER.id}`, { headers: browser({ Referer: referer }) })).status).toBe(200);
    }
    expect((await site.fetch(`/en/embed/${OTHER.id}`, { headers: browser() })).status).toBe(200);
    expect((await site.fetch(`/embed/${OTHER.id}`, { headers: { 'User-Agent': GOOGLEBOT, Referer: 'https://blog.example.org/' } })).status).toBe(200);
    expect((await site.fetch('/embed/nothing-here', { headers: browser({ Referer: 'https://blog.example.org/' }) })).status).toBe(404);
    const counts = await countsOf(OTHER.id);
    expect(Object.fromEntries(counts?.embeds ?? [])).toEqual({ 'blog.example.org': 2, 'mairie.example.fr': 1, '': 1 });
  });

  it('records a search’s text only when it found nothing, on the site (kept pages too) and in the API', async () => {
    const page = (q: string, extra = '') => site.fetch(`/recherche?q=${encodeURIComponent(q)}${extra}`, { headers: browser() });
    expect((await page('Blockchain  Souveraine')).status).toBe(200);
    // The same page again, sent from the page cache without searching: still counted.
    expect((await page('Blockchain  Souveraine')).status).toBe(200);
    expect((await page('guichet')).status).toBe(200);
    expect((await page('blockchain', '&theme=Inclusion')).status).toBe(200);
    expect((await site.fetch('/en/search?q=zzqx+jeanne%40example.org', { headers: browser() })).status).toBe(200);
    expect((await site.fetch('/recherche?q=robotique', { headers: { 'User-Agent': GOOGLEBOT } })).status).toBe(200);
    expect((await site.fetch('/api/search?q=cartographie', { headers: browser() })).status).toBe(200);
    expect((await site.fetch('/api/search?q=guichet', { headers: browser() })).status).toBe(200);
    await site.web.deps.stats?.flush();
    const searches = topSearches(await readMonth(site.store, month()), 10);
    expect(searches).toEqual([
      { query: 'blockchain souveraine', count: 2 },
      { query: 'cartographie', count: 1 },
      { query: 'zzqx [e-mail]', count: 1 },
    ]);
  });
});

describe('several web processes and restarts', () => {
  it('loses no count when two processes over the same store count at the same time, and keeps them after both stop', async () => {
    const index = site.meili.connect();
    await index.open();
    const servers: WebServer[] = [];
    for (let n = 0; n < 2; n += 1) servers.push(await startWeb({ store: site.store, index, port: 0, host: '127.0.0.1', log: () => {}, stats: { flushMs: 20 } }));
    const before = (await countsOf(TALK.id))?.plays ?? 0;
    const plays = Array.from({ length: 120 }, (_, n) =>
      post(JSON.stringify({ type: 'play', item: TALK.id }), browser(), `http://127.0.0.1:${servers[n % 2]!.port}`).then((r) => r.status),
    );
    expect(new Set(await Promise.all(plays))).toEqual(new Set([204]));
    await Promise.all(servers.map((s) => s.close()));
    expect((await countsOf(TALK.id))?.plays).toBe(before + 120);
    // A process started afterwards (a restart) adds to what the stopped ones kept.
    const restarted = await startWeb({ store: site.store, index, port: 0, host: '127.0.0.1', log: () => {} });
    await post(JSON.stringify({ type: 'play', item: TALK.id }), browser(), `http://127.0.0.1:${restarted.port}`);
    await restarted.close();
    expect((await countsOf(TALK.id))?.plays).toBe(before + 121);
    await index.close();
  });
});

describe('the public pages', () => {
  it('shows the archive’s monthly totals in a table with caption and headers, in French and English, without a cookie', async () => {
    await site.web.deps.stats?.flush();
    const expected = itemTotals(await readMonth(site.store, month()));
    const plays = [...expected.values()].reduce((sum, c) => sum + c.plays, 0);
    expect(plays).toBeGreaterThan(100);
    const fr = await site.fetch('/statistiques');
    expect(fr.status).toBe(200);
    expect(fr.headers.get('set-cookie')).toBeNull();
    expect(fr.text).toContain('<caption id="stats-caption">Totaux mensuels des archives</caption>');
    expect(fr.text).toContain('<th scope="col">Lectures</th>');
    const label = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month()}-01T00:00:00Z`));
    expect(fr.text).toContain(`<th scope="row"><time datetime="${month()}">${label}</time></th>`);
    expect(fr.text).toContain(`<td>${new Intl.NumberFormat('fr-FR').format(plays)}</td>`);
    const en = await site.fetch('/en/statistics');
    expect(en.status).toBe(200);
    expect(en.text).toContain('Monthly totals of the archive');
    expect(en.text).toContain('href="/en/privacy"');
  });

  it('has a privacy notice in both languages, linked from every page’s footer and from the accessibility statement', async () => {
    for (const [path, words] of [['/confidentialite', 'sel'], ['/en/privacy', 'salt']] as const) {
      const page = await site.fetch(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('set-cookie')).toBeNull();
      expect(page.text).toContain(words);
    }
    const home = await site.fetch('/');
    expect(home.text).toContain('href="/confidentialite"');
    expect(home.text).toContain('href="/statistiques"');
    expect((await site.fetch('/en/')).text).toContain('href="/en/privacy"');
    const statement = await site.fetch('/accessibilite');
    expect(statement.text).toContain('Mesure d’audience');
    expect(statement.text).toContain('href="/confidentialite"');
    expect((await site.fetch('/en/accessibility')).text).toContain('Audience measurement');
  });
});
