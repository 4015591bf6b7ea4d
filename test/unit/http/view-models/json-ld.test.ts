import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../../../src/http/view-engine.js';
import { cutText, itemJsonLd, MAX_TRANSCRIPT_CHARS, siteJsonLd } from '../../../../src/http/view-models/json-ld.js';
import { documentManifest, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';
const roundTrip = (value: unknown): any => JSON.parse(jsonForScript(value));

describe('itemJsonLd', () => {
  it('describes a talk as a VideoObject with everything search engines and reusers read', () => {
    const manifest = talkManifest();
    const ld = roundTrip(itemJsonLd(manifest, ORIGIN, 'fr', 'Bonjour à toutes et à tous.'));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'VideoObject',
      url: `${ORIGIN}/talks/${manifest.id}`,
      name: 'Médiation numérique et IA',
      description: 'Comment accompagner les usages de l’IA.',
      inLanguage: 'fr',
      uploadDate: '2025-10-29',
      datePublished: '2025-10-29',
      dateModified: '2025-11-02T10:00:00.000Z',
      duration: 'PT12M34S',
      thumbnailUrl: `${ORIGIN}/media/items/${manifest.id}/abc123/images/poster-640.jpg`,
      contentUrl: `${ORIGIN}/media/items/${manifest.id}/abc123/download/${manifest.id}-720p.mp4`,
      embedUrl: `${ORIGIN}/embed/${manifest.id}`,
      license: 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr',
      transcript: 'Bonjour à toutes et à tous.',
    });
    expect(ld.creator).toEqual([
      { '@type': 'Person', name: 'Jeanne Martin', url: `${ORIGIN}/intervenants/jeanne-martin`, affiliation: { '@type': 'Organization', name: 'La Mednum' } },
    ]);
    expect(ld.contributor).toEqual([{ '@type': 'Person', name: 'Ali Ben', url: `${ORIGIN}/intervenants/ali-ben` }]);
    expect(ld.isPartOf).toMatchObject({
      '@type': 'Event', name: 'Numérique en Commun[s] 2025 Strasbourg', startDate: '2025-10-29',
      url: `${ORIGIN}/editions/2025-strasbourg`, location: { '@type': 'Place', name: 'Strasbourg', address: { addressLocality: 'Strasbourg' } },
    });
    expect(ld.about).toEqual([
      { '@type': 'Thing', name: 'Communs & souveraineté', url: `${ORIGIN}/themes/communs-souverainete` },
      { '@type': 'Thing', name: 'Éthique', url: `${ORIGIN}/themes/ethique` },
    ]);
    expect(ld.hasPart).toEqual([
      { '@type': 'Clip', name: 'Ouverture', startOffset: 0, endOffset: 121, url: `${ORIGIN}/talks/${manifest.id}?t=0` },
      { '@type': 'Clip', name: 'Questions & réponses', startOffset: 120, endOffset: 755, url: `${ORIGIN}/talks/${manifest.id}?t=120` },
    ]);
    expect(ld.accessibilityFeature).toEqual(['captions', 'transcript', 'signLanguage', 'structuralNavigation']);
    expect(ld.accessMode).toEqual(['auditory', 'visual']);
    expect(ld.accessibilitySummary).toBe('Accessibilité\u00a0: sous-titres relus, transcription relue et interprétation en langue des signes française.');
  });

  it('speaks English on English pages', () => {
    const ld = itemJsonLd(talkManifest(), ORIGIN, 'en');
    expect(ld.url).toBe(`${ORIGIN}/en/talks/2025-strasbourg-ia-et-mediation`);
    expect(ld.embedUrl).toBe(`${ORIGIN}/en/embed/2025-strasbourg-ia-et-mediation`);
    expect(ld.accessibilitySummary).toBe('Accessibility: reviewed captions, reviewed transcript and French Sign Language interpretation.');
    // The item's identity does not change with the page's language.
    expect(ld['@id']).toBe(itemJsonLd(talkManifest(), ORIGIN, 'fr')['@id']);
  });

  it('describes a podcast as a PodcastEpisode with its audio as associatedMedia', () => {
    const manifest = podcastManifest();
    const ld = roundTrip(itemJsonLd(manifest, ORIGIN, 'fr', 'Texte.'));
    expect(ld['@type']).toBe('PodcastEpisode');
    expect(ld.url).toBe(`${ORIGIN}/podcasts/${manifest.id}`);
    expect(ld.duration).toBe('PT30M1S');
    expect(ld.associatedMedia).toEqual({
      '@type': 'AudioObject',
      contentUrl: `${ORIGIN}/media/items/${manifest.id}/def456/download/${manifest.id}.mp3`,
      encodingFormat: 'audio/mpeg',
      contentSize: '3500',
      embedUrl: `${ORIGIN}/embed/${manifest.id}`,
      duration: 'PT30M1S',
      transcript: 'Texte.',
    });
    expect(ld.thumbnailUrl).toMatch(/cover-1280\.jpg$/);
    expect(ld.accessMode).toEqual(['auditory']);
    expect(ld.accessibilityFeature).not.toContain('captions');
    expect(ld.contributor).toEqual([expect.objectContaining({ name: 'Julien Moreau' })]);
    expect(ld.uploadDate).toBeUndefined();
  });

  it('describes a document as a DigitalDocument with its PDF', () => {
    const manifest = documentManifest();
    const ld = roundTrip(itemJsonLd(manifest, ORIGIN, 'fr'));
    expect(ld['@type']).toBe('DigitalDocument');
    expect(ld.url).toBe(`${ORIGIN}/documents/${manifest.id}`);
    expect(ld.encodingFormat).toBe('application/pdf');
    expect(ld.associatedMedia).toMatchObject({ '@type': 'MediaObject', contentUrl: expect.stringMatching(/\.pdf$/), encodingFormat: 'application/pdf' });
    expect(ld.duration).toBeUndefined();
    expect(ld.hasPart).toBeUndefined();
    expect(ld.accessMode).toEqual(['textual', 'visual']);
    expect(ld.accessibilityFeature).toEqual(['displayTransformability']);
    expect(ld.accessibilitySummary).toBe('Accessibilité\u00a0: version facile à lire et à comprendre (FALC) et texte de chaque page.');
  });

  it('cuts a long transcript at a word, and leaves out what is missing', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `mot${i}`).join(' ');
    const ld = itemJsonLd(talkManifest(), ORIGIN, 'fr', long);
    const transcript = ld.transcript as string;
    expect(transcript.length).toBeLessThanOrEqual(MAX_TRANSCRIPT_CHARS + 1);
    expect(transcript.endsWith('…')).toBe(true);
    expect(long.startsWith(transcript.slice(0, -1))).toBe(true);
    expect(long.split(' ')).toContain(transcript.slice(0, -1).split(' ').at(-1));
    const bare = itemJsonLd(talkManifest({ themes: [], speakers: [], chapters: [], downloads: [], images: { posters: [], storyboard: null, waveform: null, cover: null, pages: [] } }), ORIGIN, 'fr');
    for (const key of ['about', 'creator', 'contributor', 'hasPart', 'contentUrl', 'thumbnailUrl', 'transcript']) expect(bare[key], key).toBeUndefined();
    expect(cutText('  a   b  ', 10)).toBe('a b');
  });

  it('stays inert inside a script block even when titles hold markup', () => {
    const ld = itemJsonLd(talkManifest({ title: '</script><script>alert(1)</script>' }), ORIGIN, 'fr');
    const text = jsonForScript(ld);
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
  });
});

describe('siteJsonLd', () => {
  it('is a WebSite with a SearchAction pointing at the search page of the locale', () => {
    expect(siteJsonLd(ORIGIN, 'fr')).toMatchObject({
      '@type': 'WebSite',
      url: `${ORIGIN}/`,
      name: 'Médiacommuns',
      inLanguage: 'fr',
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${ORIGIN}/recherche?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    });
    expect((siteJsonLd(ORIGIN, 'en').potentialAction as { target: { urlTemplate: string } }).target.urlTemplate).toBe(`${ORIGIN}/en/search?q={search_term_string}`);
  });
});
