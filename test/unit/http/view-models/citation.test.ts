import { describe, expect, it } from 'vitest';
import { isoDate, momentLocator } from '../../../../src/http/view-models/citation.js';
import { citedAs, citedManifests, ORIGIN } from '../../../support/citation-fixtures.js';

describe('citationOf', () => {
  const { talk, podcast, document } = citedManifests();

  it('cites a talk as a presentation: speakers as people, the edition as the event, the page in the asked language', () => {
    const citation = citedAs(talk, 'en', { start: 754, end: 790.5 });
    expect(citation).toMatchObject({
      kind: 'presentation',
      genre: 'Talk',
      authors: [{ given: 'Jeanne', family: 'Martin' }, { given: 'Marie', family: 'de La Tour' }],
      date: { year: 2025, month: 10, day: 29 },
      event: 'Numérique en Commun[s] 2025 Strasbourg',
      place: 'Strasbourg',
      publisher: 'Numérique en Commun[s]',
      language: 'fr',
      licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr',
      url: `${ORIGIN}/en/talks/2025-strasbourg-ia?t=754,790.5`,
      pdfUrl: null,
      locator: 'at 12:34–13:10',
      accessed: '2026-12-07',
    });
    // The organisation is an affiliation, never part of a name.
    expect(JSON.stringify(citation.authors)).not.toContain('Mednum');
  });

  it('cites a podcast as a podcast and a document as a magazine with its PDF, absolute', () => {
    expect(citedAs(podcast).kind).toBe('podcast');
    const magazine = citedAs(document);
    expect(magazine.kind).toBe('magazineArticle');
    expect(magazine.genre).toBe('Magazine');
    expect(magazine.pdfUrl).toMatch(new RegExp(`^${ORIGIN}/media/items/2025-strasbourg-magazine/.+\\.pdf$`));
    expect(magazine.url).toBe(`${ORIGIN}/documents/2025-strasbourg-magazine`);
  });

  it('takes the edition’s year when the item has no date of its own', () => {
    expect(citedAs({ ...talk, date: null }).date).toEqual({ year: 2025, month: null, day: null });
    expect(isoDate({ year: 2025, month: null, day: null })).toBe('2025');
    expect(isoDate({ year: 2025, month: 3, day: null })).toBe('2025-03');
  });
});

describe('momentLocator', () => {
  it('says where in the recording, in each language', () => {
    expect(momentLocator({ start: 754, end: 790 }, 'fr')).toBe('à 12:34–13:10');
    expect(momentLocator({ start: 3725, end: null }, 'en')).toBe('at 1:02:05');
  });
});
