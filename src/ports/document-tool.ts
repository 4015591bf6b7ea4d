export interface DocumentInfo {
  pages: number;
  title: string | null;
  author: string | null;
  encrypted: boolean;
  /** Page size of the first page in PDF points. */
  pageWidth: number | null;
  pageHeight: number | null;
}

/** PDF reading (poppler-utils behind a port). */
export interface DocumentTool {
  info(pdfPath: string): Promise<DocumentInfo>;
  /** Renders one page (1-based) to a PNG `width` pixels wide. */
  renderPage(pdfPath: string, page: number, outputPng: string, width: number): Promise<void>;
  check(): Promise<{ version: string }>;
}
