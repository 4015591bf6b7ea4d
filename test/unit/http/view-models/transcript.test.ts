import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../../src/domain/text.js';
import { chooseTranscript, paragraphsOf, slidesModel, transcriptModel } from '../../../../src/http/view-models/transcript.js';
import { bareManifest } from '../../../support/web-item-manifests.js';

const cue = (start: number, end: number, text: string, speaker: string | null = null): Cue => ({ start, end, text, speaker });

describe('transcript paragraphs', () => {
  it('is marked from the whole second its words start in: a ?t= link to them (rounded down) marks it', () => {
    const file = { version: 1 as const, language: 'fr', source: 'captions-reviewed' as const, cues: [cue(0.3, 2.2, 'Bienvenue.', 'Nadia'), cue(2.7, 4, 'Merci.', 'Paul')] };
    const model = transcriptModel(file, bareManifest({ id: 'x', kind: 'talk' }), 'fr', () => '');
    // A search hit on "Merci" links to ?t=2: the player at 2 s marks Paul's paragraph, not Nadia's.
    expect(model.paragraphs.map((p) => [p.start, p.markFrom])).toEqual([[0.3, 0], [2.7, 2]]);
  });

  it('starts a paragraph when the speaker changes, and shows the name only on a change', () => {
    const manifest = bareManifest({ id: 'x', kind: 'round-table' });
    const file = {
      version: 1 as const,
      language: 'fr',
      source: 'captions-reviewed' as const,
      cues: [cue(0.8, 2.2, 'Bienvenue.', 'Nadia'), cue(2.6, 5.4, 'Nous allons\nparler.', 'Nadia'), cue(6, 8, 'Merci.', 'Paul'), cue(8, 9, 'Oui.', null)],
    };
    const model = transcriptModel(file, manifest, 'fr', (q, f) => `/talks/x?${Object.entries(q).map(([k, v]) => `${k}=${v}`).join('&')}#${f}`);
    expect(model.paragraphs.map((p) => [p.start, p.speaker, p.text])).toEqual([
      [0.8, 'Nadia', 'Bienvenue. Nous allons parler.'],
      [6, 'Paul', 'Merci. Oui.'],
    ]);
    expect(model.paragraphs[0]).toMatchObject({ time: '0:00', href: '/talks/x?t=0#player', label: 'Lire à partir de 0:00' });
    expect(model.paragraphs[1]).toMatchObject({ time: '0:06', href: '/talks/x?t=6#player' });
    expect(model.reviewed).toBe(true);
    expect(model.sourceNote).toBe('Transcription relue (français)');
    expect(model.lang).toBeNull();
    expect(model.choices).toEqual([]);
  });

  it('cuts one speaker into paragraphs of about half a minute, at the end of a sentence', () => {
    const cues = Array.from({ length: 20 }, (_, i) => cue(i * 5, i * 5 + 5, i % 3 === 2 ? 'Fin de phrase.' : 'et ensuite', 'A'));
    const paragraphs = paragraphsOf(cues);
    expect(paragraphs.length).toBeGreaterThan(2);
    for (const p of paragraphs) expect(p.end - p.start).toBeLessThanOrEqual(40);
    // Each paragraph after the first starts right after a sentence ended.
    for (let i = 1; i < paragraphs.length; i++) expect(paragraphs[i - 1]?.texts.at(-1)).toBe('Fin de phrase.');
  });

  it('never lets a paragraph without sentence ends grow past 40 s', () => {
    const paragraphs = paragraphsOf(Array.from({ length: 30 }, (_, i) => cue(i * 4, i * 4 + 4, 'sans point', null)));
    for (const p of paragraphs) expect(p.end - p.start).toBeLessThanOrEqual(40);
    expect(paragraphs.flatMap((p) => p.texts)).toHaveLength(30);
  });

  it('skips empty cues', () => {
    expect(paragraphsOf([cue(0, 1, ' \n '), cue(1, 2, 'Bonjour')])).toEqual([{ start: 1, end: 2, speaker: null, texts: ['Bonjour'] }]);
  });

  it('chooses the asked language, else the page language, else the item language, else the first', () => {
    const manifest = bareManifest({ id: 'x', kind: 'talk', language: 'fr' });
    const ref = (language: string) => ({ language, source: 'captions-reviewed' as const, json: `${language}.json`, vtt: `${language}.vtt`, txt: `${language}.txt`, cues: 1, words: 1 });
    manifest.text.transcripts = [ref('de'), ref('fr'), ref('en')];
    expect(chooseTranscript(manifest, 'fr', null)?.language).toBe('fr');
    expect(chooseTranscript(manifest, 'en', null)?.language).toBe('en');
    expect(chooseTranscript(manifest, 'fr', 'de')?.language).toBe('de');
    manifest.text.transcripts = [ref('de'), ref('fr')];
    expect(chooseTranscript(manifest, 'en', null)?.language).toBe('fr');
    manifest.text.transcripts = [ref('de')];
    expect(chooseTranscript(manifest, 'en', null)?.language).toBe('de');
    manifest.text.transcripts = [];
    expect(chooseTranscript(manifest, 'fr', null)).toBeNull();
  });

  it('offers the other languages and marks a foreign transcript with its lang', () => {
    const manifest = bareManifest({ id: 'x', kind: 'talk' });
    const ref = (language: string) => ({ language, source: 'speech-to-text' as const, json: '', vtt: '', txt: '', cues: 1, words: 1 });
    manifest.text.transcripts = [ref('fr'), ref('en')];
    const model = transcriptModel({ version: 1, language: 'fr', source: 'speech-to-text', cues: [cue(0, 1, 'Bonjour')] }, manifest, 'en', (q) => `?${Object.entries(q).map(([k, v]) => `${k}=${v}`).join('&')}`);
    expect(model.lang).toBe('fr');
    expect(model.sourceNote).toBe('Automatic transcript, not reviewed (French)');
    expect(model.choices).toEqual([
      { language: 'fr', name: 'French', href: '?transcript=fr', current: true },
      { language: 'en', name: 'English', href: '?transcript=en', current: false },
    ]);
  });

  it('gives each slide its time and lines', () => {
    const slides = slidesModel({ version: 1, language: 'fr', slides: [{ start: 19.6, end: 44, text: 'Titre\n  Une  ligne \n', confidence: 90 }, { start: 44, end: 50, text: ' ', confidence: null }] }, 'fr', (q) => `?t=${q.t}`);
    expect(slides).toEqual([{ start: 19.6, time: '0:19', href: '?t=19', label: 'Lire à partir de 0:19', lines: ['Titre', 'Une ligne'] }]);
  });
});
