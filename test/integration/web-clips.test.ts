import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { LICENCES } from '../../src/domain/licence.js';
import type { Manifest } from '../../src/domain/manifest.js';
import { itemApiUrl, itemHref } from '../../src/http/urls.js';
import { attributionOf } from '../../src/http/view-models/attribution.js';
import type { FfmpegCommand, RunOptions, RunResult } from '../../src/ports/media-tool.js';
import { ClipService } from '../../src/services/clips/index.js';
import { CLIP_TALK_CUES, putClipTalk } from '../support/clip-items.js';
import { copySampleArchive, removeArchiveCopy } from '../support/sample-archive.js';
import { startWebOver, type TestWeb } from '../support/web.js';

const run = promisify(execFile);

/** The real ffmpeg, counting its runs, and able to hold the next cut until released (a busy cutter). */
class CountedFfmpeg extends FluentFfmpegMediaTool {
  runs = 0;
  private gate: { reached: () => void; open: Promise<void> } | null = null;

  /** The next cut waits, holding its slot, until `release` is called; `reached` resolves once it waits. */
  holdNextCut(): { reached: Promise<void>; release: () => void } {
    let release = (): void => {};
    let reached = (): void => {};
    const open = new Promise<void>((resolve) => (release = resolve));
    const waiting = new Promise<void>((resolve) => (reached = resolve));
    this.gate = { reached, open };
    return { reached: waiting, release };
  }

  override async run(command: FfmpegCommand, options?: RunOptions): Promise<RunResult> {
    const gate = this.gate;
    this.gate = null;
    if (gate) {
      gate.reached();
      await gate.open;
    }
    this.runs++;
    return super.run(command, options);
  }
}

interface Probed {
  format: { duration: string; tags?: Record<string, string> };
  streams: { codec_type: string; codec_name: string; duration?: string; tags?: Record<string, string> }[];
}

/**
 * Clips over the ingested sample edition and a 20 s talk with 2 s GOPs: real cuts by ffmpeg,
 * checked by ffprobe; the cache, the limiter and every refusal through the real server.
 */
describe('clips of a recording: /api/items/<id>/clip.mp4|m4a|vtt', () => {
  let site: TestWeb;
  let talk: Manifest;
  let ffmpeg: CountedFfmpeg;
  const work = mkdtempSync(path.join(tmpdir(), 'mc-clip-test-'));

  beforeAll(async () => {
    const store = await copySampleArchive();
    talk = await putClipTalk(store);
    await putClipTalk(store, { id: '2025-strasbourg-long-talk', seconds: 4 }).then(async (m) => {
      // A recording said to last an hour: the 10-minute limit is checked before anything is cut.
      await store.putBuffer(`items/${m.id}/manifest.json`, JSON.stringify({ ...m, media: { ...m.media, duration: 3600 } }), 'application/json');
    });
    site = await startWebOver(store);
    ffmpeg = new CountedFfmpeg();
    site.web.deps.clips = new ClipService(store, ffmpeg, { slots: 1, maxWaitMs: 200 });
  });

  afterAll(async () => {
    await site?.close();
    if (site) await removeArchiveCopy(site.store);
    await rm(work, { recursive: true, force: true });
  });

  async function download(url: string): Promise<{ status: number; headers: Headers; file: string }> {
    const response = await fetch(`${site.url}${url}`);
    const file = path.join(work, `${Math.random().toString(16).slice(2)}.bin`);
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    return { status: response.status, headers: response.headers, file };
  }

  async function probe(file: string): Promise<Probed> {
    const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
    return JSON.parse(stdout) as Probed;
  }

  async function keyframes(file: string): Promise<number[]> {
    const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-skip_frame', 'nokey', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', file]);
    return stdout.trim().split('\n').map(Number);
  }

  it('cuts a video clip at the keyframe before the start, says where in headers and file name, and tags it', async () => {
    const { status, headers, file } = await download(itemApiUrl(talk.id, 'clip.mp4', { t: '5,9' }));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('video/mp4');
    // 2 s GOPs: the keyframe before 5 s is at 4 s.
    expect(headers.get('x-clip-start')).toBe('4');
    expect(headers.get('x-clip-end')).toBe('9');
    expect(headers.get('content-disposition')).toBe(`attachment; filename="${talk.id}_4-9.mp4"`);
    expect(headers.get('access-control-expose-headers')).toContain('X-Clip-Start');
    expect(headers.get('access-control-allow-origin')).toBe('*');
    const probed = await probe(file);
    const video = probed.streams.find((s) => s.codec_type === 'video');
    // 5 s asked from the keyframe; a stream copy ends within a frame or two of the asked end.
    expect(Number(video?.duration)).toBeGreaterThanOrEqual(4.96);
    expect(Number(video?.duration)).toBeLessThanOrEqual(5.12);
    expect(Math.abs(Number(probed.format.duration) - 4)).toBeLessThanOrEqual(2); // the asked 4 s, ± one GOP
    expect(video?.codec_name).toBe('h264');
    expect((await keyframes(file))[0]).toBe(0);
    const tags = probed.format.tags ?? {};
    expect(tags.title).toBe(talk.title);
    expect(tags.artist).toBe('Jeanne Martin et Ali Ben');
    expect(tags.date).toBe('2025-10-29');
    expect(tags.copyright).toBe(`CC-BY-SA-4.0 (${LICENCES['CC-BY-SA-4.0'].url})`);
    expect(tags.comment).toBe(attributionOf(talk, `${site.url}${itemHref('talk', talk.id, 'fr')}`, 'fr').text);
    expect(tags.comment).toContain('Jeanne Martin (La Mednum) et Ali Ben, Numérique en Commun[s] 2025 Strasbourg');
    const subtitles = probed.streams.find((s) => s.codec_type === 'subtitle');
    expect(subtitles?.codec_name).toBe('mov_text');
    expect(subtitles?.tags?.language).toBe('fra');
  });

  it('gives the captions of the same range, shifted to the clip’s real start, and muxed the same cues into the clip', async () => {
    const response = await site.fetch(itemApiUrl(talk.id, 'clip.vtt', { t: '5,9', lang: 'fr' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(response.headers.get('x-clip-start')).toBe('4');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${talk.id}_4-9.vtt"`);
    const expected = [
      '00:00:00.000 --> 00:00:00.500\nDeux : le guichet.',
      '00:00:00.500 --> 00:00:02.000\nTrois : les usages.',
      '00:00:02.000 --> 00:00:04.500\nQuatre : la médiation.',
      '00:00:04.500 --> 00:00:05.000\nCinq : les communs.',
    ];
    expect(response.text).toBe(`WEBVTT\n\n${expected.join('\n\n')}\n`);
    expect(CLIP_TALK_CUES.length).toBe(6); // "Un" ends before 4 s and "Six" starts after 9 s: left out
    const { file } = await download(itemApiUrl(talk.id, 'clip.mp4', { t: '5,9' }));
    const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:s:0', '-f', 'webvtt', '-']);
    const muxed = stdout.split(/\n\n/).slice(1).map((block) => block.trim().replace(/^(\d\d:\d\d\.\d{3})/gm, '00:$1').replace(/--> (\d\d:\d\d\.\d{3})/, '--> 00:$1'));
    expect(muxed).toEqual(expected);
  });

  it('cuts a clip once: served from the store afterwards, and one cut for the same clip asked twice at once', async () => {
    const first = await site.fetch(itemApiUrl(talk.id, 'clip.mp4', { t: '5,9' }));
    const runs = ffmpeg.runs;
    const again = await site.fetch(itemApiUrl(talk.id, 'clip.mp4', { t: '5,9' }));
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(ffmpeg.runs).toBe(runs);
    const both = await Promise.all([1, 2].map(() => site.fetch(itemApiUrl(talk.id, 'clip.mp4', { t: '10,12' }))));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both[0]?.headers.get('etag')).toBe(both[1]?.headers.get('etag'));
    expect(ffmpeg.runs).toBe(runs + 1);
    const stored: string[] = [];
    for await (const blob of site.store.list(`clips/${talk.id}/c11b0a1c1ab0/`)) stored.push(blob.key.split('/').pop() ?? '');
    expect(stored.filter((k) => k.endsWith('.mp4')).length).toBe(2);
  });

  it('removes the clips of the item’s earlier revisions when it cuts one of the current revision', async () => {
    const old = `clips/${talk.id}/0123456789ab/5000-9000-ffffffffffff`;
    await site.store.putBuffer(`${old}.mp4`, 'an old clip', 'video/mp4');
    await site.store.putBuffer(`${old}.json`, '{}', 'application/json');
    expect((await site.fetch(itemApiUrl(talk.id, 'clip.mp4', { t: '1,2' }))).status).toBe(200);
    expect(await site.store.stat(`${old}.mp4`)).toBeNull();
    expect(await site.store.stat(`${old}.json`)).toBeNull();
    expect((await site.fetch(itemApiUrl(talk.id, 'clip.mp4', { t: '5,9' }))).status).toBe(200);
  });

  it('serves byte ranges of a clip', async () => {
    const response = await fetch(`${site.url}${itemApiUrl(talk.id, 'clip.mp4', { t: '5,9' })}`, { headers: { Range: 'bytes=0-99' } });
    expect(response.status).toBe(206);
    expect((await response.arrayBuffer()).byteLength).toBe(100);
  });

  it('cuts the sound of a podcast as M4A, and of the sample talk as MP4, at their real bounds', async () => {
    const podcast = await site.web.deps.catalogue.item('2025-strasbourg-paroles-de-mediatrices-les-permanences-numeriques-en-milieu');
    const audio = await download(itemApiUrl(podcast!.id, 'clip.m4a', { t: '1,3' }));
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/mp4');
    const start = Number(audio.headers.get('x-clip-start'));
    expect(start).toBeGreaterThan(0.95); // the AAC packet holding 1 s (1024 samples each)
    expect(start).toBeLessThanOrEqual(1);
    const probedAudio = await probe(audio.file);
    expect(probedAudio.streams.map((s) => s.codec_type)).toEqual(['audio']);
    expect(Math.abs(Number(probedAudio.format.duration) - (3 - start))).toBeLessThan(0.05);
    expect(probedAudio.format.tags?.title).toBe(podcast!.title);

    const sampleTalk = '2025-strasbourg-mediation-numerique-et-intelligence-artificielle-accompagner';
    const video = await download(itemApiUrl(sampleTalk, 'clip.mp4', { t: '2,4' }));
    // The download has a keyframe every 2 s, as the ladder: the clip starts at most one GOP early.
    const videoStart = Number(video.headers.get('x-clip-start'));
    expect(videoStart).toBeGreaterThan(0);
    expect(videoStart).toBeLessThanOrEqual(2);
    const sampleVideo = (await probe(video.file)).streams.find((s) => s.codec_type === 'video');
    expect(Math.abs(Number(sampleVideo?.duration) - (4 - videoStart))).toBeLessThanOrEqual(0.1); // within 3 frames at 30 fps
    const english = await site.fetch(itemApiUrl(sampleTalk, 'clip.vtt', { t: '2,4', lang: 'en' }));
    expect(english.status).toBe(200);
    expect(english.headers.get('content-language')).toBe('en');
  });

  it('refuses a bad range, a clip longer than 10 minutes, an unknown language or format, with problem+json naming it', async () => {
    const problem = async (url: string): Promise<{ status: number; detail: string }> => {
      const response = await site.fetch(url);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      return { status: response.status, detail: (JSON.parse(response.text) as { detail?: string }).detail ?? '' };
    };
    expect(await problem(itemApiUrl(talk.id, 'clip.mp4', { t: '9,5' }))).toEqual({ status: 400, detail: 't: ends at 5 s, not after its start (9 s)' });
    expect(await problem(itemApiUrl(talk.id, 'clip.mp4', { t: 'abc' }))).toMatchObject({ status: 400, detail: expect.stringContaining('"abc" is not a time') });
    expect(await problem(itemApiUrl(talk.id, 'clip.mp4', { t: '5' }))).toMatchObject({ status: 400, detail: expect.stringContaining('has no end') });
    expect(await problem(itemApiUrl(talk.id, 'clip.mp4'))).toMatchObject({ status: 400, detail: expect.stringContaining('t: a clip needs t=START,END') });
    expect(await problem(itemApiUrl(talk.id, 'clip.mp4', { t: '30,40' }))).toMatchObject({ status: 400, detail: expect.stringContaining('after the end of the recording') });
    expect(await problem(itemApiUrl('2025-strasbourg-long-talk', 'clip.mp4', { t: '0,10:01' }))).toEqual({
      status: 400,
      detail: 't: lasts 601 s, longer than the 600 s (10 minutes) a clip may last',
    });
    expect(await problem(itemApiUrl(talk.id, 'clip.vtt', { t: '5,9', lang: 'de' }))).toEqual({ status: 400, detail: 'lang: no captions in "de"; available: fr' });
    expect(await problem(itemApiUrl(talk.id, 'clip.vtt', { t: '5,9', lang: '<x>' }))).toMatchObject({ status: 400, detail: expect.stringContaining('lang:') });
    expect(await problem(itemApiUrl(talk.id, 'clip.webm', { t: '5,9' }))).toMatchObject({ status: 404 });
    expect(await problem(itemApiUrl('no-such-item', 'clip.mp4', { t: '5,9' }))).toMatchObject({ status: 404 });
    const podcast = '2025-strasbourg-paroles-de-mediatrices-les-permanences-numeriques-en-milieu';
    expect(await problem(itemApiUrl(podcast, 'clip.mp4', { t: '1,2' }))).toMatchObject({ status: 400, detail: expect.stringContaining('has no pictures: ask for clip.m4a') });
    const magazine = '2025-strasbourg-le-magazine-de-numerique-en-commun-s-2025-cinq-idees-pour-un';
    expect(await problem(itemApiUrl(magazine, 'clip.m4a', { t: '1,2' }))).toMatchObject({ status: 400, detail: expect.stringContaining('is a document') });
    expect(await problem(itemApiUrl(podcast, 'clip.vtt', { t: '1,2' }))).toMatchObject({ status: 400, detail: expect.stringContaining('has no captions') });
  });

  it('answers 503 with Retry-After while every cutter is busy, and cuts once one is free', async () => {
    const held = ffmpeg.holdNextCut();
    const first = site.fetch(itemApiUrl(talk.id, 'clip.mp4', { t: '14,16' }));
    await held.reached;
    const refused = await site.fetch(itemApiUrl(talk.id, 'clip.mp4', { t: '16,18' }));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    held.release();
    expect((await first).status).toBe(200);
    expect((await site.fetch(itemApiUrl(talk.id, 'clip.mp4', { t: '16,18' }))).status).toBe(200);
  });

  it('is described in the OpenAPI document', async () => {
    const document = JSON.parse((await site.fetch('/api/openapi.json')).text) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/items/{id}/clip.mp4', '/api/items/{id}/clip.m4a', '/api/items/{id}/clip.vtt']));
  });
});
