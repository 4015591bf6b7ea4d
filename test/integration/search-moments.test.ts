import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import type { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { withUrls, type LinkedPassage } from '../../src/http/view-models/api-search.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { SearchService } from '../../src/services/search/search-service.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { freshStore, writeItem } from '../support/search-archive.js';

const ID = '2025-besancon-souverainete';

/**
 * Two passages of a talk (cut at 20–40 s on sentence ends): 100–122.7 s and 123.4–146.2 s.
 * Accented French (é, ç, ’ take 2 or 3 bytes in UTF-8) comes before every word searched.
 */
const CUES: [number, number, string][] = [
  [100, 104.2, 'Bonjour à toutes et à tous, élus, élues, ça démarre : café, thé…'],
  [104.2, 109.5, 'Élus, agents et médiatrices, écoutez bien :'],
  [109.5, 113, 'la ville a créé un réseau d’entraide'],
  [113, 118.5, 'pour les habitants éloignés d’Hérimoncourt'],
  [118.5, 122.7, 'et notre sujet : la souveraineté numérique des territoires.'],
  [123.4, 127.9, 'Concrètement, cela se joue dans les choix.'],
  [127.9, 133, 'La souveraineté passe par l’intelligence artificielle'],
  [133, 140, 'hébergée chez nous, avec des compétences.'],
  [140, 146.2, 'Merci de votre écoute.'],
];

/** A real Meilisearch and the search service: a link opens at the cue where the words are said. */
describe('search links open at the second the words are said', () => {
  let meili: TestMeili;
  let store: FsBlobStore;
  let index: MeilisearchIndex;
  let search: SearchService;
  const passages = async (q: string): Promise<LinkedPassage[]> => withUrls(await search.search({ q }), 'fr').items.find((i) => i.id === ID)?.passages ?? [];
  const where = (p: LinkedPassage | undefined): unknown[] => [p?.start, p?.end, p?.passageStart, p?.passageEnd];

  beforeAll(async () => {
    meili = await startTestMeili();
    store = freshStore();
    index = meili.connect();
    await index.open();
    await writeItem(store, { id: ID, kind: 'talk', title: 'Communs et territoires', transcripts: [{ cues: CUES }] });
    await writeItem(store, { id: '2025-besancon-autre', kind: 'podcast', title: 'Autre chose', transcripts: [{ cues: [[0, 5, 'Rien à voir ici.']] }] });
    expect(await new SearchIndexer(store, index).reindex()).toMatchObject({ items: 2, problems: [] });
    search = new SearchService(index);
  });

  afterAll(async () => {
    await meili?.stop();
  });

  it('gives the start of the passage’s last cue when the words are said there, the passage bounds beside it', async () => {
    const [best, other] = await passages('souveraineté numérique territoires');
    expect(where(best)).toEqual([118.5, 122.7, 100, 122.7]);
    expect(best?.url).toBe(`/talks/${ID}?t=118`);
    // The second passage comes from the second round trip: matched here, in its own text.
    expect(where(other)).toEqual([127.9, 133, 123.4, 146.2]);
    expect(other?.url).toBe(`/talks/${ID}?t=127`);
  });

  it('counts Meilisearch’s byte offsets as bytes: the last word of a cue after accented text stays in its cue', async () => {
    const text = CUES.slice(0, 5).map((c) => c[2]).join(' ');
    // In characters, this word's byte offset would already be in the next cue.
    expect(Buffer.byteLength(text.slice(0, text.indexOf('Hérimoncourt')))).toBeGreaterThan(text.indexOf('et notre sujet'));
    expect(where((await passages('Hérimoncourt'))[0])).toEqual([113, 118.5, 100, 122.7]);
  });

  it('follows what Meilisearch matched: typos, synonyms, not stop words', async () => {
    const typo = await passages('souvrainete');
    expect(typo.map((p) => [p.passageStart, p.start])).toEqual(expect.arrayContaining([[100, 118.5], [123.4, 127.9]]));
    // "IA" is found as "intelligence artificielle", said in the second passage's second cue.
    expect(where((await passages('IA hébergée'))[0])).toEqual([127.9, 133, 123.4, 146.2]);
    // "la" is a stop word: "la ville" (109.5 s) is not where the link opens.
    const stop = await passages('la souveraineté');
    expect(stop.find((p) => p.passageStart === 100)?.start).toBe(118.5);
  });

  it('opens at the passage start with an index built before time marks, without failing', async () => {
    const headers = { Authorization: `Bearer ${meili.apiKey}`, 'Content-Type': 'application/json' };
    const url = `${meili.url}/indexes/segments/documents`;
    const fetched = (await (await fetch(`${url}/fetch`, { method: 'POST', headers, body: JSON.stringify({ filter: `itemId = "${ID}"`, limit: 100 }) })).json()) as { results: Record<string, unknown>[] };
    expect(fetched.results.some((d) => Array.isArray(d.marks) && d.marks.length > 0)).toBe(true);
    const old = fetched.results.map(({ marks: _marks, ...rest }) => rest);
    const task = (await (await fetch(url, { method: 'POST', headers, body: JSON.stringify(old) })).json()) as { taskUid: number };
    for (let status = ''; status !== 'succeeded';) {
      status = ((await (await fetch(`${meili.url}/tasks/${task.taskUid}`, { headers })).json()) as { status: string }).status;
      expect(status).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const [best, other] = await passages('souveraineté numérique territoires');
    expect(where(best)).toEqual([100, 122.7, 100, 122.7]);
    expect(where(other)).toEqual([123.4, 146.2, 123.4, 146.2]);
    expect(best?.url).toBe(`/talks/${ID}?t=100`);
  });
});
