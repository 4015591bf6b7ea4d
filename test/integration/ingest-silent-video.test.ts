import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import type { MeiliServer } from '../../src/adapters/search-index/meilisearch-process.js';
import { parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { startArchiveMeili, startWebOnArchive } from '../support/archive-meili.js';
import { runCli, type CliRun } from '../support/cli.js';
import { makeAudioClip, makeVideoClip } from '../support/clips.js';

const run = promisify(execFile);
const HEADER = 'id,edition,date,title,kind,themes,speakers,language,licence,summary,media,captions,audio_description';
const SUBTITLES = ['WEBVTT', '', '00:00:00.100 --> 00:00:00.900', 'Bonjour, je présente le projet en LSF.', ''].join('\n');

/** Stream types as ffprobe sees them in a file or a playlist ("video", "audio"…). */
async function streamTypes(file: string): Promise<string[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'json', file]);
  return ((JSON.parse(stdout) as { streams?: { codec_type: string }[] }).streams ?? []).map((s) => s.codec_type);
}

/**
 * Recordings without a sound track (a talk in sign language, a silent demonstration with its
 * described audio) through the real CLI, beside an audio-only file declared as a talk: the silent
 * ones are published without sound, with a warning; the audio-only one is still refused with its cause.
 * The archive's own Meilisearch is started first: ingest and status use it, and the site is served over it.
 */
describe('ingest of a video without sound', () => {
  let root: string;
  let dataDir: string;
  let cli: CliRun;
  let status: CliRun;
  let signed: Manifest;
  let demo: Manifest;
  let meili: MeiliServer;
  let site: Awaited<ReturnType<typeof startWebOnArchive>>;
  const manifest = (id: string): Manifest => parseManifest(readFileSync(path.join(dataDir, 'items', id, 'manifest.json'), 'utf8'));
  const stored = (key: string): string => path.join(dataDir, key);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'mc-silent-'));
    dataDir = path.join(root, 'data');
    mkdirSync(path.join(root, 'talks'));
    [meili] = await Promise.all([
      startArchiveMeili(dataDir),
      makeVideoClip(path.join(root, 'talks/lsf.mp4'), { seconds: 1, width: 320, height: 180, audio: false }),
      makeVideoClip(path.join(root, 'talks/demo.mp4'), { seconds: 1, width: 320, height: 180, audio: false }),
      makeAudioClip(path.join(root, 'talks/demo.ad.m4a'), { seconds: 1, codecArgs: ['-c:a', 'aac'] }),
      makeAudioClip(path.join(root, 'talks/podcast.mp4'), { seconds: 1, codecArgs: ['-c:a', 'aac'] }),
    ]);
    writeFileSync(path.join(root, 'talks/lsf.fr.vtt'), SUBTITLES);
    const row = (id: string, media: string, captions = '', description = ''): string =>
      `${id},2025 Strasbourg,2025-10-29,Conférence ${id},talk,Accessibilité,Awa Diallo (Signes),fr,CC-BY-4.0,,${media},${captions},${description}`;
    const rows = [
      row('muet-lsf', 'talks/lsf.mp4', 'fr:talks/lsf.fr.vtt'),
      row('muet-demo', 'talks/demo.mp4', '', 'talks/demo.ad.m4a'),
      row('balado', 'talks/podcast.mp4'),
    ];
    writeFileSync(path.join(root, 'programme.csv'), `${[HEADER, ...rows].join('\n')}\n`);
    cli = await runCli(['ingest', '--plain', path.join(root, 'programme.csv')], { DATA_DIR: dataDir });
    signed = manifest('muet-lsf');
    demo = manifest('muet-demo');
    [status, site] = await Promise.all([runCli(['status'], { DATA_DIR: dataDir }), startWebOnArchive(new FsBlobStore(dataDir), meili)]);
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    await meili?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('publishes the silent recordings, with one warning line naming the item and the file', () => {
    expect(cli.code, cli.stderr).toBe(1); // the audio-only "talk"
    expect(cli.stdout).toMatch(/2 ingested, 0 updated, 0 unchanged, 1 failed/);
    const lines = cli.stderr.split('\n');
    expect(lines).toContain('warning: muet-lsf: talks/lsf.mp4: the recording has no sound track; published without sound');
    expect(lines).toContain('warning: muet-demo: talks/demo.mp4: the recording has no sound track; published without sound');
    // Nothing to transcribe: no request for a speech-to-text model.
    expect(cli.stderr).not.toMatch(/no transcript/);
    expect(signed.warnings).toEqual(['talks/lsf.mp4: the recording has no sound track; published without sound']);
  });

  it('is listed by status as without sound, not as waiting for a speech-to-text model', () => {
    expect(status.stdout).toMatch(/muet-demo +talk +0:01 +no sound /);
    expect(status.stdout).toMatch(/muet-lsf +talk +0:01 +reviewed /);
    expect(status.stdout).not.toMatch(/No transcript for/);
  });

  it('still refuses an audio-only file declared as a talk, with its cause', () => {
    const line = cli.stderr.split('\n').find((l) => l.startsWith('error: balado'));
    expect(line).toBe('error: balado talks/podcast.mp4: declared as a video recording but contains only audio: use kind "podcast" or supply the video');
  });

  it('records that there is no sound, and keeps the supplied subtitles', () => {
    expect(signed.media.class).toBe('video');
    expect(signed.media.audio).toBeNull();
    expect(signed.hls?.audio).toEqual([]);
    expect(signed.downloads.map((d) => d.format)).toEqual(['mp4', 'vtt', 'txt']);
    expect(signed.tracks.map((t) => [t.kind, t.language, t.origin])).toEqual([['captions', 'fr', 'reviewed']]);
    expect(signed.accessibility).toMatchObject({ captions: true, transcript: 'reviewed' });
  });

  it('writes an HLS master without audio group, playable by ffprobe, and an MP4 without audio', async () => {
    const master = readFileSync(stored(signed.hls?.master ?? ''), 'utf8');
    expect(master).not.toMatch(/EXT-X-MEDIA|mp4a|AUDIO=/);
    expect(master.match(/#EXT-X-STREAM-INF/g)).toHaveLength(signed.hls?.variants.length ?? -1);
    expect(await streamTypes(stored(signed.hls?.master ?? ''))).toEqual(['video']);
    const mp4 = signed.downloads.find((d) => d.format === 'mp4');
    expect(await streamTypes(stored(mp4?.key ?? ''))).toEqual(['video']);
  });

  it('publishes a described audio as a version of its own, the talk\'s master staying silent', async () => {
    expect(demo.audioDescription?.type).toBe('audio');
    expect(demo.audioDescription?.key).toMatch(/\/hls\/master-described\.m3u8$/);
    expect(demo.accessibility).toMatchObject({ audioDescription: true, transcript: 'none' });
    expect(demo.hls?.audio).toEqual([]);
    expect(await streamTypes(stored(demo.hls?.master ?? ''))).toEqual(['video']);
    expect(await streamTypes(stored(demo.audioDescription?.key ?? ''))).toContain('audio');
  });

  it('says "sans son" near the player and in the downloads, with no audio file offered', async () => {
    const page = await site.fetch('/talks/muet-demo');
    expect(page.status).toBe(200);
    const video = /<video id="player"[^>]*>/.exec(page.text)?.[0] ?? '';
    expect(video).toContain('muted');
    expect(video).toContain('aria-describedby="player-silent"');
    expect(page.text).toMatch(/<p class="meta item-silent" id="player-silent">Cette vidéo est sans son/);
    expect(page.text).toContain('>Sans son</span>');
    expect(page.text).toContain('Pas de parole à sous-titrer');
    expect(page.text).toMatch(/MP4 180p <span class="item-downloads__details">\(vidéo sans son, /);
    expect(page.text).not.toMatch(/\((?:audio), /);
    expect(page.text).not.toContain('data-described-audio');
    expect(page.text).toContain('Écouter la version audiodécrite');

    // Its described version: the description is the sound, played natively (no hls.js, no JS needed).
    const described = await site.fetch('/talks/muet-demo?ad=1');
    const player = /<video id="player"[^>]*>/.exec(described.text)?.[0] ?? '';
    expect(player).not.toContain('muted');
    expect(described.text).toMatch(/<source src="[^"]*\/hls\/master-described\.m3u8" type="application\/vnd\.apple\.mpegurl">/);
    expect(described.text).toContain('vous entendez sa version audiodécrite');
    expect(described.text).not.toContain('<noscript>');
    expect((await site.fetch(/<source src="([^"]*master-described\.m3u8)"/.exec(described.text)?.[1] ?? '/none')).status).toBe(200);

    const english = await site.fetch('/en/talks/muet-demo');
    expect(english.text).toContain('This video has no sound');
    expect(english.text).toContain('>No sound</span>');
  });

  it('tells reusers: the API says sound false, JSON-LD a visual-only access mode', async () => {
    const api = JSON.parse((await site.fetch('/api/items/muet-lsf')).text) as { media: { sound: boolean | null } };
    expect(api.media.sound).toBe(false);
    const page = await site.fetch('/talks/muet-lsf');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page.text)?.[1] ?? '{}') as { accessMode?: string[]; accessibilitySummary?: string };
    expect(jsonLd.accessMode).toEqual(['visual']);
    expect(jsonLd.accessibilitySummary).toContain('Vidéo sans son.');
    // Supplied subtitles of a silent talk are its captions, as for any talk.
    expect(page.text).toContain('<track kind="captions"');
  });
});
