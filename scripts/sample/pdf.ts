/**
 * PDF helpers on pdf-lib's standard fonts. Helvetica uses WinAnsi encoding, which covers
 * French (é è à ç œ « » ’ …) but not every Unicode character, so text is mapped first.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { writeFile } from 'node:fs/promises';
import type { Slide } from './texts.js';

/** Characters WinAnsi lacks, with the closest character it has. */
const WINANSI_SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u202f': ' ', // narrow no-break space (before : ; ! ? » in careful French typesetting)
  '\u2009': ' ',
  '\u2011': '-',
  '\u2212': '-',
  '\u2010': '-',
};

/** Maps text onto what the font can encode; anything still missing becomes "?" rather than a crash. */
export function fitToFont(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text]
    .map((char) => WINANSI_SUBSTITUTES[char] ?? char)
    .map((char) => (supported.has(char.codePointAt(0) ?? 0) ? char : '?'))
    .join('');
}

export function wrapToWidth(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** "#1E6F5C" → pdf-lib colour, so PDFs share the accent colours of the videos. */
export function hexColour(hex: string): RGB {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Fixed, so that the same inputs always give the same bytes. */
  date: Date;
}

/** A document with metadata set by hand: pdf-lib would otherwise stamp the current time. */
export async function newPdf(info: PdfInfo): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(info.title, { showInWindowTitleBar: true });
  pdf.setAuthor(info.author);
  pdf.setSubject(info.subject);
  pdf.setKeywords(info.keywords);
  pdf.setLanguage('fr-FR');
  pdf.setCreator('Médiacommuns sample corpus');
  pdf.setProducer('pdf-lib');
  pdf.setCreationDate(info.date);
  pdf.setModificationDate(info.date);
  return pdf;
}

export async function savePdf(pdf: PDFDocument, path: string): Promise<void> {
  // Classic cross-reference tables (no object streams): readable by every PDF tool.
  await writeFile(path, await pdf.save({ useObjectStreams: false }));
}

export function drawLines(page: PDFPage, lines: readonly string[], x: number, y: number, size: number, leading: number, font: PDFFont): number {
  let cursor = y;
  for (const line of lines) {
    page.drawText(fitToFont(line, font), { x, y: cursor, size, font, color: rgb(0.08, 0.13, 0.24) });
    cursor -= leading;
  }
  return cursor;
}

/** The slides of a talk as a 16:9 PDF with the same words as the video, as real text. */
export async function writeSlidesPdf(slides: readonly Slide[], info: PdfInfo, accentHex: string, footer: string, path: string): Promise<void> {
  const accent = hexColour(accentHex);
  const pdf = await newPdf(info);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const [width, height] = [960, 540];
  slides.forEach((slide, index) => {
    const page = pdf.addPage([width, height]);
    page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(0.965, 0.957, 0.933) });
    page.drawRectangle({ x: 0, y: height - 11, width, height: 11, color: accent });
    const titleLines = wrapToWidth(fitToFont(slide.title, bold), bold, 38, width - 120);
    let y = drawLines(page, titleLines, 60, height - 95, 38, 46, bold) - 40;
    for (const bullet of slide.bullets) {
      page.drawCircle({ x: 76, y: y + 9, size: 5, color: accent });
      drawLines(page, [`${bullet}`], 95, y, 27, 34, regular);
      y -= 59;
    }
    drawLines(page, [footer], 60, 24, 15, 18, regular);
    const number = `${index + 1} / ${slides.length}`;
    drawLines(page, [number], width - 60 - regular.widthOfTextAtSize(number, 15), 24, 15, 18, regular);
  });
  await savePdf(pdf, path);
}
