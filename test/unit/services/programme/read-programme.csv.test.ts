import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../../../src/domain/item.js';
import { readProgramme } from '../../../../src/services/programme/read-programme.js';
import { noDocuments, noMedia, tree } from '../../../support/programme-tree.js';

/** Writes files (text or bytes; a trailing "/" makes a folder) into a fresh temporary folder. */
// A programme is validated without looking inside the media: these tools fail if ever called.
const media = noMedia;
const documents = noDocuments;
const deps = { media, documents, defaultLicence: 'CC-BY-4.0' as const };

const HEADER = 'id,edition,date,title,kind,themes,speakers,language,licence,summary,media,captions,slides,audio_description,sign_language';
const TALK_FILES = {
  'talks/ia-mediation.mp4': 'video',
  'talks/ia-mediation.fr.vtt': 'WEBVTT\n',
  'talks/ia-mediation.en.srt': '1\n',
  'talks/ia-mediation.pdf': '%PDF',
  'talks/ia-mediation.ad.vtt': 'WEBVTT\n',
  'talks/ia-mediation.lsf.mp4': 'video',
};

describe('readProgramme with a CSV', () => {
  it('turns a row with every column into the exact ProgrammeItem', async () => {
    const row = [
      '',
      '2025 Strasbourg',
      '2025-10-29',
      'Médiation numérique et IA',
      'talk',
      '"Communs & souveraineté; Éthique & émancipation;; Communs & souveraineté "',
      'Jeanne Martin (La Mednum); Ali Ben (Ville de Strasbourg) — modérateur',
      'fr-fr',
      'cc-by-sa 4.0',
      '"  Une table ronde sur l\'IA, la médiation et les communs.  "',
      'talks/ia-mediation.mp4',
      'fr:talks/ia-mediation.fr.vtt; en:talks/ia-mediation.en.srt',
      'talks/ia-mediation.pdf',
      'talks/ia-mediation.ad.vtt',
      'talks/ia-mediation.lsf.mp4',
    ].join(',');
    const root = await tree({ ...TALK_FILES, 'programme.csv': `${HEADER}\n${row}\n` });

    const result = await readProgramme(join(root, 'programme.csv'), deps);

    expect(result.problems).toEqual([]);
    const expected: ProgrammeItem = {
      id: '2025-strasbourg-mediation-numerique-et-ia',
      aliases: [],
      row: 1,
      edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' },
      date: '2025-10-29',
      title: 'Médiation numérique et IA',
      kind: 'talk',
      themes: ['Communs & souveraineté', 'Éthique & émancipation'],
      speakers: [
        { name: 'Jeanne Martin', organisation: 'La Mednum', slug: 'jeanne-martin' },
        { name: 'Ali Ben', organisation: 'Ville de Strasbourg', role: 'modérateur', slug: 'ali-ben' },
      ],
      language: 'fr-FR',
      licence: 'CC-BY-SA-4.0',
      summary: "Une table ronde sur l'IA, la médiation et les communs.",
      media: { path: join(root, 'talks/ia-mediation.mp4'), declared: 'talks/ia-mediation.mp4' },
      captions: [
        { path: join(root, 'talks/ia-mediation.fr.vtt'), declared: 'talks/ia-mediation.fr.vtt', language: 'fr' },
        { path: join(root, 'talks/ia-mediation.en.srt'), declared: 'talks/ia-mediation.en.srt', language: 'en' },
      ],
      slides: { path: join(root, 'talks/ia-mediation.pdf'), declared: 'talks/ia-mediation.pdf' },
      audioDescription: { path: join(root, 'talks/ia-mediation.ad.vtt'), declared: 'talks/ia-mediation.ad.vtt' },
      signLanguage: { path: join(root, 'talks/ia-mediation.lsf.mp4'), declared: 'talks/ia-mediation.lsf.mp4' },
    };
    expect(result).toEqual({ source: join(root, 'programme.csv'), items: [expected], problems: [] });
  });

  it('reports every bad row with its row, field and id, and still returns the good rows', async () => {
    const header = 'id,edition,date,title,kind,themes,language,licence,media,captions,slides,speakers';
    const rows = [
      ',2025 Strasbourg,2025-10-29,Bon atelier,workshop,,,,a.mp4,,,', // 1 good
      ',2025 Strasbourg,,,talk,,,,a2.mp4,,,', // 2 no title
      ',2025 Strasbourg,,Mauvais type,keynote,,,,a3.mp4,,,', // 3 unknown kind
      ',2017 Paris,,Trop tôt,talk,,,,a4.mp4,,,', // 4 year out of range
      ',2025 Strasbourg,2025-02-30,Date impossible,talk,,,,a5.mp4,,,', // 5 unreal date
      ',2025 Strasbourg,,Langue,talk,,french,,a6.mp4,,,', // 6 bad language
      ',2025 Strasbourg,,Licence,talk,,,CC-BY-ND,a7.mp4,,,', // 7 unknown licence
      'Bad_Id,2025 Strasbourg,,Identifiant,talk,,,,a8.mp4,,,', // 8 bad id
      ',2025 Strasbourg,,Absent,talk,,,,missing.mp4,,,', // 9 file not found
      ',2025 Strasbourg,,Podcast vidéo,podcast,,,,a10.mp4,,,', // 10 extension does not fit kind
      ',2025 Strasbourg,,Sous-titres,talk,,,,a11.mp4,a11.vtt,,', // 11 caption without language
      ',Strasbourg 2025,,Table ronde,Table Ronde,"IA; ia; Communs",fra,etalab,a12.mp4,,,', // 12 good
      ',2025 Strasbourg,,Sans média,talk,,,,,,,', // 13 media missing
      ',2025 Strasbourg,,Intervenant,talk,,,,a14.mp4,,,Ali Ben (Ville', // 14 speaker
      ',2025 Strasbourg,,Diapos,talk,,,,a15.mp4,,slides.docx,', // 15 slides extension (and missing)
      ',2025 Strasbourg,29/10/2025,Date française,talk,,,,a16.mp4,,,', // 16 date format
      ',,,Sans édition,talk,,,,a17.mp4,,,', // 17 edition missing
      ',2025 Strasbourg,,Dossier,talk,,,,folder.mp4,,,', // 18 a folder
      ',2025 Strasbourg,,Vide,talk,,,,empty.mp4,,,', // 19 empty file
      ',2025 Strasbourg,,Deux fautes,débat,,,CC-BY-ND,a20.mp4,,,', // 20 two problems
    ];
    const files: Record<string, string> = { 'programme.csv': [header, ...rows].join('\n'), 'folder.mp4/': '', 'empty.mp4': '' };
    for (const name of ['a', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a10', 'a11', 'a11.vtt', 'a12', 'a14', 'a15', 'a16', 'a17', 'a20']) {
      files[name.includes('.') ? name : `${name}.mp4`] = 'x';
    }
    const root = await tree(files);

    const result = await readProgramme(root, deps);

    expect(result.items.map((item) => [item.row, item.id])).toEqual([
      [1, '2025-strasbourg-bon-atelier'],
      [12, '2025-strasbourg-table-ronde'],
    ]);
    expect(result.items[1]).toMatchObject({
      kind: 'round-table',
      themes: ['IA', 'Communs'],
      language: 'fr',
      licence: 'Etalab-2.0',
      edition: { label: '2025 Strasbourg', slug: '2025-strasbourg' },
    });
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'title'],
      [3, 'kind'],
      [4, 'edition'],
      [5, 'date'],
      [6, 'language'],
      [7, 'licence'],
      [8, 'id'],
      [9, 'media'],
      [10, 'media'],
      [11, 'captions'],
      [13, 'media'],
      [14, 'speakers'],
      [15, 'slides'],
      [15, 'slides'],
      [16, 'date'],
      [17, 'edition'],
      [18, 'media'],
      [19, 'media'],
      [20, 'kind'],
      [20, 'licence'],
    ]);
    const messageOf = (row: number): string[] => result.problems.filter((p) => p.row === row).map((p) => p.message);
    expect(messageOf(2)).toEqual(['title is required']);
    expect(messageOf(3)).toEqual(['unknown kind "keynote"; expected one of talk, workshop, round-table, pitch, podcast, document']);
    expect(messageOf(4)).toEqual(['edition year 2017 is out of range (2018–2100)']);
    expect(messageOf(5)).toEqual(['date "2025-02-30" does not exist in the calendar']);
    expect(messageOf(6)).toEqual(['invalid language "french"; expected a BCP 47 tag such as fr, en or fr-CA']);
    expect(messageOf(7)).toEqual(['unknown licence "CC-BY-ND"; expected one of CC-BY-4.0, CC-BY-SA-4.0, CC-BY-NC-SA-4.0, CC0-1.0, Etalab-2.0']);
    expect(messageOf(8)[0]).toMatch(/^id "Bad_Id" must be lower-case letters and digits/);
    expect(messageOf(9)).toEqual(['"missing.mp4": file not found']);
    expect(messageOf(10)).toEqual(['"a10.mp4" is video but kind "podcast" needs an audio file (mp3, m4a, aac, ogg, opus, wav, flac)']);
    expect(messageOf(11)).toEqual(['caption "a11.vtt" needs a language, e.g. "fr:a11.vtt"']);
    expect(messageOf(13)).toEqual(['media is required']);
    expect(messageOf(14)).toEqual(['speaker "Ali Ben (Ville" is not written "Name (Organisation) — role"']);
    expect(messageOf(15)).toEqual(['slides "slides.docx" must be .pdf', '"slides.docx": file not found']);
    expect(messageOf(16)).toEqual(['date "29/10/2025" is not an ISO 8601 date (YYYY-MM-DD)']);
    expect(messageOf(17)).toEqual(['edition is required, e.g. "2025 Strasbourg"']);
    expect(messageOf(18)).toEqual(['"folder.mp4" is a folder, not a file']);
    expect(messageOf(19)).toEqual(['"empty.mp4": file is empty']);
    // The id is known for rows whose edition and title are valid, and named in their problems.
    expect(result.problems.find((p) => p.row === 3)?.itemId).toBe('2025-strasbourg-mauvais-type');
    expect(result.problems.find((p) => p.row === 2)?.itemId).toBeNull();
    expect(result.problems.find((p) => p.row === 17)?.itemId).toBeNull();
  });

  it('leaves an empty caption file out with a warning and keeps the recording', async () => {
    const root = await tree({
      'programme.csv': ['edition,title,media,captions', '2025 Strasbourg,Légendes vides,a.mp4,"fr:a.fr.vtt; en:a.en.vtt"'].join('\n'),
      'a.mp4': 'x', 'a.fr.vtt': '', 'a.en.vtt': 'WEBVTT\n',
    });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items.map((i) => i.captions.map((c) => c.language))).toEqual([['en']]);
    expect(result.problems).toEqual([
      { row: 1, itemId: '2025-strasbourg-legendes-vides', field: 'captions', message: '"a.fr.vtt": file is empty; captions left out', severity: 'warning' },
    ]);
  });

  it('reports a duplicate id on each later row, naming the first', async () => {
    const root = await tree({
      'programme.csv': [
        'id,edition,title,media',
        ',2025 Strasbourg,Les communs,a.mp4',
        ',2025 Strasbourg,Autre sujet,b.mp4',
        ',2025 Strasbourg,Les Communs !,c.mp4',
        '2025-strasbourg-autre-sujet,2024 Lyon,Troisième,d.mp4',
      ].join('\n'),
      'a.mp4': 'x', 'b.mp4': 'x', 'c.mp4': 'x', 'd.mp4': 'x',
    });

    const result = await readProgramme(join(root, 'programme.csv'), deps);

    expect(result.items.map((item) => item.id)).toEqual(['2025-strasbourg-les-communs', '2025-strasbourg-autre-sujet']);
    expect(result.problems).toEqual([
      { row: 3, itemId: '2025-strasbourg-les-communs', field: 'id', message: 'id "2025-strasbourg-les-communs" is already used by row 1', severity: 'error' },
      { row: 4, itemId: '2025-strasbourg-autre-sujet', field: 'id', message: 'id "2025-strasbourg-autre-sujet" is already used by row 2', severity: 'error' },
    ]);
  });

  it('refuses the same media file for two rows', async () => {
    const root = await tree({
      'programme.csv': 'edition,title,media\n2025 Strasbourg,Un,a.mp4\n2025 Strasbourg,Deux,./a.mp4\n',
      'a.mp4': 'x',
    });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items.map((item) => item.row)).toEqual([1]);
    expect(result.problems).toEqual([
      { row: 2, itemId: '2025-strasbourg-deux', field: 'media', message: '"./a.mp4" is already the media of row 1', severity: 'error' },
    ]);
  });

  it('reads ";"-separated CSV with a BOM and CRLF line ends', async () => {
    const text = '\uFEFFedition;title;themes;media\r\n"2024";Accueil "NEC";"Inclusion; Territoires";a.mp4\r\n';
    const root = await tree({ 'programme.csv': text, 'a.mp4': 'x' });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.problems).toEqual([]);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      id: '2024-accueil-nec',
      title: 'Accueil "NEC"',
      edition: { label: '2024', year: 2024, city: '', slug: '2024' },
      themes: ['Inclusion', 'Territoires'],
      kind: 'talk',
      language: 'fr',
      licence: 'CC-BY-4.0',
      date: null,
    });
  });

  it('reads a Windows-1252 export from a spreadsheet', async () => {
    const text = 'edition;title;media\n2025 Strasbourg;Médiation;a.mp4\n';
    const bytes = Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
    const root = await tree({ 'programme.csv': bytes, 'a.mp4': 'x' });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items.map((item) => item.title)).toEqual(['Médiation']);
  });

  it('reports unknown columns once without failing the rows', async () => {
    const root = await tree({
      'programme.csv': 'edition,title,media,Salle,notes\n2025 Strasbourg,Un,a.mp4,B12,\n2025 Strasbourg,Deux,b.mp3,A1,x\n',
      'a.mp4': 'x',
      'b.mp3': 'x',
    });
    const result = await readProgramme(join(root, 'programme.csv'), { ...deps, defaultLanguage: 'en' });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: null, itemId: null, field: null });
    expect(result.problems[0]?.message).toMatch(/^unknown column\(s\) "Salle", "notes" ignored; known columns: id, aliases, edition/);
    expect(result.items.map((item) => [item.kind, item.language])).toEqual([['talk', 'en'], ['podcast', 'en']]);
  });

  it('reports a missing title or media column once for the file, not once per row', async () => {
    const root = await tree({ 'programme.csv': 'edition,title\n2025 Strasbourg,Un\n2025 Strasbourg,Deux\n' });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items).toEqual([]);
    expect(result.problems).toEqual([{ row: null, itemId: null, field: 'media', message: 'the header has no "media" column', severity: 'error' }]);
  });

  it('counts blank lines in row numbers and flags cells beyond the header', async () => {
    const root = await tree({
      'programme.csv': 'edition,title,media\n2025 Strasbourg,Un,a.mp4\n\n2025 Strasbourg,Deux,b.mp4,en trop\n',
      'a.mp4': 'x', 'b.mp4': 'x',
    });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items.map((item) => item.row)).toEqual([1]);
    expect(result.problems).toEqual([{ row: 3, itemId: null, field: null, message: 'row has 4 cells but the header has 3', severity: 'error' }]);
  });

  it('reports a broken quote as a file problem', async () => {
    const root = await tree({ 'programme.csv': 'edition,title,media\n2025 Strasbourg,"Un,a.mp4\n' });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.row).toBeNull();
    expect(result.problems[0]?.message).toMatch(/^cannot read the CSV: /);
  });
});
