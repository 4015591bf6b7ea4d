import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProgrammeItem } from '../../domain/item.js';
import type { FfmpegCommand } from '../../ports/media-tool.js';
import { TRANSCRIBER_SAMPLE_RATE, type TranscribedSegment } from '../../ports/transcriber.js';
import { primaryLanguage, TEXT_FILE_VERSION, type TranscriptFile } from '../../domain/text.js';
import { layoutCaptions, wordsOfSegments, type SpeechSegment } from '../caption-layout.js';
import { countWords, renderCaptionsVtt, renderTranscriptText } from '../captions/index.js';
import { progressRange } from '../progress-phases.js';
import { LevelMeter, planWindows, WINDOW_RULES, type SpeechWindow, type WindowRules } from '../speech-windows.js';
import type { DownloadRef, Step, StepContext, StepResult, TrackRef } from '../step.js';
import { requireMedia, SOURCE_INPUT_OPTIONS } from '../step-media.js';
import { languageLabel } from '../../domain/language.js';

export const NO_TRANSCRIPT_WARNING =
  'no transcript: no captions supplied and no speech-to-text model configured (TRANSCRIBER=whisper, TRANSCRIBER_MODEL=…)';
export const NO_SPEECH_WARNING = 'speech-to-text found no speech: the automatic transcript is empty';

/** Share of the step's progress taken by decoding the audio; the rest is transcription. */
const DECODE_SHARE = 10;
/** 16-bit samples on disk (what whisper.cpp's own tools read from WAV): half the scratch space of floats. */
const BYTES_PER_SAMPLE = 2;

/**
 * Speech-to-text for recordings without reviewed captions in their own language: the audio is
 * decoded to 16 kHz mono, cut into windows of about five minutes at quiet moments, each window
 * with sound transcribed, and the words laid out as captions. Stored as the item's automatic
 * transcript (text/<lang>.vtt, .txt, transcript-<lang>.json). Without a model, the item is
 * flagged "no transcript" instead.
 */
export const transcribeStep: Step = transcribeStepWith(WINDOW_RULES);

/** The step with other windows (tests use a few seconds to exercise the cutting). */
export function transcribeStepWith(windowRules: Readonly<WindowRules>): Step {
  return {
    name: 'transcribe',
    version: 1,
    reads: ['media', 'captions'],
    // Reviewed captions in the item's language (the captions step's tracks) make it pointless.
    needs: ['captions'],
    // The model matters only to the recordings it would transcribe: configuring one re-runs
    // speech-to-text for those, and carries every other step's outputs over.
    settings: (item, settings) => (hasCaptionsInItsLanguage(item) ? null : settings.speechToText),
    // A video without a sound track has no speech to transcribe: no engine, and no "no
    // transcript" warning asking for a model (transcode-video says it has no sound instead).
    applies: (_item, media) => (media.class === 'video' || media.class === 'audio') && media.audio !== null,
    // The language chosen for the engine and written into the track.
    embeds: (item) => item.language,
    run: (ctx) => transcribeRecording(ctx, windowRules),
  };
}

async function transcribeRecording(ctx: StepContext, windowRules: Readonly<WindowRules>): Promise<StepResult> {
  const language = ctx.item.language;
  if (hasReviewedTranscript(ctx, language)) return {};
  const transcriber = ctx.transcriber ?? null;
  if (!transcriber) return { warnings: [NO_TRANSCRIPT_WARNING] };
  const spoken = primaryLanguage(language);
  if (!transcriber.supportsLanguage(spoken)) {
    return { warnings: [`no transcript: no captions supplied and speech-to-text does not know the language "${spoken}"`] };
  }

  const media = requireMedia(ctx);
  await mkdir(ctx.workDir, { recursive: true });
  const pcm = path.join(ctx.workDir, 'speech-16k-mono.s16');
  await ctx.media.run(speechAudioCommand(ctx.item.media.path, pcm, media.duration), { onProgress: progressRange(ctx.progress, 0, DECODE_SHARE) });
  const { levels, duration } = await measureLevels(pcm);
  const windows = planWindows(levels, duration, windowRules).filter((w) => w.sound);

  const segments: SpeechSegment[] = [];
  const started = performance.now();
  const soundSeconds = windows.reduce((n, w) => n + w.end - w.start, 0);
  let doneSeconds = 0;
  for (const window of windows) {
    const report = (fraction: number): void => {
      const seconds = doneSeconds + fraction * (window.end - window.start);
      const elapsed = (performance.now() - started) / 1000;
      ctx.progress({ percent: DECODE_SHARE + ((100 - DECODE_SHARE) * seconds) / soundSeconds, speed: elapsed > 0 ? seconds / elapsed : null });
    };
    const found = await transcriber.transcribe(await readSamples(pcm, window), { language: spoken, onProgress: report });
    segments.push(...found.map((segment) => inRecording(segment, window.start)));
    doneSeconds += window.end - window.start;
  }
  await rm(pcm, { force: true });

  const cues = layoutCaptions(wordsOfSegments(segments, duration), duration);
  return writeTranscript(ctx, language, cues);
}

/**
 * Captions supplied in the item's own language: the recording will have its reviewed transcript
 * and is never sent to the engine (known from the programme, before any step).
 */
function hasCaptionsInItsLanguage(item: ProgrammeItem): boolean {
  return item.captions.some((c) => primaryLanguage(c.language) === primaryLanguage(item.language));
}

/** A reviewed transcript (captions supplied) in the item's language makes speech-to-text pointless. */
function hasReviewedTranscript(ctx: StepContext, language: string): boolean {
  const same = (other: string): boolean => primaryLanguage(other) === primaryLanguage(language);
  return (ctx.previous.transcripts ?? []).some((t) => t.source === 'captions-reviewed' && same(t.language))
    || (ctx.previous.tracks ?? []).some((t) => t.kind === 'captions' && (t.origin === 'reviewed' || t.origin === 'supplied') && same(t.language));
}

/** The first audio stream as 16 kHz mono 16-bit samples, raw: read back window by window. */
export function speechAudioCommand(source: string, output: string, duration: number): FfmpegCommand {
  return {
    inputs: [{ path: source, options: [...SOURCE_INPUT_OPTIONS] }],
    outputs: [{
      path: output,
      options: ['-map', '0:a:0', '-vn', '-sn', '-dn', '-ac', '1', '-ar', String(TRANSCRIBER_SAMPLE_RATE), '-c:a', 'pcm_s16le', '-f', 's16le'],
    }],
    duration,
  };
}

async function measureLevels(file: string): Promise<{ levels: number[]; duration: number }> {
  const meter = new LevelMeter(TRANSCRIBER_SAMPLE_RATE);
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.alloc(TRANSCRIBER_SAMPLE_RATE * BYTES_PER_SAMPLE * 10);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      meter.push(asSamples(chunk.subarray(0, bytesRead - (bytesRead % BYTES_PER_SAMPLE))));
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  const bytes = (await stat(file)).size;
  return { levels: meter.finish(), duration: Math.floor(bytes / BYTES_PER_SAMPLE) / TRANSCRIBER_SAMPLE_RATE };
}

async function readSamples(file: string, window: SpeechWindow): Promise<Float32Array> {
  const first = Math.round(window.start * TRANSCRIBER_SAMPLE_RATE);
  const count = Math.round(window.end * TRANSCRIBER_SAMPLE_RATE) - first;
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(count * BYTES_PER_SAMPLE);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, first * BYTES_PER_SAMPLE);
    return asSamples(buffer.subarray(0, bytesRead - (bytesRead % BYTES_PER_SAMPLE)));
  } finally {
    await handle.close();
  }
}

/** Little-endian 16-bit samples as ffmpeg wrote them, as the floats (-1…1) the engine takes. */
function asSamples(bytes: Buffer): Float32Array {
  const samples = new Float32Array(bytes.length / BYTES_PER_SAMPLE);
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * BYTES_PER_SAMPLE) / 32_768;
  return samples;
}

/** A window's segment in seconds from the start of the recording. */
function inRecording(segment: TranscribedSegment, offset: number): SpeechSegment {
  const at = (ms: number): number => offset + ms / 1000;
  return {
    start: at(segment.startMs),
    end: at(segment.endMs),
    text: segment.text,
    words: segment.words?.map((w) => ({ text: w.text, start: at(w.startMs), end: at(w.endMs) })) ?? null,
  };
}

async function writeTranscript(ctx: StepContext, language: string, cues: TranscriptFile['cues']): Promise<StepResult> {
  const files = { vtt: `text/${language}.vtt`, txt: `text/${language}.txt`, json: `text/transcript-${language}.json` };
  const transcript: TranscriptFile = { version: TEXT_FILE_VERSION, language, source: 'speech-to-text', cues };
  await mkdir(path.join(ctx.outDir, 'text'), { recursive: true });
  await writeFile(path.join(ctx.outDir, files.json), `${JSON.stringify(transcript)}\n`);
  await writeFile(path.join(ctx.outDir, files.vtt), renderCaptionsVtt(cues));
  await writeFile(path.join(ctx.outDir, files.txt), renderTranscriptText(cues, language));
  const result: StepResult = {
    transcripts: [{ language, source: 'speech-to-text', ...files, cues: cues.length, words: countWords(cues) }],
  };
  // An empty transcript is kept (the recording was listened to) but offers no track to choose.
  if (cues.length === 0) return { ...result, warnings: [NO_SPEECH_WARNING] };
  const label = languageLabel(language);
  const track: TrackRef = { kind: 'captions', language, label: `${label} (automatique)`, path: files.vtt, format: 'vtt', origin: 'automatic' };
  const download = (file: string, what: string, format: DownloadRef['format']): DownloadRef => ({
    path: file, label: `${what} — ${label}`, format, width: null, height: null, loudness: null,
  });
  return {
    ...result,
    tracks: [track],
    downloads: [download(files.vtt, 'Sous-titres automatiques WebVTT', 'vtt'), download(files.txt, 'Transcription automatique texte', 'txt')],
  };
}
