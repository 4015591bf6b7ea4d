import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentTool } from '../../../../src/ports/document-tool.js';
import type { MediaTool } from '../../../../src/ports/media-tool.js';
import { readProgramme } from '../../../../src/services/programme/read-programme.js';
import { tree } from '../../../support/programme-tree.js';

const unused = (): Promise<never> => Promise.reject(new Error('not used by the programme reader'));
// The folder scan probes files: every audio file here has a title tag and nothing else.
const media: MediaTool = { probe: async (path) => ({ format: { tags: { title: basename(path) } }, streams: [] }), run: unused, check: unused };
const documents: DocumentTool = { info: unused, renderPage: unused, renderPages: unused, pageTexts: unused, check: unused };
const deps = { media, documents, defaultLicence: 'CC-BY-4.0' as const };

describe('warnings: notices that keep every row', () => {
  it('reports unknown and repeated columns as warnings and ingests every row', async () => {
    const root = await tree({
      'programme.csv': 'edition,title,media,notes,title\n2025 Strasbourg,Un,a.mp4,à revoir,Autre\n2025 Strasbourg,Deux,b.mp3,,\n',
      'a.mp4': 'x',
      'b.mp3': 'x',
    });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items.map((item) => item.title)).toEqual(['Un', 'Deux']);
    expect(result.problems.map((p) => [p.row, p.field, p.severity])).toEqual([
      [null, 'title', 'warning'],
      [null, null, 'warning'],
    ]);
    expect(result.problems[0]?.message).toBe('column "title" appears more than once; the first one is used');
    expect(result.problems[1]?.message).toMatch(/^unknown column\(s\) "notes" ignored/);
  });

  it('reports unknown JSON fields as a warning', async () => {
    const root = await tree({ 'programme.json': JSON.stringify([{ edition: '2025', title: 'Un', media: 'a.mp4', salle: 'B12' }]), 'a.mp4': 'x' });
    const result = await readProgramme(join(root, 'programme.json'), deps);
    expect(result.items).toHaveLength(1);
    expect(result.problems.map((p) => [p.row, p.severity])).toEqual([[null, 'warning']]);
  });

  it('keeps errors as errors: a missing required column or a cell too many', async () => {
    const missing = await tree({ 'programme.csv': 'edition,title\n2025 Strasbourg,Un\n' });
    expect((await readProgramme(join(missing, 'programme.csv'), deps)).problems.map((p) => p.severity)).toEqual(['error']);
    const extra = await tree({ 'programme.csv': 'edition,title,media\n2025 Strasbourg,Un,a.mp4,en trop\n', 'a.mp4': 'x' });
    const result = await readProgramme(join(extra, 'programme.csv'), deps);
    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => p.severity)).toEqual(['error']);
  });
});

describe('companion files the kind cannot use', () => {
  it('ignores them with a warning on the row and field, keeping the row', async () => {
    const header = 'edition,title,kind,media,captions,slides,audio_description,sign_language';
    const rows = [
      '2025 Strasbourg,Podcast,podcast,p.mp3,fr:p.fr.vtt,p.pdf,p.ad.vtt,p.lsf.mp4',
      '2025 Strasbourg,Document,document,d.pdf,fr:d.fr.vtt,s.pdf,d.ad.mp3,d.lsf.mp4',
      // Not looked for either: a missing ignored file is no reason to refuse the row.
      '2025 Strasbourg,Autre podcast,podcast,q.mp3,,,,absent.mp4',
    ];
    const files: Record<string, string> = { 'programme.csv': [header, ...rows].join('\n') };
    for (const name of ['p.mp3', 'p.fr.vtt', 'p.pdf', 'p.ad.vtt', 'p.lsf.mp4', 'd.pdf', 'd.fr.vtt', 's.pdf', 'd.ad.mp3', 'd.lsf.mp4', 'q.mp3']) {
      files[name] = 'x';
    }
    const root = await tree(files);

    const result = await readProgramme(join(root, 'programme.csv'), deps);

    expect(result.items.map((item) => [item.title, item.captions.length, item.slides, item.audioDescription, item.signLanguage])).toEqual([
      ['Podcast', 1, null, null, null],
      ['Document', 0, null, null, null],
      ['Autre podcast', 0, null, null, null],
    ]);
    expect(result.problems.map((p) => [p.row, p.itemId, p.field, p.severity, p.message])).toEqual([
      [1, '2025-strasbourg-podcast', 'slides', 'warning', 'ignored: a podcast has no picture to show slides beside'],
      [1, '2025-strasbourg-podcast', 'audio_description', 'warning', 'ignored: a podcast has no picture to describe'],
      [1, '2025-strasbourg-podcast', 'sign_language', 'warning', 'ignored: a podcast has no picture for a sign-language video'],
      [2, '2025-strasbourg-document', 'captions', 'warning', 'ignored: a document is not a recording, so it has no captions'],
      [2, '2025-strasbourg-document', 'slides', 'warning', 'ignored: a document is already pages; slides go with a recording'],
      [2, '2025-strasbourg-document', 'audio_description', 'warning', 'ignored: a document is not a recording, so it has no audio description'],
      [2, '2025-strasbourg-document', 'sign_language', 'warning', 'ignored: a document is not a recording, so it has no sign-language video'],
      [3, '2025-strasbourg-autre-podcast', 'sign_language', 'warning', 'ignored: a podcast has no picture for a sign-language video'],
    ]);
  });

  it('still checks them on a video row', async () => {
    const root = await tree({ 'programme.csv': 'edition,title,media,sign_language\n2025 Strasbourg,Un,a.mp4,absent.mp4\n', 'a.mp4': 'x' });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => [p.field, p.severity, p.message])).toEqual([['sign_language', 'error', '"absent.mp4": file not found']]);
  });

  it('says so for a sign-language video next to a podcast in a scanned folder', async () => {
    const root = await tree({ '2025-strasbourg/episode.mp3': 'x', '2025-strasbourg/episode.lsf.mp4': 'x' });
    const result = await readProgramme(root, deps);
    expect(result.items.map((item) => [item.kind, item.signLanguage])).toEqual([['podcast', null]]);
    expect(result.problems.map((p) => [p.row, p.field, p.severity, p.message])).toEqual([
      [1, 'sign_language', 'warning', 'ignored: a podcast has no picture for a sign-language video ("2025-strasbourg/episode.lsf.mp4")'],
    ]);
  });
});
