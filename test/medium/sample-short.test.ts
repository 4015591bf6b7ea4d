import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS } from '../../scripts/sample/cues.js';
import { makeSample, type SampleResult } from '../../scripts/sample/index.js';
import { PROGRAMME_COLUMNS } from '../../scripts/sample/programme.js';
import { MAGAZINE, PODCAST_SOBRIETY, readSampleTimeline, type SampleTimeline } from '../../scripts/sample/texts.js';

const run = promisify(execFile);

interface Stream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  disposition?: { attached_pic?: number };
  side_data_list?: { rotation?: number }[];
}
interface Probe {
  streams: Stream[];
  format: { duration: string; tags?: Record<string, string> };
}

async function probe(path: string): Promise<Probe> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path]);
  return JSON.parse(stdout) as Probe;
}

/** Width and height of the first frame as players show it (ffmpeg applies the display matrix). */
async function displayedSize(path: string): Promise<{ width: number; height: number }> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', path, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'], {
    encoding: 'buffer',
    maxBuffer: 32 * 1024 * 1024,
  });
  return { width: stdout.readUInt32BE(16), height: stdout.readUInt32BE(20) };
}

interface ParsedCue { start: number; end: number; lines: string[] }

function parseCues(text: string): ParsedCue[] {
  const seconds = (stamp: string): number => {
    const [h, m, s] = stamp.replace(',', '.').split(':').map(Number);
    return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
  };
  return text.trim().split(/\r?\n\r?\n/).flatMap((block) => {
    const lines = block.split(/\r?\n/);
    const at = lines.findIndex((line) => line.includes('-->'));
    if (at < 0) return [];
    const [start, end] = (lines[at] ?? '').split(' --> ');
    return [{ start: seconds(start ?? ''), end: seconds(end ?? ''), lines: lines.slice(at + 1).map((line) => line.replace(/^<v [^>]+>/, '')) }];
  });
}

let out: string;
let result: SampleResult;
let rows: Record<string, string>[];
let timeline: SampleTimeline;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'sample-short-test-'));
  result = await makeSample({ out, short: true });
  rows = parse(await readFile(result.programme, 'utf8'), { columns: true }) as Record<string, string>[];
  timeline = await readSampleTimeline(out);
}, 120_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('short sample corpus', () => {
  it('writes a programme of eight items whose files all exist', async () => {
    const header = (await readFile(result.programme, 'utf8')).split('\n')[0];
    expect(header).toBe(PROGRAMME_COLUMNS.join(','));
    expect(rows).toHaveLength(8);
    expect(result.items).toHaveLength(8);
    for (const row of rows) {
      const named = [row.media, row.slides, row.audio_description, row.sign_language, ...(row.captions ?? '').split(';').map((c) => c.trim().replace(/^[a-z]+:/, ''))];
      for (const file of named.filter((name): name is string => Boolean(name))) {
        expect((await stat(join(out, file))).size, file).toBeGreaterThan(0);
      }
    }
  });

  it('makes every video kind an H.264 + AAC file of 2–6 s', async () => {
    for (const row of rows.filter((r) => ['talk', 'workshop', 'round-table', 'pitch'].includes(r.kind ?? ''))) {
      const info = await probe(join(out, row.media ?? ''));
      expect(info.streams.map((s) => s.codec_name).sort(), row.media).toEqual(['aac', 'h264']);
      const duration = Number(info.format.duration);
      expect(duration).toBeGreaterThan(2);
      expect(duration).toBeLessThan(6);
    }
  });

  it('tags the MP3 podcast with ID3 metadata and an attached cover, and makes the other an M4A', async () => {
    const mp3 = rows.find((row) => row.media?.endsWith('.mp3'));
    const info = await probe(join(out, mp3?.media ?? ''));
    expect(info.format.tags?.title).toBe(mp3?.title);
    expect(info.format.tags?.album).toBe(PODCAST_SOBRIETY.album);
    expect(info.format.tags?.genre).toBe('Podcast');
    const cover = info.streams.find((s) => s.codec_type === 'video');
    expect(cover?.codec_name).toBe('mjpeg');
    expect(cover?.disposition?.attached_pic).toBe(1);
    const m4a = rows.find((row) => row.media?.endsWith('.m4a'));
    const m4aInfo = await probe(join(out, m4a?.media ?? ''));
    expect(m4aInfo.streams.map((s) => s.codec_name)).toEqual(['aac']);
  });

  it('stores the phone video sideways with a display matrix that makes it portrait', async () => {
    const row = rows.find((r) => r.kind === 'pitch');
    const path = join(out, row?.media ?? '');
    const video = (await probe(path)).streams.find((s) => s.codec_type === 'video');
    expect(video?.width).toBeGreaterThan(video?.height ?? 0);
    expect(Math.abs(video?.side_data_list?.[0]?.rotation ?? 0)).toBe(90);
    const shown = await displayedSize(path);
    expect(shown.height).toBeGreaterThan(shown.width);
  });

  it('gives the sign-language video the talk\'s duration and no sound', async () => {
    const row = rows.find((r) => r.sign_language);
    const lsf = await probe(join(out, row?.sign_language ?? ''));
    const talk = await probe(join(out, row?.media ?? ''));
    expect(lsf.streams.map((s) => s.codec_type)).toEqual(['video']);
    expect(Math.abs(Number(lsf.format.duration) - Number(talk.format.duration))).toBeLessThan(0.1);
  });

  it('times captions within the media, following the subtitling rules, with the spoken text', async () => {
    for (const row of rows.filter((r) => r.captions)) {
      const item = timeline.items.find((i) => i.media === row.media);
      const duration = Number((await probe(join(out, row.media ?? ''))).format.duration);
      for (const track of (row.captions ?? '').split(';').map((c) => c.trim())) {
        const [language, file] = track.split(':');
        const cues = parseCues(await readFile(join(out, file ?? ''), 'utf8'));
        expect(cues.length, file).toBeGreaterThan(0);
        let previousEnd = 0;
        for (const cue of cues) {
          expect(cue.start).toBeGreaterThanOrEqual(previousEnd);
          expect(cue.end).toBeLessThanOrEqual(duration + 0.05);
          expect(cue.end - cue.start).toBeGreaterThanOrEqual(0.99);
          expect(cue.end - cue.start).toBeLessThanOrEqual(7);
          expect(cue.lines.length).toBeLessThanOrEqual(2);
          for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
          previousEnd = cue.end;
        }
        const expected = item?.sentences.map((s) => (language === 'en' ? s.en : s.text)).join(' ');
        expect(cues.map((cue) => cue.lines.join(' ')).join(' ')).toBe(expected);
        expect(cues[0]?.start).toBeCloseTo(item?.sentences[0]?.start ?? -1, 2);
      }
    }
  });

  it('describes each slide change and puts every slide in the PDF', async () => {
    const described = rows.find((r) => r.audio_description);
    const item = timeline.items.find((i) => i.media === described?.media);
    const cues = parseCues(await readFile(join(out, described?.audio_description ?? ''), 'utf8'));
    expect(cues.map((cue) => cue.start)).toEqual(item?.sections.map((section) => section.start));
    const withSlides = rows.find((r) => r.slides);
    const slides = await PDFDocument.load(await readFile(join(out, withSlides?.slides ?? '')));
    expect(slides.getPageCount()).toBe(timeline.items.find((i) => i.media === withSlides?.media)?.sections.length);
  });

  it('makes the magazine a titled PDF of several A4 pages', async () => {
    const row = rows.find((r) => r.kind === 'document');
    const pdf = await PDFDocument.load(await readFile(join(out, row?.media ?? '')));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(4);
    expect(pdf.getPageCount()).toBeLessThanOrEqual(6);
    expect(pdf.getTitle()).toBe(row?.title);
    expect(pdf.getAuthor()).toBe(MAGAZINE.author);
    expect(Math.round(pdf.getPage(0).getWidth())).toBe(595);
  });

  it('returns at once when the corpus is already up to date', async () => {
    const started = Date.now();
    const again = await makeSample({ out, short: true });
    expect(again).toEqual(result);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
