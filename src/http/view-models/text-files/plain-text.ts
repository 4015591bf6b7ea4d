import type { PageTextFile, SlideTextFile } from '../../../domain/text.js';
import { timecode } from '../../format.js';
import { translate } from '../../i18n/messages.js';
import { linesOf } from '../transcript.js';
import { fieldLine, type TextSource } from './text-source.js';
import { saidBy, type TranscriptDocument } from './transcript-document.js';

/**
 * The plain-text files: UTF-8, the provenance header (one "Label : value" line each), a blank
 * line, then the text in blocks separated by blank lines. Times are written as the page shows
 * them, in brackets: "[12:34]".
 */
export function headerText(source: TextSource): string {
  return source.fields.map((field) => fieldLine(source, field)).join('\n');
}

/** "[12:34] Jeanne Martin : texte" per paragraph; the speaker is named on each one that has one. */
export function transcriptText(doc: TranscriptDocument): string {
  const blocks = doc.paragraphs.map((p) => `[${timecode(p.start)}] ${p.speaker ? saidBy(doc.source, p.speaker, p.text) : p.text}`);
  return document(doc.source, blocks);
}

/** Each slide with the moment it appears: "[12:34]" then its lines. Slides without text are left out. */
export function slidesText(source: TextSource, file: SlideTextFile): string {
  const blocks = file.slides
    .map((slide) => ({ start: slide.start, lines: linesOf(slide.text) }))
    .filter((slide) => slide.lines.length > 0)
    .map((slide) => [`[${timecode(slide.start)}]`, ...slide.lines].join('\n'));
  return document(source, blocks);
}

/** "— Page 3 —" then the page's lines; a page without text keeps its marker, so numbers are never skipped silently. */
export function pagesText(source: TextSource, file: PageTextFile): string {
  const blocks = file.pages.map((page) => [translate(source.locale, 'textFile.page', { page: page.page }), ...linesOf(page.text)].join('\n'));
  return document(source, blocks);
}

function document(source: TextSource, blocks: readonly string[]): string {
  return `${[headerText(source), ...blocks].join('\n\n')}\n`;
}
