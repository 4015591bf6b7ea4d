import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/domain/errors.js';
import type { DocumentInfo, DocumentTool } from '../../../../src/ports/document-tool.js';
import type { MediaTool, RawProbe } from '../../../../src/ports/media-tool.js';
import { readProgramme } from '../../../../src/services/programme/read-programme.js';

/** Files under a fresh folder named "archive" (a name that is not an edition). */
async function tree(files: Record<string, string>): Promise<string> {
  const root = join(await mkdtemp(join(tmpdir(), 'mc-programme-scan-')), 'archive');
  await mkdir(root);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
  return root;
}

/**
 * The MediaTool and DocumentTool ports answered from canned ffprobe / pdfinfo results keyed by
 * file name; real ffprobe is exercised by the medium tests of the adapter.
 */
function tools(probes: Record<string, RawProbe>, infos: Record<string, Partial<DocumentInfo>>): { media: MediaTool; documents: DocumentTool } {
  const unused = (): Promise<never> => Promise.reject(new Error('not used by the programme reader'));
  const media: MediaTool = {
    probe: async (path) => {
      const probe = probes[basename(path)];
      if (probe === undefined) throw new Error(`${basename(path)}: Invalid data found when processing input`);
      return probe;
    },
    run: unused,
    check: unused,
  };
  const documents: DocumentTool = {
    info: async (path) => ({ pages: 4, title: null, author: null, encrypted: false, pageWidth: 595, pageHeight: 842, ...infos[basename(path)] }),
    renderPage: unused,
    renderPages: unused,
    pageTexts: unused,
    check: unused,
  };
  return { media, documents };
}

const PROBES: Record<string, RawProbe> = {
  'keynote_ouverture.mp4': {
    format: {
      format_name: 'mov,mp4,m4a,3gp,3g2,mj2',
      tags: {
        TITLE: "Ouverture : l'IA et nous",
        ARTIST: 'Jeanne Martin (La Mednum); Ali Ben',
        composer: 'Ali Ben',
        DATE: '2025-10-29',
        Comment: "Le mot d'accueil.",
        genre: 'Communs; Inclusion; communs',
        creation_time: '1970-01-01T00:00:00.000000Z',
      },
    },
    streams: [
      { codec_type: 'video', tags: { language: 'und', title: 'Vidéo' } },
      { codec_type: 'audio', tags: { language: 'fre', title: 'Stéréo' } },
    ],
  },
  // Ogg keeps its comments on the stream, not the container.
  'episode-1.opus': {
    format: { format_name: 'ogg' },
    streams: [{ codec_type: 'audio', tags: { TITLE: 'Épisode 1', ARTIST: 'Zoé Durand', ALBUM: '2024 Bordeaux', DATE: '2024', LANGUAGE: 'eng' } }],
  },
  'vieux_film.mov': { format: { tags: { creation_time: '1970-01-01T00:00:00.000000Z' } }, streams: [{ codec_type: 'video' }] },
};

describe('readProgramme on a folder without a programme', () => {
  it('makes an item of every media file from its tags, names and sidecar files', async () => {
    const root = await tree({
      '2025 Strasbourg/keynote_ouverture.mp4': 'video',
      '2025 Strasbourg/keynote_ouverture.fr.vtt': 'WEBVTT',
      '2025 Strasbourg/keynote_ouverture.en.srt': '1',
      '2025 Strasbourg/keynote_ouverture.en.vtt': 'WEBVTT',
      '2025 Strasbourg/keynote_ouverture.ad.vtt': 'WEBVTT',
      '2025 Strasbourg/keynote_ouverture.lsf.mp4': 'video',
      '2025 Strasbourg/keynote_ouverture.final.vtt': 'WEBVTT',
      'podcasts/episode-1.opus': 'audio',
      'podcasts/episode-1.vtt': 'WEBVTT',
      'podcasts/broken.m4a': 'not audio',
      'magazines/n1.pdf': '%PDF',
      'archives/vieux_film.mov': 'video',
      'empty.mp4': '',
      '.cache.mp4': 'hidden',
      'notes.txt': 'ignored',
      'stray.vtt': 'ignored',
    });
    const old = new Date('2021-06-01T12:00:00Z');
    await utimes(join(root, 'archives/vieux_film.mov'), old, old);
    const older = new Date('2019-03-01T12:00:00Z');
    await utimes(join(root, 'magazines/n1.pdf'), older, older);
    const { media, documents } = tools(PROBES, { 'n1.pdf': { title: 'Magazine n°1', author: 'La Mednum' } });

    const result = await readProgramme(root, { media, documents, defaultLicence: 'Etalab-2.0' });

    expect(result.source).toBe(root);
    const file = (relative: string): { path: string; declared: string } => ({ path: join(root, relative), declared: relative });
    expect(result.items).toEqual([
      {
        id: '2025-strasbourg-ouverture-l-ia-et-nous',
        row: 1,
        edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' },
        date: '2025-10-29',
        title: "Ouverture : l'IA et nous",
        kind: 'talk',
        themes: ['Communs', 'Inclusion'],
        speakers: [
          { name: 'Jeanne Martin', organisation: 'La Mednum', slug: 'jeanne-martin' },
          { name: 'Ali Ben', slug: 'ali-ben' },
        ],
        language: 'fr',
        licence: 'Etalab-2.0',
        summary: "Le mot d'accueil.",
        media: file('2025 Strasbourg/keynote_ouverture.mp4'),
        captions: [
          { ...file('2025 Strasbourg/keynote_ouverture.en.vtt'), language: 'en' },
          { ...file('2025 Strasbourg/keynote_ouverture.fr.vtt'), language: 'fr' },
        ],
        slides: null,
        audioDescription: file('2025 Strasbourg/keynote_ouverture.ad.vtt'),
        signLanguage: file('2025 Strasbourg/keynote_ouverture.lsf.mp4'),
      },
      {
        id: '2021-archives-vieux-film',
        row: 2,
        edition: { label: '2021 Archives', year: 2021, city: 'Archives', slug: '2021-archives' },
        date: null,
        title: 'Vieux film',
        kind: 'talk',
        themes: [],
        speakers: [],
        language: 'fr',
        licence: 'Etalab-2.0',
        summary: '',
        media: file('archives/vieux_film.mov'),
        captions: [],
        slides: null,
        audioDescription: null,
        signLanguage: null,
      },
      expect.objectContaining({
        id: '2019-archives-magazine-n-1',
        row: 4,
        kind: 'document',
        title: 'Magazine n°1',
        speakers: [{ name: 'La Mednum', slug: 'la-mednum' }],
        captions: [],
      }),
      {
        id: '2024-bordeaux-episode-1',
        row: 6,
        edition: { label: '2024 Bordeaux', year: 2024, city: 'Bordeaux', slug: '2024-bordeaux' },
        date: null,
        title: 'Épisode 1',
        kind: 'podcast',
        themes: [],
        speakers: [{ name: 'Zoé Durand', slug: 'zoe-durand' }],
        language: 'en',
        licence: 'Etalab-2.0',
        summary: '',
        media: file('podcasts/episode-1.opus'),
        captions: [{ ...file('podcasts/episode-1.vtt'), language: 'fr' }],
        slides: null,
        audioDescription: null,
        signLanguage: null,
      },
    ]);
    expect(result.problems).toEqual([
      { row: 3, itemId: null, field: 'media', message: '"empty.mp4": file is empty', severity: 'error' },
      {
        row: 5,
        itemId: null,
        field: 'media',
        message: `"podcasts/broken.m4a": cannot read the file's metadata: broken.m4a: Invalid data found when processing input`,
        severity: 'error',
      },
    ]);
  });

  it('uses defaultLanguage for bare caption files and the year tag for the edition', async () => {
    const root = await tree({ 'talk.webm': 'video', 'talk.vtt': 'WEBVTT', 'talk.srt': '1' });
    const { media, documents } = tools({ 'talk.webm': { format: { tags: { year: '2019' } }, streams: [] } }, {});
    const result = await readProgramme(root, { media, documents, defaultLicence: 'CC-BY-4.0', defaultLanguage: 'br' });
    expect(result.problems).toEqual([]);
    expect(result.items.map((item) => [item.id, item.edition.label, item.date, item.language, item.captions])).toEqual([
      ['2019-talk', '2019', null, 'br', [{ path: join(root, 'talk.vtt'), declared: 'talk.vtt', language: 'br' }]],
    ]);
  });

  it('reports files of one edition with the same title as duplicate ids', async () => {
    const root = await tree({ '2025-strasbourg/a.mp4': 'x', '2025-strasbourg/b.mp4': 'x' });
    const same: RawProbe = { format: { tags: { title: 'Plénière' } }, streams: [] };
    const { media, documents } = tools({ 'a.mp4': same, 'b.mp4': same }, {});
    const result = await readProgramme(root, { media, documents, defaultLicence: 'CC-BY-4.0' });
    expect(result.items.map((item) => [item.id, item.edition.label])).toEqual([['2025-strasbourg-pleniere', '2025 Strasbourg']]);
    expect(result.problems).toEqual([
      { row: 2, itemId: '2025-strasbourg-pleniere', field: 'id', message: 'id "2025-strasbourg-pleniere" is already used by row 1 ("2025-strasbourg/a.mp4")', severity: 'error' },
    ]);
  });
});

describe('readProgramme target resolution', () => {
  const { media, documents } = tools({}, {});
  const deps = { media, documents, defaultLicence: 'CC-BY-4.0' as const };

  it('uses the one programme file of a folder, in any letter case', async () => {
    const root = await tree({ 'Programme.YAML': '- edition: 2025 Strasbourg\n  title: Un\n  media: a.mp4\n', 'a.mp4': 'x' });
    const result = await readProgramme(root, deps);
    expect(result.source).toBe(join(root, 'Programme.YAML'));
    expect(result.items.map((item) => item.id)).toEqual(['2025-strasbourg-un']);
  });

  it('refuses a folder with two programmes or an unsupported one', async () => {
    const two = await tree({ 'programme.csv': 'title,media\n', 'programme.json': '[]', 'a.mp4': 'x' });
    expect((await readProgramme(two, deps)).problems).toEqual([
      { row: null, itemId: null, field: null, message: 'several programme files (programme.csv, programme.json); keep exactly one', severity: 'error' },
    ]);
    const xlsx = await tree({ 'programme.xlsx': 'x', 'a.mp4': 'x' });
    expect((await readProgramme(xlsx, deps)).problems.map((p) => p.message)).toEqual([
      'programme.xlsx is not a supported programme format; export it as CSV (UTF-8), JSON or YAML',
    ]);
  });

  it('reports a folder with nothing to ingest', async () => {
    const root = await tree({ 'notes.txt': 'x' });
    const result = await readProgramme(root, deps);
    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'no programme file (programme.csv, .json, .yaml) and no video, audio or PDF file in the folder',
    ]);
  });

  it('throws a usage error for a missing target or an unsupported file', async () => {
    const root = await tree({ 'programme.txt': 'x' });
    await expect(readProgramme(join(root, 'absent.csv'), deps)).rejects.toBeInstanceOf(UsageError);
    await expect(readProgramme(join(root, 'programme.txt'), deps)).rejects.toThrow(/must be a \.csv, \.json, \.yaml or \.yml file/);
  });
});
