import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSampleTimeline, type SampleTimeline } from '../../scripts/sample/texts.js';
import { parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { transcriptFileSchema } from '../../src/domain/text.js';
import { NO_TRANSCRIPT_WARNING } from '../../src/pipeline/steps/transcribe.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { runCli, type CliRun } from '../support/cli.js';
import { copySampleIngest } from '../support/sample-archive.js';

/**
 * The short sample edition, ingested by the real CLI: every kind of item comes out complete.
 * Global setup already ingests it, with this very command, for the tests that read an archive:
 * that run's exit code, stdout, stderr and report are kept beside its items, and checked here on
 * a private copy. When they came from other sources than the current ones (src/ changed since the
 * archive was made) or the archive is missing, the edition is ingested here instead.
 */
describe('ingest of the sample edition', () => {
  let dataDir: string;
  let run: CliRun;
  let timeline: SampleTimeline;
  const manifests = new Map<string, Manifest>();
  const byKind = (kind: string): Manifest[] => [...manifests.values()].filter((m) => m.kind === kind);
  const stored = (key: string): Buffer => readFileSync(path.join(dataDir, key));

  beforeAll(async () => {
    timeline = await readSampleTimeline(SHORT_SAMPLE_DIR);
    const recorded = await copySampleIngest();
    if (recorded) {
      dataDir = recorded.store.root;
      run = recorded.run;
    } else {
      dataDir = mkdtempSync(path.join(tmpdir(), 'mc-edition-'));
      run = await runCli(['ingest', '--plain', path.join(SHORT_SAMPLE_DIR, 'programme.csv')], { DATA_DIR: dataDir, TRANSCRIBER: 'none' });
    }
    for (const item of timeline.items) {
      manifests.set(item.id, parseManifest(readFileSync(path.join(dataDir, 'items', item.id, 'manifest.json'), 'utf8')));
    }
  }, 300_000);

  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('ingests all eight items with no error and a summary table', () => {
    // Nothing on stderr but the recordings without captions, flagged (no speech-to-text model here).
    const flagged = [...manifests.values()].filter((m) => m.media.class !== 'document' && m.accessibility.transcript === 'none');
    expect(flagged.map((m) => m.kind).sort()).toEqual(['pitch', 'podcast', 'podcast']);
    expect(run.stderr.split('\n').filter(Boolean).sort()).toEqual(flagged.map((m) => `warning: ${m.id}: ${NO_TRANSCRIPT_WARNING}`).sort());
    expect(run.code).toBe(0);
    expect(manifests.size).toBe(8);
    expect(run.stdout).toMatch(/8 ingested, 0 updated, 0 unchanged, 0 failed/);
  });

  it('stores every file with the checksum its manifest gives', () => {
    for (const manifest of manifests.values()) {
      for (const file of manifest.files) expect(createHash('sha256').update(stored(file.key)).digest('hex'), file.key).toBe(file.sha256);
      expect(manifest.source.key).toMatch(new RegExp(`^items/${manifest.id}/[0-9a-f]{12}/source/`));
    }
  });

  it('gives videos an HLS ladder with an honest master playlist, an MP4, an MP3 of their sound, posters and a storyboard', () => {
    for (const talk of [...byKind('talk'), ...byKind('workshop'), ...byKind('round-table'), ...byKind('pitch')]) {
      expect(talk.hls, talk.id).not.toBeNull();
      const master = stored(talk.hls?.master ?? '').toString();
      expect(master).toMatch(/#EXT-X-STREAM-INF:.*BANDWIDTH=\d+.*RESOLUTION=\d+x\d+.*CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/);
      expect(master).toMatch(/#EXT-X-MEDIA:TYPE=AUDIO/);
      expect(talk.downloads.find((d) => d.format === 'mp4')?.contentType).toBe('video/mp4');
      // The talk's sound alone, as podcasts are: an MP3 at −16 LUFS (talk-audio).
      const mp3 = talk.downloads.find((d) => d.format === 'mp3');
      expect(mp3?.contentType, talk.id).toBe('audio/mpeg');
      expect(Math.abs((mp3?.loudness ?? 0) + 16), talk.id).toBeLessThanOrEqual(1);
      expect(new Set(talk.images.posters.map((p) => p.format))).toEqual(new Set(['avif', 'webp', 'jpeg']));
      expect(talk.images.storyboard?.sheets.length).toBeGreaterThan(0);
      // The source's loudness, measured by the ladder's own ebur128 branch (espeak-ng speaks near −21 LUFS).
      expect(talk.media.audio?.loudness, talk.id).toBeGreaterThan(-35);
      expect(talk.media.audio?.loudness, talk.id).toBeLessThan(-10);
      expect(stored(talk.images.storyboard?.vtt ?? '').toString()).toMatch(/^WEBVTT[\s\S]*#xywh=\d+,\d+,\d+,\d+/);
    }
  });

  it('keeps the supplied captions, the slides, the audio description and the sign-language video', () => {
    const withEnglish = [...manifests.values()].find((m) => m.tracks.some((t) => t.language === 'en'));
    const captionTracks = withEnglish?.tracks.filter((t) => t.kind === 'captions' || t.kind === 'subtitles');
    expect(captionTracks?.map((t) => `${t.kind} ${t.language}.${t.format} ${t.origin}`).sort()).toEqual(['captions fr.vtt reviewed', 'subtitles en.vtt reviewed']);
    expect(withEnglish?.slides?.contentType).toBe('application/pdf');
    expect(withEnglish?.accessibility).toMatchObject({ captions: true, reviewedTranscript: true, transcript: 'reviewed' });
    const described = [...manifests.values()].find((m) => m.audioDescription !== null);
    expect(described?.audioDescription?.type).toBe('text');
    expect(described?.tracks.some((t) => t.kind === 'descriptions')).toBe(true);
    expect(described?.signLanguage).not.toBeNull();
    expect(described?.accessibility).toMatchObject({ audioDescription: true, signLanguage: true });
  });

  it('turns the supplied captions into reviewed transcripts with the texts and speakers the sample spoke', () => {
    const captioned = [...byKind('talk'), ...byKind('workshop'), ...byKind('round-table')];
    expect(captioned).toHaveLength(4);
    for (const item of captioned) {
      const fr = item.text.transcripts.find((t) => t.language === 'fr');
      expect(fr?.source, item.id).toBe('captions-reviewed');
      expect(item.accessibility.transcript, item.id).toBe('reviewed');
      const cues = transcriptFileSchema.parse(JSON.parse(stored(fr?.json ?? '').toString('utf8'))).cues;
      const spoken = timeline.items.find((i) => i.id === item.id)?.sentences ?? [];
      expect(cues.map((c) => c.text).join(' ').replace(/\s+/g, ' '), item.id).toBe(spoken.map((s) => s.text).join(' ').replace(/\s+/g, ' '));
      expect([...new Set(cues.map((c) => c.speaker))], item.id).toEqual([...new Set(spoken.map((s) => s.speaker ?? null))]);
    }
  });

  it('turns the phone video upright', () => {
    const pitch = byKind('pitch')[0];
    expect(pitch?.media.video?.displayHeight).toBeGreaterThan(pitch?.media.video?.displayWidth ?? Infinity);
    for (const variant of pitch?.hls?.variants ?? []) expect(variant.height).toBeGreaterThan(variant.width ?? Infinity);
  });

  it('normalises podcasts to −16 LUFS in every format, with a waveform and the ID3 cover', () => {
    const podcasts = byKind('podcast');
    expect(podcasts).toHaveLength(2);
    for (const podcast of podcasts) {
      expect(podcast.downloads.map((d) => d.format).sort()).toEqual(['m4a', 'mp3', 'opus']);
      for (const d of podcast.downloads) expect(Math.abs((d.loudness ?? 0) + 16), `${podcast.id} ${d.format}`).toBeLessThanOrEqual(1);
      expect(podcast.images.waveform?.format).toBe('png');
      expect(podcast.media.audio?.loudness, podcast.id).toBeLessThan(-18); // the samples are deliberately quiet
      expect(podcast.hls?.audio.length).toBe(1);
    }
    expect(podcasts.filter((p) => p.images.cover !== null)).toHaveLength(1); // only the MP3 has ID3 cover art
  });

  it('stores the magazine with its pages counted and a first-page poster', () => {
    const magazine = byKind('document')[0];
    expect(magazine?.media.pages).toBe(timeline.items.find((i) => i.kind === 'document')?.pages.length);
    expect(magazine?.downloads[0]?.format).toBe('pdf');
    expect(magazine?.images.posters.length).toBeGreaterThanOrEqual(3);
  });

  it('lists the edition in `status`', async () => {
    const status = await runCli(['status', '--json'], { DATA_DIR: dataDir });
    const parsed = JSON.parse(status.stdout) as { items: { id: string }[]; lastIngest: { outcomes: unknown[] } };
    expect(parsed.items.map((i) => i.id).sort()).toEqual(timeline.items.map((i) => i.id).sort());
    expect(parsed.lastIngest.outcomes).toHaveLength(8);
  });
});
