import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/services/archive/manifests.js';
import { acceptSuggestion, dismissSuggestion } from '../../src/services/corrections/decide-correction.js';
import { listSuggestions, readSuggestion } from '../../src/services/corrections/correction-store.js';
import { readOperatorLog } from '../../src/services/operators/operator-log.js';
import { readOrCreateSessionKey } from '../../src/services/operators/session-key.js';
import { formStamp } from '../../src/http/correction-stamp.js';
import type { ArchiveItem } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

const ID = '2025-strasbourg-mediation-numerique';
const TALK: ArchiveItem = {
  id: ID,
  kind: 'talk',
  title: 'La médiation numérique en commun',
  transcripts: [{
    source: 'speech-to-text',
    cues: [
      [0, 5, 'Bonjour à toutes et à tous.', 'Jeanne Martin'],
      [5, 10, 'Je travaille à la mede num depuis dix ans.', 'Jeanne Martin'],
      [10, 15, 'Nous parlons des communs.', 'Jeanne Martin'],
      [40, 46, 'Merci Jeanne, la parole est à la salle.', 'Ali Ben'],
    ],
  }],
};
const OTHER: ArchiveItem = { id: '2025-strasbourg-autre', kind: 'podcast', title: 'Un autre épisode', transcripts: [{ cues: [[0, 4, 'Rien à corriger ici.']] }] };

let site: TestWeb;
let key: Buffer;
/** A stamp as the form gives it, shown `secondsAgo` ago: a person's time to read the passage. */
const stampFor = (id: string, secondsAgo = 10): string => formStamp(key, id, Date.now() - secondsAgo * 1000);
const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
});
/** An attribute as written by Handlebars (`=` as `&#x3D;`, `&` as `&amp;`), read back. */
const unescaped = (html: string): string => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  site = await startTestWeb([TALK, OTHER]);
  key = await readOrCreateSessionKey(site.store);
});
afterAll(async () => {
  await site?.close();
});

describe('suggesting a correction', () => {
  it('links every transcript paragraph to its form, on the page and in the embed', async () => {
    const page = unescaped((await site.fetch(`/talks/${ID}`)).text);
    expect(page).toContain(`href="/corrections/${ID}?t=0&lang=fr"`);
    expect(page).toContain(`href="/corrections/${ID}?t=40&lang=fr"`);
    expect(page).toContain('aria-label="Proposer une correction du passage à 0:40">Proposer une correction</a>');
    const embed = unescaped((await site.fetch(`/embed/${ID}`)).text);
    expect(embed).toContain(`href="/corrections/${ID}?t=0&lang=fr" target="_blank" rel="noopener" aria-label="Proposer une correction du passage à 0:00 (nouvelle fenêtre)"`);
    const english = unescaped((await site.fetch(`/en/talks/${ID}`)).text);
    expect(english).toContain(`href="/en/corrections/${ID}?t=0&lang=fr"`);
    expect(english).toContain('Suggest a correction');
  });

  it('shows the passage with its time in a form that needs no script, never kept', async () => {
    const page = await site.fetch(`/corrections/${ID}?t=0&lang=fr`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(page.text).toContain('Le passage à 0:00');
    expect(page.text).toContain('Je travaille à la mede num depuis dix ans.');
    expect(page.text).toContain(`action="/api/items/${ID}/corrections" method="post"`);
    expect(page.text).toMatch(/name="stamp" value="\d+\.[\w-]{27}"/);
    expect(page.text).toContain('name="website"');
    const english = await site.fetch(`/en/corrections/${ID}?t=41&lang=fr`);
    expect(english.text).toContain('The passage at 0:40');
    expect(english.text).toContain('lang="fr"');
    expect((await site.fetch('/corrections/nothing-here?t=0')).status).toBe(404);
    expect((await site.fetch(`/corrections/${ID}?t=abc`)).status).toBe(400);
  });

  it('takes the form: 303 to the thank-you page, kept pending with the text it corrects', async () => {
    const answer = await site.fetch(`/api/items/${ID}/corrections`, form({
      start: '0', language: 'fr', locale: 'fr', stamp: stampFor(ID), website: '',
      text: 'Bonjour à toutes et à tous. Je travaille à la MedNum depuis dix ans. Nous parlons des communs.', speaker: '', note: 'MedNum s’écrit ainsi.',
    }));
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`/corrections/${ID}/merci?t=0`);
    expect(answer.headers.get('set-cookie')).toBeNull();
    const thanks = await site.fetch(answer.headers.get('location')!);
    expect(thanks.text).toContain('Merci, une personne va la relire.');
    const [kept] = await listSuggestions(site.store, { item: ID });
    expect(kept).toMatchObject({
      state: 'pending', language: 'fr', start: 0, end: 15, cues: [0, 1, 2], note: 'MedNum s’écrit ainsi.', speaker: null,
      current: 'Bonjour à toutes et à tous. Je travaille à la mede num depuis dix ans. Nous parlons des communs.',
    });
    expect(kept!.transcript).toMatch(/^items\/2025-strasbourg-mediation-numerique\/[^/]+\/text\/transcript-fr\.json$/);
  });

  it('takes JSON: 202 with the id; start picks the passage containing that second', async () => {
    const answer = await site.fetch(`/api/items/${ID}/corrections`, json({ start: 42.5, text: 'Merci Jeanne, la parole est à la salle.', speaker: 'Ali Benali' }));
    expect(answer.status).toBe(202);
    const body = JSON.parse(answer.text) as { id: string };
    expect(await readSuggestion(site.store, ID, body.id)).toMatchObject({ start: 40, cues: [3], speaker: 'Ali Benali', currentSpeaker: 'Ali Ben' });
  });

  it('answers 400 problem+json naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ start: 3, text: '   ' }, 'text:'],
      [{ start: 3, text: 'x'.repeat(4001) }, 'text:'],
      [{ start: 3, text: 'Bonjour à toutes et à tous. Je travaille à la mede num depuis dix ans. Nous parlons des communs.' }, 'text:'],
      [{ start: 9999, text: 'Bonjour' }, 'start:'],
      [{ start: -1, text: 'Bonjour' }, 'start'],
      [{ start: 3, text: 'Bonjour', note: 'n'.repeat(1001) }, 'note:'],
      [{ start: 3, text: 'Bonjour', speaker: 's'.repeat(121) }, 'speaker:'],
      [{ start: 3, text: 'Bonjour', language: 'de' }, 'language:'],
      [{ start: 3, text: 'Bonjour', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const answer = await site.fetch(`/api/items/${ID}/corrections`, json(body));
      expect(answer.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect((JSON.parse(answer.text) as { detail: string }).detail).toContain(field);
    }
    expect((await site.fetch('/api/items/nothing-here/corrections', json({ start: 1, text: 'a' }))).status).toBe(404);
  });

  it('refuses a body over the size limit', async () => {
    const answer = await site.fetch(`/api/items/${ID}/corrections`, json({ start: 3, text: 'x'.repeat(20_000) }));
    expect(answer.status).toBe(413);
  });

  it('keeps nothing from a filled honeypot, and sends a form back too soon or forged with the text kept', async () => {
    const before = (await listSuggestions(site.store, { item: OTHER.id })).length;
    const trapped = await site.fetch(`/api/items/${OTHER.id}/corrections`, form({ start: '0', stamp: stampFor(OTHER.id), website: 'http://spam.example', text: 'Achetez !' }));
    expect(trapped.status).toBe(303);
    const tooSoon = await site.fetch(`/api/items/${OTHER.id}/corrections`, form({ start: '0', locale: 'en', stamp: stampFor(OTHER.id, 0), text: 'Rien à corriger là.' }));
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.text).toContain('The form was sent too quickly or is too old.');
    expect(tooSoon.text).toContain('Rien à corriger là.</textarea>');
    const otherItems = await site.fetch(`/api/items/${OTHER.id}/corrections`, form({ start: '0', stamp: stampFor(ID), text: 'Rien à corriger là.' }));
    expect(otherItems.status).toBe(400);
    const forged = await site.fetch(`/api/items/${OTHER.id}/corrections`, form({ start: '0', stamp: `${Date.now() - 60_000}.${'a'.repeat(27)}`, text: 'Rien à corriger là.' }));
    expect(forged.status).toBe(400);
    const empty = await site.fetch(`/api/items/${OTHER.id}/corrections`, form({ start: '0', stamp: stampFor(OTHER.id), text: ' ' }));
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('aria-invalid="true"');
    expect(await listSuggestions(site.store, { item: OTHER.id })).toHaveLength(before);
  });
});

describe('deciding on a suggestion', () => {
  it('accepting makes a new revision of the transcript: times kept, words changed, old files gone, search and VTT follow', async () => {
    const before = (await readManifest(site.store, ID))!;
    const [suggestion] = await listSuggestions(site.store, { item: ID, state: 'pending' });
    const { manifest } = await acceptSuggestion({ store: site.store, reindex: (id) => site.web.deps.indexer!.indexItem(id) }, 'camille', ID, suggestion!.id);
    const transcript = manifest.text.transcripts[0]!;
    expect(transcript.json).not.toBe(before.text.transcripts[0]!.json);
    expect(transcript.json).toMatch(/\/revised\/[0-9a-z]+\/text\/transcript-fr\.json$/);
    for (const old of [before.text.transcripts[0]!.json, before.text.transcripts[0]!.vtt, before.text.transcripts[0]!.txt]) {
      expect(await site.store.stat(old)).toBeNull();
      expect(manifest.files.some((f) => f.key === old)).toBe(false);
    }
    expect(manifest.history).toEqual([expect.objectContaining({ by: 'camille', action: 'transcript.correction', language: 'fr', cues: [0, 1, 2] })]);
    // Three cues of four are covered: still automatic.
    expect(manifest.accessibility.transcript).toBe('automatic');
    const vtt = (await site.store.getBuffer(transcript.vtt))!.toString('utf8');
    expect(vtt).toContain('00:00:05.000 --> 00:00:10.000');
    expect(vtt).toMatch(/00:00:05\.000 --> 00:00:10\.000\n(<v [^>]+>)?Je travaille à la MedNum depuis dix ans\./);
    await site.web.deps.catalogue.reload();
    const api = await site.fetch(`/api/items/${ID}/transcript.vtt`);
    expect(api.text).toContain('la MedNum depuis');
    const page = await site.fetch(`/talks/${ID}`);
    expect(page.text).toContain('Je travaille à la MedNum depuis dix ans.');
    const search = JSON.parse((await site.fetch('/api/search?q=MedNum')).text) as { items: { id: string; passages: { start: number }[] }[] };
    const found = search.items.find((i) => i.id === ID);
    expect(found?.passages[0]?.start).toBe(5);
    const log = await readOperatorLog(site.store, { limit: 5 });
    expect(log[0]).toMatchObject({ operator: 'camille', action: 'correction.accept', target: `${ID}/${suggestion!.id}` });
    expect(await readSuggestion(site.store, ID, suggestion!.id)).toMatchObject({ state: 'accepted', decision: { by: 'camille' } });
  });

  it('marks the transcript reviewed by people once accepted corrections cover every cue, with the speaker given', async () => {
    const [suggestion] = await listSuggestions(site.store, { item: ID, state: 'pending' });
    const { manifest } = await acceptSuggestion({ store: site.store }, 'dominique', ID, suggestion!.id, 'Merci Jeanne : la parole est à la salle.');
    expect(manifest.accessibility).toMatchObject({ transcript: 'reviewed', reviewedTranscript: true });
    expect(manifest.text.transcripts[0]!.source).toBe('captions-reviewed');
    const file = JSON.parse((await site.store.getBuffer(manifest.text.transcripts[0]!.json))!.toString('utf8')) as { cues: { start: number; text: string; speaker: string }[] };
    expect(file.cues[3]).toEqual({ start: 40, end: 46, text: 'Merci Jeanne : la parole est à la salle.', speaker: 'Ali Benali' });
    expect(manifest.history?.map((h) => h.by)).toEqual(['camille', 'dominique']);
  });

  it('rejecting or marking as spam changes only the suggestion', async () => {
    const sent = JSON.parse((await site.fetch(`/api/items/${OTHER.id}/corrections`, json({ start: 1, text: 'Tout à corriger ici.' }))).text) as { id: string };
    const before = await site.store.getBuffer(`items/${OTHER.id}/manifest.json`);
    expect(await dismissSuggestion({ store: site.store }, 'camille', OTHER.id, sent.id, 'spam')).toMatchObject({ state: 'spam' });
    expect((await site.store.getBuffer(`items/${OTHER.id}/manifest.json`))!.equals(before!)).toBe(true);
    await expect(acceptSuggestion({ store: site.store }, 'camille', OTHER.id, sent.id)).rejects.toThrow(/already spam/);
    expect((await readOperatorLog(site.store, { limit: 1 }))[0]).toMatchObject({ action: 'correction.spam', operator: 'camille' });
  });
});

describe('rate limit per address', () => {
  it('answers 429 with Retry-After once an address has sent ten in the hour', async () => {
    const sent = (await listSuggestions(site.store)).length;
    let status = 0;
    let tries = 0;
    while (status !== 429 && tries < 12) {
      status = (await site.fetch(`/api/items/${OTHER.id}/corrections`, json({ start: 1, text: `Version ${tries}` }))).status;
      tries++;
    }
    expect(status).toBe(429);
    // This address had sent three already (two JSON, one form) before this loop.
    expect(tries).toBe(10 - 3 + 1);
    const refused = await site.fetch(`/api/items/${OTHER.id}/corrections`, form({ start: '0', stamp: stampFor(OTHER.id), text: 'Encore une.' }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await listSuggestions(site.store)).length).toBe(sent + 7);
  });
});
