import { describe, expect, it } from 'vitest';
import { citationBibtex } from '../../../../src/http/view-models/citation-bibtex.js';
import { citedAs, citedManifests, ORIGIN } from '../../../support/citation-fixtures.js';
import { authorNames, readCitationFile } from '../../../support/citation-reader.js';

describe('citationBibtex', () => {
  const { talk, podcast, document } = citedManifests();

  it('writes a talk as @misc keyed by the item id, LaTeX characters escaped, biblatex event fields', () => {
    const bib = citationBibtex(citedAs(talk, 'fr', { start: 754, end: 790 }));
    expect(bib.startsWith('@misc{2025-strasbourg-ia,\n')).toBe(true);
    expect(bib).toContain('  author = {Martin, Jeanne and de La Tour, Marie}');
    expect(bib).toContain('  title = {{Médiation \\& IA : 100 \\% communs\\_libres}}');
    expect(bib).toContain('  eventtitle = {Numérique en Commun[s] 2025 Strasbourg}');
    expect(bib).toContain('  note = {à 12:34–13:10}');
    expect(bib).toContain('  langid = {french}');
    expect(bib.endsWith('\n}\n')).toBe(true);
  });

  it('is read back by citation.js with every field', () => {
    const [item] = readCitationFile(citationBibtex(citedAs(talk, 'en', { start: 754, end: 790 })), 'bib');
    expect(item).toMatchObject({
      type: 'document',
      'citation-key': '2025-strasbourg-ia',
      title: 'Médiation & IA : 100 % communs_libres',
      issued: { 'date-parts': [[2025, 10, 29]] },
      URL: `${ORIGIN}/en/talks/2025-strasbourg-ia?t=754,790`,
      note: 'at 12:34–13:10',
      'event-title': 'Numérique en Commun[s] 2025 Strasbourg',
      'event-place': 'Strasbourg',
      publisher: 'Numérique en Commun[s]',
      language: 'fr',
      genre: 'Talk',
      abstract: 'Première ligne. Seconde ligne.',
      accessed: { 'date-parts': [[2026, 12, 7]] },
    });
    expect(authorNames(item!)).toEqual(['Martin, Jeanne', 'de La Tour, Marie']);
  });

  it('writes a podcast’s edition as its series and a magazine as @article in its journal', () => {
    const [episode] = readCitationFile(citationBibtex(citedAs(podcast)), 'bib');
    expect(episode).toMatchObject({ 'collection-title': 'Numérique en Commun[s] 2025 Strasbourg', genre: 'Podcast' });
    const bib = citationBibtex(citedAs(document));
    expect(bib.startsWith('@article{')).toBe(true);
    const [magazine] = readCitationFile(bib, 'bib');
    expect(magazine).toMatchObject({ type: 'article-journal', 'container-title': 'Numérique en Commun[s] 2025 Strasbourg', genre: 'Magazine' });
  });
});
