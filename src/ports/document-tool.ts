export interface DocumentInfo {
  pages: number;
  title: string | null;
  author: string | null;
  encrypted: boolean;
  /** Page size of the first page in PDF points. */
  pageWidth: number | null;
  pageHeight: number | null;
}

export interface PageTexts {
  /** The text layer of each page, page 1 first; "" for a page without one. */
  pages: string[];
  /**
   * Damage the reader worked around without losing pages (a broken cross-reference table it
   * rebuilt…), one line each. Damage that loses content is thrown as a MediaError instead.
   */
  problems: string[];
}

export interface RenderedPage {
  page: number;
  /** A scratch picture (uncompressed TIFF: fast to write, read by sharp and Tesseract alike). */
  path: string;
}

export interface RenderOptions {
  /** Pixels wide (the height follows the page), or a resolution in dots per inch. */
  size: { width: number } | { dpi: number };
  /** Pages `first`–`last` (1-based, inclusive); all pages by default. */
  first?: number;
  last?: number;
  /** Greyscale, for OCR. */
  grey?: boolean;
}

/** PDF reading (poppler-utils behind a port). */
export interface DocumentTool {
  info(pdfPath: string): Promise<DocumentInfo>;
  /** Renders one page (1-based) to a PNG `width` pixels wide. */
  renderPage(pdfPath: string, page: number, outputPng: string, width: number): Promise<void>;
  /** Renders a range of pages into `outDir`, in one pass over the file. */
  renderPages(pdfPath: string, outDir: string, options: RenderOptions): Promise<RenderedPage[]>;
  /** The text layer of every page, in reading order. */
  pageTexts(pdfPath: string): Promise<PageTexts>;
  check(): Promise<{ version: string }>;
}
