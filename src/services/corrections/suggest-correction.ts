import { AppError } from '../../domain/errors.js';
import type { Manifest } from '../../domain/manifest.js';
import { primaryLanguage, transcriptFileSchema, type TranscriptFile } from '../../domain/text.js';
import { passageAt, passagesOf, passageText, type TranscriptPassage } from '../../domain/transcript-passages.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readStoredJson } from '../archive/manifests.js';
import { newSuggestionId, writeSuggestion, type Suggestion } from './correction-store.js';

/** Size limits of a suggestion: a passage is ~40 s of speech (~150 words); room for twice that. */
export const CORRECTION_LIMITS = { text: 4_000, speaker: 120, note: 1_000 } as const;

/** A suggestion that cannot be taken, named by its field: a 400 (the API says which field). */
export class CorrectionFieldError extends AppError {
  override name = 'CorrectionFieldError';
  override readonly code = 'bad_request';
  readonly status = 400;
  constructor(readonly field: 'start' | 'text' | 'speaker' | 'note' | 'language', problem: string) {
    super(`${field}: ${problem}`);
  }
}

export interface SuggestionInput {
  /** A second inside the passage corrected. */
  start: number;
  text: string;
  speaker?: string | null;
  note?: string | null;
  /** The transcript's language; default: the item's own (else its first transcript). */
  language?: string | null;
}

export type ManifestTranscript = Manifest['text']['transcripts'][number];

/** The transcript a suggestion is about: the one asked for, else the item's language's, else the first. */
export function transcriptFor(manifest: Manifest, language: string | null | undefined): ManifestTranscript | null {
  const all = manifest.text.transcripts;
  if (language) return all.find((t) => t.language === language) ?? all.find((t) => primaryLanguage(t.language) === primaryLanguage(language)) ?? null;
  return all.find((t) => primaryLanguage(t.language) === primaryLanguage(manifest.language)) ?? all[0] ?? null;
}

/** The passage of an item's transcript said at a second, with the transcript it belongs to. */
export async function passageOfItem(
  store: BlobStore, manifest: Manifest, second: number, language?: string | null,
): Promise<{ transcript: ManifestTranscript; file: TranscriptFile; passage: TranscriptPassage } | null> {
  const transcript = transcriptFor(manifest, language);
  if (!transcript) return null;
  const file = await readStoredJson(store, transcript.json, transcriptFileSchema);
  const passage = file ? passageAt(passagesOf(file.cues), second) : null;
  return file && passage ? { transcript, file, passage } : null;
}

/**
 * Keeps a visitor's suggestion as pending, with the passage's text as it is now and the
 * transcript file it was read from (a later revision shows what changed since).
 */
export async function suggestCorrection(store: BlobStore, manifest: Manifest, input: SuggestionInput, now: Date = new Date()): Promise<Suggestion> {
  if (!Number.isFinite(input.start) || input.start < 0 || input.start > manifest.media.duration + 1) {
    throw new CorrectionFieldError('start', `must be a second of the recording (0 to ${Math.floor(manifest.media.duration)})`);
  }
  const text = clean(input.text, 'text', CORRECTION_LIMITS.text);
  if (text === null) throw new CorrectionFieldError('text', 'must not be empty');
  const speaker = clean(input.speaker, 'speaker', CORRECTION_LIMITS.speaker);
  const note = clean(input.note, 'note', CORRECTION_LIMITS.note);
  const found = await passageOfItem(store, manifest, input.start, input.language);
  if (!found) {
    throw input.language && !transcriptFor(manifest, input.language)
      ? new CorrectionFieldError('language', `this item has no transcript in "${input.language}"`)
      : new CorrectionFieldError('start', 'this item has no transcript to correct');
  }
  const current = passageText(found.passage);
  if (text === current && (speaker === null || speaker === found.passage.speaker)) throw new CorrectionFieldError('text', 'is the same as the current text');
  const suggestion: Suggestion = {
    id: newSuggestionId(now), item: manifest.id, state: 'pending', at: now.toISOString(),
    language: found.transcript.language, transcript: found.transcript.json,
    start: found.passage.start, end: found.passage.end, cues: found.passage.cues,
    current, currentSpeaker: found.passage.speaker, text, speaker, note, decision: null,
  };
  await writeSuggestion(store, suggestion);
  return suggestion;
}

/** Trimmed, one paragraph (line breaks become spaces), null when empty; longer than `max` is refused. */
function clean(value: string | null | undefined, field: CorrectionFieldError['field'], max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length > max) throw new CorrectionFieldError(field, `at most ${max} characters (${text.length} given)`);
  return text === '' ? null : text;
}
