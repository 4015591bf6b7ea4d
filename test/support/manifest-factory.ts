import type { ItemKind } from '../../src/domain/item.js';
import type { LicenceId } from '../../src/domain/licence.js';
import { manifestSchema, type Manifest } from '../../src/domain/manifest.js';
import { slugify } from '../../src/domain/slug.js';

/** A valid manifest for view-model tests, without any store: only what the pages read varies. */
export interface ManifestSpec {
  id: string;
  kind?: ItemKind;
  title?: string;
  edition?: string;
  date?: string | null;
  themes?: string[];
  speakers?: { name: string; organisation?: string }[];
  language?: string;
  licence?: LicenceId;
  accessibility?: Partial<Manifest['accessibility']>;
  images?: Partial<Manifest['images']>;
  duration?: number;
  pages?: number;
}

const sha = 'a'.repeat(64);

export function manifestOf(spec: ManifestSpec): Manifest {
  const kind = spec.kind ?? 'talk';
  const label = spec.edition ?? '2025 Strasbourg';
  const [year, ...city] = label.split(' ');
  const document = kind === 'document';
  return manifestSchema.parse({
    schemaVersion: 2,
    id: spec.id,
    kind,
    title: spec.title ?? `Title of ${spec.id}`,
    summary: '',
    edition: { label, year: Number(year), city: city.join(' '), slug: slugify(label) },
    date: spec.date === undefined ? `${year}-10-29` : spec.date,
    themes: spec.themes ?? [],
    speakers: (spec.speakers ?? []).map((s) => ({ ...s, slug: slugify(s.name) })),
    language: spec.language ?? 'fr',
    licence: spec.licence ?? 'CC-BY-SA-4.0',
    source: { key: `items/${spec.id}/r/source/x.bin`, size: 1, sha256: sha, contentType: 'application/octet-stream', fileName: 'x.bin' },
    media: {
      class: document ? 'document' : kind === 'podcast' ? 'audio' : 'video',
      container: document ? 'pdf' : 'mp4',
      duration: document ? 0 : spec.duration ?? 754,
      size: 1,
      bitRate: null,
      video: null,
      // Recordings have their sound unless a test says otherwise (a video without it is shown "sans son").
      audio: document ? null : { codec: 'aac', channels: 2, sampleRate: 48_000, loudness: -16 },
      pages: document ? spec.pages ?? 12 : null,
      tags: {},
    },
    hls: null,
    downloads: [],
    images: { posters: [], storyboard: null, waveform: null, cover: null, pages: [], ...spec.images },
    tracks: [],
    chapters: [],
    text: { transcripts: [], slides: null, pages: null },
    signLanguage: null,
    audioDescription: null,
    slides: null,
    accessibility: { captions: false, reviewedTranscript: false, audioDescription: false, signLanguage: false, easyRead: false, transcript: 'none', ...spec.accessibility },
    files: [],
    pipeline: { version: '2', ingestedAt: '2025-11-01T00:00:00.000Z', updatedAt: '2025-11-01T00:00:00.000Z', inputs: sha },
    warnings: [],
  });
}

/** Poster images as the ingest stores them: three widths in AVIF, WebP and JPEG. */
export function postersOf(id: string, widths = [320, 640, 1280], ratio = 9 / 16): Manifest['images']['posters'] {
  return widths.flatMap((width) =>
    (['avif', 'webp', 'jpeg'] as const).map((format) => ({
      key: `items/${id}/r/images/poster-${width}.${format === 'jpeg' ? 'jpg' : format}`,
      width,
      height: Math.round(width * ratio),
      format,
    })),
  );
}
