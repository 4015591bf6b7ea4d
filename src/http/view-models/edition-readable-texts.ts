import type { ZodType } from 'zod';
import type { ManifestFields } from '../../domain/manifest.js';
import { pageTextFileSchema, slideTextFileSchema, transcriptFileSchema } from '../../domain/text.js';
import type { GeneratedFile } from '../../services/archive/edition-export.js';
import { pagesFile, slidesFile, transcriptFile, type TextFile } from './text-files/text-files.js';

/** Reads a stored text file the manifest lists, validated; null when it is missing or unreadable. */
export type TextReader = <T>(key: string, schema: ZodType<T>) => Promise<T | null>;

/**
 * The texts of an edition's items as people read them, for its package: each transcript as
 * plain text with where it comes from (title, speakers, permanent URL, licence, credit, reviewed
 * or automatic) and `[12:34]` times, the slides' and the pages' text likewise — the same files
 * as /api/items/<id>/transcript.txt, slides.txt and pages.txt, at `<id>/<file name>`. Only the
 * text files the manifests list are read; one that cannot be read is left out (its stored
 * WebVTT is packed anyway).
 */
export async function readableTextFiles(manifests: readonly ManifestFields[], origin: string, read: TextReader): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  const add = (manifest: ManifestFields, file: TextFile): void => {
    files.push({ path: `${manifest.id}/${file.fileName}`, content: Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body, 'utf8') });
  };
  for (const manifest of manifests) {
    for (const transcript of manifest.text.transcripts) {
      const text = await read(transcript.json, transcriptFileSchema);
      if (text) add(manifest, await transcriptFile(manifest, text, 'txt', origin));
    }
    const slides = manifest.text.slides ? await read(manifest.text.slides.key, slideTextFileSchema) : null;
    if (slides && manifest.text.slides) add(manifest, slidesFile(manifest, slides, origin));
    const pages = manifest.text.pages ? await read(manifest.text.pages.key, pageTextFileSchema) : null;
    if (pages) add(manifest, pagesFile(manifest, pages, origin));
  }
  return files;
}
