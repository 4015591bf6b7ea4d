import { z } from 'zod';

/**
 * The text of an item with its positions, as stored beside its media (text/*.json). Captions,
 * speech-to-text, slide OCR and PDF pages all end up in one of these three shapes; the search
 * index and the website's interactive transcript read them, never the VTT files.
 */
export const TEXT_FILE_VERSION = 1;

/** Where a piece of text comes from: shown to users (reviewed vs automatic) and used in ranking. */
export const PASSAGE_SOURCES = ['captions-reviewed', 'speech-to-text', 'slide-ocr', 'pdf'] as const;
export type PassageSource = (typeof PASSAGE_SOURCES)[number];

const seconds = z.number().nonnegative();

const cueSchema = z.object({
  start: seconds,
  end: seconds,
  /** Plain text: markup stripped, never HTML. Lines joined with "\n". */
  text: z.string(),
  /** From a WebVTT voice span (<v Name>) or a diarised engine; null when unknown. */
  speaker: z.string().nullable(),
});
export type Cue = z.infer<typeof cueSchema>;

export const transcriptFileSchema = z.object({
  version: z.literal(TEXT_FILE_VERSION),
  language: z.string(),
  source: z.enum(['captions-reviewed', 'speech-to-text']),
  cues: z.array(cueSchema),
});
export type TranscriptFile = z.infer<typeof transcriptFileSchema>;

export const slideTextFileSchema = z.object({
  version: z.literal(TEXT_FILE_VERSION),
  language: z.string(),
  slides: z.array(
    z.object({
      start: seconds,
      end: seconds,
      text: z.string(),
      /** Tesseract's mean word confidence, 0–100. */
      confidence: z.number().min(0).max(100).nullable(),
    }),
  ),
});
export type SlideTextFile = z.infer<typeof slideTextFileSchema>;

export const pageTextFileSchema = z.object({
  version: z.literal(TEXT_FILE_VERSION),
  language: z.string(),
  pages: z.array(
    z.object({
      page: z.number().int().positive(),
      text: z.string(),
      /** The page had no text layer and was read by OCR. */
      ocr: z.boolean(),
    }),
  ),
});
export type PageTextFile = z.infer<typeof pageTextFileSchema>;

/** The primary ISO 639-1 subtag of a BCP 47 tag ("fr-CA" → "fr"): what engines and analysers take. */
export function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}
