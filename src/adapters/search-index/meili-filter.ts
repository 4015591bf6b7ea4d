import type { FilterClause } from '../../ports/search-index.js';

/**
 * A value as a Meilisearch filter string literal: always double-quoted, with backslashes and
 * quotes escaped, so that no value can close the literal and add an operator of its own
 * (`x" OR kind = "talk`, a trailing backslash…). Numbers and booleans are quoted as well:
 * Meilisearch compares a quoted "2025" with the number 2025 and "true" with true.
 */
export function quoteFilterValue(value: string | number | boolean): string {
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const FIELD = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Clauses → one filter expression: AND between clauses, OR/IN (any of) within one. Field names
 * come from the code, never from a request; they are still checked so a mistake cannot turn
 * into an expression.
 */
export function buildFilter(clauses: readonly FilterClause[]): string | undefined {
  const parts: string[] = [];
  for (const clause of clauses) {
    if (clause.values.length === 0 || clause.fields.length === 0) continue;
    const values = clause.values.map(quoteFilterValue);
    const tests = clause.fields.map((field) => {
      if (!FIELD.test(field)) throw new Error(`invalid filter field "${field}"`);
      return values.length === 1 ? `${field} = ${values[0]}` : `${field} IN [${values.join(', ')}]`;
    });
    parts.push(tests.length === 1 ? (tests[0] as string) : `(${tests.join(' OR ')})`);
  }
  return parts.length > 0 ? parts.join(' AND ') : undefined;
}
