import { describe, expect, it } from 'vitest';
import { editionFeedPath, editionModel, editionsModel, speakerJsonLd, speakerModel, themeModel } from '../../../../src/http/view-models/listings.js';
import { archive } from '../../../support/listing-archive.js';

describe('editions, speakers, themes', () => {
  it('lists editions newest first', () => {
    const model = editionsModel(archive, 'en');
    expect(model.editions.map((e) => [e.label, e.href])).toEqual([['2025 Strasbourg', '/en/editions/2025-strasbourg'], ['2023 Marseille', '/en/editions/2023-marseille']]);
    expect(model.lede).toBe('The archive covers 2 editions of the Numérique en Commun[s] conference, newest first.');
  });

  it('groups an edition by kind, links its podcast feed and a search filtered by the edition', () => {
    const strasbourg = archive.editions[0];
    if (!strasbourg) throw new Error('no edition');
    const model = editionModel(strasbourg, 'fr');
    expect(model.heading).toBe('Numérique en Commun[s] 2025 Strasbourg');
    expect(model.lede).toBe('4 ressources enregistrées à Strasbourg en 2025.');
    expect(model.groups.map((g) => [g.id, g.heading, g.countText, g.cards.map((c) => c.id)])).toEqual([
      ['kind-talk', 'Conférences', '2 conférences', ['talk-b', 'talk-a']],
      ['kind-podcast', 'Podcasts', '1 podcast', ['pod']],
      ['kind-document', 'Documents', '1 document', ['mag']],
    ]);
    expect(model.feed).toEqual({ href: '/feeds/editions/2025-strasbourg/podcasts.xml', text: 'Flux RSS des podcasts de l’édition 2025 Strasbourg' });
    expect(model.searchHref).toBe('/recherche?edition=2025+Strasbourg');
    const marseille = archive.editions[1];
    if (!marseille) throw new Error('no edition');
    expect(editionModel(marseille, 'fr').feed).toBeNull();
    expect(editionFeedPath('a b')).toBe('/feeds/editions/a%20b/podcasts.xml');
  });

  it('gives a speaker’s organisations, items and a search of their words', () => {
    const speaker = archive.speakers.get('claire-vasseur');
    if (!speaker) throw new Error('no speaker');
    const model = speakerModel(speaker, 'fr');
    expect(model).toMatchObject({ name: 'Claire Vasseur', organisations: ['Radio', 'Passerelles'], lede: '2 ressources dans les archives.', searchHref: '/recherche?speaker=Claire+Vasseur' });
    expect(model.cards.map((c) => c.id)).toEqual(['pod', 'talk-a']);
    expect(speakerJsonLd(speaker, 'https://x.org/intervenants/claire-vasseur')).toEqual({
      '@context': 'https://schema.org', '@type': 'Person', name: 'Claire Vasseur', url: 'https://x.org/intervenants/claire-vasseur',
      affiliation: [{ '@type': 'Organization', name: 'Radio' }, { '@type': 'Organization', name: 'Passerelles' }],
    });
  });

  it('gives a theme its items and a filtered search', () => {
    const theme = archive.themes.find((t) => t.slug === 'accessibilite');
    if (!theme) throw new Error('no theme');
    const model = themeModel(theme, 'en');
    expect(model).toMatchObject({ name: 'Accessibilité', lede: '2 resources on this theme: 2 talks.', searchHref: '/en/search?theme=Accessibilit%C3%A9' });
  });
});
