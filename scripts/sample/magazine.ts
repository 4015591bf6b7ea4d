/** The magazine: an A4 PDF with a real text layer, one article per page. */
import { StandardFonts, rgb } from 'pdf-lib';
import { accentFor, corpusPath, type GeneratedItem, type ItemContext } from './item-context.js';
import { drawLines, fitToFont, hexColour, newPdf, savePdf, wrapToWidth } from './pdf.js';
import { itemId, programmeRow } from './programme.js';
import { EDITION, type Magazine } from './texts.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 62;

export async function writeMagazinePdf(magazine: Magazine, path: string): Promise<void> {
  const pdf = await newPdf({
    title: magazine.title,
    author: magazine.author,
    subject: magazine.summary,
    keywords: magazine.themes,
    date: new Date(`${magazine.date}T18:00:00Z`),
  });
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const italic = await pdf.embedFont(StandardFonts.HelveticaOblique);
  const [width, height] = A4;
  const textWidth = width - 2 * MARGIN;
  const count = magazine.pages.length;
  const accent = hexColour(accentFor(magazine.file));

  magazine.pages.forEach((article, index) => {
    const page = pdf.addPage(A4);
    page.drawRectangle({ x: 0, y: height - 36, width, height: 36, color: accent });
    page.drawText(fitToFont(`Numérique en Commun[s] · Le magazine · ${EDITION}`, regular), {
      x: MARGIN, y: height - 23, size: 10, font: regular, color: rgb(1, 1, 1),
    });
    const titleLines = wrapToWidth(fitToFont(article.title, bold), bold, 22, textWidth);
    let y = drawLines(page, titleLines, MARGIN, height - 92, 22, 28, bold) - 6;
    y = drawLines(page, [article.byline], MARGIN, y, 11, 14, italic) - 18;
    for (const paragraph of article.paragraphs) {
      const lines = wrapToWidth(fitToFont(paragraph, regular), regular, 12.5, textWidth);
      y = drawLines(page, lines, MARGIN, y, 12.5, 18.5, regular) - 12;
    }
    // "À retenir" box: a tinted panel with the page's key points, as magazines do.
    const boxHeight = 44 + article.keyPoints.length * 20;
    y -= 8;
    page.drawRectangle({ x: MARGIN, y: y - boxHeight + 16, width: textWidth, height: boxHeight, color: rgb(0.9, 0.95, 0.93) });
    page.drawRectangle({ x: MARGIN, y: y - boxHeight + 16, width: 5, height: boxHeight, color: accent });
    y = drawLines(page, ['À retenir'], MARGIN + 18, y - 8, 13, 22, bold);
    for (const point of article.keyPoints) y = drawLines(page, [`• ${point}`], MARGIN + 18, y, 11.5, 20, regular);
    if (y < MARGIN + 20) throw new Error(`${path}: page ${index + 1} overflows; shorten "${article.title}"`);
    const footer = `${index + 1} / ${count}`;
    drawLines(page, [footer], width - MARGIN - regular.widthOfTextAtSize(footer, 9.5), 32, 9.5, 12, regular);
    drawLines(page, [magazine.licence], MARGIN, 32, 9.5, 12, regular);
  });
  await savePdf(pdf, path);
}

/** The magazine is the same in short mode: a PDF is cheap and tests want every page. */
export async function makeMagazine(magazine: Magazine, context: ItemContext): Promise<GeneratedItem> {
  const media = `${magazine.file}.pdf`;
  await writeMagazinePdf(magazine, await corpusPath(context, media));
  return {
    row: programmeRow(magazine, { media }),
    files: [media],
    timeline: {
      id: itemId(magazine),
      kind: magazine.kind,
      title: magazine.title,
      media,
      duration: null,
      sentences: [],
      sections: [],
      pages: magazine.pages.map((page, i) => ({ page: i + 1, title: page.title })),
    },
  };
}
