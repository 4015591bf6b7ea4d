import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/services/archive/manifests.js';
import { listSuggestions } from '../../src/services/corrections/correction-store.js';
import { readGlossary } from '../../src/services/glossary/glossary-store.js';
import { readOperatorLog } from '../../src/services/operators/operator-log.js';
import { signedInClient, type AdminClient } from '../support/admin-client.js';
import type { ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

const ID = '2025-strasbourg-guichet';
const TALK: ArchiveItem = {
  id: ID,
  kind: 'talk',
  title: 'Le guichet numérique',
  transcripts: [{ source: 'speech-to-text', cues: [[0, 6, 'Bienvenue au guichet de la Mednum.'], [6, 12, 'On y aide les gens chaque samedi.']] }],
  downloads: [{ format: 'mp4', contentType: 'video/mp4', bytes: 4096 }],
};
const PODCAST: ArchiveItem = {
  id: '2025-strasbourg-podcast',
  kind: 'podcast',
  title: 'Le podcast',
  transcripts: [{ source: 'speech-to-text', cues: [[0, 5, 'La Mednum et les Mednums, mednum.']] }],
};

let site: TestWeb;
let client: AdminClient;

beforeAll(async () => {
  site = await startTestWeb([TALK, PODCAST]);
  client = await signedInClient(site.url, site.store, 'camille');
});
afterAll(async () => {
  await site?.close();
});

const send = (body: unknown): Promise<{ status: number; text: string }> =>
  site.fetch(`/api/items/${ID}/corrections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the console’s corrections', () => {
  it('asks to sign in first', async () => {
    const answer = await site.fetch('/admin/corrections');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toMatch(/^\/admin\/session/);
  });

  it('lists a pending suggestion with a word diff and a player at its second', async () => {
    expect((await send({ start: 3, text: 'Bienvenue au guichet de La MedNum. On y aide les gens chaque samedi.', note: 'nom propre' })).status).toBe(202);
    const page = await client.get('/admin/corrections');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('<del><span class="visually-hidden">supprimé\u00a0: </span>la Mednum.</del>');
    expect(page.text).toContain('<ins><span class="visually-hidden">ajouté\u00a0: </span>La MedNum.</ins>');
    expect(page.text).toMatch(/<video controls preload="none" src="\/media\/items\/2025-strasbourg-guichet\/[^"]+\.mp4#t&#x3D;0,12"/);
    expect(page.text).toContain('Remarque\u00a0: nom propre');
    expect(page.text).toMatch(/name="_csrf" value="[^"]+"/);
    const english = await client.get('/en/admin/corrections');
    expect(english.text).toContain('<span class="visually-hidden">deleted: </span>');
  });

  it('refuses a decision without the form’s CSRF token', async () => {
    const [pending] = await listSuggestions(site.store, { state: 'pending' });
    const answer = await client.post(`/admin/corrections/${ID}/${pending!.id}/accept`, { _csrf: null, text: 'x' });
    expect(answer.status).toBe(403);
    expect((await listSuggestions(site.store, { state: 'pending' })).length).toBe(1);
  });

  it('accepts an edited suggestion: a new revision, the page and search follow, the log names the operator', async () => {
    const [pending] = await listSuggestions(site.store, { state: 'pending' });
    await client.get('/admin/corrections');
    const answer = await client.post(`/admin/corrections/${ID}/${pending!.id}/accept`, { text: 'Bienvenue au guichet de La MedNum. On y accompagne les gens chaque samedi.' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`/admin/corrections?done=accepted&item=${ID}`);
    const after = await client.get(answer.headers.get('location')!);
    expect(after.text).toContain('Correction acceptée\u00a0: la transcription de «\u00a0Le guichet numérique\u00a0» est mise à jour.');
    expect(after.text).toContain('Aucune proposition en attente.');
    const manifest = (await readManifest(site.store, ID))!;
    expect(manifest.accessibility.transcript).toBe('reviewed');
    expect(manifest.history).toEqual([expect.objectContaining({ by: 'camille', action: 'transcript.correction', cues: [0, 1], detail: `suggestion ${pending!.id} (edited)` })]);
    expect((await site.fetch(`/talks/${ID}`)).text).toContain('On y accompagne les gens chaque samedi.');
    const vtt = await site.fetch(`/api/items/${ID}/transcript.vtt`);
    expect(vtt.text).toMatch(/00:00:06\.000 --> 00:00:12\.000\nOn y accompagne les gens chaque samedi\./);
    const search = JSON.parse((await site.fetch('/api/search?q=accompagne')).text) as { items: { id: string; passages: { start: number }[] }[] };
    expect(search.items.find((i) => i.id === ID)?.passages[0]?.start).toBe(6);
    expect((await readOperatorLog(site.store, { limit: 1 }))[0]).toMatchObject({ operator: 'camille', action: 'correction.accept', target: `${ID}/${pending!.id}` });
  });

  it('rejects and marks as spam', async () => {
    for (const decision of ['reject', 'spam']) {
      const sent = JSON.parse((await send({ start: 1, text: `Proposition à ${decision}.` })).text) as { id: string };
      await client.get('/admin/corrections');
      const answer = await client.post(`/admin/corrections/${ID}/${sent.id}/${decision}`, {});
      expect(answer.status).toBe(303);
    }
    const states = (await listSuggestions(site.store, { item: ID })).map((s) => s.state).sort();
    expect(states).toEqual(['accepted', 'rejected', 'spam']);
    const again = await client.post(`/admin/corrections/${ID}/${(await listSuggestions(site.store, { state: 'spam' }))[0]!.id}/accept`, {});
    expect(again.headers.get('location')).toBe('/admin/corrections?done=decided');
  });

  it('keeps a glossary and applies it to archived automatic transcripts, whole words only', async () => {
    await client.get('/admin/corrections');
    expect((await client.post('/admin/corrections/glossary', { find: 'Mednum', replace: 'MedNum' })).status).toBe(303);
    expect(await readGlossary(site.store)).toEqual([expect.objectContaining({ find: 'Mednum', replace: 'MedNum', by: 'camille' })]);
    const page = await client.get('/admin/corrections');
    expect(page.text).toContain('<code>Mednum</code>');
    const applied = await client.post('/admin/corrections/glossary/apply', {});
    // The talk's transcript is reviewed now: only the podcast's automatic one changes.
    expect(applied.headers.get('location')).toBe('/admin/corrections?done=applied&count=1');
    const podcast = (await readManifest(site.store, PODCAST.id))!;
    const file = JSON.parse((await site.store.getBuffer(podcast.text.transcripts[0]!.json))!.toString('utf8')) as { cues: { text: string }[] };
    expect(file.cues[0]!.text).toBe('La MedNum et les Mednums, mednum.');
    expect(podcast.history).toEqual([expect.objectContaining({ by: 'camille', action: 'transcript.glossary', cues: [0] })]);
    expect(podcast.accessibility.transcript).toBe('automatic');
    expect((await readOperatorLog(site.store, { limit: 1 }))[0]).toMatchObject({ operator: 'camille', action: 'glossary.apply' });
    await client.get('/admin/corrections');
    await client.post('/admin/corrections/glossary/remove', { find: 'Mednum' });
    expect(await readGlossary(site.store)).toEqual([]);
  });
});
