import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';

export interface PageLink {
  /** Not `number`: that name is a view helper. */
  pageNumber: number;
  href: string;
  current: boolean;
  /** Stands for the pages left out between two numbers ("…"). */
  gap: boolean;
}

export interface Pagination {
  label: string;
  prev: { href: string; text: string } | null;
  next: { href: string; text: string } | null;
  pages: PageLink[];
}

/**
 * Links to the pages of a list: previous / next, the first and last pages, and a few around the
 * current one (1 … 4 5 [6] 7 8 … 20), so the list stays short on a phone. Null when one page
 * holds everything. A page past the end (an old link) still gets a way back.
 */
export function paginationOf(page: number, pageCount: number, hrefOf: (page: number) => string, locale: Locale, around = 2): Pagination | null {
  if (pageCount <= 1 && page <= 1) return null;
  const last = Math.max(1, pageCount);
  const shown = new Set<number>([1, last]);
  for (let n = page - around; n <= page + around; n++) if (n >= 1 && n <= last) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const pages: PageLink[] = [];
  numbers.forEach((n, i) => {
    const before = numbers[i - 1];
    if (before !== undefined && n - before > 1) pages.push({ pageNumber: 0, href: '', current: false, gap: true });
    pages.push({ pageNumber: n, href: hrefOf(n), current: n === page, gap: false });
  });
  return {
    label: translate(locale, 'search.pagination.label'),
    prev: page > 1 ? { href: hrefOf(Math.min(page - 1, last)), text: translate(locale, 'search.pagination.prev') } : null,
    next: page < last ? { href: hrefOf(page + 1), text: translate(locale, 'search.pagination.next') } : null,
    pages,
  };
}
