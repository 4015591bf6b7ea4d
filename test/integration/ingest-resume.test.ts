import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../../src/cli/commands/ingest.js';
import { statusCommand } from '../../src/cli/commands/status.js';
import { parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { runCli, startCli } from '../support/cli.js';
import { runCommand } from '../support/cli-in-process.js';
import { makeAudioClip, makeVideoClip } from '../support/clips.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';

const run = promisify(execFile);
const HEADER = 'id,edition,date,title,kind,themes,speakers,language,licence,summary,media';
const programme = (podcastTitle: string, podcastSummary = ''): string =>
  `${HEADER}\nconference,2025 Strasbourg,2025-10-29,Communs numériques,talk,Communs,Ali Ben (Ville de Strasbourg),fr,CC-BY-4.0,,media/talk.mp4\n` +
  `podcast,2025 Strasbourg,2025-10-30,${podcastTitle},podcast,Médiation,Jeanne Martin (La Mednum),fr,CC0-1.0,${podcastSummary},media/podcast.mp3\n`;

describe('ingest is idempotent and resumes after SIGKILL', () => {
  let root: string;
  let env: Record<string, string>;
  let meili: TestMeili;
  const manifestOf = (id: string): Manifest => parseManifest(readFileSync(path.join(env.DATA_DIR as string, 'items', id, 'manifest.json'), 'utf8'));

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'mc-resume-'));
    // One search server for every run of the file (each command would otherwise start the
    // archive's own in DATA_DIR): this file is about the store and the work folder.
    meili = await startTestMeili();
    env = { DATA_DIR: path.join(root, 'data'), MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey };
    mkdirSync(path.join(root, 'media'));
    // 480p, for two renditions of a busy test pattern (the changed source below has one); the kill
    // waits for the transcode's first bytes rather than for a clock, so a few seconds are enough
    // to be killed in the middle of it.
    await makeVideoClip(path.join(root, 'media/talk.mp4'), { seconds: 4, width: 854, height: 480, pattern: 'testsrc' });
    await makeAudioClip(path.join(root, 'media/podcast.mp3'), { seconds: 3, codecArgs: ['-c:a', 'libmp3lame'] });
    writeFileSync(path.join(root, 'programme.csv'), programme('Écouter les territoires'));
  }, 120_000);

  afterAll(async () => {
    await meili?.stop();
  });

  it('leaves nothing visible when killed mid-transcode, then completes without duplicates', async () => {
    const first = startCli(['ingest', '--plain', path.join(root, 'programme.csv')], env);
    await waitFor(() => first.stdout().includes('conference: transcode-video…'), 60_000);
    // Killed while ffmpeg runs and has written part of the renditions into the work folder.
    await waitFor(() => ffmpegWritingInto(env.DATA_DIR as string).length > 0 && partialOutputs(path.join(env.DATA_DIR as string, '.work', 'conference')) > 0, 60_000, 10);
    expect(first.stdout()).not.toContain('conference: transcode-video done');
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    // ffmpeg dies with its parent: no orphan keeps writing into the folder the next run resumes in.
    await waitFor(() => ffmpegWritingInto(env.DATA_DIR as string).length === 0, 5_000);
    expect(existsSync(path.join(env.DATA_DIR as string, 'items/conference/manifest.json'))).toBe(false);
    // `status` and the runs after the resumed one in this process (the command's own function):
    // the spawned runs here prove the entry point, its exit codes and its output.
    const status = JSON.parse((await runCommand(statusCommand, ['--json'], env)).stdout) as { items: { id: string }[]; unfinished: { id: string; steps: string[] }[] };
    expect(status.items.map((i) => i.id)).not.toContain('conference');
    // What was done is in the storage, and said: the probe at least, not the transcode it was killed in.
    const stopped = status.unfinished.find((u) => u.id === 'conference');
    expect(stopped?.steps).toContain('probe');
    expect(stopped?.steps).not.toContain('transcode-video');
    expect((await runCli(['status'], env)).stdout).toMatch(/Work in progress in the storage .*\n {2}conference \(version [0-9a-f]{16}\): \d+ step\(s\) recorded — probe/);

    const second = await runCli(['ingest', '--plain', path.join(root, 'programme.csv')], env);
    // Recordings without captions are flagged "no transcript" (no speech-to-text model here); nothing else.
    expect(second.stderr.replace(/^warning: [^:]+: no transcript: .*\n/gm, '')).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('conference: probe reused from the previous run');
    expect(readdirSync(path.join(env.DATA_DIR as string, 'items')).sort()).toEqual(['conference', 'podcast']);
    expect(readdirSync(path.join(env.DATA_DIR as string, '.work'))).toEqual([]);
    expect((JSON.parse((await runCommand(statusCommand, ['--json'], env)).stdout) as { unfinished: unknown[] }).unfinished).toEqual([]);
    for (const id of ['conference', 'podcast']) {
      const manifest = manifestOf(id);
      for (const file of manifest.files) {
        const bytes = readFileSync(path.join(env.DATA_DIR as string, file.key));
        expect(createHash('sha256').update(bytes).digest('hex'), file.key).toBe(file.sha256);
        expect(bytes.length).toBe(file.size);
      }
      const stored = listFiles(path.join(env.DATA_DIR as string, 'items', id)).filter((k) => !k.endsWith('manifest.json'));
      expect(stored.sort()).toEqual(manifest.files.map((f) => f.key).sort());
    }
  }, 240_000);

  it('skips unchanged items, only rewrites the manifest for metadata, and re-encodes what embeds it', async () => {
    // The talk, untouched since the resumed run, is skipped (the podcast is, in the next test).
    const mp3Of = (): string => path.join(env.DATA_DIR as string, manifestOf('podcast').downloads.find((d) => d.format === 'mp3')?.key ?? 'missing');
    const before = statSync(mp3Of()).mtimeMs;
    writeFileSync(path.join(root, 'programme.csv'), programme('Écouter les territoires', 'Un épisode sur la médiation en zone rurale.'));
    const summarised = await runCommand(ingestCommand, ['--plain', path.join(root, 'programme.csv')], env);
    expect(summarised.code).toBe(0);
    expect(summarised.stdout).toMatch(/conference: unchanged/);
    expect(summarised.stdout).toMatch(/podcast: updated/);
    expect(manifestOf('podcast').summary).toBe('Un épisode sur la médiation en zone rurale.');
    expect(statSync(mp3Of()).mtimeMs).toBe(before);

    // The title is written into the MP3's ID3 tags: a new title means new files.
    writeFileSync(path.join(root, 'programme.csv'), programme('"Écouter les territoires, épisode 1"'));
    const renamed = await runCommand(ingestCommand, ['--plain', path.join(root, 'programme.csv')], env);
    expect(renamed.stdout).toMatch(/podcast: ingested/);
    expect(renamed.stdout).toMatch(/conference: unchanged/);
    expect(manifestOf('podcast').title).toBe('Écouter les territoires, épisode 1');
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format_tags=title', '-of', 'default=nw=1:nk=1', mp3Of()]);
    expect(stdout.trim()).toBe('Écouter les territoires, épisode 1');
  }, 120_000);

  it('transcodes a changed source again and removes what the new version no longer has', async () => {
    expect(manifestOf('conference').hls?.variants.map((v) => v.name)).toEqual(['480p', '360p']);
    await makeVideoClip(path.join(root, 'media/talk.mp4'), { seconds: 2, width: 640, height: 360 });
    const changed = await runCommand(ingestCommand, ['--plain', path.join(root, 'programme.csv')], env);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/conference: ingested/);
    expect(changed.stdout).toMatch(/podcast: unchanged/);
    const manifest = manifestOf('conference');
    expect(manifest.hls?.variants.map((v) => v.name)).toEqual(['360p']);
    // The new revision has its own folder; the old one is gone with everything it had.
    const stored = listFiles(path.join(env.DATA_DIR as string, 'items', 'conference'));
    expect(stored.filter((key) => key.includes('/hls/480p/'))).toEqual([]);
    expect(new Set(stored.filter((key) => !key.endsWith('manifest.json')).map((key) => key.split('/')[2])).size).toBe(1);
    expect(manifest.media.duration).toBeLessThan(3);
  }, 120_000);
});

/** ffmpeg processes whose command line names `dir` (read from /proc, Linux). */
function ffmpegWritingInto(dir: string): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((pid) => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.startsWith('ffmpeg') || cmdline.includes('/ffmpeg\0') ? (cmdline.includes(dir) ? [Number(pid)] : []) : [];
    } catch {
      return [];
    }
  });
}

/** Bytes ffmpeg has written so far into the output folders of an item's work (renditions, download). */
function partialOutputs(itemWork: string): number {
  try {
    return readdirSync(itemWork, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|mp4)$/.test(e.name) && path.join(e.parentPath, e.name).split(path.sep).includes('out'))
      .reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
  } catch {
    return 0; // not there yet, or a file went while we looked: ask again
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number, everyMs = 50): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function listFiles(dir: string, prefix = path.relative(path.join(dir, '../..'), dir)): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}/${e.name}`) : [`${prefix}/${e.name}`],
  );
}
