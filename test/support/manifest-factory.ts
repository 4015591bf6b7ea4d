import type { ItemKind } from '../../src/domain/item.js';
import type { LicenceId } from '../../src/domain/licence.js';
import { listingOf, manifestSchema, type Manifest, type ManifestListing } from '../../src/domain/manifest.js';
import { sha256Of } from '../../src/lib/sha256.js';
import { slugify } from '../../src/domain/slug.js';

/**
 * The one manifest builder of the tests. `manifestOf` gives a valid manifest for view-model
 * tests, without any store, where only what the pages read varies; `talkManifest`,
 * `podcastManifest` and `documentManifest` build on it a complete one as the ingest writes it.
 */
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

/**
 * Complete manifests for pure tests of the web's view-models (JSON-LD, feeds, oEmbed, API):
 * what the ingest writes for a talk, a podcast and a document, validated by the real schema.
 */
const shaOf = (n: number): string => n.toString(16).padStart(64, '0');
const file = (key: string, contentType: string, size = 1000, n = 1) => ({ key, size, sha256: shaOf(n), contentType });

export function talkManifest(overrides: Partial<Manifest> = {}): Manifest {
  const id = overrides.id ?? '2025-strasbourg-ia-et-mediation';
  const base = `items/${id}/abc123`;
  return manifestSchema.parse({
    ...manifestOf({ id, kind: 'talk' }),
    title: 'Médiation numérique et IA',
    summary: 'Comment accompagner les usages de l’IA.',
    edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' },
    date: '2025-10-29',
    themes: ['Communs & souveraineté', 'Éthique'],
    speakers: [
      { name: 'Jeanne Martin', organisation: 'La Mednum', slug: 'jeanne-martin' },
      { name: 'Ali Ben', role: 'modérateur', slug: 'ali-ben' },
    ],
    language: 'fr',
    licence: 'CC-BY-SA-4.0',
    source: { ...file(`${base}/source/talk.mp4`, 'video/mp4', 5000, 2), fileName: 'talk.mp4' },
    media: {
      class: 'video', container: 'mp4', duration: 754.4, size: 5000, bitRate: null,
      video: { codec: 'h264', width: 1920, height: 1080, displayWidth: 1920, displayHeight: 1080, fps: 25, rotation: 0, pixelFormat: null, interlaced: false },
      audio: { codec: 'aac', channels: 2, sampleRate: 48000, loudness: -16 },
      pages: null, tags: {},
    },
    hls: { master: `${base}/hls/master.m3u8`, variants: [], audio: [], segmentSeconds: 6 },
    downloads: [
      { ...file(`${base}/download/${id}-720p.mp4`, 'video/mp4', 3000, 3), label: 'MP4 720p', format: 'mp4', width: 1280, height: 720, loudness: null },
      { ...file(`${base}/text/fr.vtt`, 'text/vtt; charset=utf-8', 100, 4), label: 'VTT', format: 'vtt', width: null, height: null, loudness: null },
    ],
    images: {
      posters: [
        { key: `${base}/images/poster-320.jpg`, width: 320, height: 180, format: 'jpeg' },
        { key: `${base}/images/poster-640.webp`, width: 640, height: 360, format: 'webp' },
        { key: `${base}/images/poster-640.jpg`, width: 640, height: 360, format: 'jpeg' },
        { key: `${base}/images/poster-1280.jpg`, width: 1280, height: 720, format: 'jpeg' },
      ],
      storyboard: null, waveform: null, cover: null, pages: [],
    },
    tracks: [{ kind: 'captions', language: 'fr', label: 'Français', key: `${base}/text/fr.vtt`, format: 'vtt', origin: 'reviewed' }],
    chapters: [
      { start: 0, end: 120.5, title: 'Ouverture' },
      { start: 120.5, end: 754.4, title: 'Questions & réponses' },
    ],
    text: {
      transcripts: [{ language: 'fr', source: 'captions-reviewed', json: `${base}/text/transcript-fr.json`, vtt: `${base}/text/fr.vtt`, txt: `${base}/text/fr.txt`, cues: 10, words: 100 }],
      slides: null, pages: null,
    },
    signLanguage: null,
    audioDescription: null,
    slides: null,
    accessibility: { captions: true, reviewedTranscript: true, audioDescription: false, signLanguage: true, easyRead: false, transcript: 'reviewed' },
    files: [],
    pipeline: { version: '2', ingestedAt: '2025-11-01T10:00:00.000Z', updatedAt: '2025-11-02T10:00:00.000Z', inputs: shaOf(9) },
    warnings: ['internal warning'],
    ...overrides,
  });
}

export function podcastManifest(overrides: Partial<Manifest> = {}): Manifest {
  const id = overrides.id ?? '2025-strasbourg-podcast-sobriete';
  const base = `items/${id}/def456`;
  const talk = talkManifest({ id });
  return manifestSchema.parse({
    ...talk,
    kind: 'podcast',
    title: 'Le podcast des communs',
    media: { ...talk.media, class: 'audio', video: null, duration: 1801.2 },
    downloads: [
      { ...file(`${base}/download/${id}.m4a`, 'audio/mp4', 4000, 5), label: 'M4A', format: 'm4a', width: null, height: null, loudness: -16 },
      { ...file(`${base}/download/${id}.mp3`, 'audio/mpeg', 3500, 6), label: 'MP3', format: 'mp3', width: null, height: null, loudness: -16 },
    ],
    images: {
      posters: [
        { key: `${base}/images/cover-320.jpg`, width: 320, height: 320, format: 'jpeg' },
        { key: `${base}/images/cover-1280.jpg`, width: 1280, height: 1280, format: 'jpeg' },
        { key: `${base}/images/cover-1280.webp`, width: 1280, height: 1280, format: 'webp' },
      ],
      storyboard: null, waveform: null, cover: { key: `${base}/images/cover-640.jpg`, width: 640, height: 640, format: 'jpeg' }, pages: [],
    },
    tracks: [],
    speakers: [{ name: 'Julien Moreau', organisation: 'Radio Communs', role: 'animateur', slug: 'julien-moreau' }, { name: 'Inès Roy', slug: 'ines-roy' }],
    accessibility: { captions: true, reviewedTranscript: true, audioDescription: false, signLanguage: false, easyRead: false, transcript: 'reviewed' },
    ...overrides,
  });
}

export function documentManifest(overrides: Partial<Manifest> = {}): Manifest {
  const id = overrides.id ?? '2025-strasbourg-magazine';
  const base = `items/${id}/aaa111`;
  const talk = talkManifest({ id });
  return manifestSchema.parse({
    ...talk,
    kind: 'document',
    title: 'Le magazine 2025',
    source: { ...file(`${base}/source/magazine.pdf`, 'application/pdf', 9000, 7), fileName: 'magazine.pdf' },
    media: { ...talk.media, class: 'document', container: 'pdf', duration: 0, video: null, audio: null, pages: 12 },
    hls: null,
    downloads: [{ ...file(`${base}/download/${id}.pdf`, 'application/pdf', 9000, 7), label: 'PDF', format: 'pdf', width: null, height: null, loudness: null }],
    tracks: [],
    chapters: [],
    text: { transcripts: [], slides: null, pages: { key: `${base}/text/pages.json`, count: 12, language: 'fr', ocrPages: 0 } },
    accessibility: { captions: false, reviewedTranscript: false, audioDescription: false, signLanguage: false, easyRead: true, transcript: 'none' },
    ...overrides,
  });
}

/** `manifest` as the catalogue holds it (see ManifestListing), with the digest of its JSON. */
export function listed(manifest: Manifest): ManifestListing {
  return listingOf(manifest, sha256Of(JSON.stringify(manifest)));
}
