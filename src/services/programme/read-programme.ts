import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError, isProgrammeError } from '../../domain/errors.js';
import type { ProgrammeProblem } from '../../domain/errors.js';
import type { ProgrammeItem } from '../../domain/item.js';
import type { LicenceId } from '../../domain/licence.js';
import type { DocumentTool } from '../../ports/document-tool.js';
import type { MediaTool } from '../../ports/media-tool.js';
import { escapeControlCharacters } from './control-characters.js';
import { checkAcrossRows, sortProblems } from './cross-checks.js';
import type { RowOutcome } from './cross-checks.js';
import { extensionOf } from './media-types.js';
import { parseProgrammeCsv } from './parse-csv.js';
import type { ParsedProgramme } from './parse-csv.js';
import { parseProgrammeStructured } from './parse-structured.js';
import { scanFolder } from './scan-folder.js';
import { validateRow } from './validate-row.js';

export interface ProgrammeReadResult {
  /** Absolute path of the programme file, or of the folder when it was scanned without one. */
  source: string;
  /** Valid rows only, in row order. */
  items: ProgrammeItem[];
  /**
   * Every problem found, file-level first, then by row. A row with an error has no item; a
   * warning leaves its row (or the file) ingested. Control characters in messages are escaped.
   */
  problems: ProgrammeProblem[];
}

export interface ProgrammeDeps {
  media: MediaTool;
  documents: DocumentTool;
  defaultLicence: LicenceId;
  /** Language of rows and caption files that do not give one; "fr" when unset. */
  defaultLanguage?: string;
}

const PROGRAMME_EXTENSIONS = ['csv', 'json', 'yaml', 'yml'] as const;
type ProgrammeExtension = (typeof PROGRAMME_EXTENSIONS)[number];

function isProgrammeExtension(extension: string): extension is ProgrammeExtension {
  return (PROGRAMME_EXTENSIONS as readonly string[]).includes(extension);
}

/**
 * Reads and validates a programme (`.csv`, `.json`, `.yaml`/`.yml`) or a folder: the folder's
 * `programme.*` file when it has one, else every media file in it, described by its own tags.
 * Nothing is probed or ingested for a programme; problems are returned, never thrown, so the
 * caller can print them all at once. A target that does not exist is bad usage and throws.
 */
export async function readProgramme(target: string, deps: ProgrammeDeps): Promise<ProgrammeReadResult> {
  const path = resolve(target);
  const stats = await stat(path).catch(() => null);
  if (stats === null) throw new UsageError(`${target}: no such file or folder`);
  const defaultLanguage = deps.defaultLanguage ?? 'fr';

  if (stats.isDirectory()) {
    const programme = await findProgrammeFile(path);
    if (programme.kind === 'problem') return { source: path, items: [], problems: [programme.problem] };
    if (programme.kind === 'none') {
      const outcomes = await scanFolder(path, { ...deps, defaultLanguage });
      if (outcomes.length === 0) {
        const problem = fileProblem('no programme file (programme.csv, .json, .yaml) and no video, audio or PDF file in the folder');
        return { source: path, items: [], problems: [problem] };
      }
      return collect(path, [], outcomes);
    }
    return readProgrammeFile(programme.path, deps.defaultLicence, defaultLanguage);
  }

  if (!isProgrammeExtension(extensionOf(path))) {
    throw new UsageError(`${target}: a programme must be a .csv, .json, .yaml or .yml file, or a folder`);
  }
  return readProgrammeFile(path, deps.defaultLicence, defaultLanguage);
}

async function readProgrammeFile(path: string, defaultLicence: LicenceId, defaultLanguage: string): Promise<ProgrammeReadResult> {
  const bytes = await readFile(path);
  const extension = extensionOf(path);
  const parsed: ParsedProgramme =
    extension === 'csv' ? parseProgrammeCsv(bytes) : parseProgrammeStructured(bytes, extension === 'json' ? 'json' : 'yaml');
  const context = { baseDir: dirname(path), defaultLicence, defaultLanguage, missingColumns: parsed.missingColumns };
  // Rows are checked one after the other: they hit the same few folders, and the order of
  // problems stays the order of the file.
  const outcomes: RowOutcome[] = [];
  for (const raw of parsed.rows) outcomes.push(await validateRow(raw, context));
  checkAcrossRows(outcomes);
  return collect(path, parsed.problems, outcomes);
}

function collect(source: string, fileProblems: ProgrammeProblem[], outcomes: RowOutcome[]): ProgrammeReadResult {
  const items = outcomes.flatMap((outcome) => (outcome.item !== null && !outcome.problems.some(isProgrammeError) ? [outcome.item] : []));
  // Messages quote programme values and file names: one place makes them safe for a terminal.
  const problems = sortProblems([...fileProblems, ...outcomes.flatMap((outcome) => outcome.problems)])
    .map((problem) => ({ ...problem, message: escapeControlCharacters(problem.message) }));
  // An error reported for a row that has none of its own (a cell too many) still fails it.
  const failedRows = new Set(problems.filter(isProgrammeError).map((problem) => problem.row));
  return { source, items: items.filter((item) => !failedRows.has(item.row)), problems };
}

type ProgrammeInFolder = { kind: 'file'; path: string } | { kind: 'none' } | { kind: 'problem'; problem: ProgrammeProblem };

/** `programme.csv|json|yaml|yml` in any letter case; two of them is ambiguous, not a choice to guess. */
async function findProgrammeFile(folder: string): Promise<ProgrammeInFolder> {
  const entries = await readdir(folder, { withFileTypes: true });
  const named = entries.filter((entry) => entry.isFile() && /^programme\.[^.]+$/i.test(entry.name));
  const usable = named.filter((entry) => isProgrammeExtension(extensionOf(entry.name)));
  const [only] = usable;
  if (usable.length === 1 && only !== undefined) return { kind: 'file', path: join(folder, only.name) };
  if (usable.length > 1) {
    const names = usable.map((entry) => entry.name).sort().join(', ');
    return { kind: 'problem', problem: fileProblem(`several programme files (${names}); keep exactly one`) };
  }
  const [other] = named;
  if (other !== undefined) {
    return { kind: 'problem', problem: fileProblem(`${other.name} is not a supported programme format; export it as CSV (UTF-8), JSON or YAML`) };
  }
  return { kind: 'none' };
}

function fileProblem(message: string): ProgrammeProblem {
  // These messages name files of the folder, which may hold any character.
  return { row: null, itemId: null, field: null, message: escapeControlCharacters(message), severity: 'error' };
}
