import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { TranscribeDetailedResult, TranscribeParams, WhisperModel } from 'smart-whisper';
import { ToolError } from '../../domain/errors.js';
import { TRANSCRIBER_SAMPLE_RATE, type TranscribedSegment, type TranscribeOptions, type Transcriber, type TranscriberInfo } from '../../ports/transcriber.js';
import { readGgmlModelHeader, type GgmlModelHeader } from './ggml-model-file.js';
import { WHISPER_LANGUAGES } from './whisper-languages.js';
import { wordsOfSegment } from './whisper-words.js';

type SmartWhisper = typeof import('smart-whisper');

/** Free the model after this long without work: an ingest run keeps it, an idle server does not. */
const IDLE_UNLOAD_MS = 60_000;
/** Whisper's first special token (end of text) in multilingual vocabularies; below it, text. */
const MULTILINGUAL_EOT = 50_257;

/**
 * whisper.cpp through smart-whisper (the only file that imports it). The model is loaded once,
 * on first use, and freed by close() or after a minute idle; transcriptions run one at a time
 * (each already uses every core). scripts/build-whisper.sh compiles the addon with AVX2/FMA.
 */
export class SmartWhisperTranscriber implements Transcriber {
  private header: GgmlModelHeader | null = null;
  private model: Promise<WhisperModel> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly modelPath: string,
    private readonly options: { threads?: number; idleUnloadMs?: number } = {},
  ) {}

  /**
   * Why this transcriber cannot work (the model file or the compiled addon), or null. Cheap and
   * synchronous, for the boot check: the model is read, not loaded (that takes seconds and
   * gigabytes for a large one).
   */
  problem(): string | null {
    try {
      this.readHeader();
      loadSmartWhisper();
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  async check(): Promise<TranscriberInfo> {
    const header = this.readHeader();
    loadSmartWhisper();
    return {
      engine: `whisper.cpp (smart-whisper ${smartWhisperVersion()})`,
      model: path.basename(this.modelPath),
      modelPath: path.resolve(this.modelPath),
      size: header.fileSize,
    };
  }

  supportsLanguage(language: string): boolean {
    return WHISPER_LANGUAGES.has(language);
  }

  transcribe(samples: Float32Array, options: TranscribeOptions): Promise<TranscribedSegment[]> {
    return this.serially(async () => {
      if (!this.supportsLanguage(options.language)) throw new ToolError('whisper', `language "${options.language}" is not one whisper knows`);
      if (samples.length === 0) return [];
      const whisper = loadSmartWhisper();
      const model = await this.loadModel(whisper);
      const durationMs = (samples.length / TRANSCRIBER_SAMPLE_RATE) * 1000;
      const params: Partial<TranscribeParams<'detail', true>> = {
        language: options.language,
        format: 'detail',
        token_timestamps: true,
        n_threads: this.options.threads ?? availableParallelism(),
        // Greedy, with whisper's fallback to higher temperatures when a window decodes badly: a beam
        // search of 5 would multiply the decoding work by five on machines with few cores.
        strategy: 0 as TranscribeParams['strategy'],
        best_of: 5,
        suppress_blank: true,
        // Whisper's "♪" and "(applause)" guesses are unreliable: captions say what is said.
        suppress_non_speech_tokens: true,
        print_progress: false,
        print_realtime: false,
        print_timestamps: false,
        print_special: false,
      };
      const task = await whisper.TranscribeTask.run(model, samples, params);
      task.on('transcribed', (segment) => options.onProgress?.(Math.min(1, segment.to / durationMs)));
      // On failure the binding resolves with an Error instead of rejecting.
      const results: unknown = await task.result;
      if (!Array.isArray(results)) {
        throw new ToolError('whisper', `transcription failed: ${results instanceof Error ? results.message : String(results)}`);
      }
      options.onProgress?.(1);
      return (results as TranscribeDetailedResult<true>[]).map((r) => toSegment(r, durationMs)).filter((s) => s.text.trim() !== '');
    });
  }

  async close(): Promise<void> {
    await this.serially(() => this.unload());
  }

  private readHeader(): GgmlModelHeader {
    try {
      this.header ??= readGgmlModelHeader(this.modelPath);
      return this.header;
    } catch (error) {
      throw new ToolError('whisper', `TRANSCRIBER_MODEL: ${this.modelPath}: ${error instanceof Error ? error.message : String(error)}`, '', { cause: error });
    }
  }

  private async loadModel(whisper: SmartWhisper): Promise<WhisperModel> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.readHeader(); // refuse a bad file here: the native loader would not say why
    this.model ??= whisper.WhisperModel.load(this.modelPath, false).catch((error: unknown) => {
      this.model = null;
      throw new ToolError('whisper', `cannot load ${this.modelPath}: ${error instanceof Error ? error.message : String(error)}`, '', { cause: error });
    });
    return this.model;
  }

  private async unload(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const model = this.model;
    this.model = null;
    if (model) await (await model.catch(() => null))?.free();
  }

  /** One transcription at a time, then the idle countdown starts again. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined).then(() => {
      if (!this.model) return;
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.serially(() => this.unload()), this.options.idleUnloadMs ?? IDLE_UNLOAD_MS);
      this.idleTimer.unref(); // never what keeps the process alive
    });
    return run;
  }
}

function toSegment(result: TranscribeDetailedResult<true>, durationMs: number): TranscribedSegment {
  // Whisper pads the audio to 30 s and may place times in the padding: keep them in the audio.
  const clamp = (ms: number): number => Math.min(Math.max(0, ms), durationMs);
  const startMs = clamp(result.from);
  const endMs = Math.max(startMs, clamp(result.to));
  const tokens = result.tokens
    .filter((t) => t.id < MULTILINGUAL_EOT)
    .map((t) => ({ text: t.text, startMs: t.from, endMs: t.to }));
  return { startMs, endMs, text: result.text, words: wordsOfSegment(result.text, tokens, { startMs, endMs }) };
}

const require = createRequire(import.meta.url);
let smartWhisper: SmartWhisper | null = null;

/**
 * Loaded on first use, not at import: a machine without the compiled addon can still run
 * everything else. whisper.cpp logs every step to stderr unless NODE_ENV is "production" when
 * the addon initialises: set it for that moment only.
 */
function loadSmartWhisper(): SmartWhisper {
  if (smartWhisper) return smartWhisper;
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    smartWhisper = require('smart-whisper') as SmartWhisper;
    return smartWhisper;
  } catch (error) {
    throw new ToolError('whisper', `the speech-to-text addon is not built (run scripts/build-whisper.sh): ${error instanceof Error ? error.message : String(error)}`, '', { cause: error });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

function smartWhisperVersion(): string {
  try {
    return (require('smart-whisper/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
