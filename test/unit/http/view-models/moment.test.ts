import { describe, expect, it } from 'vitest';
import { citeModel, clipModel, clockOf, momentFormTarget, momentLabel, momentLinkParam, momentModel } from '../../../../src/http/view-models/moment.js';
import { documentManifest, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';
const talk = talkManifest({ id: 'talk-1' });
const noForm = { transcript: null, audioDescribed: false, momentForm: null };

describe('moment on a page', () => {
  it('writes times as fields and links show them', () => {
    expect(clockOf(754)).toBe('12:34');
    expect(clockOf(754.5)).toBe('12:34.5');
    expect(clockOf(3725.125)).toBe('1:02:05.125');
    expect(clockOf(0)).toBe('0:00');
    expect(momentLinkParam({ start: 754.9, end: null })).toBe('754');
    expect(momentLinkParam({ start: 754.5, end: 790.25 })).toBe('754.5,790.25');
    expect(momentLabel({ start: 754, end: 790 })).toBe('12:34–13:10');
    expect(momentLabel({ start: 754.9, end: null })).toBe('12:34');
  });

  it('says which part is shown and links to the whole recording', () => {
    expect(momentModel({ start: 754, end: 790 }, 'fr', '/talks/talk-1')).toEqual({
      start: 754, end: 790, excerpt: 'Extrait de 12:34 à 13:10', whole: { href: '/talks/talk-1', text: 'voir l’enregistrement entier' },
    });
    expect(momentModel({ start: 754, end: 790 }, 'en', '/en/talks/talk-1').excerpt).toBe('Excerpt from 12:34 to 13:10');
    expect(momentModel({ start: 754, end: null }, 'fr', '/talks/talk-1').excerpt).toBeNull();
  });

  it('cites the moment: address, label, and the form filled in', () => {
    const cite = citeModel({ manifest: talk, locale: 'en', origin: ORIGIN, section: 'talk', moment: { start: 754, end: 790 }, query: { transcript: 'fr', audioDescribed: true, momentForm: null } });
    expect(cite).toMatchObject({ url: `${ORIGIN}/en/talks/talk-1?t=754,790`, time: '12:34–13:10' });
    expect(cite.form).toMatchObject({ action: '/en/talks/talk-1#citer', start: '12:34', end: '13:10', problem: null, follows: false });
    expect(cite.form.kept).toEqual([{ name: 'transcript', value: 'fr' }, { name: 'ad', value: '1' }]);
    expect(cite.form.messages.order).toBe('The end ({end}) must come after the start ({start}).');
    // Without a moment: the beginning, and the address follows playback until someone chooses.
    const none = citeModel({ manifest: talk, locale: 'fr', origin: ORIGIN, section: 'talk', moment: null, query: noForm });
    expect(none).toMatchObject({ url: `${ORIGIN}/talks/talk-1?t=0`, time: '0:00', form: { start: '', end: '', follows: true } });
  });

  it('keeps what was typed in a refused form and says what is wrong, on the field to fix', () => {
    const refused = (from: string, to: string, problem: 'start' | 'end' | 'late' | 'order') =>
      citeModel({ manifest: talk, locale: 'fr', origin: ORIGIN, section: 'talk', moment: null, query: { ...noForm, momentForm: { ok: false, from, to, problem } } }).form;
    expect(refused('12:99', '13:10', 'start')).toMatchObject({ start: '12:99', end: '13:10', follows: false, problem: { field: 'start', text: 'Le début «\u00a012:99\u00a0» n’est pas un temps\u00a0: écrivez des secondes, mm:ss ou hh:mm:ss.' } });
    expect(refused('1:00', 'fin', 'end').problem).toEqual({ field: 'end', text: 'La fin «\u00a0fin\u00a0» n’est pas un temps\u00a0: écrivez des secondes, mm:ss ou hh:mm:ss.' });
    expect(refused('2:00', '1:00', 'order').problem).toEqual({ field: 'end', text: 'La fin (1:00) doit venir après le début (2:00).' });
    expect(refused('', '0', 'order').problem?.text).toBe('La fin (0) doit venir après le début (0).');
    expect(refused('20:00', '', 'late').problem).toEqual({ field: 'start', text: 'Le début (20:00) est après la fin de l’enregistrement (12:34).' });
  });

  it('offers the clip only for a moment with an end of at most 10 minutes', () => {
    const ready = clipModel(talk, 'fr', { start: 754, end: 790 });
    expect(ready).toMatchObject({ ready: true, limitSeconds: 600, needsEnd: { shown: false }, tooLong: { shown: false } });
    expect(ready?.links).toEqual([
      { href: '/api/items/talk-1/clip.mp4?t=754,790', momentHref: '/api/items/talk-1/clip.mp4', text: 'Extrait vidéo (MP4)' },
      { href: '/api/items/talk-1/clip.vtt?t=754,790&lang=fr', momentHref: '/api/items/talk-1/clip.vtt?lang=fr', text: 'Sous-titres de l’extrait en français (WebVTT)' },
    ]);
    expect(ready?.keyframes).toMatch(/^La vidéo est découpée aux images clés, une toutes les 2 secondes/);
    expect(clipModel(talk, 'fr', { start: 0, end: 600 })?.ready).toBe(true);
    const long = clipModel(talk, 'fr', { start: 0, end: 600.5 });
    expect(long).toMatchObject({ ready: false, needsEnd: { shown: false }, tooLong: { shown: true } });
    expect(long?.links[0]?.href).toBe('/api/items/talk-1/clip.mp4');
    expect(clipModel(talk, 'en', { start: 5, end: null })).toMatchObject({ ready: false, needsEnd: { shown: true, text: 'To download this excerpt, also choose its end above: an excerpt lasts 10 minutes at most.' }, tooLong: { shown: false } });
    expect(clipModel(talk, 'fr', null)).toMatchObject({ ready: false, needsEnd: { shown: true } });
  });

  it('cuts a podcast as M4A, and nothing without the file to cut from', () => {
    const podcast = clipModel(podcastManifest({ id: 'pod' }), 'en', { start: 60, end: 120 });
    expect(podcast?.links).toEqual([{ href: '/api/items/pod/clip.m4a?t=60,120', momentHref: '/api/items/pod/clip.m4a', text: 'Audio excerpt (M4A)' }]);
    expect(podcast?.keyframes).toBeNull();
    expect(clipModel(documentManifest({ id: 'doc' }), 'fr', { start: 1, end: 2 })).toBeNull();
    expect(clipModel({ ...talk, downloads: talk.downloads.filter((d) => d.format !== 'mp4') }, 'fr', { start: 1, end: 2 })).toBeNull();
  });

  it('sends the form to the page at the moment, other parameters kept', () => {
    const sent = (momentForm: Parameters<typeof momentFormTarget>[3]['momentForm'], section: 'talk' | 'podcast' | 'document' = 'talk') =>
      momentFormTarget(section, 'fr', 'talk-1', { transcript: 'en', audioDescribed: true, momentForm });
    expect(sent({ ok: true, moment: { start: 754, end: 790 } })).toBe('/talks/talk-1?transcript=en&ad=1&t=754,790#citer');
    expect(sent({ ok: true, moment: { start: 754.5, end: null } })).toBe('/talks/talk-1?transcript=en&ad=1&t=754#citer');
    expect(sent({ ok: true, moment: null })).toBe('/talks/talk-1?transcript=en&ad=1#citer');
    expect(sent({ ok: false, from: 'x', to: '', problem: 'start' })).toBeNull();
    expect(sent(null)).toBeNull();
    expect(sent({ ok: true, moment: { start: 1, end: 2 } }, 'document')).toBeNull();
  });
});
