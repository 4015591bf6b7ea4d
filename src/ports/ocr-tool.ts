/** One word as the engine read it, with its confidence 0–100. */
export interface OcrWord {
  text: string;
  confidence: number;
}

/**
 * A line of words, in reading order; `block` groups lines the engine saw as one text block, and
 * `paragraph` (numbered within its block) the lines of one paragraph: a title wrapped on two lines.
 */
export interface OcrLine {
  block: number;
  paragraph: number;
  words: OcrWord[];
}

export interface OcrReading {
  lines: OcrLine[];
  /** The engine's language models used, e.g. ["fra"]. */
  models: string[];
  /** True when the item's language has no model and a general one was used instead. */
  fallback: boolean;
}

export interface OcrOptions {
  /** BCP 47 tag of the text (the item's language). */
  language: string;
  /** Resolution of the picture, when known (a page rendered at 300 dpi). */
  dpi?: number;
}

/** Optical character recognition (Tesseract behind a port): pictures in, words with confidences out. */
export interface OcrTool {
  read(imagePath: string, options: OcrOptions): Promise<OcrReading>;
  /** Proves the engine runs; lists its installed language models. Throws ToolError otherwise. */
  check(): Promise<{ version: string; languages: string[] }>;
}
