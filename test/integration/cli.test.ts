import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCommand } from '../../src/cli/commands/ingest.js';
import { parseManifest } from '../../src/domain/manifest.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { runCli } from '../support/cli.js';
import { commandRefusal, runCommand } from '../support/cli-in-process.js';

const fresh = (): string => mkdtempSync(path.join(tmpdir(), 'mc-cli-'));

describe('the command line', () => {
  it('answers bad usage with exit code 2 and a line saying why', async () => {
    const none = await runCli([], { DATA_DIR: fresh() });
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: mediacommuns <command>');
    const unknown = await runCli(['transcode'], { DATA_DIR: fresh() });
    expect([unknown.code, unknown.stderr]).toEqual([2, 'error: unknown command "transcode" (see mediacommuns --help)\n']);
    const missing = await runCli(['ingest'], { DATA_DIR: fresh() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ingest takes exactly one folder or programme file/);
    // Also a usage error of ingest's (answered as the one above), from the command in this process.
    expect(await commandRefusal(ingestCommand, ['/nonexistent/programme.csv'], { DATA_DIR: fresh() })).toBe('UsageError: /nonexistent/programme.csv: no such file or folder');
  });

  it('lists every configuration problem at once', async () => {
    const bad = await runCli(['status'], { DATA_DIR: fresh(), STORAGE: 's3', PORT: 'eighty' });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      'error: configuration: PORT: Invalid input: expected number, received NaN',
      'error: configuration: S3_BUCKET: required when STORAGE=s3',
      'error: configuration: S3_ACCESS_KEY_ID: required when STORAGE=s3',
      'error: configuration: S3_SECRET_ACCESS_KEY: required when STORAGE=s3',
    ]);
  });

  it('validates without transcoding on --dry-run', async () => {
    const dataDir = fresh();
    // The command in this process (its exit codes through the CLI: the other tests here).
    const run = await runCommand(ingestCommand, ['--dry-run', '--plain', path.join(SHORT_SAMPLE_DIR, 'programme.csv')], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/8 item\(s\) valid, 0 problem\(s\)/);
    expect(existsSync(path.join(dataDir, 'items'))).toBe(false);
  });

  it('refuses to run two ingests on one archive at once', async () => {
    const dataDir = fresh();
    mkdirSync(path.join(dataDir, '.work'), { recursive: true });
    writeFileSync(path.join(dataDir, '.work', 'ingest.lock'), String(process.pid)); // this test process is alive
    const run = await runCli(['ingest', path.join(SHORT_SAMPLE_DIR, 'programme.csv')], { DATA_DIR: dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: another ingest is running on this archive (pid ${process.pid}); wait for it or stop it first\n`);
  });

  it('reports an unreadable manifest in `status` without hiding the others', async () => {
    const dataDir = fresh();
    mkdirSync(path.join(dataDir, 'items', 'broken'), { recursive: true });
    writeFileSync(path.join(dataDir, 'items', 'broken', 'manifest.json'), '{"schemaVersion": 2, "id": "broken"}');
    // A search address that answers nothing: status says so instead of starting a Meilisearch.
    const run = await runCli(['status'], { DATA_DIR: dataDir, MEILI_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: items\/broken\/manifest\.json: unreadable manifest \(kind: .*\)\n$/);
    expect(run.stdout).toContain('0 item(s)');
  });

  it('ingests a plain folder with no programme from the files\' own tags', async () => {
    const folder = path.join(fresh(), '2025 Strasbourg');
    mkdirSync(path.join(folder, 'podcasts'), { recursive: true });
    // One recording is enough to show the tags read (the sample's other podcast would only add a transcode).
    const file = 'podcasts/podcast-des-communs-sobriete-numerique.mp3';
    copyFileSync(path.join(SHORT_SAMPLE_DIR, file), path.join(folder, file));
    const dataDir = fresh();
    const run = await runCli(['ingest', '--plain', folder], { DATA_DIR: dataDir, DEFAULT_LICENCE: 'Etalab-2.0' });
    // Recordings without captions are flagged "no transcript" (no speech-to-text model here); nothing else.
    expect(run.stderr.replace(/^warning: [^:]+: no transcript: .*\n/gm, '')).toBe('');
    expect(run.code).toBe(0);
    const id = '2025-strasbourg-le-podcast-des-communs-episode-3-la-sobriete-numerique-au';
    const manifest = parseManifest(readFileSync(path.join(dataDir, 'items', id, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      kind: 'podcast', title: 'Le podcast des communs, épisode 3 : la sobriété numérique au quotidien',
      licence: 'Etalab-2.0', edition: { label: '2025 Strasbourg', year: 2025 },
    });
    expect(manifest.speakers.map((s) => s.name)).toEqual(['Julien Moreau']);
    expect(manifest.images.cover).not.toBeNull();
  });
});
