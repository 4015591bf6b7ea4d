import type { FieldIssue } from './raw-row.js';
import { parseId } from './values.js';

/**
 * The `aliases` column: the ids this item was published under before (a title fixed in a
 * programme without ids, an id chosen anew). Each must be shaped like an id, since it becomes an
 * address that answers 301; the row's own id and repeats are refused rather than dropped, so
 * that a typo in the column is seen.
 */
export function parseAliases(entries: readonly string[], ownId: string | undefined, issues: FieldIssue[]): string[] {
  const aliases: string[] = [];
  for (const entry of entries) {
    const parsed = parseId(entry);
    if (!parsed.ok) issues.push({ field: 'aliases', message: `alias ${parsed.message.replace(/^id /, '')}` });
    else if (parsed.value === ownId) issues.push({ field: 'aliases', message: `alias "${entry}" is the row's own id` });
    else if (aliases.includes(parsed.value)) issues.push({ field: 'aliases', message: `alias "${entry}" is listed twice` });
    else aliases.push(parsed.value);
  }
  return aliases;
}
