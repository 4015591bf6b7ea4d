import { describe, expect, it } from 'vitest';
import { editionFromFolderName, parseEdition } from '../../src/services/programme/edition.js';
import { detectDelimiter } from '../../src/services/programme/parse-csv.js';
import { normaliseFieldName, toProgrammeField } from '../../src/services/programme/raw-row.js';
import { titleFromFileName } from '../../src/services/programme/scan-folder.js';
import { parseSpeakerObject, parseSpeakerText, splitOutsideParentheses } from '../../src/services/programme/speakers.js';
import { parseLanguage } from '../../src/domain/language.js';
import { parseId, parseIsoDate, parseKind, uniqueThemes } from '../../src/services/programme/values.js';

describe('parseEdition', () => {
  it.each([
    ['2025 Strasbourg', { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' }],
    ['Strasbourg 2025', { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' }],
    ['  2023   Bordeaux ', { label: '2023 Bordeaux', year: 2023, city: 'Bordeaux', slug: '2023-bordeaux' }],
    ['2024', { label: '2024', year: 2024, city: '', slug: '2024' }],
    ['2019 – Saint-Étienne', { label: '2019 Saint-Étienne', year: 2019, city: 'Saint-Étienne', slug: '2019-saint-etienne' }],
  ])('reads %j', (text, edition) => {
    expect(parseEdition(text)).toEqual({ ok: true, edition });
  });

  it.each([
    ['', 'edition is required, e.g. "2025 Strasbourg"'],
    ['Strasbourg', 'edition "Strasbourg" must start or end with a year, e.g. "2025 Strasbourg"'],
    ['2017 Paris', 'edition year 2017 is out of range (2018–2100)'],
    ['2101', 'edition year 2101 is out of range (2018–2100)'],
    ['2024 Lyon 2025', 'edition "2024 Lyon 2025" has more than one year'],
    ['25 Lyon', 'edition "25 Lyon" must start or end with a year, e.g. "2025 Strasbourg"'],
  ])('refuses %j', (text, message) => {
    expect(parseEdition(text)).toEqual({ ok: false, message });
  });

  it('reads folder names as editions', () => {
    expect(editionFromFolderName('2025-strasbourg')).toEqual({ label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' });
    expect(editionFromFolderName('NEC_2024_Bordeaux')).toEqual({ label: '2024 Bordeaux', year: 2024, city: 'Bordeaux', slug: '2024-bordeaux' });
    expect(editionFromFolderName('talks')).toBeNull();
    expect(editionFromFolderName('1999')).toBeNull();
  });
});

describe('speakers', () => {
  it.each([
    ['Jeanne Martin', { name: 'Jeanne Martin', slug: 'jeanne-martin' }],
    ['Jeanne Martin (La Mednum)', { name: 'Jeanne Martin', organisation: 'La Mednum', slug: 'jeanne-martin' }],
    ['Ali Ben (Ville de Strasbourg) — modérateur', { name: 'Ali Ben', organisation: 'Ville de Strasbourg', role: 'modérateur', slug: 'ali-ben' }],
    ['Ali Ben – animateur', { name: 'Ali Ben', role: 'animateur', slug: 'ali-ben' }],
    ['Jean-Pierre Œuvrard (ANCT - Agence (nationale)) - grand témoin', {
      name: 'Jean-Pierre Œuvrard', organisation: 'ANCT - Agence (nationale)', role: 'grand témoin', slug: 'jean-pierre-oeuvrard',
    }],
  ])('reads %j', (text, speaker) => {
    expect(parseSpeakerText(text)).toEqual({ ok: true, speaker });
  });

  it.each([
    ['Ali Ben (Ville', 'speaker "Ali Ben (Ville" is not written "Name (Organisation) — role"'],
    ['Ali Ben (Ville) adjoint', 'speaker "Ali Ben (Ville) adjoint" is not written "Name (Organisation) — role"'],
    ['(La Mednum)', 'speaker "(La Mednum)" has no name'],
    ['!!! — rôle', 'speaker name "!!!" has no letters or digits to make a page address from'],
  ])('refuses %j', (text, message) => {
    expect(parseSpeakerText(text)).toEqual({ ok: false, message });
  });

  it('reads the object form and splits lists outside parentheses', () => {
    expect(parseSpeakerObject({ name: 'Zoé Durand', org: 'Emmaüs Connect', role: 'intervenante' })).toEqual({
      ok: true,
      speaker: { name: 'Zoé Durand', organisation: 'Emmaüs Connect', role: 'intervenante', slug: 'zoe-durand' },
    });
    expect(parseSpeakerObject({ name: 3 })).toEqual({ ok: false, message: 'speaker {"name":3}: "name" must be text' });
    expect(splitOutsideParentheses('A (X; Y); B / C, D', [';', '/', ','])).toEqual(['A (X; Y)', 'B', 'C', 'D']);
  });
});

describe('field values', () => {
  it('canonicalises languages and refuses words', () => {
    const ok = (value: string) => ({ ok: true, value });
    expect(parseLanguage('fr')).toEqual(ok('fr'));
    expect(parseLanguage('FR_fr')).toEqual(ok('fr-FR'));
    expect(parseLanguage('fra')).toEqual(ok('fr'));
    expect(parseLanguage('ger')).toEqual(ok('de'));
    expect(parseLanguage('spa-MX')).toEqual(ok('es-MX'));
    expect(parseLanguage('zh-hant-tw')).toEqual(ok('zh-Hant-TW'));
    expect(parseLanguage('français').ok).toBe(false);
    expect(parseLanguage('x').ok).toBe(false);
    expect(parseLanguage('fr-').ok).toBe(false);
  });

  it('reads kinds in any case and their French names', () => {
    expect(['Talk', 'round table', 'Table Ronde', 'atelier', 'PODCAST'].map((k) => parseKind(k))).toEqual([
      { ok: true, value: 'talk' },
      { ok: true, value: 'round-table' },
      { ok: true, value: 'round-table' },
      { ok: true, value: 'workshop' },
      { ok: true, value: 'podcast' },
    ]);
  });

  it('accepts real ISO dates only', () => {
    expect(parseIsoDate('')).toEqual({ ok: true, value: null });
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseIsoDate('2025-02-29')).toEqual({ ok: false, message: 'date "2025-02-29" does not exist in the calendar' });
    expect(parseIsoDate('2025-13-01').ok).toBe(false);
    expect(parseIsoDate('2025-10-29T10:00').ok).toBe(false);
  });

  it('drops empty and repeated themes, keeping the first spelling', () => {
    expect(uniqueThemes(['Communs', ' communs ', '', 'Éthique  & émancipation', 'e\u0301thique & émancipation'])).toEqual([
      'Communs',
      'Éthique & émancipation',
    ]);
  });

  it('checks explicit ids', () => {
    expect(parseId('2025-strasbourg-ia').ok).toBe(true);
    expect(['a--b', '-a', 'A', 'a_b', 'é'].map((id) => parseId(id).ok)).toEqual([false, false, false, false, false]);
  });
});

describe('headers and names', () => {
  it('maps header spellings to fields', () => {
    expect(normaliseFieldName(' Audio description ')).toBe('audio_description');
    expect(toProgrammeField('audioDescription')).toBe('audio_description');
    expect(toProgrammeField('Sign-Language')).toBe('sign_language');
    expect(toProgrammeField('License')).toBe('licence');
    expect(toProgrammeField('salle')).toBeNull();
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('title;media;themes\nA,B;c;d')).toBe(';');
    expect(detectDelimiter('title,media\n;;;;;')).toBe(',');
    expect(detectDelimiter('"a;b;c",title,media')).toBe(',');
    expect(detectDelimiter('title\tmedia')).toBe('\t');
  });

  it('makes a title from a file name', () => {
    expect(titleFromFileName('mediation_numerique-et-ia')).toBe('Mediation numerique et ia');
    expect(titleFromFileName('éthique__et  IA')).toBe('Éthique et IA');
  });
});
