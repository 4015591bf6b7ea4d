/**
 * Speech-to-text, measured on the sample edition's recordings: real-time factor (wall time over
 * audio time; below 1 is faster than real time) of the transcribe step as it runs (decode,
 * windows, whisper, caption layout) and of the engine alone, plus the model's load time. With
 * TRANSCRIBER_MODEL pointing to a real model, also the words recovered and the word error rate
 * against the text the sample generator spoke; without one, the tiny random model gives the
 * speed floor (its words are nonsense by design).
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { PopplerDocumentTool } from '../../src/adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { TesseractOcrTool } from '../../src/adapters/ocr/tesseract-ocr-tool.js';
import { readGgmlModelHeader } from '../../src/adapters/transcriber/ggml-model-file.js';
import { SmartWhisperTranscriber } from '../../src/adapters/transcriber/smart-whisper-transcriber.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { transcriptFileSchema } from '../../src/domain/text.js';
import { interpretProbe } from '../../src/pipeline/probe.js';
import { speechAudioCommand, transcribeStep } from '../../src/pipeline/steps/transcribe.js';
import { TRANSCRIBER_SAMPLE_RATE } from '../../src/ports/transcriber.js';
import { ensureTinyWhisperModel } from '../make-tiny-whisper-model.js';
import { readSampleTimeline, type TimelineItem } from '../sample/texts.js';
import { normalisedWords, wordErrors } from './word-error-rate.js';

export const STT_HEADERS = ['measure', 'how', 'value', 'words recovered'];

interface Recording {
  entry: TimelineItem;
  file: string;
  seconds: number;
}

/**
 * Rows for table 5. `model`: a ggml whisper model (default: TRANSCRIBER_MODEL, else the tiny
 * random one, generated under test/.fixtures/whisper).
 */
export async function sttRows(out: string, model = process.env.TRANSCRIBER_MODEL): Promise<string[][]> {
  const modelFile = model ?? (await ensureTinyWhisperModel(path.resolve('test/.fixtures/whisper')));
  const header = readGgmlModelHeader(modelFile);
  const real = header.size !== 'unknown';
  const name = `${path.basename(modelFile)}${real ? ` (${header.size}, ${(header.fileSize / 1e6).toFixed(0)} MB)` : ' (tiny random weights: speed floor)'}`;
  const threads = availableParallelism();
  const media = new FluentFfmpegMediaTool();
  const timeline = await readSampleTimeline(out);
  const recordings: Recording[] = [];
  for (const entry of timeline.items.filter((i) => i.duration !== null && i.sentences.length > 0)) {
    recordings.push({ entry, file: path.join(out, entry.media), seconds: entry.duration ?? 0 });
  }
  const audioSeconds = recordings.reduce((n, r) => n + r.seconds, 0);
  const work = await mkdtemp(path.join(tmpdir(), 'mc-bench-stt-'));
  const transcriber = new SmartWhisperTranscriber(modelFile, { threads });
  try {
    // Load time on its own: the first call pays it, once per process.
    const loadStarted = performance.now();
    await transcriber.transcribe(new Float32Array(TRANSCRIBER_SAMPLE_RATE), { language: 'fr' });
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    let stepSeconds = 0;
    let engineSeconds = 0;
    let errors = 0;
    let found = 0;
    let words = 0;
    for (const { entry, file } of recordings) {
      const dir = path.join(work, entry.id);
      const info = interpretProbe(await media.probe(file), file, entry.kind === 'podcast' ? 'audio' : 'video', (await stat(file)).size);
      const item = { id: entry.id, kind: entry.kind, language: 'fr', media: { path: file, declared: entry.media }, captions: [] } as unknown as ProgrammeItem;
      const started = performance.now();
      const result = await transcribeStep.run({
        item, workDir: path.join(dir, 'work'), outDir: dir, previous: { media: info },
        media, images: new SharpImageTool(), documents: new PopplerDocumentTool(), ocr: new TesseractOcrTool(), transcriber, progress: () => {},
      });
      stepSeconds += (performance.now() - started) / 1000;

      // The engine alone, on the same samples in one call.
      const pcm = path.join(work, `${entry.id}.s16`);
      await media.run(speechAudioCommand(file, pcm, info.duration));
      const bytes = await readFile(pcm);
      const samples = Float32Array.from({ length: bytes.length >> 1 }, (_, i) => bytes.readInt16LE(i * 2) / 32_768);
      const engineStarted = performance.now();
      await transcriber.transcribe(samples, { language: 'fr' });
      engineSeconds += (performance.now() - engineStarted) / 1000;

      const json = result.transcripts?.[0]?.json;
      const cues = json ? transcriptFileSchema.parse(JSON.parse(await readFile(path.join(dir, json), 'utf8'))).cues : [];
      const reference = normalisedWords(entry.sentences.map((s) => s.text).join(' '));
      const heard = normalisedWords(cues.map((c) => c.text).join(' '));
      errors += wordErrors(reference, heard);
      found += reference.filter((w) => heard.includes(w)).length;
      words += reference.length;
    }
    const rtf = (seconds: number): string => `RTF ${(seconds / audioSeconds).toFixed(3)} (${(audioSeconds / seconds).toFixed(1)}× real time)`;
    const quality = real ? `${((100 * found) / words).toFixed(0)} % (WER ${(errors / words).toFixed(2)})` : '– (random weights)';
    const on = `${recordings.length} recordings, ${audioSeconds.toFixed(0)} s`;
    return [
      ['speech-to-text real-time factor', `transcribe step (decode 16 kHz, windows, whisper greedy, captions), ${name}, ${threads} threads, ${on}`, rtf(stepSeconds), quality],
      ['speech-to-text real-time factor', `whisper.cpp alone (smart-whisper, AVX2/FMA build), same samples`, rtf(engineSeconds), '–'],
      ['speech-to-text model load', name, `${loadSeconds.toFixed(2)} s (once per process)`, '–'],
    ];
  } finally {
    await transcriber.close();
    await rm(work, { recursive: true, force: true });
  }
}
