import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import type { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { withUrls } from '../../src/http/view-models/api-search.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { SearchRequestError } from '../../src/services/search/search-request.js';
import { SearchService, type SearchResult } from '../../src/services/search/search-service.js';
import { snippetHtml } from '../../src/services/search/snippet-html.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { cuesOf, freshStore, writeItem } from '../support/search-archive.js';

/** The search service over a real Meilisearch, on a small archive written like the ingest writes it. */
describe('search over the archive', () => {
  let meili: TestMeili;
  let store: FsBlobStore;
  let index: MeilisearchIndex;
  let search: SearchService;
  const ids = (result: SearchResult): string[] => result.items.map((i) => i.id);

  beforeAll(async () => {
    meili = await startTestMeili();
    store = freshStore();
    index = meili.connect();
    await index.open();
    await writeItem(store, {
      id: '2025-strasbourg-mediation-et-ia', kind: 'talk', title: 'Médiation numérique et intelligence artificielle',
      summary: 'Accompagner sans remplacer.', themes: ['Médiation numérique', 'Données & IA'],
      speakers: [{ name: 'Claire Vasseur', organisation: 'Coopérative Passerelles' }], date: '2025-10-29',
      transcripts: [{ cues: cuesOf([
        'Bonjour à toutes et à tous.',
        'Voici ce que nous voyons au guichet.',
        'Des courriers rédigés par un robot conversationnel.',
        'La fracture numérique touche aussi les agents.',
        'Nous formons les agents d’accueil chaque mois.',
        'Les outils d’IA générative changent les permanences.',
        'Merci de votre attention.',
      ], 5, 740) }],
      slides: [{ start: 740, end: 760, text: 'Accompagner sans remplacer', confidence: 91 }],
    });
    await writeItem(store, {
      id: '2024-lyon-accessibilite', kind: 'round-table', title: 'Accessibilité : du référentiel aux usages', edition: '2024 Lyon',
      themes: ['Accessibilité'], speakers: [{ name: 'Thomas Weber' }], date: '2024-06-12', licence: 'CC-BY-4.0',
      transcripts: [{ cues: cuesOf(['Les personnes qui utilisent un lecteur d’écran.', 'La langue des signes française est essentielle.']) }],
      accessibility: { signLanguage: true },
    });
    await writeItem(store, {
      id: '2023-marseille-podcast-sobriete', kind: 'podcast', title: 'La sobriété numérique au quotidien', edition: '2023 Marseille',
      themes: ['Écologie du numérique'], speakers: [{ name: 'Julien Moreau' }], date: '2023-11-02', licence: 'CC0-1.0',
      transcripts: [{ source: 'speech-to-text', cues: cuesOf(['Garder ses appareils plus longtemps.', 'Le reconditionnement des tablettes au collège.'], 10, 100) }],
    });
    await writeItem(store, {
      id: '2025-strasbourg-magazine', kind: 'document', title: 'Le magazine de Numérique en Commun[s] 2025', date: '2025-10-30',
      themes: ['Médiation numérique', 'Communs & souveraineté'], licence: 'Etalab-2.0',
      pages: ['Édito : cinq idées pour un numérique d’intérêt général.', 'Les communs numériques et la souveraineté des collectivités.', 'Ouvrir les données publiques de sa commune.'],
    });
    await writeItem(store, {
      id: '2025-strasbourg-pitch-reemploi', kind: 'pitch', title: 'Une seconde vie pour les tablettes', date: '2025-10-30',
      themes: ['Écologie du numérique'], speakers: [{ name: 'Inès Karaca', organisation: 'Atelier Réemploi Solidaire' }],
    });
    // A value built to break a filter that would be concatenated: it must only ever match itself.
    await writeItem(store, {
      id: '2022-nantes-injection', kind: 'workshop', title: 'Atelier aux guillemets', edition: '2022 Nantes', date: '2022-03-01',
      themes: ['x" OR kind = "talk', 'a\\', 'Théma \\" OR 1=1'],
      transcripts: [{ cues: cuesOf(['Un atelier sur les guillemets et les barres obliques.']) }],
    });
    const summary = await new SearchIndexer(store, index).reindex();
    expect(summary).toMatchObject({ items: 6, problems: [] });
    search = new SearchService(index);
  });

  afterAll(async () => {
    await meili?.stop();
  });

  it('applies its settings once: a second boot finds them in place and changes nothing', async () => {
    const again = meili.connect();
    expect(await again.open()).toMatchObject({ version: '1.21.0', settingsUpdated: false });
    await again.close();
  });

  it('finds a spoken passage with its second and a deep link that opens the player there', async () => {
    // The service gives the second; the site's link to it is built from that (src/http/urls.ts).
    const result = withUrls(await search.search({ q: 'fracture numérique' }), 'fr');
    expect(result.items[0]?.id).toBe('2025-strasbourg-mediation-et-ia');
    const passage = result.items[0]?.passages[0];
    expect(passage).toMatchObject({ source: 'captions-reviewed', page: null, language: 'fr' });
    // Said in the passage's last cue (755–760 s) of 740–760 s: the link opens at the words.
    expect(passage).toMatchObject({ start: 755, end: 760, passageStart: 740, passageEnd: 760 });
    expect(passage?.url).toBe('/talks/2025-strasbourg-mediation-et-ia?t=755');
    expect(passage?.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(['fracture', 'numérique']));
    expect(passage?.text).toContain('fracture numérique');
  });

  it('finds a document page with ?page=, and a podcast with ?t=', async () => {
    const page = withUrls(await search.search({ q: 'données publiques commune' }), 'fr');
    const magazine = page.items.find((i) => i.id === '2025-strasbourg-magazine');
    expect(magazine?.passages[0]).toMatchObject({ source: 'pdf', page: 3, start: null, url: '/documents/2025-strasbourg-magazine?page=3' });
    const podcast = withUrls(await search.search({ q: 'reconditionnement tablettes' }), 'fr').items.find((i) => i.kind === 'podcast');
    // The words are in the second cue (110–120 s) of the passage that starts at 100 s.
    expect(podcast?.passages[0]).toMatchObject({ source: 'speech-to-text', start: 110, passageStart: 100, url: '/podcasts/2023-marseille-podcast-sobriete?t=110' });
  });

  it('ignores accents and forgives typos', async () => {
    expect(ids(await search.search({ q: 'mediation numerique' }))[0]).toBe('2025-strasbourg-mediation-et-ia');
    expect(ids(await search.search({ q: 'reconditionemment' }))).toContain('2023-marseille-podcast-sobriete');
    expect(ids(await search.search({ q: 'acessibilite' }))).toContain('2024-lyon-accessibilite');
  });

  it('knows the field’s synonyms, both ways', async () => {
    expect(ids(await search.search({ q: 'intelligence artificielle générative' }))).toContain('2025-strasbourg-mediation-et-ia');
    const ia = await search.search({ q: 'IA' });
    expect(ids(ia)).toContain('2025-strasbourg-mediation-et-ia');
    expect(ids(await search.search({ q: 'NEC' }))).toContain('2025-strasbourg-magazine');
    expect(ids(await search.search({ q: 'LSF' }))).toContain('2024-lyon-accessibilite');
    expect(ids(await search.search({ q: 'chatbot' }))).toContain('2025-strasbourg-mediation-et-ia');
    expect(ids(await search.search({ q: 'mediation numerique IA' }))[0]).toBe('2025-strasbourg-mediation-et-ia');
  });

  it('finds items by title and speaker even without any text', async () => {
    const pitch = await search.search({ q: 'Inès Karaca' });
    expect(ids(pitch)).toEqual(['2025-strasbourg-pitch-reemploi']);
    expect(pitch.items[0]?.passages).toEqual([]);
    const titled = await search.search({ q: 'seconde vie' });
    expect(titled.items[0]?.titleParts.some((p) => p.match)).toBe(true);
  });

  it('filters by facets and counts items (not passages) per facet value', async () => {
    const all = await search.search({ q: '' });
    expect(all.total).toBe(6);
    expect(all.facets.edition).toMatchObject({ '2025 Strasbourg': 3, '2024 Lyon': 1, '2023 Marseille': 1, '2022 Nantes': 1 });
    expect(all.facets.kind).toMatchObject({ talk: 1, podcast: 1, document: 1, pitch: 1, 'round-table': 1, workshop: 1 });
    const text = await search.search({ q: 'numérique' });
    expect(Object.values(text.facets.kind ?? {}).reduce((a, b) => a + b, 0)).toBe(text.total);

    const themed = await search.search({ q: '', filters: { theme: 'Médiation numérique', year: '2025' } });
    expect(ids(themed).sort()).toEqual(['2025-strasbourg-magazine', '2025-strasbourg-mediation-et-ia']);
    const either = await search.search({ q: '', filters: [['kind', 'podcast'], ['kind', 'document']] });
    expect(ids(either).sort()).toEqual(['2023-marseille-podcast-sobriete', '2025-strasbourg-magazine']);
    expect(ids(await search.search({ q: '', filters: { edition: '2024-lyon' } }))).toEqual(['2024-lyon-accessibilite']);
    expect(ids(await search.search({ q: '', filters: { speaker: 'claire-vasseur' } }))).toEqual(['2025-strasbourg-mediation-et-ia']);
    expect(ids(await search.search({ q: '', filters: { signLanguage: 'oui' } }))).toEqual(['2024-lyon-accessibilite']);
    expect(ids(await search.search({ q: '', filters: { transcript: 'automatic' } }))).toEqual(['2023-marseille-podcast-sobriete']);
    // A recording without transcript is flagged; the magazine has no speech and is not among them.
    expect(ids(await search.search({ q: '', filters: { transcript: 'none' } }))).toEqual(['2025-strasbourg-pitch-reemploi']);
    await expect(search.search({ q: '', filters: { licence: 'cc1' } })).rejects.toThrow(/licence: "cc1" is not a known licence/);
    expect(ids(await search.search({ q: '', filters: { licence: 'CC0 1.0' } }))).toEqual(['2023-marseille-podcast-sobriete']);
    expect(ids(await search.search({ q: 'guichet', filters: { kind: 'podcast' } }))).toEqual([]);
  }, 20_000);

  it('counts each active facet without its own filter, the others with every filter', async () => {
    const request = { q: '', filters: { kind: 'talk', theme: 'Médiation numérique' } };
    const plain = await search.search(request);
    const counted = await search.searchWithOwnFacetCounts(request);
    expect(ids(counted)).toEqual(['2025-strasbourg-mediation-et-ia']);
    expect({ ...counted, facets: {} }).toEqual({ ...plain, facets: {} });
    expect(plain.facets.kind).toEqual({ talk: 1 });
    // « Document » stays offered beside the checked « Conférence »: one more item with the theme.
    expect(counted.facets.kind).toEqual({ talk: 1, document: 1 });
    expect(counted.facets.theme).toEqual({ 'Médiation numérique': 1, 'Données & IA': 1 });
    expect(counted.facets.edition).toEqual(plain.facets.edition);
    // Without filters it is the plain search.
    expect(await search.searchWithOwnFacetCounts({ q: 'numérique' })).toEqual(await search.search({ q: 'numérique' }));
    await expect(search.searchWithOwnFacetCounts({ q: '', filters: { kind: 'film' } })).rejects.toThrow(SearchRequestError);
  });

  it('sorts by date either way, and by relevance by default', async () => {
    const newest = await search.search({ q: '', sort: 'date-desc' });
    expect(ids(newest).slice(-2)).toEqual(['2023-marseille-podcast-sobriete', '2022-nantes-injection']);
    const oldest = await search.search({ q: 'numérique', sort: 'date-asc' });
    const days = oldest.items.map((i) => i.date ?? '');
    expect(days).toEqual([...days].sort());
    expect(newest.sort).toBe('date-desc');
  });

  it('pages through results, and answers a page far past the end with an empty page', async () => {
    const first = await search.search({ q: '', hitsPerPage: 4 });
    const second = await search.search({ q: '', hitsPerPage: 4, page: 2 });
    expect([first.items.length, second.items.length, first.pageCount]).toEqual([4, 2, 2]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(6);
    for (const page of [3, 1_000_000, '99999999999999999999999']) {
      const beyond = await search.search({ q: 'numérique', page });
      expect(beyond.items).toEqual([]);
      expect(beyond.total).toBeGreaterThan(0);
    }
    await expect(search.search({ q: 'x', page: 0 })).rejects.toThrow(SearchRequestError);
    await expect(search.search({ q: 'x', page: '-1' })).rejects.toThrow(/page: "-1" is not a whole number/);
    await expect(search.search({ q: 'x', hitsPerPage: 500 })).rejects.toThrow(/at most 50/);
  });

  it('never lets a facet value become filter syntax', async () => {
    for (const attack of ['x" OR kind = "talk', 'talk" OR "1" = "1', 'a\\', '\\" OR year = 2025 OR "', ') OR (kind = talk', 'Théma \\" OR 1=1']) {
      const result = await search.search({ q: '', filters: { theme: attack } });
      expect(ids(result), attack).toEqual(['x" OR kind = "talk', 'a\\', 'Théma \\" OR 1=1'].includes(attack) ? ['2022-nantes-injection'] : []);
    }
    await expect(search.search({ q: '', filters: { kind: 'talk" OR kind = "podcast' } })).rejects.toThrow(/kind: .* is not one of/);
    await expect(search.search({ q: '', filters: { year: '2025 OR 1=1' } })).rejects.toThrow(/not a year/);
  });

  it('refuses unknown facets, naming them and the known ones', async () => {
    const error = await search.search({ q: 'x', filters: { colour: 'blue', 'kind = talk OR id': 'x', theme: 'ok' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchRequestError);
    expect((error as SearchRequestError).messages).toEqual([
      'unknown filter "colour"; known filters: edition, year, theme, kind, speaker, language, licence, captions, reviewedTranscript, audioDescription, signLanguage, easyRead, transcript',
      expect.stringMatching(/^unknown filter "kind = talk OR id"/),
    ]);
    expect((error as SearchRequestError).code).toBe('search_invalid');
  });

  it('searches the first 10 words of a long query and says which were left out', async () => {
    const words = 'fracture numérique guichet agents accueil robot courriers permanences outils générative tablettes collège reconditionnement';
    const result = await search.search({ q: words });
    expect(result.limited).toMatchObject({ reason: 'too-many-words', dropped: ['tablettes', 'collège', 'reconditionnement'] });
    expect(result.limited?.searched).toBe('fracture numérique guichet agents accueil robot courriers permanences outils générative');
    expect(result.items[0]?.id).toBe('2025-strasbourg-mediation-et-ia');
    // Stop words (la, les, le) do not count: "permanences" is the 11th word that does.
    const counted = await search.search({ q: 'la fracture de la médiation et les agents de la ville pour le guichet des permanences' });
    expect(counted.limited?.dropped).toEqual(['permanences']);
    expect((await search.search({ q: 'le la les fracture' })).limited).toBeNull();
  });

  it('answers 1,000-character queries and control characters without failing', async () => {
    const long = await search.search({ q: 'numérique '.repeat(100) });
    expect(long.limited?.reason).toBe('too-long');
    expect(long.total).toBeGreaterThan(0);
    const oneWord = await search.search({ q: 'x'.repeat(1000) });
    expect(oneWord.total).toBe(0);
    const controls = await search.search({ q: 'fracture\u0000\u001b[31m numérique\u0007\uE000' });
    expect(controls.query).toBe('fracture [31m numérique');
    expect(controls.items[0]?.id).toBe('2025-strasbourg-mediation-et-ia');
  });

  it('gives snippets that render safely: matches as parts, every part escaped', async () => {
    await writeItem(store, {
      id: '2025-strasbourg-markup', kind: 'talk', title: 'Balises <script>alert(1)</script>',
      transcripts: [{ cues: cuesOf(['Un passage en <b>gras</b> avec des balises & « esperluette » pour le markup.']) }],
    });
    await new SearchIndexer(store, index).indexItem('2025-strasbourg-markup');
    const result = await search.search({ q: 'balises markup' });
    const passage = result.items.find((i) => i.id === '2025-strasbourg-markup')?.passages[0];
    expect(passage?.text).toContain('<b>gras</b> avec des balises &');
    const html = snippetHtml(passage?.snippet ?? []);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;gras&lt;/b&gt; avec des <mark>balises</mark> &amp; « esperluette »');
    await new SearchIndexer(store, index).removeItem('2025-strasbourg-markup');
    expect(ids(await search.search({ q: 'balises markup' }))).not.toContain('2025-strasbourg-markup');
  });
});
