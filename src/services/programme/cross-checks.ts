import type { ProgrammeProblem } from '../../domain/errors.js';
import type { InputFile, ProgrammeItem } from '../../domain/item.js';

/** One row's outcome, as both the programme reader and the folder scan produce it. */
export interface RowOutcome {
  row: number;
  itemId: string | null;
  item: ProgrammeItem | null;
  /** The row's main file once found on disk, whether or not the row as a whole is valid. */
  mediaFile: InputFile | null;
  problems: ProgrammeProblem[];
}

/**
 * Checks that need every row: ids must be unique (an id is the item's address in the archive,
 * a repeat would overwrite it), an alias names one row and no row's id, and one media file
 * should not be ingested as two items. The first
 * row keeps its claim; each later row gets the problem, naming the first, and drops its item.
 * Rows that failed for other reasons still take part, so fixing them reveals nothing new.
 */
export function checkAcrossRows(outcomes: RowOutcome[], describe: (row: number) => string = (row) => `row ${row}`): void {
  const firstById = new Map<string, number>();
  const firstByMedia = new Map<string, number>();
  // An alias is an address of one item: it cannot be another row's id, nor answer for two rows.
  const rowOfId = new Map<string, number>();
  for (const outcome of outcomes) if (outcome.itemId !== null && !rowOfId.has(outcome.itemId)) rowOfId.set(outcome.itemId, outcome.row);
  const firstByAlias = new Map<string, number>();
  for (const outcome of outcomes) {
    const added: ProgrammeProblem[] = [];
    if (outcome.itemId !== null) {
      const first = firstById.get(outcome.itemId);
      if (first === undefined) firstById.set(outcome.itemId, outcome.row);
      else added.push(problem(outcome, 'id', `id "${outcome.itemId}" is already used by ${describe(first)}`));
    }
    for (const alias of outcome.item?.aliases ?? []) {
      const idRow = rowOfId.get(alias);
      const first = firstByAlias.get(alias);
      if (idRow !== undefined) added.push(problem(outcome, 'aliases', `alias "${alias}" is the id of ${describe(idRow)}`));
      else if (first !== undefined) added.push(problem(outcome, 'aliases', `alias "${alias}" is already listed by ${describe(first)}`));
      else firstByAlias.set(alias, outcome.row);
    }
    if (outcome.mediaFile !== null) {
      const first = firstByMedia.get(outcome.mediaFile.path);
      if (first === undefined) firstByMedia.set(outcome.mediaFile.path, outcome.row);
      else added.push(problem(outcome, 'media', `"${outcome.mediaFile.declared}" is already the media of ${describe(first)}`));
    }
    if (added.length > 0) {
      outcome.problems.push(...added);
      outcome.item = null;
    }
  }
}

function problem(outcome: RowOutcome, field: string, message: string): ProgrammeProblem {
  return { row: outcome.row, itemId: outcome.itemId, field, message, severity: 'error' };
}

/** Problems sorted for people: file-level ones first, then by row, in the order found. */
export function sortProblems(problems: ProgrammeProblem[]): ProgrammeProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.row ?? 0) - (b.problem.row ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}
