import { describeError } from '../../domain/errors.js';
import type { Manifest } from '../../domain/manifest.js';
import type { Cue } from '../../domain/text.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readManifest, readManifests } from '../archive/manifests.js';
import { reviseTranscript, type ReindexItem } from '../transcripts/revise-transcript.js';
import { glossaryReplacer, type GlossaryEntry } from './glossary-replace.js';
import { readGlossary } from './glossary-store.js';

/** The cues with the glossary applied, the indices of those changed and the count of replacements. */
export function cuesWithGlossary(cues: readonly Cue[], glossary: readonly GlossaryEntry[]): { cues: Cue[]; changed: number[]; replaced: number } {
  const changed: number[] = [];
  let replaced = 0;
  const replace = glossaryReplacer(glossary);
  const out = cues.map((cue, index) => {
    const applied = replace(cue.text);
    if (applied.replaced === 0 || applied.text === cue.text) return cue;
    changed.push(index);
    replaced += applied.replaced;
    return { ...cue, text: applied.text };
  });
  return { cues: out, changed, replaced };
}

export interface GlossaryOutcome {
  id: string;
  language: string;
  replaced: number;
}

/**
 * Applies the glossary to an archived item's automatic transcripts (speech-to-text: a reviewed
 * transcript was read by people and is left as it is), each changed one as a new revision with
 * the change in the item's history under `by`.
 */
export async function applyGlossaryToItem(
  store: BlobStore, manifest: Manifest, glossary: readonly GlossaryEntry[], by: string, reindex?: ReindexItem,
): Promise<GlossaryOutcome[]> {
  const outcomes: GlossaryOutcome[] = [];
  let current = manifest;
  for (const language of manifest.text.transcripts.filter((t) => t.source === 'speech-to-text').map((t) => t.language)) {
    let replaced = 0;
    const revised = await reviseTranscript(store, current, language, (file) => {
      const applied = cuesWithGlossary(file.cues, glossary);
      if (applied.changed.length === 0) return null;
      replaced = applied.replaced;
      return { cues: applied.cues, entry: { by, action: 'transcript.glossary', cues: applied.changed, detail: `glossary: ${applied.replaced} replacement(s)` } };
    }, reindex ? { reindex } : {});
    if (revised) {
      current = revised;
      outcomes.push({ id: manifest.id, language, replaced });
    }
  }
  return outcomes;
}

/** The glossary applied to every archived item (or the one asked for); returns what changed. */
export async function applyGlossaryToArchive(
  store: BlobStore, glossary: readonly GlossaryEntry[], by: string, options: { item?: string; reindex?: ReindexItem } = {},
): Promise<GlossaryOutcome[]> {
  const outcomes: GlossaryOutcome[] = [];
  if (glossary.length === 0) return outcomes;
  // One item: its own manifest, not a read of the whole archive.
  const manifests = options.item ? [await readManifest(store, options.item)].filter((m) => m !== null) : readManifests(store);
  for await (const manifest of manifests) {
    outcomes.push(...await applyGlossaryToItem(store, manifest, glossary, by, options.reindex));
  }
  return outcomes;
}

/** Who the item's history names for the glossary applied at ingest: no person did it. */
export const INGEST_GLOSSARY_BY = 'glossary';

/**
 * At ingest, once an item is published: the glossary applied to its automatic transcripts, each
 * change in its history. A transcript carried over from the previous version already has it
 * (nothing left to replace, nothing written). Never fails the ingest: a problem is a warning line.
 */
export async function applyGlossaryAfterPublish(store: BlobStore, manifest: Manifest): Promise<string[]> {
  if (!manifest.text.transcripts.some((t) => t.source === 'speech-to-text')) return [];
  try {
    const glossary = await readGlossary(store);
    if (glossary.length === 0) return [];
    await applyGlossaryToItem(store, manifest, glossary, INGEST_GLOSSARY_BY);
    return [];
  } catch (error) {
    return [`glossary not applied (${describeError(error)}): run \`mediacommuns glossary apply --item ${manifest.id}\``];
  }
}
