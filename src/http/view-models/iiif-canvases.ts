import type { ManifestFields } from '../../domain/manifest.js';
import type { PageTextFile } from '../../domain/text.js';
import { iiifResourceUrl } from '../urls.js';
import { inEveryLocale, inLanguage, type LanguageMap } from './iiif-parts.js';
import { audioEnclosure, fileUrl, videoFile } from './public-item.js';

/**
 * The Canvases of an item's IIIF manifest: one timed Canvas for a recording, one Canvas per page
 * for a document, with what is painted on them and what supplements them.
 */
export interface Resource {
  id: string;
  type: string;
  format?: string;
  label?: LanguageMap;
  language?: string[];
  width?: number;
  height?: number;
  duration?: number;
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'painting' | 'supplementing';
  body: Resource | { type: 'Choice'; items: Resource[] } | { type: 'TextualBody'; value: string; format: 'text/plain'; language: string[] };
  target: string;
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  items: Annotation[];
}

export interface Canvas {
  id: string;
  type: 'Canvas';
  label: LanguageMap;
  width?: number;
  height?: number;
  duration?: number;
  thumbnail?: Resource[];
  items: AnnotationPage[];
  annotations?: AnnotationPage[];
}

export interface Range {
  id: string;
  type: 'Range';
  label: LanguageMap;
  items: ({ id: string; type: 'Canvas' } | Range)[];
}

/** The one Canvas of a recording (also the target of its chapters and search results). */
export function recordingCanvasId(origin: string, id: string): string {
  return `${origin}${iiifResourceUrl(id, 'canvas', 1)}`;
}

/** The Canvas of a document's page (pages from 1). */
export function pageCanvasId(origin: string, id: string, page: number): string {
  return `${origin}${iiifResourceUrl(id, 'canvas', `p${page}`)}`;
}

/** Seconds as a media fragment writes them: at most 3 decimals, no trailing zeros. */
export function seconds(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** A Canvas's segment of time, as IIIF and the Media Fragments URI spec write it: `<canvas>#t=START,END`. */
export function timeFragment(canvasId: string, start: number, end: number): string {
  return `${canvasId}#t=${seconds(start)},${seconds(end)}`;
}

/**
 * A recording's Canvas: its duration (and size for a video); the painting annotation's body is
 * a Choice (§5.2 of the spec: "a choice between alternative resources") of the progressive file
 * first — every client plays MP4 or M4A — and the HLS master playlist, the same recording in
 * adaptive streaming. `rendering` would say "another representation to download" and `seeAlso`
 * "machine-readable metadata": neither would let a viewer play the stream on the Canvas.
 * Captions, subtitles, text audio descriptions and transcripts supplement the Canvas as WebVTT.
 */
export function recordingCanvas(manifest: ManifestFields, origin: string): Canvas {
  const canvasId = recordingCanvasId(origin, manifest.id);
  const video = manifest.media.class === 'video' ? manifest.media.video : null;
  const size = video ? { width: video.displayWidth, height: video.displayHeight } : {};
  const duration = Math.round(manifest.media.duration * 1000) / 1000;
  const type = video ? 'Video' : 'Sound';
  const download = video ? videoFile(manifest) : (manifest.downloads.find((d) => d.format === 'm4a') ?? audioEnclosure(manifest));
  const bodies: Resource[] = [];
  if (download) bodies.push({ id: fileUrl(origin, download.key), type, format: mediaType(download.contentType), ...sizeOf(download, size), duration });
  if (manifest.hls) bodies.push({ id: fileUrl(origin, manifest.hls.master), type, format: 'application/vnd.apple.mpegurl', ...size, duration });
  const body = bodies.length === 1 ? bodies[0]! : { type: 'Choice' as const, items: bodies };
  const painting: Annotation = { id: `${origin}${iiifResourceUrl(manifest.id, 'canvas', 1, 'painting', 1)}`, type: 'Annotation', motivation: 'painting', body, target: canvasId };
  const texts = timedTexts(manifest, origin, canvasId);
  return {
    id: canvasId,
    type: 'Canvas',
    label: inLanguage(manifest.language, manifest.title),
    ...size,
    duration,
    items: [{ id: `${origin}${iiifResourceUrl(manifest.id, 'canvas', 1, 'painting')}`, type: 'AnnotationPage', items: bodies.length > 0 ? [painting] : [] }],
    ...(texts.length > 0 ? { annotations: [{ id: `${origin}${iiifResourceUrl(manifest.id, 'canvas', 1, 'supplementing')}`, type: 'AnnotationPage', items: texts }] } : {}),
  };
}

/** The displayed size of a progressive file when it has its own (the MP4 may be smaller than the source). */
function sizeOf(download: { width: number | null; height: number | null }, fallback: { width?: number; height?: number }): { width?: number; height?: number } {
  return download.width !== null && download.height !== null ? { width: download.width, height: download.height } : fallback;
}

/** "audio/ogg; codecs=opus" → "audio/ogg": IIIF's `format` is the media type alone. */
function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? contentType).trim();
}

const TEXT_TRACK_KINDS = new Set(['captions', 'subtitles', 'descriptions']);

/** Every WebVTT text of the recording once: the tracks the player offers, then the transcripts not already among them. */
function timedTexts(manifest: ManifestFields, origin: string, canvasId: string): Annotation[] {
  const files: { key: string; language: string; label: LanguageMap }[] = [];
  for (const track of manifest.tracks) {
    if (TEXT_TRACK_KINDS.has(track.kind) && track.format === 'vtt') files.push({ key: track.key, language: track.language, label: inLanguage(track.language, track.label) });
  }
  for (const transcript of manifest.text.transcripts) {
    if (!files.some((f) => f.key === transcript.vtt)) files.push({ key: transcript.vtt, language: transcript.language, label: inEveryLocale('iiif.transcriptFile', { language: transcript.language }) });
  }
  return files.map((file, index) => ({
    id: `${origin}${iiifResourceUrl(manifest.id, 'canvas', 1, 'supplementing', index + 1)}`,
    type: 'Annotation',
    motivation: 'supplementing',
    body: { id: fileUrl(origin, file.key), type: 'Text', format: 'text/vtt', language: [file.language], label: file.label },
    target: canvasId,
  }));
}

/**
 * A document's Canvases, one per page, sized as its largest page image: the 640 px wide WebP
 * thumbnails the ingest makes of every page (the only page images stored; the PDF itself is
 * in `rendering`). Each page's text (its text layer, or OCR) supplements it as a TextualBody.
 */
export function pageCanvases(manifest: ManifestFields, origin: string, pages: PageTextFile | null): Canvas[] {
  const numbers = [...new Set(manifest.images.pages.map((p) => p.page))].sort((a, b) => a - b);
  return numbers.map((page) => {
    const images = manifest.images.pages.filter((p) => p.page === page).sort((a, b) => b.width - a.width);
    const largest = images[0]!;
    const smallest = images[images.length - 1]!;
    const canvasId = pageCanvasId(origin, manifest.id, page);
    const at = (...segments: (string | number)[]): string => `${origin}${iiifResourceUrl(manifest.id, 'canvas', `p${page}`, ...segments)}`;
    const image = (img: typeof largest): Resource => ({ id: fileUrl(origin, img.key), type: 'Image', format: `image/${img.format}`, width: img.width, height: img.height });
    const text = pages?.pages.find((p) => p.page === page)?.text.trim() ?? '';
    const language = manifest.text.pages?.language ?? manifest.language;
    return {
      id: canvasId,
      type: 'Canvas',
      label: inEveryLocale('iiif.page', { page }),
      width: largest.width,
      height: largest.height,
      thumbnail: [image(smallest)],
      items: [{ id: at('painting'), type: 'AnnotationPage', items: [{ id: at('painting', 1), type: 'Annotation', motivation: 'painting', body: image(largest), target: canvasId }] }],
      ...(text !== ''
        ? { annotations: [{ id: at('supplementing'), type: 'AnnotationPage', items: [{ id: at('supplementing', 1), type: 'Annotation', motivation: 'supplementing', body: { type: 'TextualBody', value: text, format: 'text/plain', language: [language] }, target: canvasId }] }] }
        : {}),
    } satisfies Canvas;
  });
}

/** Chapters as Ranges under one "Chapters" Range, each pointing at its part of the Canvas (`#t=START,END`). */
export function chapterStructures(manifest: ManifestFields, origin: string): Range[] {
  if (manifest.chapters.length === 0 || manifest.media.class === 'document') return [];
  const canvasId = recordingCanvasId(origin, manifest.id);
  const end = manifest.media.duration;
  return [{
    id: `${origin}${iiifResourceUrl(manifest.id, 'range', 'chapters')}`,
    type: 'Range',
    label: inEveryLocale('iiif.chapters'),
    items: manifest.chapters.map((chapter, index) => ({
      id: `${origin}${iiifResourceUrl(manifest.id, 'range', index + 1)}`,
      type: 'Range',
      label: inLanguage(manifest.language, chapter.title),
      items: [{ id: timeFragment(canvasId, chapter.start, Math.min(chapter.end, end)), type: 'Canvas' }],
    })),
  }];
}
