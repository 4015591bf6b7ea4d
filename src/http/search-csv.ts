import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_HITS_PER_PAGE, type SearchRequest } from '../services/search/search-request.js';
import type { SearchResult, SearchService } from '../services/search/search-service.js';
import { CSV_OPTIONS } from './csv-options.js';
import type { Locale } from './locale.js';
import { withUrls, type LinkedSearchResult } from './view-models/api-search.js';

/**
 * The most items a CSV of search results holds: every result of a precise search, a sample of
 * a broad one (the archive's first thousand, in the asked order), never the whole index at once.
 */
export const SEARCH_CSV_BOUND = 1000;

/** One row per passage; an item without passages (a search without words) has one row of its own. */
export const SEARCH_CSV_COLUMNS = ['id', 'title', 'kind', 'edition', 'date', 'speakers', 'language', 'licence', 'start', 'end', 'page', 'source', 'text', 'url'] as const;

type Cell = string | number | null;

/** The rows of one page of results, its links already made (withUrls): the passage's link, else the item's. */
export function searchCsvRows(result: LinkedSearchResult): Cell[][] {
  return result.items.flatMap((item) => {
    const head: Cell[] = [item.id, item.title, item.kind, item.edition, item.date, item.speakers.join('; '), item.language, item.licence];
    if (item.passages.length === 0) return [[...head, null, null, null, null, null, item.url]];
    return item.passages.map((p) => [...head, p.start, p.end, p.page, p.source, p.text, p.url]);
  });
}

export interface SearchCsv {
  /** The search's total (the CSV holds at most SEARCH_CSV_BOUND of them). */
  total: number;
  /** The CSV's bytes, made page after page as they are read. */
  stream: Readable;
}

/**
 * Every result of `request` (its `page` and `hitsPerPage` ignored) as CSV, up to SEARCH_CSV_BOUND
 * items, with links in `locale` (absolute with `origin`, site paths with ''). The first page is
 * asked before this returns, so a bad request fails before anything is written; the next pages
 * only as the reader takes the rows.
 */
export async function openSearchCsv(search: SearchService, request: SearchRequest, locale: Locale, origin: string): Promise<SearchCsv> {
  const pageOf = (page: number): Promise<SearchResult> => search.search({ ...request, page, hitsPerPage: MAX_HITS_PER_PAGE });
  const first = await pageOf(1);
  async function* rows(): AsyncGenerator<Cell[]> {
    let result = first;
    let items = 0;
    for (;;) {
      const kept = { ...result, items: result.items.slice(0, SEARCH_CSV_BOUND - items) };
      yield* searchCsvRows(withUrls(kept, locale, origin));
      items += kept.items.length;
      if (kept.items.length === 0 || items >= SEARCH_CSV_BOUND || result.page >= result.pageCount) return;
      result = await pageOf(result.page + 1);
    }
  }
  const csv = stringify({ ...CSV_OPTIONS, header: true, columns: [...SEARCH_CSV_COLUMNS] });
  // A page that fails later (search gone) destroys the CSV with its error: the reader sees a cut, not an end.
  pipeline(Readable.from(rows()), csv).catch(() => {});
  return { total: first.total, stream: csv };
}

/** Sends the CSV as a download: `recherche-<date>.csv`, its bound and the search's total in headers. */
export async function sendSearchCsv(res: Response, csv: SearchCsv): Promise<void> {
  res.set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="recherche-${new Date().toISOString().slice(0, 10)}.csv"`,
    'Cache-Control': 'public, max-age=60',
    'X-Results-Bound': String(SEARCH_CSV_BOUND),
    'X-Results-Total': String(csv.total),
  });
  await pipeline(csv.stream, res).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  });
}
