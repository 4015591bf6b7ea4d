import { describe, expect, it } from 'vitest';
import { citationCsl } from '../../../../src/http/view-models/citation-csl.js';
import { citedAs, citedManifests, ORIGIN } from '../../../support/citation-fixtures.js';
import { readCitationFile } from '../../../support/citation-reader.js';

describe('citationCsl', () => {
  const { talk, podcast, document } = citedManifests();

  it('writes a talk as a CSL speech at its event, the moment as a timestamp locator and a note', () => {
    const [item] = citationCsl(citedAs(talk, 'fr', { start: 754, end: 790 }));
    expect(item).toMatchObject({
      id: '2025-strasbourg-ia',
      type: 'speech',
      author: [{ family: 'Martin', given: 'Jeanne' }, { family: 'de La Tour', given: 'Marie' }],
      issued: { 'date-parts': [[2025, 10, 29]] },
      'event-title': 'Numérique en Commun[s] 2025 Strasbourg',
      'event-place': 'Strasbourg',
      URL: `${ORIGIN}/talks/2025-strasbourg-ia?t=754,790`,
      locator: '12:34–13:10',
      label: 'timestamp',
      note: 'à 12:34–13:10',
      license: 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr',
      accessed: { 'date-parts': [[2026, 12, 7]] },
    });
  });

  it('types a podcast as broadcast and a magazine as article-magazine, and leaves out the moment when none is asked', () => {
    expect(citationCsl(citedAs(podcast))[0]).toMatchObject({ type: 'broadcast', 'container-title': 'Numérique en Commun[s] 2025 Strasbourg' });
    const [magazine] = citationCsl(citedAs(document));
    expect(magazine).toMatchObject({ type: 'article-magazine', 'container-title': 'Numérique en Commun[s] 2025 Strasbourg' });
    expect(magazine).not.toHaveProperty('locator');
    expect(magazine).not.toHaveProperty('note');
  });

  it('is read back unchanged by citation.js', () => {
    const items = citationCsl(citedAs(talk, 'en', { start: 754, end: null }));
    const [read] = readCitationFile(JSON.stringify(items), 'json');
    const { _graph, ...rest } = read!;
    expect(_graph).toBeDefined();
    expect(rest).toEqual(items[0]);
  });
});
