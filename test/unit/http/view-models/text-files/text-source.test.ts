import { describe, expect, it } from 'vitest';
import { labelLocale, textSourceOf } from '../../../../../src/http/view-models/text-files/text-source.js';
import { ORIGIN, sampleTalk } from '../../../../support/text-file-fixtures.js';

const transcript = (language: string, source: 'captions-reviewed' | 'speech-to-text' = 'captions-reviewed') => ({ kind: 'transcript' as const, language, source });

describe('textSourceOf', () => {
  it('says where a French transcript comes from, in French, field by field', () => {
    const source = textSourceOf(sampleTalk(), transcript('fr'), ORIGIN);
    expect(source.locale).toBe('fr');
    expect(source.fields.map((f) => [f.name, f.label, f.value])).toEqual([
      ['title', 'Titre', 'IA *et* médiation <b>[1]</b> #communs'],
      ['speakers', 'Intervenants', 'Jeanne Martin (La Mednum) et Ali Ben'],
      ['edition', 'Édition', '2025 Strasbourg'],
      ['date', 'Date', '29 octobre 2025'],
      ['url', 'Adresse permanente', 'https://archives.example.org/talks/2025-strasbourg-ia-mediation'],
      ['licence', 'Licence', 'Creative Commons Attribution – Partage dans les mêmes conditions 4.0 International (https://creativecommons.org/licenses/by-sa/4.0/deed.fr)'],
      ['attribution', 'Crédit à reprendre', expect.stringContaining('Numérique en Commun[s] 2025 Strasbourg, https://archives.example.org/talks/2025-strasbourg-ia-mediation, licence CC BY-SA 4.0')],
      ['text', 'Texte', 'Transcription relue (français)'],
    ]);
    expect(source).toMatchObject({ reviewed: true, heading: 'Transcription', licence: { id: 'CC-BY-SA-4.0' }, edition: { slug: '2025-strasbourg' } });
  });

  it('labels an English transcript in English and points to the English page', () => {
    const source = textSourceOf(sampleTalk(), transcript('en-GB', 'speech-to-text'), ORIGIN);
    expect(source.locale).toBe('en');
    expect(source.url).toBe('https://archives.example.org/en/talks/2025-strasbourg-ia-mediation');
    expect(source.fields.find((f) => f.name === 'text')).toEqual({ name: 'text', label: 'Text', value: 'Automatic transcript, not reviewed (British English)' });
    expect(source.reviewed).toBe(false);
  });

  it('labels a text in a language the site does not speak in French; an explicit locale wins', () => {
    expect(labelLocale('br')).toBe('fr');
    expect(labelLocale('fr-CA')).toBe('fr');
    expect(textSourceOf(sampleTalk(), transcript('br'), ORIGIN).fields[0]?.label).toBe('Titre');
    expect(textSourceOf(sampleTalk(), transcript('fr'), ORIGIN, 'en').fields[0]?.label).toBe('Title');
  });

  it('leaves out what an item does not have (speakers, date) rather than writing empty lines', () => {
    const source = textSourceOf(sampleTalk({ speakers: [], date: null }), transcript('fr'), ORIGIN);
    expect(source.fields.map((f) => f.name)).toEqual(['title', 'edition', 'url', 'licence', 'attribution', 'text']);
  });

  it('says slide text is read automatically, and a PDF with OCR pages is not entirely reviewed', () => {
    expect(textSourceOf(sampleTalk(), { kind: 'slides', language: 'fr', source: 'slide-ocr' }, ORIGIN)).toMatchObject({
      reviewed: false, heading: 'Texte des diapositives', note: 'Texte des diapositives lu automatiquement (OCR), non relu (français)',
    });
    expect(textSourceOf(sampleTalk(), { kind: 'pages', language: 'fr', source: 'pdf', ocrPages: 0 }, ORIGIN)).toMatchObject({ reviewed: true, note: 'Texte du document PDF (français)' });
    expect(textSourceOf(sampleTalk(), { kind: 'pages', language: 'fr', source: 'pdf', ocrPages: 2 }, ORIGIN)).toMatchObject({
      reviewed: false, note: 'Texte du document PDF (français), dont 2 pages lues automatiquement (OCR), non relues',
    });
  });

  it('credits a CC0 item without asking for attribution, in the header too', () => {
    const source = textSourceOf(sampleTalk({ licence: 'CC0-1.0' }), transcript('fr'), ORIGIN);
    expect(source.attribution).toMatch(/domaine public|CC0/);
    expect(source.licence.id).toBe('CC0-1.0');
  });
});
