import { normaliseSearchText } from './search-text.js';

/** What decides whether a search counts as one "without result". */
export interface SearchOutcome {
  query: string;
  total: number;
  filters: Partial<Record<string, readonly string[]>>;
}

/**
 * The text to count for a search that found nothing: only a search by words alone (filters
 * can empty any search, that says nothing about what the archive lacks), normalised; null for
 * every other search.
 */
export function missedSearchText(outcome: SearchOutcome): string | null {
  if (outcome.total > 0) return null;
  if (Object.values(outcome.filters).some((values) => values !== undefined && values.length > 0)) return null;
  return normaliseSearchText(outcome.query);
}

const MAX_PAGES = 5_000;

/**
 * Search pages are kept rendered (page-cache.ts) and then sent without being made again, so
 * the page's outcome is remembered by its URL when it is made, and each request for that URL
 * is counted when it is answered, whether from the cache or not. Bounded: the oldest URLs go first.
 */
export class SearchPageOutcomes {
  private readonly missed = new Map<string, string>();

  made(url: string, outcome: SearchOutcome): void {
    const text = missedSearchText(outcome);
    this.missed.delete(url);
    if (text === null) return;
    this.missed.set(url, text);
    if (this.missed.size > MAX_PAGES) this.missed.delete(this.missed.keys().next().value as string);
  }

  /** The text to count for an answer to this URL; null when it found something (or was never made here). */
  missedText(url: string): string | null {
    return this.missed.get(url) ?? null;
  }
}
