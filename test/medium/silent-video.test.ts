import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import type { MediaInfo } from '../../src/domain/manifest.js';
import { EBUR128_FILTER, parseEbur128Integrated } from '../../src/pipeline/loudness.js';
import { interpretProbe } from '../../src/pipeline/probe.js';
import type { StepContext, StepResult } from '../../src/pipeline/step.js';
import { audioDescriptionStep } from '../../src/pipeline/steps/audio-description.js';
import { transcodeVideoStep } from '../../src/pipeline/steps/transcode-video.js';
import { transcribeStep } from '../../src/pipeline/steps/transcribe.js';
import { makeAudioClip, makeVideoClip } from '../support/clips.js';
import { realStepTools } from '../support/step-tools.js';

const run = promisify(execFile);
const media = new FluentFfmpegMediaTool();

/** Stream types ffprobe finds in a file or an HLS master (which it opens like a player). */
async function streamTypes(file: string): Promise<string[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'json', file]);
  return ((JSON.parse(stdout) as { streams?: { codec_type: string }[] }).streams ?? []).map((s) => s.codec_type).sort();
}

/**
 * A talk recorded without sound, through the real probe and the real steps: a silent ladder, and
 * a supplied described audio published as a version of its own, at the podcasts' level.
 */
describe('a video without sound, with a described audio', () => {
  let root = '';
  let item: ProgrammeItem;
  let info: MediaInfo;
  let transcoded: StepResult;
  const context = (previous: StepResult): StepContext => ({
    item, workDir: join(root, 'work'), outDir: join(root, 'out'), previous: { media: info, ...previous }, ...realStepTools({ media }),
  });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mc-silent-'));
    const source = await makeVideoClip(join(root, 'lsf.mp4'), { width: 480, height: 270, seconds: 3, audio: false });
    const described = await makeAudioClip(join(root, 'lsf.ad.m4a'), { seconds: 2, frequency: 300, volume: 0.05, codecArgs: ['-c:a', 'aac'] });
    info = interpretProbe(await media.probe(source), source, 'video', (await stat(source)).size);
    item = {
      id: 'lsf', row: 1, edition: { label: '2025 Lyon', year: 2025, city: 'Lyon', slug: '2025-lyon' }, date: null,
      title: 'Conférence en LSF', kind: 'talk', themes: [], speakers: [], language: 'fr', licence: 'CC-BY-4.0', summary: '',
      media: { path: source, declared: 'talks/lsf.mp4' }, captions: [], slides: null,
      audioDescription: { path: described, declared: 'talks/lsf.ad.m4a' }, signLanguage: null,
    };
    transcoded = await transcodeVideoStep.run(context({}));
  }, 120_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is probed as a video without audio, and has no speech to transcribe', () => {
    expect(info).toMatchObject({ class: 'video', audio: null, video: { displayWidth: 480, displayHeight: 270 } });
    expect(transcribeStep.applies?.(item, info)).toBe(false);
  });

  it('gets a master without audio group and a warning naming the file', async () => {
    expect(transcoded.warnings).toEqual(['talks/lsf.mp4: the recording has no sound track; published without sound']);
    expect(transcoded.hls?.audio).toEqual([]);
    const master = await readFile(join(root, 'out', 'hls', 'master.m3u8'), 'utf8');
    expect(master).not.toMatch(/EXT-X-MEDIA|mp4a|AUDIO=/);
    expect(await streamTypes(join(root, 'out', 'hls', 'master.m3u8'))).toEqual(['video']);
  });

  it('publishes the description in a master of its own, the talk\'s master staying silent', async () => {
    const result = await audioDescriptionStep.run(context(transcoded));
    expect(result.hls).toBeUndefined();
    expect(result.audioDescription).toEqual({ type: 'audio', path: 'hls/master-described.m3u8' });
    expect(result.warnings).toBeUndefined();
    expect(await readFile(join(root, 'out', 'hls', 'master.m3u8'), 'utf8')).not.toContain('EXT-X-MEDIA');

    const described = await readFile(join(root, 'out', 'hls', 'master-described.m3u8'), 'utf8');
    // The only sound of this version: the default, still announced as describing the picture.
    expect(described).toContain(
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Français (audiodescription)",LANGUAGE="fr",CHARACTERISTICS="public.accessibility.describes-video",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio-described/index.m3u8"',
    );
    expect(described).toMatch(/CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2",AUDIO="aud"\n270p\/index\.m3u8/);
    // ffprobe opens every programme: the pictures, the described sound, and that sound alone (for weak connections).
    expect(await streamTypes(join(root, 'out', 'hls', 'master-described.m3u8'))).toEqual(['audio', 'audio', 'video']);

    // Padded to the talk's length, and brought to the podcasts' −16 LUFS (nothing to match).
    const playlist = join(root, 'out', 'hls', 'audio-described', 'index.m3u8');
    const measured = await media.run({ inputs: [{ path: playlist, options: ['-nostdin'] }], outputs: [{ path: '-', options: ['-map', '0:a:0', '-af', EBUR128_FILTER, '-f', 'null'] }] });
    expect(Math.abs((parseEbur128Integrated(measured.stderr) ?? 0) + 16)).toBeLessThan(1.5);
  });
});
