import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { ItemKind } from '../../src/domain/item.js';
import type { LicenceId } from '../../src/domain/licence.js';
import { recordChange } from '../../src/services/archive/change-log.js';
import { manifestKey, manifestSchema, type Manifest, type StoredFile } from '../../src/domain/manifest.js';
import type { Cue, PageTextFile, SlideTextFile, TranscriptFile } from '../../src/domain/text.js';
import { slugify } from '../../src/domain/slug.js';

/** One item of a test archive: what the programme would say, plus its text with positions. */
export interface ArchiveItem {
  id: string;
  kind: ItemKind;
  title: string;
  summary?: string;
  edition?: string;
  date?: string | null;
  themes?: string[];
  speakers?: { name: string; organisation?: string; role?: string }[];
  language?: string;
  licence?: LicenceId;
  /** Supplied captions (reviewed) or speech-to-text, one file each; a cue's fourth value is its speaker. */
  transcripts?: { language?: string; source?: TranscriptFile['source']; cues: [number, number, string, (string | null)?][] }[];
  slides?: SlideTextFile['slides'];
  pages?: string[];
  accessibility?: Partial<Manifest['accessibility']>;
  /** Renditions to list as downloads; each is written as a small file of `bytes` bytes. */
  downloads?: { format: Manifest['downloads'][number]['format']; contentType: string; bytes?: number; label?: string }[];
  chapters?: Manifest['chapters'];
  /** Posters (a square one is a podcast cover), written as small files. */
  posters?: { width: number; height: number; format: Manifest['images']['posters'][number]['format'] }[];
}

export function freshStore(): FsBlobStore {
  return new FsBlobStore(mkdtempSync(path.join(tmpdir(), 'mc-search-archive-')));
}

/**
 * Writes an item as the ingest does: text files under a revision folder, then its manifest
 * (validated by the real schema). Returns the manifest.
 */
export async function writeItem(store: BlobStore, spec: ArchiveItem): Promise<Manifest> {
  const rev = 'a1b2c3d4e5f6';
  const files: StoredFile[] = [];
  const put = async (rel: string, body: unknown): Promise<StoredFile> => {
    const key = `items/${spec.id}/${rev}/${rel}`;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const stored = await store.putBuffer(key, text, 'application/json');
    const file = { key, size: stored.size, sha256: stored.sha256, contentType: rel.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8' };
    files.push(file);
    return file;
  };
  const language = spec.language ?? 'fr';
  const transcripts: Manifest['text']['transcripts'] = [];
  for (const t of spec.transcripts ?? []) {
    const lang = t.language ?? language;
    const source = t.source ?? 'captions-reviewed';
    const cues: Cue[] = t.cues.map(([start, end, text, speaker]) => ({ start, end, text, speaker: speaker ?? null }));
    const json = await put(`text/transcript-${lang}.json`, { version: 1, language: lang, source, cues } satisfies TranscriptFile);
    const vtt = await put(`text/${lang}.vtt`, `WEBVTT\n\n${cues.map((c) => `${c.start} --> ${c.end}\n${c.text}`).join('\n\n')}\n`);
    const txt = await put(`text/${lang}.txt`, cues.map((c) => c.text).join('\n'));
    transcripts.push({ language: lang, source, json: json.key, vtt: vtt.key, txt: txt.key, cues: cues.length, words: cues.map((c) => c.text).join(' ').split(/\s+/).filter(Boolean).length });
  }
  const slides = spec.slides ? { key: (await put('text/slides.json', { version: 1, language, slides: spec.slides } satisfies SlideTextFile)).key, count: spec.slides.length, language } : null;
  const pageFile: PageTextFile | null = spec.pages ? { version: 1, language, pages: spec.pages.map((text, i) => ({ page: i + 1, text, ocr: false })) } : null;
  const pages = pageFile ? { key: (await put('text/pages.json', pageFile)).key, count: pageFile.pages.length, language, ocrPages: 0 } : null;
  const source = await put('source/original.bin', `source of ${spec.id}`);
  const stored = async (rel: string, bytes: number, contentType: string): Promise<StoredFile> => {
    const key = `items/${spec.id}/${rev}/${rel}`;
    const written = await store.putBuffer(key, Buffer.alloc(bytes, 7), contentType);
    const file = { key, size: written.size, sha256: written.sha256, contentType };
    files.push(file);
    return file;
  };
  const downloads: Manifest['downloads'] = [];
  for (const d of spec.downloads ?? []) {
    const file = await stored(`download/${spec.id}.${d.format}`, d.bytes ?? 2048, d.contentType);
    downloads.push({ ...file, label: d.label ?? d.format.toUpperCase(), format: d.format, width: null, height: null, loudness: null });
  }
  const posters: Manifest['images']['posters'] = [];
  for (const p of spec.posters ?? []) {
    const ext = p.format === 'jpeg' ? 'jpg' : p.format;
    const file = await stored(`images/poster-${p.width}.${ext}`, 64, `image/${p.format}`);
    posters.push({ key: file.key, width: p.width, height: p.height, format: p.format });
  }
  const cover = posters.filter((p) => p.width === p.height).sort((a, b) => b.width - a.width)[0] ?? null;

  const editionLabel = spec.edition ?? '2025 Strasbourg';
  const [year, ...city] = editionLabel.split(' ');
  const isDocument = spec.kind === 'document';
  const reviewed = transcripts.some((t) => t.source === 'captions-reviewed');
  const automatic = transcripts.some((t) => t.source === 'speech-to-text');
  const manifest: Manifest = {
    schemaVersion: 2,
    id: spec.id,
    aliases: [],
    kind: spec.kind,
    title: spec.title,
    summary: spec.summary ?? '',
    edition: { label: editionLabel, year: Number(year), city: city.join(' '), slug: slugify(editionLabel) },
    date: spec.date === undefined ? `${year}-10-29` : spec.date,
    themes: spec.themes ?? [],
    speakers: (spec.speakers ?? []).map((s) => ({ ...s, slug: slugify(s.name) })),
    language,
    licence: spec.licence ?? 'CC-BY-SA-4.0',
    source: { ...source, fileName: 'original.bin' },
    media: {
      class: isDocument ? 'document' : spec.kind === 'podcast' ? 'audio' : 'video',
      container: isDocument ? 'pdf' : 'mp4', duration: isDocument ? 0 : 600, size: 1000, bitRate: null,
      // Recordings have their sound (a video without it is shown "sans son").
      video: null, audio: isDocument ? null : { codec: 'aac', channels: 2, sampleRate: 48_000, loudness: -16 },
      pages: isDocument ? Math.max(1, spec.pages?.length ?? 1) : null, tags: {},
    },
    hls: null,
    downloads,
    images: { posters, storyboard: null, waveform: null, cover, pages: [] },
    tracks: [],
    chapters: spec.chapters ?? [],
    text: { transcripts, slides, pages },
    signLanguage: null,
    audioDescription: null,
    slides: null,
    accessibility: {
      captions: transcripts.length > 0, reviewedTranscript: reviewed, audioDescription: false, signLanguage: false, easyRead: false,
      transcript: reviewed ? 'reviewed' : automatic ? 'automatic' : 'none', ...spec.accessibility,
    },
    files: files.sort((a, b) => a.key.localeCompare(b.key)),
    pipeline: { version: '2', ingestedAt: '2025-11-01T00:00:00.000Z', updatedAt: '2025-11-01T00:00:00.000Z', inputs: createHash('sha256').update(spec.id).digest('hex') },
    warnings: [],
  };
  const valid = manifestSchema.parse(manifest);
  await store.putBuffer(manifestKey(spec.id), JSON.stringify(valid, null, 2), 'application/json');
  // As a publish does: a running site learns of the item from the change log.
  await recordChange(store, spec.id, 'published');
  return valid;
}

/** Cues of `seconds` each from sentences: [[0, 5, s1], [5, 10, s2], …]. */
export function cuesOf(sentences: string[], seconds = 5, from = 0): [number, number, string][] {
  return sentences.map((text, i) => [from + i * seconds, from + (i + 1) * seconds, text]);
}
