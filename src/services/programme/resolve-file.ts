import { readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { InputFile } from '../../domain/item.js';

export type ResolvedFile = { ok: true; file: InputFile } | { ok: false; message: string; empty?: true };

/**
 * Resolves a path written in the programme against the programme's folder and checks that it
 * names a non-empty regular file inside that folder. The containment check is on the text, so
 * an operator may still link a media drive in with a symbolic link on purpose.
 */
export async function resolveInputFile(baseDir: string, declared: string): Promise<ResolvedFile> {
  const written = declared.trim();
  if (written === '') return { ok: false, message: 'path is empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written)) {
    return { ok: false, message: `"${written}" is a URL; give a file path relative to the programme` };
  }
  // Backslashes are Windows separators in practice, not characters of a file name.
  const portable = written.replace(/\\/g, '/');
  if (isAbsolute(portable) || /^[A-Za-z]:\//.test(portable)) {
    return { ok: false, message: `"${written}": path leaves the programme folder (absolute paths are not allowed)` };
  }
  const target = resolve(baseDir, portable);
  const inside = relative(baseDir, target);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { ok: false, message: `"${written}": path leaves the programme folder` };
  }
  if (inside === '') return { ok: false, message: `"${written}" is a folder, not a file` };

  const found = await findOnDisk(baseDir, inside.split(sep));
  if (found === null) return { ok: false, message: `"${written}": file not found` };
  if (found.stats.isDirectory()) return { ok: false, message: `"${written}" is a folder, not a file` };
  if (!found.stats.isFile()) return { ok: false, message: `"${written}" is not a regular file` };
  if (found.stats.size === 0) return { ok: false, message: `"${written}": file is empty`, empty: true };
  return { ok: true, file: { path: found.path, declared: written } };
}

async function statOrNull(filePath: string): Promise<Stats | null> {
  try {
    return await stat(filePath);
  } catch {
    return null;
  }
}

/**
 * The exact path first; failing that, segment by segment, a name whose NFC form matches. A
 * programme typed on one system names "Médiation.mp4" in NFC while a folder copied from macOS
 * may hold it in NFD: for people these are the same file.
 */
async function findOnDisk(baseDir: string, segments: string[]): Promise<{ path: string; stats: Stats } | null> {
  const exact = join(baseDir, ...segments);
  const exactStats = await statOrNull(exact);
  if (exactStats !== null) return { path: exact, stats: exactStats };

  let current = baseDir;
  for (const segment of segments) {
    const next = join(current, segment);
    if ((await statOrNull(next)) !== null) {
      current = next;
      continue;
    }
    const match = await findNfcSibling(current, segment);
    if (match === null) return null;
    current = join(current, match);
  }
  const stats = await statOrNull(current);
  return stats === null ? null : { path: current, stats };
}

async function findNfcSibling(folder: string, name: string): Promise<string | null> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return null;
  }
  const wanted = name.normalize('NFC');
  return entries.find((entry) => entry.normalize('NFC') === wanted) ?? null;
}
