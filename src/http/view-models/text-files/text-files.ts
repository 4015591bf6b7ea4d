import type { ManifestFields } from '../../../domain/manifest.js';
import type { PageTextFile, SlideTextFile, TranscriptFile } from '../../../domain/text.js';
import type { Locale } from '../../locale.js';
import { transcriptMarkdown } from './markdown.js';
import { pagesText, slidesText, transcriptText } from './plain-text.js';
import { transcriptSrt, transcriptVtt } from './subtitles.js';
import { textSourceOf } from './text-source.js';
import { transcriptDocument, type TranscriptDocument } from './transcript-document.js';
import { transcriptDocx } from './transcript-docx.js';
import { transcriptJson } from './transcript-json.js';

/**
 * The files made from an item's text, as plain functions of the manifest, the stored text file
 * and the site's origin (no request, no Express): the API serves them, an edition's export
 * writes them into its package.
 */
export const TRANSCRIPT_FORMATS = ['txt', 'md', 'srt', 'vtt', 'docx', 'json'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

export interface TextFile {
  /** "<id>.<language>.<ext>" for transcripts, "<id>.slides.txt", "<id>.pages.txt". */
  fileName: string;
  contentType: string;
  /** Shown in the browser (plain text, JSON) rather than saved at once. */
  inline: boolean;
  body: string | Buffer;
}

interface FormatSpec {
  contentType: string;
  inline: boolean;
  render: (doc: TranscriptDocument) => string | Promise<Buffer>;
}

/** One builder per format: the closed set of transcript files. */
const FORMATS: Readonly<Record<TranscriptFormat, FormatSpec>> = {
  txt: { contentType: 'text/plain; charset=utf-8', inline: true, render: transcriptText },
  md: { contentType: 'text/markdown; charset=utf-8', inline: false, render: transcriptMarkdown },
  // No IANA type exists for SubRip; this is the one players and browsers know.
  srt: { contentType: 'application/x-subrip; charset=utf-8', inline: false, render: transcriptSrt },
  vtt: { contentType: 'text/vtt; charset=utf-8', inline: false, render: transcriptVtt },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', inline: false, render: transcriptDocx },
  json: { contentType: 'application/json; charset=utf-8', inline: true, render: (doc) => `${JSON.stringify(transcriptJson(doc), null, 2)}\n` },
};

export function isTranscriptFormat(value: string): value is TranscriptFormat {
  return (TRANSCRIPT_FORMATS as readonly string[]).includes(value);
}

/** A transcript file; `locale` sets the header's labels (default: the transcript's language if the site speaks it, else French). */
export async function transcriptFile(manifest: ManifestFields, file: TranscriptFile, format: TranscriptFormat, origin: string, locale?: Locale): Promise<TextFile> {
  const source = textSourceOf(manifest, { kind: 'transcript', language: file.language, source: file.source }, origin, locale);
  const spec = FORMATS[format];
  return { fileName: `${manifest.id}.${file.language}.${format}`, contentType: spec.contentType, inline: spec.inline, body: await spec.render(transcriptDocument(source, file)) };
}

/** The text read on a talk's slides, each with its time. */
export function slidesFile(manifest: ManifestFields, file: SlideTextFile, origin: string, locale?: Locale): TextFile {
  const source = textSourceOf(manifest, { kind: 'slides', language: file.language, source: 'slide-ocr' }, origin, locale);
  return plain(`${manifest.id}.slides.txt`, slidesText(source, file));
}

/** A PDF's text page by page (a document, or a talk's slides as a PDF). */
export function pagesFile(manifest: ManifestFields, file: PageTextFile, origin: string, locale?: Locale): TextFile {
  const ocrPages = file.pages.filter((page) => page.ocr).length;
  const source = textSourceOf(manifest, { kind: 'pages', language: file.language, source: 'pdf', ocrPages }, origin, locale);
  return plain(`${manifest.id}.pages.txt`, pagesText(source, file));
}

const plain = (fileName: string, body: string): TextFile => ({ fileName, contentType: 'text/plain; charset=utf-8', inline: true, body });
