import { describe, expect, it } from 'vitest';
import { buildFilter, quoteFilterValue } from '../../../../src/adapters/search-index/meili-filter.js';

describe('filters', () => {
  it('quotes every value and escapes backslashes and quotes', () => {
    expect(quoteFilterValue('x" OR kind = "talk')).toBe('"x\\" OR kind = \\"talk"');
    expect(quoteFilterValue('a\\')).toBe('"a\\\\"');
    expect(quoteFilterValue(2025)).toBe('"2025"');
    expect(quoteFilterValue(true)).toBe('"true"');
  });

  it('ANDs clauses, ORs fields and values within one', () => {
    expect(buildFilter([])).toBeUndefined();
    expect(buildFilter([{ fields: ['kind'], values: ['talk'] }, { fields: ['themes'], values: ['A', 'B'] }, { fields: ['edition', 'editionSlug'], values: ['2025-strasbourg'] }]))
      .toBe('kind = "talk" AND themes IN ["A", "B"] AND (edition = "2025-strasbourg" OR editionSlug = "2025-strasbourg")');
  });

  it('refuses a field name that is not a plain identifier', () => {
    expect(() => buildFilter([{ fields: ['kind = "x" OR id' as 'kind'], values: ['a'] }])).toThrow(/invalid filter field/);
  });
});
