import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { MediaError } from '../../src/domain/errors.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import type { MediaInfo } from '../../src/domain/manifest.js';
import type { ToolProgress } from '../../src/ports/media-tool.js';
import { readMediaPlaylist } from '../../src/pipeline/hls-master.js';
import { EBUR128_FILTER, parseEbur128Integrated } from '../../src/pipeline/loudness.js';
import { rotationOf } from '../../src/pipeline/probe.js';
import type { StepContext, StepResult } from '../../src/pipeline/step.js';
import { audioDescriptionStep } from '../../src/pipeline/steps/audio-description.js';
import { signLanguageStep } from '../../src/pipeline/steps/sign-language.js';
import { transcodeVideoStep } from '../../src/pipeline/steps/transcode-video.js';
import { makeAudioClip, makeVideoClip } from '../support/clips.js';
import { realStepTools } from '../support/step-tools.js';

const run = promisify(execFile);
const media = new FluentFfmpegMediaTool();
let root = '';

type Json = Record<string, unknown> & { streams?: Record<string, unknown>[]; packets?: { pts_time: string; flags: string }[] };
async function ffprobe(...args: string[]): Promise<Json> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-of', 'json', ...args]);
  return JSON.parse(stdout) as Json;
}
const packets = async (file: string, stream: 'v' | 'a', first = false): Promise<{ pts: number; key: boolean }[]> =>
  ((await ffprobe('-select_streams', stream, '-show_entries', 'packet=pts_time,flags', ...(first ? ['-read_intervals', '%+#1'] : []), '-show_packets', file)).packets ?? []).map(
    (p) => ({ pts: Number(p.pts_time), key: p.flags.startsWith('K') }),
  );
const duration = async (file: string): Promise<number> => Number(((await ffprobe('-show_entries', 'format=duration', file)).format as { duration: string }).duration);

/** MediaInfo as the probe step gives it, from ffprobe's answer, at the frame rate the test chooses. */
async function mediaOf(path: string, fps = 25): Promise<MediaInfo> {
  const raw = await media.probe(path);
  const video = raw.streams.find((s) => s.codec_type === 'video');
  if (!video) throw new Error(`${path}: no video`);
  const [width, height] = [Number(video.width), Number(video.height)];
  // The adapter hands back ffprobe's own JSON: the display matrix is in side_data_list.
  const rotation = rotationOf(video);
  const quarter = rotation % 180 === 90;
  return {
    class: 'video', container: 'mp4', duration: Number(raw.format.duration), size: 1, bitRate: null,
    video: { codec: 'h264', width, height, displayWidth: quarter ? height : width, displayHeight: quarter ? width : height, fps, rotation, pixelFormat: 'yuv420p', interlaced: false },
    audio: raw.streams.some((s) => s.codec_type === 'audio') ? { codec: 'aac', channels: 2, sampleRate: 48_000, loudness: null } : null,
    pages: null, tags: {},
  };
}

function item(id: string, path: string, extra: Partial<ProgrammeItem> = {}): ProgrammeItem {
  return {
    id, row: 1, edition: { label: '2025 Lyon', year: 2025, city: 'Lyon', slug: '2025-lyon' }, date: null,
    title: 'Inclusion numérique', kind: 'talk', themes: [], speakers: [], language: 'fr', licence: 'CC-BY-4.0', summary: '',
    media: { path, declared: 'talk.mp4' }, captions: [], slides: null, audioDescription: null, signLanguage: null, ...extra,
  };
}

const progress: ToolProgress[] = [];
function context(programme: ProgrammeItem, info: MediaInfo, previous: StepResult = {}): StepContext {
  return {
    item: programme, workDir: join(root, programme.id, 'work'), outDir: join(root, programme.id, 'out'),
    previous: { media: info, ...previous }, ...realStepTools({ media, progress: (p) => progress.push(p) }),
  };
}

/** Top-level MP4 boxes in file order. */
async function boxes(file: string): Promise<string[]> {
  const data = await readFile(file);
  const types: string[] = [];
  for (let offset = 0; offset + 8 <= data.length; ) {
    const size = data.readUInt32BE(offset);
    types.push(data.toString('latin1', offset + 4, offset + 8));
    offset += size === 1 ? Number(data.readBigUInt64BE(offset + 8)) : size === 0 ? data.length : size;
  }
  return types;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'transcode-video-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('transcode-video on a 1280x720 clip with sound', () => {
  const talk = item('t720', '');
  let result: StepResult;
  let out = '';
  let speed = 0;

  beforeAll(async () => {
    // 6.4 s: two segments, so boundaries can be compared across the ladder; 15 fps keeps it quick.
    const source = await makeVideoClip(join(root, 'talk720.mp4'), { width: 1280, height: 720, seconds: 6.4, fps: 15 });
    const programme = { ...talk, media: { path: source, declared: 'talk720.mp4' } };
    const info = await mediaOf(source, 15);
    const ctx = context(programme, info);
    out = ctx.outDir;
    const started = Date.now();
    result = await transcodeVideoStep.run(ctx);
    speed = info.duration / ((Date.now() - started) / 1000);
  });

  it('writes 720p, 480p and 360p at their sizes, square pixels, with the profile and level CODECS states', async () => {
    expect(result.hls?.variants.map((v) => [v.name, v.width, v.height, v.codecs])).toEqual([
      ['720p', 1280, 720, 'avc1.64001f,mp4a.40.2'],
      ['480p', 854, 480, 'avc1.64001e,mp4a.40.2'],
      ['360p', 640, 360, 'avc1.64001e,mp4a.40.2'],
    ]);
    for (const [name, width, height, level] of [['720p', 1280, 720, 31], ['480p', 854, 480, 30], ['360p', 640, 360, 30]] as const) {
      const [stream] = (await ffprobe('-select_streams', 'v', '-show_streams', join(out, 'hls', name, 'segment-00000.ts'))).streams ?? [];
      expect(stream).toMatchObject({ codec_name: 'h264', width, height, sample_aspect_ratio: '1:1', pix_fmt: 'yuv420p', profile: 'High', level });
    }
    console.info(`transcode-video: ${speed.toFixed(2)}× real time on a 6.4 s 1280x720 15 fps clip`);
  });

  it('starts every segment of every variant on a keyframe, at the same instants across the ladder', async () => {
    const starts: number[][] = [];
    for (const variant of result.hls?.variants ?? []) {
      const { segments } = readMediaPlaylist(await readFile(join(out, variant.playlist), 'utf8'));
      expect(segments.map((s) => s.duration)).toEqual([6, 0.4]);
      const firsts = await Promise.all(segments.map((s) => packets(join(out, 'hls', variant.name, s.uri), 'v', true)));
      expect(firsts.every(([packet]) => packet?.key)).toBe(true);
      starts.push(firsts.map(([packet]) => packet?.pts ?? NaN));
      // Keyframes every 2 s exactly, nowhere else.
      const keys = (await packets(join(out, variant.playlist), 'v')).filter((p) => p.key).map((p) => p.pts);
      expect(keys.map((t) => Math.round((t - (keys[0] ?? 0)) * 1000) / 1000)).toEqual([0, 2, 4, 6]);
    }
    expect(starts[1]).toEqual(starts[0]);
    expect(starts[2]).toEqual(starts[0]);
  });

  it('shares one AAC stereo 48 kHz rendition, in step with the pictures', async () => {
    const [stream] = (await ffprobe('-show_streams', join(out, 'hls', 'audio', 'segment-00000.ts'))).streams ?? [];
    expect(stream).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
    const [audio] = await packets(join(out, 'hls', 'audio', 'segment-00000.ts'), 'a', true);
    const [video] = await packets(join(out, 'hls', '720p', 'segment-00000.ts'), 'v', true);
    // The first AAC packet is the encoder's 1024-sample priming: the sound proper starts with the picture.
    expect((audio?.pts ?? 0) + 1024 / 48_000).toBeCloseTo(video?.pts ?? -1, 3);
    expect(result.hls?.audio).toMatchObject([{ name: 'Français', playlist: 'hls/audio/index.m3u8', language: 'fr', describesVideo: false }]);
  });

  it('writes a master with measured BANDWIDTH, RESOLUTION and CODECS, and an audio-only variant', async () => {
    const master = await readFile(join(out, 'hls', 'master.m3u8'), 'utf8');
    const infs = master.split('\n').filter((line) => line.startsWith('#EXT-X-STREAM-INF:'));
    expect(infs).toHaveLength(4);
    result.hls?.variants.forEach((variant, i) => {
      expect(infs[i]).toMatch(new RegExp(`^#EXT-X-STREAM-INF:BANDWIDTH=${variant.bandwidth},AVERAGE-BANDWIDTH=\\d+,RESOLUTION=${variant.width}x${variant.height},FRAME-RATE=15.000,CODECS="${variant.codecs}",AUDIO="aud"$`));
    });
    expect(infs[3]).toMatch(/^#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="mp4a.40.2"$/);
    expect(master).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Français",LANGUAGE="fr",DEFAULT=YES,AUTOSELECT=YES');
    // Honest: the 720p variant's BANDWIDTH covers its biggest segment over its duration.
    const segment = (await stat(join(out, 'hls', '720p', 'segment-00000.ts'))).size;
    expect(result.hls?.variants[0]?.bandwidth).toBeGreaterThanOrEqual(Math.floor((segment * 8) / 6));
  });

  it('writes the 720p MP4 with moov before mdat and both streams', async () => {
    expect(result.downloads).toEqual([
      { path: 'download/t720-720p.mp4', label: 'MP4 720p', format: 'mp4', width: 1280, height: 720, loudness: null },
    ]);
    const file = join(out, 'download', 't720-720p.mp4');
    const order = await boxes(file);
    expect(order.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('moov')).toBeLessThan(order.indexOf('mdat'));
    const streams = (await ffprobe('-show_streams', file)).streams ?? [];
    expect(streams.map((s) => [s.codec_name, s.width ?? s.channels])).toEqual([['h264', 1280], ['aac', 2]]);
    expect(progress.length).toBeGreaterThan(0);
  });
});

describe('transcode-video on a rotated phone clip and on a silent clip', () => {
  it('turns a 640x360 clip tagged rotate=90 upright: 360x640 out, no rotation left', async () => {
    const plain = await makeVideoClip(join(root, 'phone-plain.mp4'), { width: 640, height: 360, seconds: 2 });
    // clips.ts's rotate option is dropped when encoding with ffmpeg 5.1; a stream copy keeps it.
    const source = join(root, 'phone.mp4');
    await run('ffmpeg', ['-y', '-v', 'error', '-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', source]);
    const info = await mediaOf(source);
    expect([info.video?.displayWidth, info.video?.displayHeight]).toEqual([360, 640]);
    const ctx = context(item('phone', source), info);
    const result = await transcodeVideoStep.run(ctx);
    expect(result.hls?.variants.map((v) => [v.name, v.width, v.height])).toEqual([['360p', 360, 640]]);
    expect(await readFile(join(ctx.outDir, 'hls', 'master.m3u8'), 'utf8')).toContain('RESOLUTION=360x640');
    for (const file of [join(ctx.outDir, 'hls', '360p', 'segment-00000.ts'), join(ctx.outDir, 'download', 'phone-360p.mp4')]) {
      const [stream] = (await ffprobe('-select_streams', 'v', '-show_streams', file)).streams ?? [];
      expect(stream).toMatchObject({ width: 360, height: 640 });
      expect(stream?.side_data_list).toBeUndefined();
      expect((stream?.tags as Record<string, string> | undefined)?.rotate).toBeUndefined();
    }
  });

  it('deinterlaces a 576i camera recording (real fields): progressive frames out, at the same frame rate', async () => {
    const source = join(root, 'camera-576i.mp4');
    // 50 pictures a second woven into 25 interlaced frames, as a camera records 576i.
    await run('ffmpeg', [
      '-y', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=720x576:rate=50:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2',
      '-vf', 'tinterlace=mode=interleave_top,setfield=tff', '-c:v', 'libx264', '-preset', 'ultrafast', '-flags', '+ilme+ildct', '-top', '1',
      '-pix_fmt', 'yuv420p', '-c:a', 'aac', source,
    ]);
    const raw = await media.probe(source);
    expect(raw.streams.find((s) => s.codec_type === 'video')?.field_order).toBe('tt');
    const info = await mediaOf(source);
    const ctx = context(item('camera', source), { ...info, video: info.video ? { ...info.video, interlaced: true } : null });
    await transcodeVideoStep.run(ctx);
    for (const file of [join(ctx.outDir, 'hls', '480p', 'segment-00000.ts'), join(ctx.outDir, 'download', 'camera-480p.mp4')]) {
      const [stream] = (await ffprobe('-select_streams', 'v', '-show_streams', file)).streams ?? [];
      expect(stream?.field_order ?? 'progressive').toBe('progressive');
      expect(stream?.avg_frame_rate).toBe('25/1');
    }
  });

  it('makes video-only variants, no audio group, for a clip without sound', async () => {
    const source = await makeVideoClip(join(root, 'silent.mp4'), { width: 640, height: 360, seconds: 2, audio: false });
    const ctx = context(item('silent', source), await mediaOf(source));
    const result = await transcodeVideoStep.run(ctx);
    const master = await readFile(join(ctx.outDir, 'hls', 'master.m3u8'), 'utf8');
    expect(master).not.toContain('#EXT-X-MEDIA');
    expect(master).toMatch(/RESOLUTION=640x360,FRAME-RATE=25.000,CODECS="avc1.64001e"\n360p\/index.m3u8\n$/);
    expect(result.hls?.audio).toEqual([]);
    expect(result.warnings).toEqual(['talk.mp4: the recording has no sound track; published without sound']);
    const streams = (await ffprobe('-show_streams', join(ctx.outDir, 'download', 'silent-360p.mp4'))).streams ?? [];
    expect(streams.map((s) => s.codec_type)).toEqual(['video']);
  });
});

describe('sign-language and audio-description', () => {
  let talk: ProgrammeItem;
  let info: MediaInfo;
  let transcoded: StepResult;

  beforeAll(async () => {
    const source = await makeVideoClip(join(root, 'talk360.mp4'), { width: 640, height: 360, seconds: 3 });
    info = await mediaOf(source);
    talk = item('t360', source);
    transcoded = await transcodeVideoStep.run(context(talk, info));
  });

  it('holds a shorter interpretation on its last frame and trims a longer one, to the talk length', async () => {
    for (const seconds of [2, 4]) {
      const signer = await makeVideoClip(join(root, `signer-${seconds}.mp4`), { width: 640, height: 360, seconds, audio: false });
      const ctx = context({ ...talk, id: `sl${seconds}`, signLanguage: { path: signer, declared: 'lsf.mp4' } }, info);
      const result = await signLanguageStep.run(ctx);
      expect(result.signLanguage).toEqual({ hls: 'sign-language/hls/index.m3u8', mp4: `sign-language/sl${seconds}-sign-language.mp4`, width: 640, height: 360 });
      for (const file of [join(ctx.outDir, 'sign-language', 'hls', 'index.m3u8'), join(ctx.outDir, 'sign-language', `sl${seconds}-sign-language.mp4`)]) {
        expect(Math.abs((await duration(file)) - info.duration)).toBeLessThan(0.1);
      }
    }
  });

  it('adds a loudness-matched described-audio rendition to the master, on the main audio clock', async () => {
    const described = await makeAudioClip(join(root, 'described.wav'), { seconds: 2, frequency: 300, volume: 0.05 });
    const ctx = context({ ...talk, audioDescription: { path: described, declared: 'ad.wav' } }, info, transcoded);
    const result = await audioDescriptionStep.run(ctx);
    expect(result.audioDescription).toEqual({ type: 'audio', path: 'hls/audio-described/index.m3u8' });
    expect(result.hls?.audio.map((a) => [a.name, a.describesVideo])).toEqual([['Français', false], ['Français (audiodescription)', true]]);
    const master = await readFile(join(ctx.outDir, 'hls', 'master.m3u8'), 'utf8');
    expect(master).toContain(
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Français (audiodescription)",LANGUAGE="fr",CHARACTERISTICS="public.accessibility.describes-video",DEFAULT=NO,AUTOSELECT=YES,CHANNELS="2",URI="audio-described/index.m3u8"',
    );
    expect(master).toContain(`BANDWIDTH=${result.hls?.variants[0]?.bandwidth},`);
    const mainPlaylist = join(ctx.outDir, 'hls', 'audio', 'index.m3u8');
    const describedPlaylist = join(ctx.outDir, 'hls', 'audio-described', 'index.m3u8');
    expect(Math.abs((await duration(describedPlaylist)) - info.duration)).toBeLessThan(0.1);
    const [mainStart] = await packets(mainPlaylist, 'a', true);
    const [describedStart] = await packets(describedPlaylist, 'a', true);
    expect(describedStart?.pts).toBeCloseTo(mainStart?.pts ?? -1, 3);
    const loudness = async (file: string): Promise<number | null> => {
      const done = await media.run({ inputs: [{ path: file, options: ['-nostdin'] }], outputs: [{ path: '-', options: ['-map', '0:a:0', '-af', EBUR128_FILTER, '-f', 'null'] }] });
      return parseEbur128Integrated(done.stderr);
    };
    const [main, matched] = [await loudness(mainPlaylist), await loudness(describedPlaylist)];
    expect(main).not.toBeNull();
    expect(Math.abs((matched ?? 0) - (main ?? 0))).toBeLessThan(1);
  });

  it('explains an unreadable companion file by its declared name, without this machine\'s paths', async () => {
    const note = join(root, 'lsf-note.mp4');
    await writeFile(note, 'Interprétation LSF : le fichier suivra par courriel.\n');
    const sign = signLanguageStep.run(context({ ...talk, id: 'sl-note', signLanguage: { path: note, declared: 'lsf.mp4' } }, info));
    await expect(sign).rejects.toMatchObject({ file: 'lsf.mp4', message: 'the sign-language video: not a media file: it contains text (wrong file or wrong extension?)' });

    // An export that stopped early: the MP4 header is there, the moov (written last) is not.
    const whole = await readFile(await makeAudioClip(join(root, 'ad-whole.m4a'), { seconds: 2, codecArgs: ['-c:a', 'aac'] }));
    const cut = join(root, 'ad-cut.m4a');
    await writeFile(cut, whole.subarray(0, 2048));
    const described = audioDescriptionStep.run(context({ ...talk, audioDescription: { path: cut, declared: 'ad.m4a' } }, info, transcoded));
    const error = await described.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ file: 'ad.m4a', message: 'the audio-description file: truncated or incomplete MP4 (no moov atom): the upload or export did not finish' });
    expect((error as Error).message).not.toContain(root);
  });

  it('publishes a WebVTT description as a descriptions track, and refuses anything else', async () => {
    const vtt = join(root, 'descriptions.vtt');
    await writeFile(vtt, 'WEBVTT\n\n00:00.000 --> 00:02.000\nUne diapositive titrée « Médiation ».\n');
    const ctx = context({ ...talk, id: 'ad-text', audioDescription: { path: vtt, declared: 'ad.vtt' } }, info);
    expect(await audioDescriptionStep.run(ctx)).toEqual({
      tracks: [{ kind: 'descriptions', language: 'fr', label: 'Français (audiodescription)', path: 'text/descriptions-fr.vtt', format: 'vtt', origin: 'supplied' }],
      audioDescription: { type: 'text', path: 'text/descriptions-fr.vtt' },
    });
    expect(await readFile(join(ctx.outDir, 'text', 'descriptions-fr.vtt'), 'utf8')).toContain('Médiation');
    const notVtt = join(root, 'notes.vtt');
    await writeFile(notVtt, '1\n00:00:00,000 --> 00:00:02,000\nSRT renamed\n');
    await expect(audioDescriptionStep.run(context({ ...talk, audioDescription: { path: notVtt, declared: 'notes.vtt' } }, info))).rejects.toBeInstanceOf(MediaError);
  });
});
