import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import type { MediaInfo } from '../../src/domain/manifest.js';
import { parseEbur128Integrated } from '../../src/pipeline/loudness.js';
import { measureOutputCommand } from '../../src/pipeline/podcast-commands.js';
import type { StepContext } from '../../src/pipeline/step.js';
import { podcastAudioStep } from '../../src/pipeline/steps/podcast-audio.js';
import { makeAudioClip } from '../support/clips.js';
import { realStepTools } from '../support/step-tools.js';

const media = new FluentFfmpegMediaTool();
let root: string;

function audioItem(path: string): ProgrammeItem {
  return {
    id: '2025-test-podcast',
    row: 1,
    edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' },
    date: null,
    title: 'Médiation numérique et IA',
    kind: 'podcast',
    themes: [],
    speakers: [{ name: 'Camille Martin', slug: 'camille-martin' }],
    language: 'fr',
    licence: 'CC-BY-4.0',
    summary: '',
    media: { path, declared: 'podcast.wav' },
    captions: [],
    slides: null,
    audioDescription: null,
    signLanguage: null,
  };
}

function audioInfo(duration: number, channels: number): MediaInfo {
  return {
    class: 'audio', container: 'wav', duration, size: 1, bitRate: null, video: null,
    audio: { codec: 'pcm_s16le', channels, sampleRate: 44_100, loudness: null }, pages: null, tags: {},
  };
}

function context(item: ProgrammeItem, info: MediaInfo, name: string): StepContext {
  return {
    item,
    workDir: join(root, name, 'work'),
    outDir: join(root, name, 'out'),
    previous: { media: info },
    ...realStepTools({ media }),
  };
}

async function integrated(file: string): Promise<number | null> {
  return parseEbur128Integrated((await media.run(measureOutputCommand(file, 4))).stderr);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-podcast-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('podcast-audio step', () => {
  it('normalises a quiet mono tone to −16 LUFS in every rendition', async () => {
    const source = await makeAudioClip(join(root, 'quiet.wav'), { seconds: 4, volume: 0.05 });
    const ctx = context(audioItem(source), audioInfo(4, 1), 'quiet');
    const started = Date.now();
    const result = await podcastAudioStep.run(ctx);
    console.info(`podcast-audio on 4 s: ${Date.now() - started} ms`, result.downloads?.map((d) => d.loudness));

    expect(result.warnings).toBeUndefined();
    expect(result.downloads?.map((d) => d.label)).toEqual(['M4A (AAC)', 'MP3', 'Opus']);
    for (const download of result.downloads ?? []) {
      expect(download.loudness).not.toBeNull();
      expect(Math.abs((download.loudness ?? 0) + 16)).toBeLessThanOrEqual(1);
      const probe = await media.probe(join(ctx.outDir, download.path));
      const audio = probe.streams.find((stream) => stream.codec_type === 'audio');
      expect(audio?.['channels']).toBe(1);
      expect(Number(probe.format['duration'])).toBeGreaterThan(3.8);
    }
    // The HLS rendition is the same audio: measure it through its playlist too.
    const hlsLoudness = await integrated(join(ctx.outDir, 'hls/audio/index.m3u8'));
    expect(Math.abs((hlsLoudness ?? 0) + 16)).toBeLessThanOrEqual(1);

    const master = await readFile(join(ctx.outDir, 'hls/master.m3u8'), 'utf8');
    expect(master).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="mp4a.40.2"\naudio\/index.m3u8\n/);
    const audio = result.hls?.audio[0];
    expect(audio).toMatchObject({ name: 'audio', playlist: 'hls/audio/index.m3u8', language: 'fr', describesVideo: false, codecs: 'mp4a.40.2' });
    expect(audio?.bandwidth).toBeGreaterThan(64_000);
    expect(result.hls?.variants).toEqual([]);
    // The intermediate WAV is scratch, not an output.
    await expect(stat(join(ctx.workDir, 'podcast-normalised.wav'))).rejects.toThrow();
  });

  it('keeps a stereo WAV (layout only guessed by ffmpeg) stereo', async () => {
    const source = await makeAudioClip(join(root, 'stereo.wav'), { seconds: 3, volume: 0.5, codecArgs: ['-ac', '2'] });
    const ctx = context(audioItem(source), audioInfo(3, 2), 'stereo');
    const result = await podcastAudioStep.run(ctx);
    expect(result.warnings).toBeUndefined();
    for (const download of result.downloads ?? []) {
      expect(Math.abs((download.loudness ?? 0) + 16)).toBeLessThanOrEqual(1);
      const probe = await media.probe(join(ctx.outDir, download.path));
      expect(probe.streams.find((stream) => stream.codec_type === 'audio')?.['channels']).toBe(2);
    }
  });

  it('keeps a silent recording silent and still encodes it', async () => {
    const source = await makeAudioClip(join(root, 'silent.wav'), { seconds: 2, volume: 0 });
    const ctx = context(audioItem(source), audioInfo(2, 1), 'silent');
    const result = await podcastAudioStep.run(ctx);
    expect(result.warnings?.[0]).toMatch(/silent/);
    for (const download of result.downloads ?? []) {
      expect(download.loudness).toBeNull();
      expect((await stat(join(ctx.outDir, download.path))).size).toBeGreaterThan(0);
    }
  });
});
