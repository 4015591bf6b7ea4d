import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { SearchService } from '../../src/services/search/search-service.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { freshStore, writeItem } from '../support/search-archive.js';

const ID = '2025-strasbourg-journee-entiere';
const HOURS = 5;
const CUE_SECONDS = 4;

/**
 * A five-hour recording: ~60,000 words in 4,500 punctuated sentences. Meilisearch indexes at most
 * 65,535 positions per attribute (a sentence end costs 8), so a talk held in one attribute loses
 * its last hours without a word said; its last words must be found like its first.
 */
describe('a five-hour transcript', () => {
  let meili: TestMeili;
  let index: MeilisearchIndex;
  let search: SearchService;
  const subjects = ['la médiation', 'les communs', 'la sobriété', 'les données', 'l’accessibilité', 'les tiers-lieux', 'la formation', 'les archives'];
  const places = ['en bibliothèque', 'au guichet', 'dans les quartiers', 'à la campagne', 'au collège', 'en mairie'];

  beforeAll(async () => {
    meili = await startTestMeili();
    const store = freshStore();
    const cues: [number, number, string][] = [];
    const count = (HOURS * 3600) / CUE_SECONDS;
    for (let i = 0; i < count - 1; i++) {
      cues.push([i * CUE_SECONDS, (i + 1) * CUE_SECONDS, `Phrase ${i} : nous parlons de ${subjects[i % subjects.length]} ${places[i % places.length]}, avec les habitants et leurs associations.`]);
    }
    cues.push([(count - 1) * CUE_SECONDS, count * CUE_SECONDS, 'Pour finir, les papillons azurés du Vercors nous remercient.']);
    const words = cues.reduce((sum, [, , text]) => sum + (text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
    expect(words).toBeGreaterThan(50_000);
    await writeItem(store, { id: ID, kind: 'talk', title: 'Une journée entière', transcripts: [{ cues }] });
    await writeItem(store, { id: '2025-strasbourg-court', kind: 'podcast', title: 'Un court podcast', transcripts: [{ cues: [[0, 5, 'Les papillons de nuit.']] }] });
    index = meili.connect();
    await index.open();
    expect(await new SearchIndexer(store, index).reindex()).toMatchObject({ items: 2, problems: [] });
    search = new SearchService(index);
  }, 300_000);

  afterAll(async () => {
    await meili?.stop();
  });

  it('finds its last words, counted and linked at the second they are said', async () => {
    const result = await search.search({ q: 'azurés Vercors' });
    expect(result.total).toBe(1);
    expect(result.facets.kind).toEqual({ talk: 1 });
    expect(result.items.map((i) => i.id)).toEqual([ID]);
    const passage = result.items[0]?.passages[0];
    expect(passage?.start).toBe(HOURS * 3600 - CUE_SECONDS);
    expect(passage?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['azurés', 'Vercors']);
    // Counted by the counting index under a filter as well, beside the podcast that shares a word.
    expect((await search.search({ q: 'papillons', filters: { kind: ['talk', 'podcast'] } })).total).toBe(2);
    expect((await search.search({ q: 'Vercors', filters: { kind: 'talk' } })).facets.kind).toEqual({ talk: 1 });
  });

  it('spreads the item’s text over several attributes of the counting index', async () => {
    const response = await fetch(`${meili.url}/indexes/items/documents/${ID}`, { headers: { Authorization: `Bearer ${meili.apiKey}` } });
    const document = (await response.json()) as Record<string, unknown>;
    const attributes = Object.keys(document).filter((k) => /^text_\d+$/.test(k));
    expect(attributes.length).toBeGreaterThan(1);
    expect((document[attributes[attributes.length - 1] as string] as string[]).at(-1)).toContain('Vercors');
  });
});
