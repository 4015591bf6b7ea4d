import { describe, expect, it } from 'vitest';
import { paginationOf } from '../../../../src/http/view-models/pagination.js';

describe('paginationOf', () => {
  const href = (n: number): string => `/p/${n}`;

  it('is null when everything fits on one page', () => {
    expect(paginationOf(1, 1, href, 'fr')).toBeNull();
    expect(paginationOf(1, 0, href, 'fr')).toBeNull();
  });

  it('shows first, last and the pages around the current one, with gaps', () => {
    const p = paginationOf(6, 20, href, 'fr');
    expect(p?.pages.map((l) => (l.gap ? '…' : l.current ? `[${l.pageNumber}]` : String(l.pageNumber))).join(' ')).toBe('1 … 4 5 [6] 7 8 … 20');
    expect(p?.prev).toEqual({ href: '/p/5', text: 'Page précédente' });
    expect(p?.next).toEqual({ href: '/p/7', text: 'Page suivante' });
    expect(p?.label).toBe('Pages de résultats');
  });

  it('has no previous link on page 1 and no next on the last; a page past the end leads back', () => {
    expect(paginationOf(1, 3, href, 'en')?.prev).toBeNull();
    expect(paginationOf(3, 3, href, 'en')?.next).toBeNull();
    const past = paginationOf(9, 3, href, 'en');
    expect(past?.prev?.href).toBe('/p/3');
    expect(past?.next).toBeNull();
  });
});
