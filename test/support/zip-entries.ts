import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** Every file of a ZIP (a .docx, an export) by name, read with yauzl: what another program would find in it. */
export async function zipEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    file.on('error', reject);
    file.on('end', () => resolve());
    file.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) {
        file.readEntry();
        return;
      }
      file.openReadStreamPromise(entry).then(readAll).then((bytes) => {
        entries.set(entry.fileName, bytes);
        file.readEntry();
      }, reject);
    });
    file.readEntry();
  });
  return entries;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The words of a WordprocessingML part, run by run (<w:t>), references decoded. */
export function wordTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}
