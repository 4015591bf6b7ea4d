import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webvtt from 'webvtt-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { transcriptFileSchema } from '../../src/domain/text.js';
import { runCli, type CliRun } from '../support/cli.js';
import { makeVideoClip } from '../support/clips.js';

const HEADER = 'id,edition,date,title,kind,themes,speakers,language,licence,summary,media,captions';

const GOOD_FR = [
  'WEBVTT',
  'Kind: captions',
  '',
  '00:00:00.200 --> 00:00:01.000',
  '<v Nadia Rahmani>Bienvenue à <i>tous</i> &amp; à toutes.',
  '',
  '00:00:01.000 --> 00:00:01.900',
  '<v Paul Meyer>Un commun, c&rsquo;est <script>partagé</script>.</v>',
  '',
].join('\n');
// Windows-1252, CRLF, as older subtitling tools write it: "5 €" is byte 0x80.
const GOOD_EN = Buffer.from('1\r\n00:00:00,200 --> 00:00:01,000\r\nWelcome, entry is 5 \u0080.\r\n\r\n2\r\n00:00:01,000 --> 00:00:01,900\r\nA shared resource.\r\n', 'latin1');
const BROKEN_FR = ['WEBVTT', '', '00:00:00.200 --> 00:00:01.000', 'Bonjour.', '', 'NOTE la suite est fausse', '', '00:00:0x.000 --> 00:00:01.900', 'Suite.', ''].join('\n');

/** Two recordings through the real CLI: one with good captions in two languages, one with a broken file. */
describe('ingest of supplied captions', () => {
  let root: string;
  let dataDir: string;
  let run: CliRun;
  let good: Manifest;
  let broken: Manifest;
  const stored = (key: string): Buffer => readFileSync(path.join(dataDir, key));
  const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'mc-captions-'));
    dataDir = path.join(root, 'data');
    mkdirSync(path.join(root, 'talks'));
    await makeVideoClip(path.join(root, 'talks/bon.mp4'), { seconds: 2, width: 320, height: 180 });
    await makeVideoClip(path.join(root, 'talks/casse.mp4'), { seconds: 3, width: 320, height: 180 });
    writeFileSync(path.join(root, 'talks/bon.fr.vtt'), GOOD_FR);
    writeFileSync(path.join(root, 'talks/bon.en.srt'), GOOD_EN);
    writeFileSync(path.join(root, 'talks/casse.fr.vtt'), BROKEN_FR);
    const row = (id: string, media: string, captions: string): string =>
      `${id},2025 Strasbourg,2025-10-30,Table ronde ${id},round-table,Communs,Nadia Rahmani (Collectif); Paul Meyer (Syndicat),fr,CC-BY-4.0,,${media},${captions}`;
    const rows = [
      row('sous-titres', 'talks/bon.mp4', 'fr:talks/bon.fr.vtt; en:talks/bon.en.srt'),
      row('sous-titres-casses', 'talks/casse.mp4', 'fr:talks/casse.fr.vtt'),
    ];
    writeFileSync(path.join(root, 'programme.csv'), `${[HEADER, ...rows].join('\n')}\n`);
    run = await runCli(['ingest', '--plain', path.join(root, 'programme.csv')], { DATA_DIR: dataDir });
    const manifest = (id: string): Manifest => parseManifest(readFileSync(path.join(dataDir, 'items', id, 'manifest.json'), 'utf8'));
    good = manifest('sous-titres');
    broken = manifest('sous-titres-casses');
  }, 300_000);

  it('ingests both items: a caption file is no reason to fail an item', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 ingested, 0 updated, 0 unchanged, 0 failed/);
  });

  it('stores the normalised captions, the text and the JSON transcript, and lists them in the manifest', () => {
    const [fr, en] = good.text.transcripts;
    expect(good.text.transcripts.map((t) => [t.language, t.source, t.cues])).toEqual([['fr', 'captions-reviewed', 2], ['en', 'captions-reviewed', 2]]);
    expect(fr?.vtt).toMatch(/\/text\/fr\.vtt$/);
    expect(fr?.txt).toMatch(/\/text\/fr\.txt$/);
    expect(fr?.json).toMatch(/\/text\/transcript-fr\.json$/);
    expect(fr?.words).toBe(9); // "&" is not a word

    const vtt = stored(fr?.vtt ?? '').toString('utf8');
    expect(new webvtt.WebVTTParser().parse(vtt).errors).toEqual([]);
    expect(vtt).toBe(
      'WEBVTT\n\n00:00:00.200 --> 00:00:01.000\n<v Nadia Rahmani>Bienvenue à tous &amp; à toutes.</v>\n\n' +
        '00:00:01.000 --> 00:00:01.900\n<v Paul Meyer>Un commun, c’est partagé.</v>\n',
    );
    expect(stored(fr?.txt ?? '').toString('utf8')).toBe('Nadia Rahmani\u00a0: Bienvenue à tous & à toutes.\n\nPaul Meyer\u00a0: Un commun, c’est partagé.\n');
    const transcript = transcriptFileSchema.parse(JSON.parse(stored(fr?.json ?? '').toString('utf8')));
    expect(transcript.cues[1]).toEqual({ start: 1, end: 1.9, text: 'Un commun, c’est partagé.', speaker: 'Paul Meyer' });
    expect(stored(en?.txt ?? '').toString('utf8')).toBe('Welcome, entry is 5 €. A shared resource.\n');
  });

  it('offers the captions as tracks and downloads, marked reviewed', () => {
    expect(good.tracks.filter((t) => t.kind === 'captions' || t.kind === 'subtitles').map((t) => [t.kind, t.language, t.label, t.format, t.origin])).toEqual([
      ['captions', 'fr', 'Français', 'vtt', 'reviewed'],
      ['subtitles', 'en', 'English', 'vtt', 'reviewed'],
    ]);
    expect(good.downloads.filter((d) => d.format === 'vtt' || d.format === 'txt').map((d) => [d.format, d.label, d.contentType])).toEqual([
      ['vtt', 'Sous-titres WebVTT — Français', 'text/vtt; charset=utf-8'],
      ['txt', 'Transcription texte — Français', 'text/plain; charset=utf-8'],
      ['vtt', 'Sous-titres WebVTT — English', 'text/vtt; charset=utf-8'],
      ['txt', 'Transcription texte — English', 'text/plain; charset=utf-8'],
    ]);
    expect(good.accessibility).toMatchObject({ captions: true, reviewedTranscript: true, transcript: 'reviewed' });
    expect(good.warnings.filter((w) => w.includes('talks/bon.'))).toEqual([]);
  });

  it('keeps the supplied bytes as they were, checksummed, but not as a download', () => {
    for (const [name, original] of [['captions-fr.vtt', Buffer.from(GOOD_FR)], ['captions-en.srt', GOOD_EN]] as const) {
      const file = good.files.find((f) => f.key.endsWith(`/originals/${name}`));
      expect(file?.sha256, name).toBe(sha256(original));
      expect(sha256(stored(file?.key ?? '')), name).toBe(sha256(original));
      expect(good.downloads.some((d) => d.key === file?.key)).toBe(false);
    }
  });

  it('ingests the item with a broken caption file without it, flagged with the line and the cause', () => {
    const expected = 'talks/casse.fr.vtt line 8: invalid timestamp "00:00:0x.000"; captions left out';
    expect(broken.warnings).toContain(expected);
    expect(broken.text.transcripts).toEqual([]);
    expect(broken.tracks.filter((t) => t.kind === 'captions' || t.kind === 'subtitles')).toEqual([]);
    expect(broken.accessibility.captions).toBe(false);
    expect(broken.accessibility.transcript).not.toBe('reviewed');
    expect(broken.files.some((f) => f.key.includes('/text/fr.') || f.key.includes('/originals/'))).toBe(false);
    const lines = run.stderr.split('\n').filter((line) => line.includes('casse.fr.vtt'));
    expect(lines).toEqual([`warning: sous-titres-casses: ${expected}`]);
  });
});
