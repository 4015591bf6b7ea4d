import { describe, expect, it } from 'vitest';
import { cleanText, limitQuery, parseSearchRequest, SearchRequestError } from '../../../../src/services/search/search-request.js';

const limits = { maxWords: 10, stopWords: new Set(['le', 'la', 'les', 'l', 'ou']), maxTotalHits: 5000 };
const parse = (request: Parameters<typeof parseSearchRequest>[0]) => parseSearchRequest(request, limits);
const refusal = (request: Parameters<typeof parseSearchRequest>[0]): SearchRequestError | null => {
  try {
    parse(request);
    return null;
  } catch (error) {
    if (error instanceof SearchRequestError) return error;
    throw error;
  }
};
const problems = (request: Parameters<typeof parseSearchRequest>[0]): string[] => refusal(request)?.messages ?? [];

describe('parseSearchRequest', () => {
  it('has defaults for everything: an empty request browses page 1 by relevance', () => {
    expect(parse({})).toMatchObject({ query: '', searched: '', limited: null, clauses: [], sort: 'relevance', page: 1, hitsPerPage: 20, passagesPerItem: 3 });
  });

  it('maps public facet names to index fields, values kept as values (OR within a facet, AND across)', () => {
    const parsed = parse({ filters: [['theme', 'A'], ['theme', 'B'], ['Year', '2025'], ['captions', 'oui'], ['speaker', 'claire-vasseur']] });
    expect(parsed.filters).toEqual({ theme: ['A', 'B'], year: ['2025'], captions: ['true'], speaker: ['claire-vasseur'] });
    expect(parsed.clauses).toEqual([
      { fields: ['themes'], values: ['A', 'B'] },
      { fields: ['year'], values: [2025] },
      { fields: ['captions'], values: [true] },
      { fields: ['speakers', 'speakerSlugs'], values: ['claire-vasseur'] },
    ]);
  });

  it('canonicalises closed values and ignores empty ones (a form’s “all” option)', () => {
    const parsed = parse({ filters: { licence: 'cc by-sa 4.0', language: 'FRA', kind: 'Podcast', transcript: 'Reviewed', edition: '' } });
    expect(parsed.filters).toEqual({ licence: ['CC-BY-SA-4.0'], language: ['fr'], kind: ['podcast'], transcript: ['reviewed'] });
  });

  it('reports every problem at once: unknown facets, bad values, sort, page', () => {
    expect(problems({ filters: { colour: 'red', year: 'last year', kind: 'film', easyRead: 'maybe' }, sort: 'random', page: 'two', hitsPerPage: 51 })).toEqual([
      expect.stringMatching(/^unknown filter "colour"; known filters: edition, year, theme/),
      'year: "last year" is not a year such as 2025',
      'kind: "film" is not one of talk, workshop, round-table, pitch, podcast, document',
      'easyRead: "maybe" is not true or false',
      'sort: "random" is not one of relevance, date-desc, date-asc',
      'hitsPerPage: at most 50',
      'page: "two" is not a whole number from 1',
    ]);
  });

  it('says of each problem its field, the value as received and a code, so a page can explain it in its own words', () => {
    const error = refusal({ filters: [['Colour', 'red'], ['kind', ' Film '], ['theme', 'y'.repeat(201)], ['year', '2025'], ['year', '20x']], sort: 'Random', page: 'two', hitsPerPage: 51 });
    expect(error?.problems.map(({ field, value, code }) => ({ field, value, code }))).toEqual([
      { field: 'Colour', value: null, code: 'unknown_filter' },
      { field: 'kind', value: ' Film ', code: 'invalid_value' },
      { field: 'theme', value: 'y'.repeat(201), code: 'value_too_long' },
      { field: 'year', value: '20x', code: 'invalid_value' },
      { field: 'sort', value: 'Random', code: 'invalid_value' },
      { field: 'hitsPerPage', value: '51', code: 'too_large' },
      { field: 'page', value: 'two', code: 'invalid_value' },
    ]);
    expect(refusal({ filters: { theme: Array.from({ length: 21 }, (_, i) => `t${i}`) } })?.problems).toEqual([
      { field: 'theme', value: null, code: 'too_many_values', message: 'theme: at most 20 values' },
    ]);
    expect(error?.message).toMatch(/^invalid search: unknown filter "Colour"; .*; page: "two" is not a whole number from 1$/);
  });

  it('takes huge page numbers (an empty page past the end), not zero or negative ones', () => {
    expect(parse({ page: '123456789012345678901234567890' }).page).toBe(Number.MAX_SAFE_INTEGER);
    expect(parse({ page: 7 }).page).toBe(7);
    expect(problems({ page: 0 })).toEqual(['page: "0" is not a whole number from 1']);
    expect(problems({ page: '1.5' })).toHaveLength(1);
  });

  it('keeps quotes and operators in values as text: they are quoted by the adapter, never parsed here', () => {
    expect(parse({ filters: { theme: 'x" OR kind = "talk' } }).clauses).toEqual([{ fields: ['themes'], values: ['x" OR kind = "talk'] }]);
    expect(problems({ filters: { theme: 'y'.repeat(201) } })).toEqual(['theme: value longer than 200 characters']);
  });
});

describe('query cleaning and the 10-word limit', () => {
  it('turns control characters into spaces and normalises to NFC', () => {
    expect(cleanText(' me\u0301diation\u0000\u001b[2J  nume\u0301rique\u0085\n')).toBe('médiation [2J numérique');
    expect(cleanText('\uE000faux\uE001')).toBe('faux');
  });

  it('keeps a query of 10 words (stop words not counted) as it is', () => {
    const query = 'le un deux la trois quatre cinq six les sept huit neuf dix';
    expect(limitQuery(query, limits)).toEqual({ searched: query, limited: null });
  });

  it('cuts after the 10th counted word, naming the words left out', () => {
    const query = 'un deux trois quatre cinq six sept huit neuf dix, la onze et douze';
    expect(limitQuery(query, limits)).toEqual({
      searched: 'un deux trois quatre cinq six sept huit neuf dix',
      limited: { searched: 'un deux trois quatre cinq six sept huit neuf dix', dropped: ['la', 'onze', 'et', 'douze'], reason: 'too-many-words' },
    });
    // Trailing stop words alone are not "left out": Meilisearch ignores them anyway.
    expect(limitQuery('un deux trois quatre cinq six sept huit neuf dix le la', limits).limited).toBeNull();
  });

  it('drops an unbalanced phrase quote rather than sending half a phrase', () => {
    const { searched } = limitQuery('"un deux trois quatre cinq six sept huit neuf dix onze"', limits);
    expect(searched).toBe('un deux trois quatre cinq six sept huit neuf dix');
  });

  it('cuts a 1,000-character query at 500 characters, at a word', () => {
    const { searched, limited } = limitQuery('abcdefghi '.repeat(100), { ...limits, maxWords: 1000 });
    expect(searched.length).toBeLessThanOrEqual(500);
    expect(searched.endsWith('abcdefghi')).toBe(true);
    expect(limited?.reason).toBe('too-long');
    expect(limited?.dropped).toHaveLength(50);
  });
});
