import type { ProgrammeItem } from '../../domain/item.js';
import { MANIFEST_SCHEMA_VERSION, manifestSchema, type Manifest, type MediaInfo, type StoredFile } from '../../domain/manifest.js';
import type { ImageRef, StepResult } from '../../pipeline/step.js';

/** Lists that a later step gives whole (slide OCR retitles the chapters): they replace, not add. */
const WHOLE_LISTS: ReadonlySet<keyof StepResult> = new Set(['chapters']);

/** Later results win for single values; lists are concatenated with later entries replacing same-path ones. */
export function mergeResults(results: StepResult[]): StepResult {
  const merged: StepResult = {};
  for (const result of results) {
    for (const [key, value] of Object.entries(result) as [keyof StepResult, unknown][]) {
      if (value === undefined) continue;
      const current = merged[key];
      if (Array.isArray(value) && Array.isArray(current) && !WHOLE_LISTS.has(key)) {
        const byPath = new Map<string, unknown>();
        for (const entry of [...current, ...value] as unknown[]) {
          const id = typeof entry === 'object' && entry !== null && 'path' in entry ? String((entry as { path: string }).path) : JSON.stringify(entry);
          byPath.set(id, entry);
        }
        (merged as Record<string, unknown>)[key] = [...byPath.values()];
      } else {
        (merged as Record<string, unknown>)[key] = value;
      }
    }
  }
  return merged;
}

export interface ManifestInputs {
  item: ProgrammeItem;
  media: MediaInfo;
  source: StoredFile & { fileName: string };
  result: StepResult;
  /** Every stored object of the item by path relative to items/<id>/ (source included). */
  files: Map<string, StoredFile>;
  pipelineVersion: string;
  inputsKey: string;
  ingestedAt: string;
  now: string;
}

/** Builds the item's manifest and validates it with the schema that readers use. */
export function buildManifest(input: ManifestInputs): Manifest {
  const { item, result } = input;
  const keyOf = (rel: string): string => {
    const stored = input.files.get(rel);
    if (!stored) throw new Error(`output "${rel}" was announced by a step but not stored`);
    return stored.key;
  };
  const stored = (rel: string): StoredFile => {
    keyOf(rel);
    return input.files.get(rel) as StoredFile;
  };
  const imageOf = (image: ImageRef): Manifest['images']['posters'][number] => ({ key: keyOf(image.path), width: image.width, height: image.height, format: image.format });
  const tracks = (result.tracks ?? []).map((t) => ({ kind: t.kind, language: t.language, label: t.label, key: keyOf(t.path), format: t.format, origin: t.origin }));
  const captionTracks = tracks.filter((t) => t.kind === 'captions' || t.kind === 'subtitles');
  const transcripts = (result.transcripts ?? []).map((t) => ({ ...t, json: keyOf(t.json), vtt: keyOf(t.vtt), txt: keyOf(t.txt) }));
  const reviewed = transcripts.some((t) => t.source === 'captions-reviewed') || captionTracks.some((t) => t.origin === 'supplied' || t.origin === 'reviewed');
  const automatic = transcripts.some((t) => t.source === 'speech-to-text') || captionTracks.some((t) => t.origin === 'automatic');

  const manifest: Manifest = {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    id: item.id,
    ...metadataFields(item),
    source: input.source,
    media: input.media,
    hls: result.hls
      ? {
          master: keyOf(result.hls.master),
          variants: result.hls.variants.map((v) => ({ ...v, playlist: keyOf(v.playlist) })),
          audio: result.hls.audio.map((a) => ({ ...a, playlist: keyOf(a.playlist) })),
          segmentSeconds: result.hls.segmentSeconds,
        }
      : null,
    downloads: (result.downloads ?? []).map((d) => ({ ...stored(d.path), label: d.label, format: d.format, width: d.width, height: d.height, loudness: d.loudness })),
    images: {
      posters: (result.posters ?? []).map(imageOf),
      storyboard: result.storyboard
        ? { ...result.storyboard, vtt: keyOf(result.storyboard.vtt), sheets: result.storyboard.sheets.map(keyOf) }
        : null,
      waveform: result.waveform ? imageOf(result.waveform) : null,
      cover: result.cover ? imageOf(result.cover) : null,
      pages: (result.pageImages ?? []).map((p) => ({ ...imageOf(p), page: p.page })),
    },
    tracks,
    chapters: result.chapters ?? [],
    text: {
      transcripts,
      slides: result.slideText ? { key: keyOf(result.slideText.path), count: result.slideText.count, language: result.slideText.language } : null,
      pages: result.pageText
        ? { key: keyOf(result.pageText.path), count: result.pageText.count, language: result.pageText.language, ocrPages: result.pageText.ocrPages }
        : null,
    },
    signLanguage: result.signLanguage ? { ...result.signLanguage, hls: keyOf(result.signLanguage.hls), mp4: keyOf(result.signLanguage.mp4) } : null,
    audioDescription: result.audioDescription ? { type: result.audioDescription.type, key: keyOf(result.audioDescription.path) } : null,
    slides: result.slides ? stored(result.slides.path) : null,
    accessibility: {
      captions: captionTracks.length > 0,
      reviewedTranscript: reviewed,
      audioDescription: Boolean(result.audioDescription),
      signLanguage: Boolean(result.signLanguage),
      easyRead: false,
      transcript: reviewed ? 'reviewed' : automatic ? 'automatic' : 'none',
    },
    files: [...input.files.values()].sort((a, b) => a.key.localeCompare(b.key)),
    pipeline: { version: input.pipelineVersion, ingestedAt: input.ingestedAt, updatedAt: input.now, inputs: input.inputsKey },
    warnings: result.warnings ?? [],
  };
  // The same schema that readers use proves the shape before anything is written.
  return manifestSchema.parse(manifest);
}

/** Programme metadata that may change without re-transcoding (title, speakers, licence…). */
export function withMetadata(manifest: Manifest, item: ProgrammeItem, now: string): Manifest {
  return manifestSchema.parse({ ...manifest, ...metadataFields(item), pipeline: { ...manifest.pipeline, updatedAt: now } });
}

/**
 * The programme's description of an item, as the manifest holds it. Its earlier ids are
 * metadata too: listing one changes addresses, not outputs.
 */
function metadataFields(item: ProgrammeItem): Pick<Manifest, 'aliases' | 'kind' | 'title' | 'summary' | 'edition' | 'date' | 'themes' | 'speakers' | 'language' | 'licence'> {
  return {
    aliases: [...(item.aliases ?? [])],
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    edition: { ...item.edition },
    date: item.date,
    themes: [...item.themes],
    speakers: item.speakers.map((s) => ({ ...s })),
    language: item.language,
    licence: item.licence,
  };
}

/** The metadata part of a manifest, to tell "unchanged" from "updated". */
export function metadataOf(manifest: Manifest): string {
  const { aliases, kind, title, summary, edition, date, themes, speakers, language, licence } = manifest;
  return JSON.stringify({ aliases, kind, title, summary, edition, date, themes, speakers, language, licence });
}
