import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProgramme } from '../../../../src/services/programme/read-programme.js';
import { noDocuments, noMedia, tree } from '../../../support/programme-tree.js';

const media = noMedia;
const documents = noDocuments;
const deps = { media, documents, defaultLicence: 'CC0-1.0' as const };

/** A programme in `sub/` (so "../" has somewhere to go) with one row per media path. */
async function programmeWith(mediaPaths: string[], files: Record<string, string>): Promise<{ root: string; csv: string }> {
  const rows = mediaPaths.map((path, i) => `2025 Strasbourg,Titre ${i + 1},"${path}"`);
  const root = await tree({ ...files, 'sub/programme.csv': ['edition,title,media', ...rows].join('\n') });
  return { root, csv: join(root, 'sub/programme.csv') };
}

describe('readProgramme file paths', () => {
  it('refuses paths that leave the programme folder', async () => {
    const { csv } = await programmeWith(
      ['../outside.mp4', '/etc/passwd.mp4', 'talks/../../outside.mp4', 'C:\\videos\\a.mp4', 'https://example.org/a.mp4'],
      { 'outside.mp4': 'x' },
    );
    const result = await readProgramme(csv, deps);
    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [1, 'media', '"../outside.mp4": path leaves the programme folder'],
      [2, 'media', '"/etc/passwd.mp4": path leaves the programme folder (absolute paths are not allowed)'],
      [3, 'media', '"talks/../../outside.mp4": path leaves the programme folder'],
      [4, 'media', '"C:\\videos\\a.mp4": path leaves the programme folder (absolute paths are not allowed)'],
      [5, 'media', '"https://example.org/a.mp4" is a URL; give a file path relative to the programme'],
    ]);
  });

  it('finds names with accents and spaces whatever their Unicode normalisation', async () => {
    const nfc = 'Médiation numérique.mp4';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const { root, csv } = await programmeWith(
      [`vidéos/${nfc}`, `vidéos/${nfd}`, 'Café/écrans.mp4'.normalize('NFD')],
      {
        // The folder and first file are stored in NFD, as a copy from macOS leaves them.
        [`sub/${'vidéos'.normalize('NFD')}/${nfd}`]: 'x',
        ['sub/Café/écrans.mp4'.normalize('NFC')]: 'x',
      },
    );
    const result = await readProgramme(csv, deps);
    expect(result.problems).toEqual([
      // Rows 1 and 2 name the same file in two spellings: one file, one item.
      { row: 2, itemId: '2025-strasbourg-titre-2', field: 'media', message: `"vidéos/${nfd}" is already the media of row 1`, severity: 'error' },
    ]);
    const onDisk = join(root, 'sub', 'vidéos'.normalize('NFD'), nfd);
    expect(result.items.map((item) => item.media)).toEqual([
      { path: onDisk, declared: `vidéos/${nfc}` },
      { path: join(root, 'sub/Café/écrans.mp4'), declared: 'Café/écrans.mp4'.normalize('NFD') },
    ]);
    expect(await readdir(join(root, 'sub'))).toContain('vidéos'.normalize('NFD'));
  });

  it('resolves captions, slides, audio description and sign language with their own checks', async () => {
    const root = await tree({
      'programme.csv': [
        'edition,title,media,captions,slides,audio_description,sign_language',
        '2025 Strasbourg,Complet,a.mp4,fr-ca:a.vtt; EN : a.srt,a.pdf,a.ad.mp3,a.lsf.webm',
        '2025 Strasbourg,Mauvais,b.mp4,fr:b.txt; fr:b.vtt; xx-:b.vtt,b.mp4,b.pdf,b.mp3',
      ].join('\n'),
      'a.mp4': 'x', 'a.vtt': 'x', 'a.srt': 'x', 'a.pdf': 'x', 'a.ad.mp3': 'x', 'a.lsf.webm': 'x',
      'b.mp4': 'x', 'b.txt': 'x', 'b.vtt': 'x', 'b.pdf': 'x', 'b.mp3': 'x',
    });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      captions: [
        { path: join(root, 'a.vtt'), declared: 'a.vtt', language: 'fr-CA' },
        { path: join(root, 'a.srt'), declared: 'a.srt', language: 'en' },
      ],
      slides: { path: join(root, 'a.pdf'), declared: 'a.pdf' },
      audioDescription: { path: join(root, 'a.ad.mp3'), declared: 'a.ad.mp3' },
      signLanguage: { path: join(root, 'a.lsf.webm'), declared: 'a.lsf.webm' },
      licence: 'CC0-1.0',
    });
    expect(result.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [2, 'captions', 'caption file "b.txt" must be .vtt, .srt'],
      [2, 'captions', 'two caption files for language fr: "b.txt" and "b.vtt"'],
      [2, 'captions', 'caption "xx-:b.vtt" needs a language, e.g. "fr:xx-:b.vtt"'],
      [2, 'slides', 'slides "b.mp4" must be .pdf'],
      [2, 'audio_description', 'audio description "b.pdf" must be .vtt, .mp3, .m4a, .aac, .ogg, .opus, .wav, .flac'],
      [2, 'sign_language', 'sign language video "b.mp3" must be .mp4, .mov, .mkv, .webm, .m4v'],
    ]);
  });

  it('takes the kind from the media extension when the kind is empty', async () => {
    const root = await tree({
      'programme.csv': 'edition,title,media\n2023 Bordeaux,Magazine,mag.PDF\n2023 Bordeaux,Épisode,ep.opus\n2023 Bordeaux,Plénière,p.mkv\n2023 Bordeaux,Inconnu,x.avi\n',
      'mag.PDF': 'x', 'ep.opus': 'x', 'p.mkv': 'x', 'x.avi': 'x',
    });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items.map((item) => [item.kind, item.id])).toEqual([
      ['document', '2023-bordeaux-magazine'],
      ['podcast', '2023-bordeaux-episode'],
      ['talk', '2023-bordeaux-pleniere'],
    ]);
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([[4, 'kind']]);
    expect(result.problems[0]?.message).toMatch(/^kind is required: "x\.avi" is not a video file \(mp4, mov, mkv, webm, m4v\)/);
  });
});
