/** Speech-to-text engines take 16 kHz mono samples (whisper's rate): the pipeline decodes to it. */
export const TRANSCRIBER_SAMPLE_RATE = 16_000;

/** A word with its times, when the engine gives token timings. */
export interface TimedWord {
  text: string;
  startMs: number;
  endMs: number;
}

/** One stretch of recognised speech, times in milliseconds from the start of the samples given. */
export interface TranscribedSegment {
  startMs: number;
  endMs: number;
  /** Plain text as recognised (no markup); may start with a space. */
  text: string;
  /** The segment's words with times, or null when the engine has no token timings. */
  words: TimedWord[] | null;
}

export interface TranscribeOptions {
  /** ISO 639-1 ("fr", never "fra"): the programme's language, not guessed from the audio. */
  language: string;
  /** 0–1 through the samples given. */
  onProgress?: (fraction: number) => void;
}

/** What produced a transcript: shown in reports and part of each recording's inputs key. */
export interface TranscriberInfo {
  /** Engine and binding, e.g. "whisper.cpp (smart-whisper 0.8.1)". */
  engine: string;
  /** The model file's name, e.g. "ggml-base.bin". */
  model: string;
  /** Absolute path of the model file (its sha256 identifies the model). */
  modelPath: string;
  size: number;
}

export interface Transcriber {
  /** Proves the model is usable (present, a model file of the expected kind); throws otherwise. */
  check(): Promise<TranscriberInfo>;
  /** Whether the engine knows this ISO 639-1 language. */
  supportsLanguage(language: string): boolean;
  /** Transcribes 16 kHz mono float samples; silence gives an empty list. */
  transcribe(samples: Float32Array, options: TranscribeOptions): Promise<TranscribedSegment[]>;
  /** Frees the model (it is loaded once, on first use). */
  close(): Promise<void>;
}
