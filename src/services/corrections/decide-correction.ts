import { AppError, NotFoundError } from '../../domain/errors.js';
import type { Manifest } from '../../domain/manifest.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readManifest } from '../archive/manifests.js';
import { recordOperatorAction } from '../operators/operator-log.js';
import { reviseTranscript, type ReindexItem } from '../transcripts/revise-transcript.js';
import { readSuggestion, writeSuggestion, type Suggestion } from './correction-store.js';
import { CORRECTION_LIMITS } from './suggest-correction.js';
import { revisePassage } from './revise-passage.js';

/** A suggestion already decided (by someone else, in another tab): nothing is done twice. */
export class SuggestionDecidedError extends AppError {
  override name = 'SuggestionDecidedError';
  override readonly code = 'suggestion_decided';
  readonly status = 409;
  constructor(suggestion: Suggestion) {
    super(`suggestion ${suggestion.id} is already ${suggestion.state}`);
  }
}

export interface DecisionDeps {
  store: BlobStore;
  reindex?: ReindexItem;
  now?: () => Date;
}

async function pending(store: BlobStore, item: string, id: string): Promise<Suggestion> {
  const suggestion = await readSuggestion(store, item, id);
  if (!suggestion) throw new NotFoundError(`no suggestion ${id} for ${item}`);
  if (suggestion.state !== 'pending') throw new SuggestionDecidedError(suggestion);
  return suggestion;
}

/**
 * Accepts a suggestion, as sent or as the operator edited it: a new revision of that transcript
 * (the passage's cues keep their times, their words change; the speaker too when one was given),
 * recorded in the item's history under the operator's name, then in the operator log.
 */
export async function acceptSuggestion(
  deps: DecisionDeps, operator: string, item: string, id: string, edited?: string | null,
): Promise<{ suggestion: Suggestion; manifest: Manifest }> {
  const suggestion = await pending(deps.store, item, id);
  const text = edited?.replace(/\s+/g, ' ').trim() || suggestion.text;
  // The console's form always sends its (prefilled) text: edited means it differs from the suggestion.
  const wasEdited = text !== suggestion.text;
  if (text.length > CORRECTION_LIMITS.text) throw new AppError(`the text is longer than ${CORRECTION_LIMITS.text} characters`);
  const manifest = await readManifest(deps.store, item);
  if (!manifest) throw new NotFoundError(`no item ${item}`);
  const now = deps.now?.() ?? new Date();
  const revised = await reviseTranscript(deps.store, manifest, suggestion.language, (file) => {
    if (suggestion.cues.some((index) => index >= file.cues.length)) throw new AppError(`suggestion ${id}: the transcript no longer has those cues`);
    return {
      cues: revisePassage(file.cues, suggestion.cues, text, suggestion.speaker),
      entry: { by: operator, action: 'transcript.correction', cues: suggestion.cues, detail: `suggestion ${suggestion.id}${wasEdited ? ' (edited)' : ''}` },
    };
  }, { now, ...(deps.reindex ? { reindex: deps.reindex } : {}) });
  const decided: Suggestion = { ...suggestion, state: 'accepted', decision: { at: now.toISOString(), by: operator, text } };
  await writeSuggestion(deps.store, decided);
  await recordOperatorAction(deps.store, {
    operator, action: 'correction.accept', target: `${item}/${id}`,
    detail: { item, suggestion: id, language: suggestion.language, start: suggestion.start, edited: wasEdited },
  }, now);
  return { suggestion: decided, manifest: revised ?? manifest };
}

/** Rejects a suggestion or marks it as spam: only its state changes (the transcript does not). */
export async function dismissSuggestion(
  deps: DecisionDeps, operator: string, item: string, id: string, state: 'rejected' | 'spam',
): Promise<Suggestion> {
  const suggestion = await pending(deps.store, item, id);
  const now = deps.now?.() ?? new Date();
  const decided: Suggestion = { ...suggestion, state, decision: { at: now.toISOString(), by: operator, text: null } };
  await writeSuggestion(deps.store, decided);
  await recordOperatorAction(deps.store, { operator, action: state === 'spam' ? 'correction.spam' : 'correction.reject', target: `${item}/${id}`, detail: { item, suggestion: id } }, now);
  return decided;
}
