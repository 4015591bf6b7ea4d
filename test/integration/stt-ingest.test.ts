import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTinyWhisperModel } from '../../scripts/make-tiny-whisper-model.js';
import { parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { transcriptFileSchema } from '../../src/domain/text.js';
import { NO_TRANSCRIPT_WARNING } from '../../src/pipeline/steps/transcribe.js';
import { runCli, type CliRun } from '../support/cli.js';

const run = promisify(execFile);
const HEADER = 'id,edition,date,title,kind,themes,speakers,language,licence,summary,media,captions';

/**
 * A programme of two podcasts, one with French captions, one without, ingested first with no
 * speech-to-text model (the second is flagged "no transcript", in its manifest and in `status`),
 * then with the tiny model (only the second runs again and gets an automatic transcript).
 */
describe('speech-to-text in ingest', () => {
  let root: string;
  let dataDir: string;
  let model: string;
  let withoutModel: CliRun;
  /** Manifests as the first run left them (the second run rewrites one). */
  let before: Record<string, Manifest>;
  let statusWithout: CliRun;
  let withModel: CliRun;
  let statusWith: CliRun;
  let refused: CliRun;
  const manifest = (id: string): Manifest => parseManifest(readFileSync(path.join(dataDir, 'items', id, 'manifest.json'), 'utf8'));
  const lastIngest = (): { outcomes: { id: string; status: string }[] } => JSON.parse(readFileSync(path.join(dataDir, '.state/last-ingest.json'), 'utf8'));

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'mc-stt-ingest-'));
    dataDir = path.join(root, 'data');
    model = await ensureTinyWhisperModel(path.resolve('test/.fixtures/whisper'));
    mkdirSync(path.join(root, 'podcasts'));
    // A short sentence each (about 2 s): one window for whisper, whatever the length.
    await Promise.all([['bavard', 'Bienvenue dans ce podcast sur les communs.'], ['sous-titre', 'Bonjour à toutes et à tous.']].map(async ([name, text]) => {
      const wav = path.join(root, `${name}.wav`);
      await run('espeak-ng', ['-v', 'fr', '-w', wav, text as string]);
      await run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-i', wav, '-c:a', 'libmp3lame', '-q:a', '6', path.join(root, 'podcasts', `${name}.mp3`)]);
    }));
    writeFileSync(path.join(root, 'podcasts/sous-titre.fr.vtt'), 'WEBVTT\n\n00:00:00.100 --> 00:00:01.900\nBonjour à toutes et à tous.\n');
    const row = (id: string, media: string, captions: string): string =>
      `${id},2025 Strasbourg,2025-10-29,Podcast ${id},podcast,Communs & souveraineté,Julien Moreau (Radio Communs),fr,CC-BY-4.0,,${media},${captions}`;
    writeFileSync(path.join(root, 'programme.csv'), `${[HEADER, row('bavard', 'podcasts/bavard.mp3', ''), row('sous-titre', 'podcasts/sous-titre.mp3', 'fr:podcasts/sous-titre.fr.vtt')].join('\n')}\n`);

    // A model file that is not there, on another DATA_DIR: refused before any work, so run beside the rest.
    const refusing = runCli(['ingest', '--plain', path.join(root, 'programme.csv')], {
      DATA_DIR: path.join(root, 'other'), TRANSCRIBER: 'whisper', TRANSCRIBER_MODEL: path.join(root, 'ggml-base.bin'),
    });
    withoutModel = await runCli(['ingest', '--plain', path.join(root, 'programme.csv')], { DATA_DIR: dataDir, TRANSCRIBER: 'none' });
    statusWithout = await runCli(['status'], { DATA_DIR: dataDir });
    before = { bavard: manifest('bavard'), 'sous-titre': manifest('sous-titre') };
    withModel = await runCli(['ingest', '--plain', path.join(root, 'programme.csv')], { DATA_DIR: dataDir, TRANSCRIBER: 'whisper', TRANSCRIBER_MODEL: model });
    statusWith = await runCli(['status', '--json'], { DATA_DIR: dataDir });
    refused = await refusing;
  }, 300_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('without a model', () => {
    it('ingests both, and flags the one without captions in its manifest', () => {
      expect(withoutModel.code, withoutModel.stderr).toBe(0);
      const flagged = before.bavard as Manifest;
      expect(flagged.accessibility.transcript).toBe('none');
      expect(flagged.warnings).toContain(NO_TRANSCRIPT_WARNING);
      expect(flagged.text.transcripts).toEqual([]);
      expect(before['sous-titre']?.accessibility.transcript).toBe('reviewed');
      expect(before['sous-titre']?.warnings.join('\n')).not.toMatch(/no transcript/);
    });

    it('says so during the ingest and in status', () => {
      expect(withoutModel.stderr).toContain(`warning: bavard: ${NO_TRANSCRIPT_WARNING}`);
      expect(statusWithout.code).toBe(0);
      expect(statusWithout.stdout).toMatch(/^bavard\s.*\bnone\b/m);
      expect(statusWithout.stdout).toMatch(/^sous-titre\s.*\breviewed\b/m);
      expect(statusWithout.stdout).toMatch(/No transcript for 1 recording\(s\): bavard\n.*TRANSCRIBER=whisper/);
    });
  });

  describe('with a model', () => {
    it('runs again only the recording without captions', () => {
      expect(withModel.code, withModel.stderr).toBe(0);
      const outcomes = Object.fromEntries(lastIngest().outcomes.map((o) => [o.id, o.status]));
      expect(outcomes).toEqual({ bavard: 'ingested', 'sous-titre': 'unchanged' });
    });

    it('stores an automatic transcript, track and downloads, described in the manifest', () => {
      const item = manifest('bavard');
      expect(item.accessibility.transcript).toBe('automatic');
      expect(item.accessibility.captions).toBe(true);
      expect(item.warnings).not.toContain(NO_TRANSCRIPT_WARNING);
      // Keys are items/<id>/…/text/<file>: whatever the storage layout puts between.
      const key = (file: string): RegExp => new RegExp(`^items/bavard/(?:.+/)?text/${file.replace('.', '\\.')}$`);
      const [transcript] = item.text.transcripts;
      expect(item.text.transcripts).toHaveLength(1);
      expect(transcript).toMatchObject({ language: 'fr', source: 'speech-to-text', json: expect.stringMatching(key('transcript-fr.json')) });
      expect(transcript?.vtt).toMatch(key('fr.vtt'));
      expect(transcript?.txt).toMatch(key('fr.txt'));
      expect(item.tracks).toContainEqual(expect.objectContaining({ kind: 'captions', language: 'fr', key: transcript?.vtt, origin: 'automatic' }));
      expect(item.downloads.map((d) => d.key)).toEqual(expect.arrayContaining([transcript?.vtt, transcript?.txt]));
      const stored = transcriptFileSchema.parse(JSON.parse(readFileSync(path.join(dataDir, transcript?.json ?? ''), 'utf8')));
      expect(stored.source).toBe('speech-to-text');
      expect(stored.cues.length).toBe(transcript?.cues);
      expect(readFileSync(path.join(dataDir, transcript?.vtt ?? ''), 'utf8')).toMatch(/^WEBVTT\n/);
    });

    it('shows it in status', () => {
      const items = (JSON.parse(statusWith.stdout) as { items: { id: string; transcript: string | null }[] }).items;
      expect(Object.fromEntries(items.map((i) => [i.id, i.transcript]))).toEqual({ bavard: 'automatic', 'sous-titre': 'reviewed' });
    });
  });

  it('refuses a model file that is not there, before any work, naming the setting', () => {
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/TRANSCRIBER_MODEL: .*ggml-base\.bin: file not found/);
  });
});
