import { execFile } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { MediaError, ToolError } from '../../domain/errors.js';
import type { DocumentInfo, DocumentTool } from '../../ports/document-tool.js';

const run = promisify(execFile);

/** PDF facts and page pictures from Debian's poppler-utils (pdfinfo, pdftoppm). */
export class PopplerDocumentTool implements DocumentTool {
  async info(pdfPath: string): Promise<DocumentInfo> {
    let stdout: string;
    try {
      ({ stdout } = await run('pdfinfo', ['-enc', 'UTF-8', pdfPath], { maxBuffer: 4 * 1024 * 1024 }));
    } catch (error) {
      throw new MediaError(pdfPath, `not a readable PDF (${stderrOf(error)})`, { cause: error });
    }
    return parsePdfInfo(stdout);
  }

  async renderPage(pdfPath: string, page: number, outputPng: string, width: number): Promise<void> {
    // pdftoppm appends ".png" to the root it is given; render beside the target, then rename.
    const root = `${outputPng}.part`;
    try {
      await run('pdftoppm', ['-png', '-singlefile', '-f', String(page), '-l', String(page), '-scale-to-x', String(width), '-scale-to-y', '-1', pdfPath, root]);
      await rename(`${root}.png`, outputPng);
    } catch (error) {
      await rm(`${root}.png`, { force: true });
      throw new MediaError(pdfPath, `page ${page} could not be rendered (${stderrOf(error)})`, { cause: error });
    }
  }

  async check(): Promise<{ version: string }> {
    try {
      const { stderr } = await run('pdftoppm', ['-v']);
      return { version: stderr.split('\n')[0]?.trim() ?? 'pdftoppm' };
    } catch (error) {
      throw new ToolError('pdftoppm', 'poppler-utils is not installed (apt-get install poppler-utils)', '', { cause: error });
    }
  }
}

/** pdfinfo prints "Key:   value" lines; "Page size: 595.28 x 841.89 pts (A4)". */
export function parsePdfInfo(text: string): DocumentInfo {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const size = /([\d.]+) x ([\d.]+)/.exec(fields.get('page size') ?? '');
  const nonEmpty = (value: string | undefined): string | null => (value && value.length > 0 ? value : null);
  return {
    pages: Number(fields.get('pages') ?? '0'),
    title: nonEmpty(fields.get('title')),
    author: nonEmpty(fields.get('author')),
    encrypted: (fields.get('encrypted') ?? 'no').startsWith('yes'),
    pageWidth: size ? Number(size[1]) : null,
    pageHeight: size ? Number(size[2]) : null,
  };
}

function stderrOf(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr ?? '';
  const line = stderr.trim().split('\n').filter(Boolean).pop();
  return line ?? (error instanceof Error ? error.message : String(error));
}
