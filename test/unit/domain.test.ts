import { describe, expect, it } from 'vitest';
import { LICENCES, parseLicence } from '../../src/domain/licence.js';
import { sanitiseFileName, slugify } from '../../src/domain/slug.js';
import { contentTypeOf } from '../../src/domain/content-type.js';
import { describeError } from '../../src/domain/errors.js';
import { manifestSchema, parseManifest } from '../../src/domain/manifest.js';

describe('slugify', () => {
  it.each([
    ['Médiation numérique & IA !', 'mediation-numerique-ia'],
    ['  Cœur des communs — 2025 ', 'coeur-des-communs-2025'],
    ['Table ronde : « Données publiques »', 'table-ronde-donnees-publiques'],
    ['日本語', ''],
  ])('%s → %s', (input, expected) => expect(slugify(input)).toBe(expected));

  it('cuts long titles on a word boundary', () => {
    expect(slugify('Le magazine de Numérique en Commun[s] 2025 : cinq idées pour un numérique d’intérêt général')).toBe(
      'le-magazine-de-numerique-en-commun-s-2025-cinq-idees-pour-un',
    );
    expect(slugify('a '.repeat(100), 9)).toBe('a-a-a-a-a');
    expect(slugify('anticonstitutionnellement', 10)).toBe('anticonsti');
  });
});

describe('sanitiseFileName', () => {
  it('keeps a safe stem and a lower-case extension', () => {
    expect(sanitiseFileName('../../etc/Présentation Finale.MP4')).toBe('presentation-finale.mp4');
    expect(sanitiseFileName('..')).toBe('file');
    expect(sanitiseFileName('enregistrement')).toBe('enregistrement');
  });
});

describe('licences', () => {
  it.each([
    ['CC-BY-SA-4.0', 'CC-BY-SA-4.0'], ['cc by-sa 4.0', 'CC-BY-SA-4.0'], ['CC0-1.0', 'CC0-1.0'],
    ['etalab', 'Etalab-2.0'], ['Licence Ouverte', 'Etalab-2.0'], ['CC-BY-ND-4.0', null], ['', null],
  ])('%s → %s', (input, expected) => expect(parseLicence(input)).toBe(expected));

  it('says which licences need attribution', () => {
    expect(LICENCES['CC0-1.0'].attribution).toBe(false);
    expect(LICENCES['CC-BY-NC-SA-4.0']).toMatchObject({ commercialUse: false, shareAlike: true });
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['hls/master.m3u8', 'application/vnd.apple.mpegurl'], ['a/b/seg_001.ts', 'video/mp2t'], ['x.VTT', 'text/vtt; charset=utf-8'],
    ['poster-320.avif', 'image/avif'], ['blob', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(contentTypeOf(file)).toBe(type));
});

describe('parseManifest', () => {
  it('names the schema version of a manifest written by another version', () => {
    expect(() => parseManifest('{"schemaVersion": 1, "id": "x"}')).toThrow(
      'manifest schema version 1, this version reads 2: ingest the edition again to upgrade it',
    );
  });
});

describe('describeError', () => {
  it('puts a schema failure on one line, field by field', () => {
    const result = manifestSchema.safeParse({ schemaVersion: 2, id: 'Bad Id' });
    expect(result.success).toBe(false);
    const line = describeError(result.error);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^id: .*; kind: /);
  });

  it('keeps the first line of an ordinary error', () => {
    expect(describeError(new Error('ffmpeg failed: x\ndetails'))).toBe('ffmpeg failed: x');
  });
});
