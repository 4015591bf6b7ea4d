import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { timecode } from '../../format.js';
import { translate } from '../../i18n/messages.js';
import type { TranscriptDocument } from './transcript-document.js';

/** A Word document's separator between a speaker's name and their words, from the same message as the text files. */
const SAID = /\{speaker\}(.*)\{text\}/;

/**
 * The transcript as a Word document (docx library): the title as its Title, the provenance in
 * a two-column table under its own heading, then a heading and one paragraph per speaker turn
 * with the time and speaker in bold. Title, author (the speakers), subject and language are set
 * in the document's properties, so assistive technology and file managers name it correctly.
 */
export async function transcriptDocx(doc: TranscriptDocument): Promise<Buffer> {
  const { source } = doc;
  const t = (key: string): string => translate(source.locale, key);
  const separator = SAID.exec(t('textFile.said'))?.[1] ?? ': ';
  const rows = source.fields
    .filter((field) => field.name !== 'title')
    .map((field) => new TableRow({
      children: [
        new TableCell({ width: { size: 30, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text: field.label, bold: true })] })] }),
        new TableCell({
          width: { size: 70, type: WidthType.PERCENTAGE },
          children: [new Paragraph({ children: field.name === 'url' ? [new ExternalHyperlink({ link: field.value, children: [new TextRun({ text: field.value, style: 'Hyperlink' })] })] : [new TextRun(field.value)] })],
        }),
      ],
    }));
  const paragraphs = doc.paragraphs.map((p) => new Paragraph({
    children: [
      new TextRun({ text: `[${timecode(p.start)}] `, bold: true }),
      ...(p.speaker ? [new TextRun({ text: p.speaker, bold: true }), new TextRun(separator)] : []),
      new TextRun(p.text),
    ],
  }));
  const document = new Document({
    title: source.title,
    creator: source.speakers.map((s) => s.name).join(', ') || 'Numérique en Commun[s]',
    subject: source.note,
    description: source.attribution,
    styles: { default: { document: { run: { language: { value: source.language } } } } },
    sections: [{
      children: [
        new Paragraph({ text: source.title, heading: HeadingLevel.TITLE }),
        new Paragraph({ text: t('textFile.docx.metadata'), heading: HeadingLevel.HEADING_1 }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        new Paragraph({ text: source.heading, heading: HeadingLevel.HEADING_1 }),
        ...paragraphs,
      ],
    }],
  });
  return Packer.toBuffer(document);
}

