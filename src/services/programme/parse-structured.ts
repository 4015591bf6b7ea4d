import { parseDocument } from 'yaml';
import type { ProblemSeverity, ProgrammeProblem } from '../../domain/errors.js';
import type { ParsedProgramme } from './parse-csv.js';
import { PROGRAMME_FIELDS, decodeText, isRecord, toProgrammeField } from './raw-row.js';
import type { RawRow } from './raw-row.js';

export type StructuredFormat = 'json' | 'yaml';

function fileProblem(message: string, severity: ProblemSeverity = 'error'): ProgrammeProblem {
  return { row: null, itemId: null, field: null, message, severity };
}

function failed(message: string): ParsedProgramme {
  return { rows: [], problems: [fileProblem(message)], missingColumns: new Set() };
}

/**
 * JSON and YAML programmes use the CSV's field names; lists may be arrays and speakers objects.
 * The document is either a list of items or `{ items: [...] }`, which leaves room for
 * programme-wide keys later without breaking files written today.
 */
export function parseProgrammeStructured(bytes: Uint8Array, format: StructuredFormat): ParsedProgramme {
  const text = decodeText(bytes);
  let document: unknown;
  if (format === 'json') {
    try {
      document = JSON.parse(text) as unknown;
    } catch (error) {
      return failed(`cannot read the JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    // The YAML 1.2 core schema keeps `2025-10-29` a string (1.1 would make it a Date).
    const parsed = parseDocument(text, { schema: 'core', prettyErrors: true });
    if (parsed.errors.length > 0) {
      return { rows: [], problems: parsed.errors.map((e) => fileProblem(`cannot read the YAML: ${e.message.split('\n')[0]}`)), missingColumns: new Set() };
    }
    document = parsed.toJS() as unknown;
  }

  const entries = itemList(document);
  if (entries === null) return failed('expected a list of items, or an object with an "items" list');

  const problems: ProgrammeProblem[] = [];
  const unknownKeys = new Set<string>();
  const rows: RawRow[] = [];
  entries.forEach((entry, index) => {
    const row = index + 1;
    if (!isRecord(entry)) {
      problems.push({ row, itemId: null, field: null, message: 'item must be an object with named fields', severity: 'error' });
      return;
    }
    const values: RawRow['values'] = {};
    for (const [key, value] of Object.entries(entry)) {
      const field = toProgrammeField(key);
      if (field === null) unknownKeys.add(key);
      else values[field] = value;
    }
    rows.push({ row, values });
  });
  // One warning for the whole file, like an unknown CSV column, instead of one per item.
  if (unknownKeys.size > 0) {
    const names = [...unknownKeys].map((name) => `"${name}"`).join(', ');
    problems.unshift(fileProblem(`unknown field(s) ${names} ignored; known fields: ${PROGRAMME_FIELDS.join(', ')}`, 'warning'));
  }
  return { rows, problems, missingColumns: new Set() };
}

function itemList(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (isRecord(document) && Array.isArray(document['items'])) return document['items'] as unknown[];
  return null;
}
