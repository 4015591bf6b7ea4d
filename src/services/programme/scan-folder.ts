import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeError } from '../../domain/errors.js';
import type { ProgrammeProblem } from '../../domain/errors.js';
import type { Edition, InputFile, ProgrammeItem } from '../../domain/item.js';
import type { LicenceId } from '../../domain/licence.js';
import { slugify } from '../../domain/slug.js';
import type { DocumentTool } from '../../ports/document-tool.js';
import type { MediaTool } from '../../ports/media-tool.js';
import { unusableCompanion } from './companions.js';
import { withoutControlCharacters } from './control-characters.js';
import { checkAcrossRows } from './cross-checks.js';
import type { RowOutcome } from './cross-checks.js';
import { editionFromFolderName, makeEdition } from './edition.js';
import { metadataFromDocument, metadataFromTags, tagMap } from './file-tags.js';
import type { FileMetadata } from './file-tags.js';
import { defaultKindFor, extensionOf, mediaClassOfExtension } from './media-types.js';
import { findSidecars, isCompanionMedia } from './sidecars.js';
import type { FolderFile } from './sidecars.js';

export interface ScanDeps {
  media: MediaTool;
  documents: DocumentTool;
  defaultLicence: LicenceId;
  defaultLanguage: string;
}

/** City of the edition given to files that say nothing about when they were recorded. */
const ARCHIVES_CITY = 'Archives';

/**
 * A folder without a programme: every video, audio and PDF file in it (at any depth) becomes an
 * item described by its own tags, with fallbacks from its name and folders. Rows are the files
 * in sorted path order, so messages and ids come out the same on every run.
 */
export async function scanFolder(root: string, deps: ScanDeps): Promise<RowOutcome[]> {
  const files = await listFiles(root);
  const byFolder = new Map<string, FolderFile[]>();
  for (const file of files) {
    const folder = dirname(file.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  const mediaFiles = files.filter((file) => {
    const siblings = byFolder.get(dirname(file.path)) ?? [];
    return mediaClassOfExtension(extensionOf(file.name)) !== null && !isCompanionMedia(file, siblings);
  });

  const outcomes: RowOutcome[] = [];
  for (const [index, file] of mediaFiles.entries()) {
    outcomes.push(await scanFile(root, file, index + 1, byFolder.get(dirname(file.path)) ?? [], deps));
  }
  checkAcrossRows(outcomes, (row) => `row ${row} ("${mediaFiles[row - 1]?.relative ?? '?'}")`);
  return outcomes;
}

async function scanFile(root: string, file: FolderFile, row: number, siblings: FolderFile[], deps: ScanDeps): Promise<RowOutcome> {
  const mediaClass = mediaClassOfExtension(extensionOf(file.name)) ?? 'video';
  const failed = (message: string): RowOutcome => ({
    row, itemId: null, item: null, mediaFile: null,
    problems: [{ row, itemId: null, field: 'media', message: `"${file.relative}": ${message}`, severity: 'error' }],
  });
  if (file.size === 0) return failed('file is empty');

  let metadata: FileMetadata;
  try {
    metadata = mediaClass === 'document'
      ? metadataFromDocument(await deps.documents.info(file.path))
      : metadataFromTags(tagMap(await deps.media.probe(file.path)));
  } catch (error) {
    return failed(`cannot read the file's metadata: ${describeError(error)}`);
  }

  const stem = file.name.slice(0, file.name.length - extensionOf(file.name).length - 1);
  const title = metadata.title ?? titleFromFileName(stem);
  const edition = metadata.edition ?? editionFromFolders(root, file) ?? fallbackEdition(metadata.year, file.modified);
  const slug = slugify(title) || slugify(stem);
  const mediaFile = { path: file.path, declared: file.relative };
  if (slug === '') {
    const problem: ProgrammeProblem = {
      row, itemId: null, field: 'title', message: `"${file.relative}": no id can be made from the title "${title}"`, severity: 'error',
    };
    return { row, itemId: null, item: null, mediaFile, problems: [problem] };
  }
  const id = `${edition.slug}-${slug}`;
  const kind = defaultKindFor(mediaClass);
  const sidecars = mediaClass === 'document'
    ? { captions: [], audioDescription: null, signLanguage: null }
    : findSidecars(file, siblings, deps.defaultLanguage);
  const problems: ProgrammeProblem[] = [];
  // "x.lsf.mp4" next to "x.mp3" is not an item of its own, nor usable by the podcast: say so.
  const usable = (field: 'audio_description' | 'sign_language', found: InputFile | null): InputFile | null => {
    const unusable = found === null ? null : unusableCompanion(kind, field);
    if (found === null || unusable === null) return found;
    problems.push({ row, itemId: id, field, message: `${unusable.message} ("${found.declared}")`, severity: 'warning' });
    return null;
  };
  const item: ProgrammeItem = {
    id,
    row,
    edition,
    date: metadata.date,
    title,
    kind,
    themes: metadata.themes,
    speakers: metadata.speakers,
    language: metadata.language ?? deps.defaultLanguage,
    licence: deps.defaultLicence,
    summary: metadata.summary,
    media: mediaFile,
    captions: sidecars.captions,
    slides: null,
    audioDescription: usable('audio_description', sidecars.audioDescription),
    signLanguage: usable('sign_language', sidecars.signLanguage),
  };
  return { row, itemId: id, item, mediaFile, problems };
}

/** "mediation_numerique-et-ia" → "Mediation numerique et ia". */
export function titleFromFileName(stem: string): string {
  const words = withoutControlCharacters(stem).normalize('NFC').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase('fr') + words.slice(1);
}

/** The nearest folder, from the file's own up to the scanned one, whose name reads as an edition. */
function editionFromFolders(root: string, file: FolderFile): Edition | null {
  const folders = file.relative.split('/').slice(0, -1).reverse();
  for (const folder of [...folders, basename(root)]) {
    const edition = editionFromFolderName(folder);
    if (edition !== null) return edition;
  }
  return null;
}

/** No album, no dated folder: the year of the tags, else "<year> Archives" from the file's date. */
function fallbackEdition(year: number | null, modified: Date): Edition {
  return year !== null ? makeEdition(year, '') : makeEdition(modified.getUTCFullYear(), ARCHIVES_CITY);
}

/** Every visible file under `root`, sorted by relative path; hidden files and folders are skipped. */
async function listFiles(root: string): Promise<FolderFile[]> {
  const found: FolderFile[] = [];
  async function walk(folder: string, prefix: string): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) {
        await walk(path, relative);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        // A link to a file on a media drive counts; links to folders are not followed (no loops).
        const stats = await stat(path).catch(() => null);
        if (stats?.isFile()) {
          found.push({ path, relative, name: entry.name.normalize('NFC'), size: stats.size, modified: stats.mtime });
        }
      }
    }
  }
  await walk(root, '');
  return found.sort((a, b) => compare(a.relative.normalize('NFC'), b.relative.normalize('NFC')));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
