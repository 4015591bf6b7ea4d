import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { addOperator } from '../../src/services/operators/operators.js';
import { statsMonthOf } from '../../src/services/stats/stats-calendar.js';
import { AdminClient } from '../support/admin-client.js';
import { cuesOf, type ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

const TALK: ArchiveItem = {
  id: '2025-strasbourg-guichet', kind: 'talk', title: 'Le guichet <numérique>', edition: '2025 Strasbourg', date: '2025-10-29',
  themes: ['Inclusion'], licence: 'CC-BY-SA-4.0', transcripts: [{ cues: cuesOf(['Parlons du guichet.']) }],
  downloads: [{ format: 'mp4', contentType: 'video/mp4' }],
};
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const PASSWORD = 'un mot de passe assez long';

let site: TestWeb;

beforeAll(async () => {
  site = await startTestWeb([TALK]);
  await addOperator(site.store, 'camille', PASSWORD);
  const post = (body: object) => fetch(`${site.url}/api/events`, { method: 'POST', body: JSON.stringify(body), headers: { 'User-Agent': FIREFOX } });
  await post({ type: 'play', item: TALK.id, lang: 'fr' });
  await post({ type: 'progress', item: TALK.id, quartile: 4 });
  await site.fetch(`/embed/${TALK.id}`, { headers: { 'User-Agent': FIREFOX, Referer: 'https://blog.example.org/' } });
  await site.fetch('/recherche?q=%3Cscript%3Eblockchain', { headers: { 'User-Agent': FIREFOX } });
});
afterAll(async () => {
  await site?.close();
});

describe('the console’s statistics', () => {
  it('is for operators only', async () => {
    const anonymous = await site.fetch('/admin/stats');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/admin\/session/);
  });

  it('shows the month per item, edition, theme and month and the searches without result, escaped, with what this process just counted', async () => {
    const client = new AdminClient(site.url);
    expect((await client.signIn('camille', PASSWORD)).status).toBe(303);
    const home = await client.get('/admin');
    expect(home.text).toContain('href="/admin/stats"');
    const page = await client.get('/admin/stats');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('<h2 id="stats-items">Par contenu</h2>');
    expect(page.text).toContain(`<a href="/talks/${TALK.id}">Le guichet &lt;numérique&gt;</a>`);
    expect(page.text).toContain('<td>0 / 0 / 0 / 1</td>');
    expect(page.text).toContain('<td>blog.example.org 1</td>');
    expect(page.text).toContain('<th scope="row">2025 Strasbourg</th>');
    expect(page.text).toContain('<th scope="row">Inclusion</th>');
    expect(page.text).toContain('<th scope="row">&lt;script&gt;blockchain</th>');
    // Handlebars writes "=" as &#x3D; in attributes, which browsers read back as "=".
    expect(page.text).toContain(`href="/admin/stats/export.csv?month&#x3D;${statsMonthOf(new Date())}"`);
    const english = await client.get('/en/admin/stats');
    expect(english.text).toContain('By item');
  });

  it('exports the month’s items as CSV, and refuses a month that is not one', async () => {
    const client = new AdminClient(site.url);
    await client.signIn('camille', PASSWORD);
    const month = statsMonthOf(new Date());
    const csv = await client.get(`/admin/stats/export.csv?month=${month}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(`statistiques-${month}.csv`);
    const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ id: TALK.id, plays: '1', reached_end: '1', embeds: '1', embeds_by_host: 'blog.example.org:1' })]);
    const empty = await client.get('/admin/stats?month=2020-01');
    expect(empty.text).toContain('Rien n’a été compté ce mois-ci.');
    expect((await client.get('/admin/stats?month=2026-13')).status).toBe(400);
  });
});
