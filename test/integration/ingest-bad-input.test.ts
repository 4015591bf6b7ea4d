import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/domain/manifest.js';
import { runCli, type CliRun } from '../support/cli.js';
import { makeAudioClip, makeVideoClip } from '../support/clips.js';

const HEADER = 'id,edition,date,title,kind,themes,speakers,language,licence,summary,media,captions';

/**
 * One programme full of the mistakes that happen in real post-event folders, plus two good rows.
 * Each mistake must give one line naming the item, the file and the cause; the good rows ingest.
 */
describe('ingest with bad input', () => {
  let root: string;
  let dataDir: string;
  let run: CliRun;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'mc-bad-'));
    dataDir = path.join(root, 'data');
    const media = path.join(root, 'media');
    mkdirSync(media);
    const good = await makeVideoClip(path.join(media, 'good.mp4'), { seconds: 2, width: 320, height: 180 });
    copyFileSync(good, path.join(media, 'Présentation été.mp4')); // non-ASCII names must just work
    writeFileSync(path.join(media, 'empty.mp4'), '');
    writeFileSync(path.join(media, 'notes.mp4'), 'Compte rendu de la table ronde, à relire.\n'.repeat(50));
    const whole = readFileSync(good);
    writeFileSync(path.join(media, 'truncated.mp4'), whole.subarray(0, Math.floor(whole.length / 2))); // moov is at the end
    writeFileSync(path.join(media, 'unknown-codec.mp4'), Buffer.from(whole.toString('latin1').replaceAll('avc1', 'zzzz'), 'latin1'));
    await makeAudioClip(path.join(media, 'only-audio.mp4'), { seconds: 2, codecArgs: ['-c:a', 'aac'] });
    writeFileSync(path.join(root, 'outside.mp4'), whole);

    const row = (id: string, title: string, file: string, licence = 'CC-BY-4.0'): string =>
      `${id},2025 Strasbourg,2025-10-29,${title},talk,Accessibilité,Jeanne Martin (La Mednum),fr,${licence},,${file},`;
    const rows = [
      row('bon', 'Une conférence qui marche', 'media/good.mp4'),
      row('accents', 'Des accents dans le nom', 'media/Présentation été.mp4'),
      row('vide', 'Fichier vide', 'media/empty.mp4'),
      row('texte', 'Un texte nommé mp4', 'media/notes.mp4'),
      row('tronque', 'Export interrompu', 'media/truncated.mp4'),
      row('codec', 'Codec inconnu', 'media/unknown-codec.mp4'),
      row('audio', 'Audio déclaré vidéo', 'media/only-audio.mp4'),
      row('dehors', 'Hors du dossier', '../outside.mp4'),
      row('sans-titre', '', 'media/good.mp4'),
      row('licence', 'Licence inconnue', 'media/good.mp4', 'CC-BY-ND-4.0'),
      row('bon', 'Le même identifiant', 'media/good.mp4'),
      row('absent', 'Fichier manquant', 'media/missing.mp4'),
    ];
    writeFileSync(path.join(root, 'programme.csv'), `${[HEADER, ...rows].join('\n')}\n`);
    run = await runCli(['ingest', '--plain', path.join(root, 'programme.csv')], { DATA_DIR: dataDir });
  }, 180_000);

  it('exits with 1 and still ingests the good rows', () => {
    expect(run.code).toBe(1);
    for (const id of ['bon', 'accents']) {
      const manifest = parseManifest(readFileSync(path.join(dataDir, 'items', id, 'manifest.json'), 'utf8'));
      expect(manifest.id).toBe(id);
    }
    expect(parseManifest(readFileSync(path.join(dataDir, 'items/accents/manifest.json'), 'utf8')).source.fileName).toBe('Présentation été.mp4');
  });

  it.each([
    ['vide', 'media/empty.mp4', /empty/],
    ['texte', 'media/notes.mp4', /not a media file: it contains text/],
    ['tronque', 'media/truncated.mp4', /truncated or incomplete MP4/],
    ['codec', 'media/unknown-codec.mp4', /unknown video codec/],
    ['audio', 'media/only-audio.mp4', /contains only audio/],
    ['dehors', '../outside.mp4', /leaves the programme folder/],
    ['licence', 'licence', /unknown licence "CC-BY-ND-4.0"/],
    ['absent', 'media/missing.mp4', /file not found/],
  ])('names item %s, file %s and the cause', (id, file, cause) => {
    const line = run.stderr.split('\n').find((l) => l.includes(id) && l.includes(file));
    expect(line, run.stderr).toBeDefined();
    expect(line).toMatch(cause);
  });

  it('reports a row without title and a duplicate id by row and field', () => {
    expect(run.stderr).toMatch(/row 9 .*title: title is required/);
    expect(run.stderr).toMatch(/row 11 bon id: id "bon" is already used by row 1/);
  });

  it('makes nothing of the failed items visible', () => {
    const visible = readdirSync(path.join(dataDir, 'items')).sort();
    expect(visible).toEqual(['accents', 'bon']);
    for (const id of visible) expect(existsSync(path.join(dataDir, 'items', id, 'manifest.json'))).toBe(true);
  });
});
