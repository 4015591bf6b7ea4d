import { describe, expect, it } from 'vitest';
import { citationMeta } from '../../../../src/http/view-models/citation-meta.js';
import { citedAs, citedManifests, ORIGIN } from '../../../support/citation-fixtures.js';

const named = (tags: { name: string; content: string }[], name: string): string[] => tags.filter((t) => t.name === name).map((t) => t.content);

describe('citationMeta', () => {
  const { talk, podcast, document } = citedManifests();

  it('gives a talk Highwire and Dublin Core tags, typed as a Zotero presentation at its meeting', () => {
    const tags = citationMeta(citedAs(talk, 'en'));
    expect(named(tags, 'citation_title')).toEqual(['Médiation & IA : 100 % communs_libres']);
    expect(named(tags, 'citation_author')).toEqual(['Martin, Jeanne', 'de La Tour, Marie']);
    expect(named(tags, 'citation_publication_date')).toEqual(['2025/10/29']);
    expect(named(tags, 'citation_publisher')).toEqual(['Numérique en Commun[s]']);
    expect(named(tags, 'citation_language')).toEqual(['fr']);
    expect(named(tags, 'citation_public_url')).toEqual([`${ORIGIN}/en/talks/2025-strasbourg-ia`]);
    expect(named(tags, 'DC.type')).toEqual(['presentation', 'MovingImage']);
    expect(named(tags, 'DC.creator')).toEqual(['Martin, Jeanne', 'de La Tour, Marie']);
    expect(named(tags, 'DC.date')).toEqual(['2025-10-29']);
    expect(named(tags, 'DC.rights')).toEqual(['https://creativecommons.org/licenses/by-sa/4.0/deed.fr']);
    expect(named(tags, 'eprints.event_title')).toEqual(['Numérique en Commun[s] 2025 Strasbourg']);
    // These would make Zotero file the talk as a conference paper or a journal article.
    for (const forcing of ['citation_conference_title', 'citation_journal_title', 'citation_pdf_url']) expect(named(tags, forcing)).toEqual([]);
  });

  it('types a podcast and a magazine; the magazine carries its PDF and its publication', () => {
    expect(named(citationMeta(citedAs(podcast)), 'DC.type')).toEqual(['podcast', 'Sound']);
    expect(named(citationMeta(citedAs(podcast)), 'citation_series_title')).toEqual(['Numérique en Commun[s] 2025 Strasbourg']);
    const tags = citationMeta(citedAs(document));
    expect(named(tags, 'DC.type')).toEqual(['magazineArticle', 'Text']);
    expect(named(tags, 'DC.source')).toEqual(['Numérique en Commun[s] 2025 Strasbourg']);
    expect(named(tags, 'citation_pdf_url')[0]).toMatch(new RegExp(`^${ORIGIN}/media/.+\\.pdf$`));
  });
});
