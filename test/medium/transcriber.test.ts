import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTinyWhisperModel } from '../../scripts/make-tiny-whisper-model.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { readGgmlModelHeader } from '../../src/adapters/transcriber/ggml-model-file.js';
import { SmartWhisperTranscriber } from '../../src/adapters/transcriber/smart-whisper-transcriber.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import type { MediaInfo } from '../../src/domain/manifest.js';
import { transcriptFileSchema } from '../../src/domain/text.js';
import { parseWebVtt } from '../../src/pipeline/captions/index.js';
import type { StepContext, StepResult } from '../../src/pipeline/step.js';
import { NO_SPEECH_WARNING, NO_TRANSCRIPT_WARNING, transcribeStep, transcribeStepWith } from '../../src/pipeline/steps/transcribe.js';
import type { TranscribeOptions, TranscribedSegment, Transcriber } from '../../src/ports/transcriber.js';
import { TRANSCRIBER_SAMPLE_RATE } from '../../src/ports/transcriber.js';
import { realStepTools } from '../support/step-tools.js';

const run = promisify(execFile);
const media = new FluentFfmpegMediaTool();
/** The tiny random model: made once, kept with the other generated fixtures. */
const MODEL_DIR = resolve('test/.fixtures/whisper');
let root: string;
let model: string;
let transcriber: SmartWhisperTranscriber;
let speech: string;
let silence: string;

/** French speech from espeak-ng, as the sample edition's recordings are made. */
async function speak(file: string, text: string): Promise<string> {
  const wav = `${file}.wav`;
  await run('espeak-ng', ['-v', 'fr', '-s', '150', '-w', wav, text]);
  await run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-i', wav, '-c:a', 'aac', '-b:a', '96k', file]);
  return file;
}

function item(path: string, language = 'fr'): ProgrammeItem {
  return {
    id: '2025-test-parole', row: 1,
    edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' },
    date: null, title: 'Une prise de parole', kind: 'podcast', themes: [], speakers: [], language,
    licence: 'CC-BY-4.0', summary: '', media: { path, declared: 'parole.m4a' },
    captions: [], slides: null, audioDescription: null, signLanguage: null,
  };
}

async function info(path: string): Promise<MediaInfo> {
  const probe = await media.probe(path);
  return {
    class: 'audio', container: 'mov', duration: Number(probe.format['duration']), size: 1, bitRate: null, video: null,
    audio: { codec: 'aac', channels: 1, sampleRate: 22_050, loudness: null }, pages: null, tags: {},
  };
}

async function context(path: string, name: string, options: { transcriber?: Transcriber | null; previous?: StepResult; language?: string } = {}): Promise<StepContext & { reports: number[] }> {
  const reports: number[] = [];
  return {
    item: item(path, options.language), workDir: join(root, name, 'work'), outDir: join(root, name, 'out'),
    previous: { media: await info(path), ...options.previous },
    ...realStepTools({ media, progress: (p) => void (p.percent !== null && reports.push(p.percent)) }),
    transcriber: options.transcriber === undefined ? transcriber : options.transcriber,
    reports,
  };
}

/** Records what the step asks of the engine. */
class RecordingTranscriber implements Transcriber {
  readonly calls: { seconds: number; language: string }[] = [];
  constructor(private readonly inner: Transcriber) {}
  check = () => this.inner.check();
  supportsLanguage = (language: string) => this.inner.supportsLanguage(language);
  close = () => this.inner.close();
  transcribe(samples: Float32Array, options: TranscribeOptions): Promise<TranscribedSegment[]> {
    this.calls.push({ seconds: samples.length / TRANSCRIBER_SAMPLE_RATE, language: options.language });
    return this.inner.transcribe(samples, options);
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-stt-'));
  model = await ensureTinyWhisperModel(MODEL_DIR);
  transcriber = new SmartWhisperTranscriber(model);
  speech = await speak(join(root, 'parole.m4a'),
    'Bonjour à toutes et à tous. Bienvenue à Numérique en Commun. Nous allons parler de médiation numérique et d\'intelligence artificielle.');
  silence = join(root, 'silence.m4a');
  await run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono', '-t', '4', '-c:a', 'aac', silence]);
});

afterAll(async () => {
  await transcriber?.close();
  await rm(root, { recursive: true, force: true });
});

describe('ggml model file check', () => {
  it('reads the tiny multilingual model', () => {
    expect(readGgmlModelHeader(model)).toMatchObject({ nVocab: 51865, nAudioState: 64, nTextLayer: 1, nMels: 80, multilingual: true, tensors: 50 });
  });

  it.each([
    ['a truncated download', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1000), /truncated.*incomplete download/],
    ['an HTML error page', () => Buffer.from('<!DOCTYPE html><html><body>Too many requests</body></html>'.padEnd(200)), /HTML or XML page/],
    ['a GGUF file', () => Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(200)]), /GGUF file/],
    ['an English-only model', (bytes: Buffer) => { const copy = Buffer.from(bytes); copy.writeInt32LE(51864, 4); return copy; }, /English-only/],
  ])('refuses %s with a clear cause', (_name, alter, cause) => {
    const file = join(root, `bad-${Math.random().toString(36).slice(2)}.bin`);
    writeFileSync(file, alter(readFileSync(model)));
    expect(() => readGgmlModelHeader(file)).toThrow(cause);
    expect(new SmartWhisperTranscriber(file).problem()).toMatch(cause);
  });

  it('names a missing file', () => {
    expect(new SmartWhisperTranscriber(join(root, 'absent.bin')).problem()).toMatch(/absent\.bin: file not found/);
  });
});

describe('smart-whisper transcriber (tiny random model)', () => {
  it('says what it is', async () => {
    const checked = await transcriber.check();
    expect(checked).toMatchObject({ model: 'ggml-tiny-random.bin', modelPath: model });
    expect(checked.engine).toMatch(/^whisper\.cpp \(smart-whisper \d+\.\d+\.\d+\)$/);
    expect(transcriber.supportsLanguage('fr')).toBe(true);
    expect(transcriber.supportsLanguage('fra')).toBe(false);
  });

  it('loads the model and decodes real speech into timed segments', async () => {
    const copy = join(root, 'speech.f32');
    await run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-i', speech, '-ac', '1', '-ar', '16000', '-f', 'f32le', copy]);
    const bytes = readFileSync(copy);
    const samples = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    const durationMs = (samples.length / TRANSCRIBER_SAMPLE_RATE) * 1000;
    const progress: number[] = [];
    const segments = await transcriber.transcribe(samples, { language: 'fr', onProgress: (f) => progress.push(f) });
    // Random weights: the words are nonsense, the structure is what is checked.
    expect(segments.length).toBeGreaterThan(0);
    let previousStart = 0;
    for (const segment of segments) {
      expect(segment.startMs).toBeGreaterThanOrEqual(previousStart);
      expect(segment.endMs).toBeGreaterThanOrEqual(segment.startMs);
      expect(segment.endMs).toBeLessThanOrEqual(durationMs);
      expect(segment.text.trim()).not.toBe('');
      expect(segment.text).not.toMatch(/\[_|<\|/); // no special tokens in the text
      let previousWord = segment.startMs;
      for (const word of segment.words ?? []) {
        expect(word.startMs).toBeGreaterThanOrEqual(previousWord);
        expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
        expect(word.endMs).toBeLessThanOrEqual(segment.endMs);
        previousWord = word.startMs;
      }
      previousStart = segment.startMs;
    }
    expect(progress.at(-1)).toBe(1);
  });

  it('refuses a language code whisper does not know, instead of guessing', async () => {
    await expect(transcriber.transcribe(new Float32Array(16_000), { language: 'fra' })).rejects.toThrow(/language "fra"/);
  });
});

describe('transcribe step', () => {
  it('writes an automatic transcript: valid WebVTT, plain text and JSON, in order and within the recording', async () => {
    const ctx = await context(speech, 'speech');
    const result = await transcribeStep.run(ctx);
    const duration = ctx.previous.media?.duration ?? 0;

    expect(result.transcripts).toEqual([{
      language: 'fr', source: 'speech-to-text', json: 'text/transcript-fr.json', vtt: 'text/fr.vtt', txt: 'text/fr.txt',
      cues: expect.any(Number), words: expect.any(Number),
    }]);
    const json = transcriptFileSchema.parse(JSON.parse(readFileSync(join(ctx.outDir, 'text/transcript-fr.json'), 'utf8')));
    expect(json).toMatchObject({ version: 1, language: 'fr', source: 'speech-to-text' });
    expect(json.cues.length).toBe(result.transcripts?.[0]?.cues);
    expect(json.cues.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const cue of json.cues) {
      expect(cue.start).toBeGreaterThanOrEqual(previousEnd);
      expect(cue.end).toBeGreaterThan(cue.start);
      expect(cue.end).toBeLessThanOrEqual(duration + 0.05);
      for (const line of cue.text.split('\n')) expect([...line].length).toBeLessThanOrEqual(42);
      previousEnd = cue.end;
    }

    const vtt = readFileSync(join(ctx.outDir, 'text/fr.vtt'), 'utf8');
    const parsed = parseWebVtt(vtt);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => [c.startTime, c.endTime])).toEqual(json.cues.map((c) => [c.start, c.end]));
    expect(readFileSync(join(ctx.outDir, 'text/fr.txt'), 'utf8').trim()).not.toBe('');

    expect(result.tracks).toEqual([{ kind: 'captions', language: 'fr', label: 'Français (automatique)', path: 'text/fr.vtt', format: 'vtt', origin: 'automatic' }]);
    expect(result.downloads?.map((d) => [d.path, d.format])).toEqual([['text/fr.vtt', 'vtt'], ['text/fr.txt', 'txt']]);
    expect(result.warnings).toBeUndefined();
    expect(ctx.reports.at(-1)).toBe(100);
  });

  it('transcribes a long recording window by window, cut at quiet moments, with the times of the whole', async () => {
    const recording = new RecordingTranscriber(transcriber);
    const long = join(root, 'long.m4a');
    await run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-i', speech, '-i', speech,
      '-filter_complex', '[0:a][1:a]concat=n=2:v=0:a=1', '-c:a', 'aac', long]);
    const ctx = await context(long, 'long', { transcriber: recording });
    const step = transcribeStepWith({ windowSeconds: 5, searchSeconds: 1.5, speechDb: -45, minSpeechSeconds: 0.3 });
    const result = await step.run(ctx);
    const duration = ctx.previous.media?.duration ?? 0;

    expect(recording.calls.length).toBeGreaterThanOrEqual(3);
    expect(recording.calls.every((c) => c.language === 'fr')).toBe(true);
    expect(recording.calls.reduce((n, c) => n + c.seconds, 0)).toBeCloseTo(duration, 0);
    const cues = transcriptFileSchema.parse(JSON.parse(readFileSync(join(ctx.outDir, 'text/transcript-fr.json'), 'utf8'))).cues;
    expect(cues.length).toBe(result.transcripts?.[0]?.cues);
    // Words from later windows land later in the recording, after the first window's.
    expect(cues.at(-1)?.end ?? 0).toBeGreaterThan(duration / 2);
    for (let i = 1; i < cues.length; i++) expect(cues[i]?.start).toBeGreaterThanOrEqual(cues[i - 1]?.end ?? Infinity);
  });

  it('gives an empty transcript and a warning for a silent recording, without asking the engine', async () => {
    const recording = new RecordingTranscriber(transcriber);
    const ctx = await context(silence, 'silence', { transcriber: recording });
    const result = await transcribeStep.run(ctx);
    expect(recording.calls).toEqual([]);
    expect(result.warnings).toEqual([NO_SPEECH_WARNING]);
    expect(result.transcripts?.[0]).toMatchObject({ source: 'speech-to-text', cues: 0, words: 0 });
    expect(result.tracks).toBeUndefined();
    expect(parseWebVtt(readFileSync(join(ctx.outDir, 'text/fr.vtt'), 'utf8')).errors).toEqual([]);
  });

  it('does nothing when reviewed captions in the item\'s language were supplied', async () => {
    const recording = new RecordingTranscriber(transcriber);
    const previous: StepResult = {
      transcripts: [{ language: 'fr', source: 'captions-reviewed', json: 'text/transcript-fr.json', vtt: 'text/fr.vtt', txt: 'text/fr.txt', cues: 2, words: 9 }],
    };
    const ctx = await context(speech, 'reviewed', { transcriber: recording, previous });
    expect(await transcribeStep.run(ctx)).toEqual({});
    expect(recording.calls).toEqual([]);
  });

  it('flags the recording when no model is configured', async () => {
    const ctx = await context(speech, 'none', { transcriber: null });
    expect(await transcribeStep.run(ctx)).toEqual({ warnings: [NO_TRANSCRIPT_WARNING] });
  });

  it('passes the ISO 639-1 subtag of a regional language tag to the engine', async () => {
    const recording = new RecordingTranscriber(transcriber);
    const ctx = await context(speech, 'regional', { transcriber: recording, language: 'fr-CA' });
    const result = await transcribeStep.run(ctx);
    expect(recording.calls.map((c) => c.language)).toEqual(['fr']);
    expect(result.transcripts?.[0]?.language).toBe('fr-CA');
  });
});

describe('the tiny model file', () => {
  it('is the same bytes every time (seeded)', async () => {
    const again = await ensureTinyWhisperModel(join(root, 'again'));
    expect(readFileSync(again).equals(readFileSync(model))).toBe(true);
  });
});
