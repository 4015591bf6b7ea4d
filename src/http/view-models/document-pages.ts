import type { ManifestFields } from '../../domain/manifest.js';
import type { PageTextFile } from '../../domain/text.js';
import type { HighlightPart } from '../../ports/search-index.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { mediaUrl } from '../urls.js';
import { highlightText, searchTerms } from './highlight.js';

export interface PageThumbnail {
  src: string;
  srcset: string | null;
  width: number;
  height: number;
}

export interface DocumentPageModel {
  page: number;
  /** "page-3": the section's id, the target of `?page=3` and of the thumbnails' links. */
  id: string;
  heading: string;
  /** Paragraphs, each a list of lines, each line a list of parts (search words marked). */
  paragraphs: HighlightPart[][][];
  hits: number;
  /** "3 résultats" when a search is shown, else null. */
  hitsText: string | null;
  thumbnail: PageThumbnail | null;
  current: boolean;
  ocr: boolean;
}

export interface DocumentPagesModel {
  pages: DocumentPageModel[];
  totalHits: number;
  /** "12 occurrences de « commun » dans 3 pages", when a search is shown. */
  searchSummary: string | null;
}

/**
 * The pages of a document as the page shows them: the thumbnail (320 px, 640 px for dense
 * screens), the text in paragraphs, and the words of `?q=` marked with their count per page.
 * Pages without text (a scan OCR could not read) still get their section and thumbnail.
 */
export function documentPagesModel(manifest: ManifestFields, file: PageTextFile | null, locale: Locale, options: { current: number | null; q: string | null }): DocumentPagesModel {
  const terms = options.q ? searchTerms(options.q) : [];
  const count = Math.max(manifest.media.pages ?? 0, file?.pages.length ?? 0, ...manifest.images.pages.map((p) => p.page));
  const pages: DocumentPageModel[] = [];
  let totalHits = 0;
  let pagesWithHits = 0;
  for (let page = 1; page <= count; page++) {
    const text = file?.pages.find((p) => p.page === page);
    let hits = 0;
    const paragraphs = paragraphsOf(text?.text ?? '').map((lines) =>
      lines.map((line) => {
        const marked = highlightText(line, terms);
        hits += marked.hits;
        return marked.parts;
      }),
    );
    totalHits += hits;
    if (hits > 0) pagesWithHits += 1;
    pages.push({
      page,
      id: `page-${page}`,
      heading: translate(locale, 'item.page', { page }),
      paragraphs,
      hits,
      hitsText: terms.length > 0 ? translate(locale, 'item.document.hits', { count: hits }) : null,
      thumbnail: thumbnailOf(manifest, page),
      current: options.current === page,
      ocr: text?.ocr ?? false,
    });
  }
  const searchSummary = terms.length > 0 && options.q
    ? translate(locale, 'item.document.searchSummary', { count: totalHits, q: options.q, pages: pagesWithHits })
    : null;
  return { pages, totalHits, searchSummary };
}

/** A line at least this long was most likely wrapped by the PDF's layout, not ended by its author. */
const WRAPPED_LINE = 55;

/** Blocks separated by a blank line; wrapped lines joined, short lines (headings, bylines) and bullets kept apart. */
export function paragraphsOf(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((block) => {
      const lines: string[] = [];
      let previous = '';
      for (const raw of block.split('\n')) {
        const line = raw.replace(/\s+/g, ' ').trim();
        if (line === '') continue;
        const last = lines.length - 1;
        const continues = last >= 0 && previous.length >= WRAPPED_LINE && !/^[•·\-–—*▪◦]\s/.test(line);
        if (continues) lines[last] = `${lines[last]} ${line}`;
        else lines.push(line);
        previous = line;
      }
      return lines;
    })
    .filter((lines) => lines.length > 0);
}

function thumbnailOf(manifest: ManifestFields, page: number): PageThumbnail | null {
  const images = manifest.images.pages.filter((p) => p.page === page).sort((a, b) => a.width - b.width);
  const small = images.find((p) => p.width >= 320) ?? images[images.length - 1];
  if (!small) return null;
  const large = images.find((p) => p.width >= small.width * 2 - 1 && p.format === small.format);
  return {
    src: mediaUrl(small.key),
    srcset: large ? `${mediaUrl(small.key)} ${small.width}w, ${mediaUrl(large.key)} ${large.width}w` : null,
    width: small.width,
    height: small.height,
  };
}
