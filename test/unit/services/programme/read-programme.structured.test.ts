import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../../../src/domain/item.js';
import { readProgramme } from '../../../../src/services/programme/read-programme.js';
import { noDocuments, noMedia, tree } from '../../../support/programme-tree.js';

const media = noMedia;
const documents = noDocuments;
const deps = { media, documents, defaultLicence: 'CC-BY-4.0' as const };

const MEDIA = { 'podcasts/ep1.mp3': 'x', 'podcasts/ep1.fr.vtt': 'x', 'podcasts/ep1.en.vtt': 'x', 'mag/n1.pdf': 'x' };

function expectedPodcast(root: string): ProgrammeItem {
  return {
    id: '2024-bordeaux-episode-1-les-communs',
    aliases: [],
    row: 1,
    edition: { label: '2024 Bordeaux', year: 2024, city: 'Bordeaux', slug: '2024-bordeaux' },
    date: '2024-11-07',
    title: 'Épisode 1 : les communs',
    kind: 'podcast',
    themes: ['Communs', 'Territoires'],
    speakers: [
      { name: 'Jeanne Martin', organisation: 'La Mednum', slug: 'jeanne-martin' },
      { name: 'Ali Ben', organisation: 'Ville de Strasbourg', role: 'animateur', slug: 'ali-ben' },
      { name: 'Zoé Durand', slug: 'zoe-durand' },
    ],
    language: 'fr',
    licence: 'CC-BY-NC-SA-4.0',
    summary: 'Première ligne.\nDeuxième ligne.',
    media: { path: join(root, 'podcasts/ep1.mp3'), declared: 'podcasts/ep1.mp3' },
    captions: [
      { path: join(root, 'podcasts/ep1.fr.vtt'), declared: 'podcasts/ep1.fr.vtt', language: 'fr' },
      { path: join(root, 'podcasts/ep1.en.vtt'), declared: 'podcasts/ep1.en.vtt', language: 'en' },
    ],
    slides: null,
    audioDescription: null,
    signLanguage: null,
  };
}

describe('readProgramme with JSON and YAML', () => {
  it('reads JSON with arrays, speaker objects and a caption map', async () => {
    const programme = [
      {
        edition: '2024 Bordeaux',
        date: '2024-11-07',
        title: 'Épisode 1 : les communs',
        kind: 'podcast',
        themes: ['Communs', ' Territoires ', 'communs', ''],
        speakers: [
          'Jeanne Martin (La Mednum)',
          { name: 'Ali Ben', organization: 'Ville de Strasbourg', role: 'animateur' },
          { name: 'Zoé Durand' },
        ],
        language: 'fra',
        licence: 'CC-BY-NC-SA-4.0',
        summary: 'Première ligne.\r\nDeuxième ligne.\n',
        media: 'podcasts/ep1.mp3',
        captions: { fr: 'podcasts/ep1.fr.vtt', en: 'podcasts/ep1.en.vtt' },
      },
      { id: 'magazine-1', edition: 2024, title: 'Magazine n°1', kind: 'document', media: 'mag/n1.pdf', speakers: [{ role: 'x' }] },
      'not an item',
    ];
    const root = await tree({ ...MEDIA, 'programme.json': JSON.stringify(programme, null, 2) });

    const result = await readProgramme(root, deps);

    expect(result.source).toBe(join(root, 'programme.json'));
    expect(result.items).toEqual([expectedPodcast(root)]);
    expect(result.problems).toEqual([
      { row: 2, itemId: 'magazine-1', field: 'speakers', message: 'speaker {"role":"x"} has no name', severity: 'error' },
      { row: 3, itemId: null, field: null, message: 'item must be an object with named fields', severity: 'error' },
    ]);
  });

  it('reads YAML with lists, a number for the edition and an items wrapper', async () => {
    const yaml = `
items:
  - edition: 2024 Bordeaux
    date: 2024-11-07
    title: "Épisode 1 : les communs"
    kind: Podcast
    themes: [Communs, Territoires]
    speakers:
      - Jeanne Martin (La Mednum)
      - Ali Ben (Ville de Strasbourg) – animateur
      - name: Zoé Durand
    licence: cc by-nc-sa 4.0
    summary: |
      Première ligne.
      Deuxième ligne.
    media: podcasts/ep1.mp3
    captions:
      - fr:podcasts/ep1.fr.vtt
      - language: en
        path: podcasts/ep1.en.vtt
  - edition: 2024
    title: Magazine n°1
    media: mag/n1.pdf
    room: B12
  - edition: 2024
    title: Magazine n°2
    media: mag/n2.pdf
    audioDescription: mag/n2.pdf
`;
    const root = await tree({ ...MEDIA, 'mag/n2.pdf': 'x', 'nec.yml': yaml });

    const result = await readProgramme(join(root, 'nec.yml'), deps);

    expect(result.items[0]).toEqual(expectedPodcast(root));
    expect(result.items[1]).toMatchObject({
      id: '2024-magazine-n-1',
      kind: 'document',
      edition: { label: '2024', year: 2024, city: '', slug: '2024' },
      licence: 'CC-BY-4.0',
    });
    // A document cannot use an audio description: the row is kept without it, with a warning.
    expect(result.items).toHaveLength(3);
    expect(result.items[2]).toMatchObject({ id: '2024-magazine-n-2', kind: 'document', audioDescription: null });
    expect(result.problems.map((p) => [p.row, p.field, p.severity, p.message])).toEqual([
      [null, null, 'warning', 'unknown field(s) "room" ignored; known fields: id, aliases, edition, date, title, kind, themes, speakers, language, licence, summary, media, captions, slides, audio_description, sign_language'],
      [3, 'audio_description', 'warning', 'ignored: a document is not a recording, so it has no audio description'],
    ]);
  });

  it('reports values of the wrong type by field', async () => {
    const root = await tree({
      'a.mp4': 'x',
      'b.mp4': 'x',
      'programme.json': JSON.stringify([
        { edition: '2025 Strasbourg', title: ['Deux', 'titres'], media: 'a.mp4' },
        { edition: '2025 Strasbourg', title: 'Bon', media: 'b.mp4', themes: [{ nom: 'x' }], captions: [42] },
      ]),
    });
    const result = await readProgramme(join(root, 'programme.json'), deps);
    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [1, 'title', 'title must be text, not a list'],
      [2, 'themes', 'themes entries must be text, not {"nom":"x"}'],
      [2, 'captions', 'caption 42 must be "language:path"'],
    ]);
  });

  it('reports unreadable JSON and YAML as one file problem', async () => {
    const root = await tree({ 'bad.json': '[{"title": "x",}]', 'bad.yaml': 'items:\n  - title: "x\n', 'object.json': '{"title": "x"}' });
    const json = await readProgramme(join(root, 'bad.json'), deps);
    expect(json.items).toEqual([]);
    expect(json.problems).toHaveLength(1);
    expect(json.problems[0]?.message).toMatch(/^cannot read the JSON: /);
    const yaml = await readProgramme(join(root, 'bad.yaml'), deps);
    expect(yaml.problems.length).toBeGreaterThanOrEqual(1);
    expect(yaml.problems.every((p) => p.row === null && p.message.startsWith('cannot read the YAML: '))).toBe(true);
    const object = await readProgramme(join(root, 'object.json'), deps);
    expect(object.problems).toEqual([
      { row: null, itemId: null, field: null, message: 'expected a list of items, or an object with an "items" list', severity: 'error' },
    ]);
  });
});
