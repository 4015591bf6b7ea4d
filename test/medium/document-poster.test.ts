import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PopplerDocumentTool } from '../../src/adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { MediaError } from '../../src/domain/errors.js';
import type { StepContext } from '../../src/pipeline/step.js';
import { documentPosterStep } from '../../src/pipeline/steps/document-poster.js';
import { realStepTools } from '../support/step-tools.js';
import { programmeItem } from '../support/programme-item.js';

const images = new SharpImageTool();
let root: string;

function context(path: string, name: string): StepContext {
  const item = programmeItem({ id: '2025-test-magazine', title: 'Magazine', kind: 'document', media: { path, declared: 'magazine.pdf' } });
  return {
    item, workDir: join(root, name, 'work'), outDir: join(root, name, 'out'),
    previous: { media: { class: 'document', container: 'pdf', duration: 0, size: 1, bitRate: null, video: null, audio: null, pages: 2, tags: {} } },
    ...realStepTools({ images }),
  };
}

/** Two A4 pages, the first with a coloured band and a title. Classic xref so the trailer is plain text. */
async function twoPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.HelveticaBold);
  const first = pdf.addPage([595.28, 841.89]);
  first.drawRectangle({ x: 0, y: 600, width: 595.28, height: 241.89, color: rgb(0.12, 0.31, 0.47) });
  first.drawText('Numérique en Commun[s]', { x: 48, y: 700, size: 32, font, color: rgb(1, 1, 1) });
  pdf.addPage([595.28, 841.89]).drawText('Page 2', { x: 48, y: 700, size: 24, font });
  return pdf.save({ useObjectStreams: false });
}

const PASSWORD_PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + (s[i] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 255] ?? 0);
  }
  return out;
}

/**
 * Marks a PDF as RC4-40 encrypted with an owner password and an empty user password (PDF 1.7
 * §7.6.3, algorithms 3–5): poppler opens it and reports "Encrypted: yes", like a "protected"
 * magazine. Only the trailer changes, so no offset moves; the content is not really encrypted,
 * which does not matter since the step must refuse it before rendering.
 */
function markEncrypted(bytes: Uint8Array): Buffer {
  const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const owner = rc4(md5(Buffer.concat([Buffer.from('owner'), PASSWORD_PAD]).subarray(0, 32)).subarray(0, 5), PASSWORD_PAD);
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-4);
  const key = md5(PASSWORD_PAD, owner, permissions, id).subarray(0, 5);
  const user = rc4(key, PASSWORD_PAD);
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -4 >>\n/ID [<${id.toString('hex')}> <${id.toString('hex')}>]\n`;
  const text = Buffer.from(bytes).toString('latin1');
  const trailer = text.lastIndexOf('trailer');
  const open = text.indexOf('<<', trailer) + 2;
  return Buffer.from(`${text.slice(0, open)}\n${encrypt}${text.slice(open)}`, 'latin1');
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-document-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('document-poster step', () => {
  it('renders page 1 as posters and offers the PDF as a download', async () => {
    const pdf = join(root, 'magazine.pdf');
    await writeFile(pdf, await twoPagePdf());
    const ctx = context(pdf, 'plain');
    const started = Date.now();
    const result = await documentPosterStep.run(ctx);
    console.info(`document-poster: ${Date.now() - started} ms`);

    expect(result.downloads).toEqual([
      { path: 'download/2025-test-magazine.pdf', label: 'PDF', format: 'pdf', width: null, height: null, loudness: null },
    ]);
    expect(await readFile(join(ctx.outDir, 'download/2025-test-magazine.pdf'))).toEqual(await readFile(pdf));
    const jpegs = (result.posters ?? []).filter((poster) => poster.format === 'jpeg');
    expect(jpegs.map((poster) => [poster.path, poster.width])).toEqual([
      ['images/poster-320.jpg', 320],
      ['images/poster-640.jpg', 640],
      ['images/poster-1280.jpg', 1280],
    ]);
    // A4 portrait kept (pdftoppm rounds the 1810.3 px page height up).
    for (const poster of jpegs) expect(Math.abs(poster.height - (poster.width * 841.89) / 595.28)).toBeLessThanOrEqual(1);
    expect(result.posters).toHaveLength(9);
    // The blue band at the top is on the poster: page 1, not a blank page.
    const look = await images.stats(join(ctx.outDir, 'images/poster-320.jpg'));
    expect(look.stdev).toBeGreaterThan(30);
  });

  it('refuses an encrypted PDF with a clear error', async () => {
    const pdf = join(root, 'protected.pdf');
    await writeFile(pdf, markEncrypted(await twoPagePdf()));
    expect((await new PopplerDocumentTool().info(pdf)).encrypted).toBe(true);
    const failure = documentPosterStep.run(context(pdf, 'protected'));
    await expect(failure).rejects.toBeInstanceOf(MediaError);
    await expect(failure).rejects.toThrow(/encrypted/);
  });
});
