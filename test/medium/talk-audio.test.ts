import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import type { MediaInfo } from '../../src/domain/manifest.js';
import { parseEbur128Integrated, PODCAST_TARGET } from '../../src/pipeline/loudness.js';
import { measureOutputCommand } from '../../src/pipeline/podcast-commands.js';
import type { StepContext } from '../../src/pipeline/step.js';
import { talkAudioStep } from '../../src/pipeline/steps/talk-audio.js';
import { makeVideoClip } from '../support/clips.js';
import { realStepTools } from '../support/step-tools.js';

const run = promisify(execFile);
const media = new FluentFfmpegMediaTool();
let root: string;

function talkItem(path: string): ProgrammeItem {
  return {
    id: '2025-test-talk',
    row: 1,
    edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' },
    date: null,
    title: 'Les communs numériques',
    kind: 'talk',
    themes: [],
    speakers: [{ name: 'Camille Martin', slug: 'camille-martin' }],
    language: 'fr',
    licence: 'CC-BY-4.0',
    summary: '',
    media: { path, declared: 'talk.mp4' },
    captions: [],
    slides: null,
    audioDescription: null,
    signLanguage: null,
  };
}

async function context(source: string, name: string): Promise<StepContext> {
  const probed = await media.probe(source);
  const duration = Number(probed.format['duration']);
  const info: MediaInfo = {
    class: 'video', container: 'mp4', duration, size: 1, bitRate: null,
    video: { codec: 'h264', width: 320, height: 180, displayWidth: 320, displayHeight: 180, fps: 25, interlaced: false },
    audio: { codec: 'aac', channels: 2, sampleRate: 48_000, loudness: null }, pages: null, tags: {},
  } as MediaInfo;
  return { item: talkItem(source), workDir: join(root, name, 'work'), outDir: join(root, name, 'out'), previous: { media: info }, ...realStepTools({ media }) };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-talk-audio-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('talk-audio step', () => {
  it('makes an MP3 of the talk\'s sound at the podcasts\' loudness, as long as the talk, tagged', async () => {
    // The tone of makeVideoClip is a sine at 1/8 of full scale: about −21 LUFS, quieter than the target.
    const source = await makeVideoClip(join(root, 'talk.mp4'), { width: 320, height: 180, seconds: 8 });
    const ctx = await context(source, 'talk');
    const result = await talkAudioStep.run(ctx);

    expect(result.warnings).toBeUndefined();
    expect(result.downloads).toEqual([
      { path: 'download/2025-test-talk.mp3', label: 'MP3', format: 'mp3', width: null, height: null, loudness: expect.any(Number) as number },
    ]);
    const file = join(ctx.outDir, 'download/2025-test-talk.mp3');
    const probe = await media.probe(file);
    expect(probe.format['format_name']).toBe('mp3');
    expect(probe.streams.map((stream) => stream.codec_type)).toEqual(['audio']);
    expect(probe.streams[0]?.['codec_name']).toBe('mp3');
    expect(Math.abs(Number(probe.format['duration']) - 8)).toBeLessThan(0.2);
    expect(probe.format.tags?.['title']).toBe('Les communs numériques');
    expect(probe.format.tags?.['artist']).toBe('Camille Martin');
    // Measured again here, independently of the step's own figure.
    const loudness = parseEbur128Integrated((await media.run(measureOutputCommand(file, 8))).stderr);
    expect(Math.abs((loudness ?? 0) - PODCAST_TARGET.integrated)).toBeLessThanOrEqual(1);
    expect(result.downloads?.[0]?.loudness).toBeCloseTo(loudness ?? 0, 1);
    // The step writes its one file and nothing else.
    expect(await readdir(join(ctx.outDir, 'download'))).toEqual(['2025-test-talk.mp3']);
  });

  it('makes no MP3 of a silent sound track', async () => {
    const source = join(root, 'silent.mp4');
    await run('ffmpeg', [
      '-y', '-hide_banner', '-loglevel', 'error',
      '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=3', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', source,
    ]);
    const ctx = await context(source, 'silent');
    expect(await talkAudioStep.run(ctx)).toEqual({});
  });

  it('applies to videos with a sound track only', () => {
    const item = talkItem('x.mp4');
    const video = { class: 'video', video: {}, audio: {} } as unknown as MediaInfo;
    expect(talkAudioStep.applies?.(item, video)).toBe(true);
    expect(talkAudioStep.applies?.(item, { ...video, audio: null })).toBe(false);
    expect(talkAudioStep.applies?.(item, { ...video, class: 'audio' })).toBe(false);
  });
});
