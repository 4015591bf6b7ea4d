import { describe, expect, it } from 'vitest';
import { citationRis } from '../../../../src/http/view-models/citation-ris.js';
import { citedAs, citedManifests, ORIGIN } from '../../../support/citation-fixtures.js';
import { authorNames, readCitationFile } from '../../../support/citation-reader.js';

describe('citationRis', () => {
  const { talk, podcast, document } = citedManifests();

  it('writes a talk as SLIDE with the meeting in T2, the moment in N1 and the URL at it', () => {
    const ris = citationRis(citedAs(talk, 'fr', { start: 754, end: 790 }));
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - SLIDE');
    expect(lines).toContain('AU  - Martin, Jeanne');
    expect(lines).toContain('AU  - de La Tour, Marie');
    expect(lines).toContain('DA  - 2025/10/29/');
    expect(lines).toContain('T2  - Numérique en Commun[s] 2025 Strasbourg');
    expect(lines).toContain('N1  - à 12:34–13:10');
    expect(lines).toContain(`UR  - ${ORIGIN}/talks/2025-strasbourg-ia?t=754,790`);
    expect(lines).toContain('CR  - https://creativecommons.org/licenses/by-sa/4.0/deed.fr');
    // The summary's line break would start a bogus tag.
    expect(lines).toContain('AB  - Première ligne. Seconde ligne.');
    expect(lines.slice(-2)).toEqual(['ER  - ', '']);
  });

  it('is read back by citation.js with every field', () => {
    const [item] = readCitationFile(citationRis(citedAs(talk, 'en', { start: 754, end: 790 })), 'ris');
    expect(item).toMatchObject({
      title: 'Médiation & IA : 100 % communs_libres',
      issued: { 'date-parts': [[2025, 10, 29]] },
      URL: `${ORIGIN}/en/talks/2025-strasbourg-ia?t=754,790`,
      note: 'at 12:34–13:10',
      publisher: 'Numérique en Commun[s]',
      'publisher-place': 'Strasbourg',
      language: 'fr',
      genre: 'Talk',
      accessed: { 'date-parts': [[2026, 12, 7]] },
    });
    expect(authorNames(item!)).toEqual(['Martin, Jeanne', 'de La Tour, Marie']);
  });

  it('writes a podcast as SOUND with its edition as series, a magazine as MGZN with its PDF in L1', () => {
    const sound = citationRis(citedAs(podcast)).split('\r\n');
    expect(sound[0]).toBe('TY  - SOUND');
    expect(sound).toContain('T3  - Numérique en Commun[s] 2025 Strasbourg');
    const magazine = citationRis(citedAs(document));
    const [item] = readCitationFile(magazine, 'ris');
    expect(item).toMatchObject({ type: 'article-magazine', 'container-title': 'Numérique en Commun[s] 2025 Strasbourg' });
    expect(magazine).toMatch(new RegExp(`\\r\\nL1  - ${ORIGIN}/media/items/2025-strasbourg-magazine/.+\\.pdf\\r\\n`));
    expect(magazine).not.toContain('N1  -');
  });
});
