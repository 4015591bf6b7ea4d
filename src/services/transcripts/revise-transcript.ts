import { languageLabel } from '../../domain/language.js';
import type { HistoryEntry, Manifest } from '../../domain/manifest.js';
import { TEXT_FILE_VERSION, transcriptFileSchema, type Cue, type TranscriptFile } from '../../domain/text.js';
import { countWords, renderCaptionsVtt, renderTranscriptText } from '../../pipeline/captions/index.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readStoredJson } from '../archive/manifests.js';
import { ItemVersion } from '../ingest/item-version.js';

/** Who reindexes an item once its manifest changed (the search indexer); absent: `reindex` later. */
export type ReindexItem = (id: string) => Promise<unknown>;

/**
 * The rule for *reviewed by people*: a transcript is reviewed once every one of its cues with
 * text has been covered by corrections that operators accepted (each covers its whole passage),
 * or when an operator marks it reviewed as a whole (`transcript.reviewed`). Glossary changes are
 * made by no person and cover nothing.
 */
export const REVIEW_ACTIONS: ReadonlySet<string> = new Set(['transcript.correction']);
export const MARK_REVIEWED = 'transcript.reviewed';

export function reviewedByPeople(cues: readonly Cue[], history: readonly HistoryEntry[], language: string): boolean {
  const mine = history.filter((h) => h.language === language);
  if (mine.some((h) => h.action === MARK_REVIEWED)) return true;
  const covered = new Set(mine.filter((h) => REVIEW_ACTIONS.has(h.action)).flatMap((h) => h.cues));
  return cues.every((cue, index) => cue.text.trim() === '' || covered.has(index));
}

export interface TranscriptChange {
  /** The cues after the change: as many as before, at the same times. */
  cues: Cue[];
  entry: Omit<HistoryEntry, 'at' | 'language'>;
}

/**
 * A new revision of one transcript of an item, and nothing else of it: its JSON, VTT and text
 * written beside the live ones and published by a new manifest (ItemVersion.revise), the change
 * added to the item's history, the transcript marked reviewed when the rule above says so, the
 * search index updated. Returns the new manifest.
 */
export async function reviseTranscript(
  store: BlobStore,
  manifest: Manifest,
  language: string,
  change: (file: TranscriptFile) => TranscriptChange | null,
  options: { reindex?: ReindexItem; now?: Date } = {},
): Promise<Manifest | null> {
  const transcript = manifest.text.transcripts.find((t) => t.language === language);
  if (!transcript) throw new Error(`${manifest.id}: no transcript in "${language}"`);
  const file = await readStoredJson(store, transcript.json, transcriptFileSchema);
  if (!file) throw new Error(`${manifest.id}: the transcript ${transcript.json} cannot be read`);
  const changed = change(file);
  if (!changed) return null;
  if (changed.cues.length !== file.cues.length) throw new Error(`${manifest.id}: a revision keeps the transcript's cues (${file.cues.length})`);
  const at = (options.now ?? new Date()).toISOString();
  const history = [...(manifest.history ?? []), { ...changed.entry, at, language }];
  const reviewed = file.source === 'captions-reviewed' || reviewedByPeople(changed.cues, history, language);
  const revised: TranscriptFile = { version: TEXT_FILE_VERSION, language, source: reviewed ? 'captions-reviewed' : file.source, cues: changed.cues };
  const contents = new Map([
    [transcript.json, { body: `${JSON.stringify(revised)}\n`, contentType: 'application/json' }],
    [transcript.vtt, { body: renderCaptionsVtt(revised.cues), contentType: 'text/vtt' }],
    [transcript.txt, { body: renderTranscriptText(revised.cues, language), contentType: 'text/plain; charset=utf-8' }],
  ]);
  const published = await ItemVersion.revise(store, manifest, contents, (next) => withRevisedTranscript(next, language, revised, reviewed, history, at));
  await options.reindex?.(manifest.id);
  return published;
}

/** The manifest with the transcript's counts, its review state and the history (keys already renamed). */
function withRevisedTranscript(manifest: Manifest, language: string, file: TranscriptFile, reviewed: boolean, history: HistoryEntry[], at: string): Manifest {
  const transcript = manifest.text.transcripts.find((t) => t.language === language)!;
  const transcripts = manifest.text.transcripts.map((t) => (t === transcript ? { ...t, source: file.source, cues: file.cues.length, words: countWords(file.cues) } : t));
  const label = languageLabel(language);
  const tracks = manifest.tracks.map((t) => (reviewed && t.key === transcript.vtt && t.origin === 'automatic' ? { ...t, origin: 'reviewed' as const, label } : t));
  const downloads = manifest.downloads.map((d) => {
    if (!reviewed || (d.key !== transcript.vtt && d.key !== transcript.txt)) return d;
    return { ...d, label: `${d.format === 'vtt' ? 'Sous-titres WebVTT' : 'Transcription texte'} — ${label}` };
  });
  const anyReviewed = transcripts.some((t) => t.source === 'captions-reviewed') || tracks.some((t) => t.origin === 'reviewed' || t.origin === 'supplied');
  return {
    ...manifest,
    text: { ...manifest.text, transcripts },
    tracks,
    downloads,
    accessibility: {
      ...manifest.accessibility,
      reviewedTranscript: anyReviewed,
      transcript: anyReviewed ? 'reviewed' : manifest.accessibility.transcript,
    },
    pipeline: { ...manifest.pipeline, updatedAt: at },
    history,
  };
}

/**
 * An operator says a transcript has been read through by people as it is: it becomes reviewed
 * (a new revision with the same words, the mark in the item's history). Null when it already was.
 */
export async function markReviewed(store: BlobStore, manifest: Manifest, language: string, by: string, reindex?: ReindexItem): Promise<Manifest | null> {
  return reviseTranscript(store, manifest, language, (file) => (
    file.source === 'captions-reviewed' ? null : { cues: file.cues, entry: { by, action: MARK_REVIEWED, cues: [], detail: 'marked reviewed as a whole' } }
  ), reindex ? { reindex } : {});
}
