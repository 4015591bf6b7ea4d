import { parse } from 'csv-parse/sync';
import type { ProblemSeverity, ProgrammeProblem } from '../../domain/errors.js';
import { describeError } from '../../domain/errors.js';
import { PROGRAMME_FIELDS, REQUIRED_COLUMNS, decodeText, toProgrammeField } from './raw-row.js';
import type { ProgrammeField, RawRow } from './raw-row.js';

export interface ParsedProgramme {
  rows: RawRow[];
  /** File-level problems (row null): unreadable file, header issues. */
  problems: ProgrammeProblem[];
  /** Required columns the file lacks: rows are not blamed again for them, the file problem says it. */
  missingColumns: ReadonlySet<ProgrammeField>;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * French spreadsheets export CSV with `;` because `,` is the decimal mark, so the delimiter is
 * the one that occurs most in the header line (outside quotes); `,` wins ties, as RFC 4180 says.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ',';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

function fileProblem(field: string | null, message: string, severity: ProblemSeverity = 'error'): ProgrammeProblem {
  return { row: null, itemId: null, field, message, severity };
}

export function parseProgrammeCsv(bytes: Uint8Array): ParsedProgramme {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // Hand-typed `Le "numérique" en commun` without surrounding quotes keeps its quotes.
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    // A broken quote makes every later field ambiguous: nothing after it can be trusted.
    return { rows: [], problems: [fileProblem(null, `cannot read the CSV: ${describeError(error)}`)], missingColumns: new Set() };
  }

  const [header = [], ...data] = records;
  const problems: ProgrammeProblem[] = [];
  const columns = readHeader(header, problems);
  const present = new Set(columns.filter((c): c is ProgrammeField => c !== null));
  const missingColumns = new Set(REQUIRED_COLUMNS.filter((c) => !present.has(c)));
  for (const column of missingColumns) problems.push(fileProblem(column, `the header has no "${column}" column`));

  const rows: RawRow[] = [];
  data.forEach((record, index) => {
    // Row numbers follow the spreadsheet (data row n = line n + 1), so blank lines still count.
    const row = index + 1;
    if (record.every((cell) => cell.trim() === '')) return;
    if (record.length > header.length && record.slice(header.length).some((cell) => cell.trim() !== '')) {
      // An error, not a notice: the extra cells may be a value shifted out of its column.
      problems.push({ row, itemId: null, field: null, message: `row has ${record.length} cells but the header has ${header.length}`, severity: 'error' });
    }
    const values: RawRow['values'] = {};
    columns.forEach((column, i) => {
      if (column !== null) values[column] = record[i] ?? '';
    });
    rows.push({ row, values });
  });
  return { rows, problems, missingColumns };
}

/**
 * Maps each header cell to a field (null = ignored), reporting unknown and repeated names once.
 * Both are warnings: every row is still read, only the ignored column's cells are left out.
 */
function readHeader(header: string[], problems: ProgrammeProblem[]): (ProgrammeField | null)[] {
  const unknown: string[] = [];
  const seen = new Set<ProgrammeField>();
  const columns = header.map((cell) => {
    if (cell.trim() === '') return null;
    const field = toProgrammeField(cell);
    if (field === null) {
      unknown.push(cell.trim());
      return null;
    }
    if (seen.has(field)) {
      problems.push(fileProblem(field, `column "${field}" appears more than once; the first one is used`, 'warning'));
      return null;
    }
    seen.add(field);
    return field;
  });
  if (unknown.length > 0) {
    const names = unknown.map((name) => `"${name}"`).join(', ');
    problems.push(fileProblem(null, `unknown column(s) ${names} ignored; known columns: ${PROGRAMME_FIELDS.join(', ')}`, 'warning'));
  }
  return columns;
}
