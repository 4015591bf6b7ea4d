import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { fold, foldKeepingLength, highlightParts, MATCH_END, MATCH_START, termMatches } from '../../src/adapters/search-index/meili-highlight.js';
import { firstRequests, matchedWords, pageItems, passageRequests, shapeSearch, type FirstAnswer, type SearchBody, type SegmentHit } from '../../src/adapters/search-index/meili-search.js';
import type { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import type { IndexEntry } from '../../src/ports/search-index.js';
import { readManifests } from '../../src/services/archive/manifests.js';
import { indexEntryOf } from '../../src/services/search/documents.js';
import { SearchService } from '../../src/services/search/search-service.js';
import type { SearchRequest } from '../../src/services/search/search-request.js';
import { benchQueries, indexQueryOf, syntheticArchive } from '../../scripts/bench/search-bench.js';
import { readSampleTimeline } from '../../scripts/sample/texts.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { ensureSampleArchive } from '../support/sample-archive.js';
import { freshStore, writeItem } from '../support/search-archive.js';

/**
 * The words a search marks (and the second each passage opens at) are found here by
 * Meilisearch's matching rules (meili-derivations.ts), where a third request used to ask
 * Meilisearch to highlight the best five passages. Held against Meilisearch itself: for every
 * query, it highlights every passage and title shown, and
 *  - every word it marks there is marked here (none missed: typos, prefixes, synonyms, phrases);
 *  - every word found here beyond the query's own is one it marks there (none invented);
 *  - every word the way before marked is still marked, so a passage opens at the same second or
 *    earlier, where it says a word Meilisearch matched that the best five passages did not hold.
 */

/** Transcripts as speech-to-text writes them: the field's words, misspelt, joined, split, in synonyms. */
const CRAFTED: [string, string][] = [
  ['2026-essai-typos', 'La médiaton numérique et l’acessibilité des servcies, l’inclussion et les numériques. Les numérque aussi.'],
  ['2026-essai-synonymes', 'L’IA et l’intelligence artificielle, l’open data, l’opendata et les données ouvertes. La LSF, la langue des signes française.'],
  ['2026-essai-sigles', 'Les CNFS, conseillers numériques, et les EPN, espaces publics numériques. Le FALC : facile à lire et à comprendre.'],
  ['2026-essai-nombres', 'En 2024 puis 2025, le plan 2026 et ses 20 mesures ; la e-administration, les démarches en ligne.'],
  ['2026-essai-souverainete', 'La souveraineté, la souverainete, la souvrainete et la souverainté numériques des territoires ; l’autonomie.'],
];

const CRAFTED_QUERIES = [
  'mediaton', 'acessibilité', 'reconditionement', 'souvrainete', 'inclsuion', 'numérqiue', 'illectronsime', 'cybersécurité', 'sevrices',
  'numéri', 'médiation num', 'accessib', 'tiers', 'inclu', 'souv', 'nu',
  'IA', 'NEC', 'LSF', 'FALC', 'open data', 'opendata', 'CNFS', 'EPN', 'chatbot', 'démarches en ligne', 'intelligence artificielle', 'langue des signes',
  '"fracture numérique"', '"agents d’accueil" mairie', 'numérique -inclusion', '2024', 'plan 2025', 'souveraineté la', 'numérique, souveraineté.',
  'e-administration', 'open', 'médiation numérique accessibilité inclusion sobriété communs territoires données ouvertes souveraineté élus',
];

async function* entriesOf(store: FsBlobStore): AsyncIterable<IndexEntry> {
  for await (const manifest of readManifests(store)) yield (await indexEntryOf(manifest, store)).entry;
}

async function* concat<T>(...sources: AsyncIterable<T>[]): AsyncIterable<T> {
  for (const source of sources) yield* source;
}

/** The whole words of `text` Meilisearch marked in `formatted` (a prefix marked marks its word), folded. */
function markedWords(formatted: string): string[] {
  const parts = highlightParts(formatted);
  const text = parts.map((p) => p.text).join('');
  const words: string[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.match) {
      let from = at;
      let to = at + part.text.length;
      while (from > 0 && /[\p{L}\p{N}\p{M}]/u.test(text[from - 1] ?? '')) from--;
      while (to < text.length && /[\p{L}\p{N}\p{M}]/u.test(text[to] ?? '')) to++;
      for (const m of text.slice(from, to).matchAll(/[\p{L}\p{N}\p{M}]+/gu)) words.push(fold(m[0]));
    }
    at += part.text.length;
  }
  return words;
}

/** Whether the local highlighter marks `word` with `terms` (a term of 4 letters or more also as the start of a word). */
const marks = (terms: ReadonlySet<string>, word: string): boolean => termMatches(word, terms).some(([s, e]) => s === 0 && e === word.length);

describe('the words a search marks are those Meilisearch matches', () => {
  let meili: TestMeili;
  let index: MeilisearchIndex;
  const post = async (body: SearchBody): Promise<FirstAnswer> => {
    const { indexUid, ...rest } = body;
    const response = await fetch(`${meili.url}/indexes/${indexUid}/search`, {
      method: 'POST', headers: { Authorization: `Bearer ${meili.apiKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify(rest),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as FirstAnswer;
  };

  beforeAll(async () => {
    meili = await startTestMeili({ inMemory: true });
    index = meili.connect();
    await index.open();
    const crafted = freshStore();
    for (const [id, text] of CRAFTED) {
      const cues = text.split(/(?<=[.;:]) /).map((sentence, i): [number, number, string] => [i * 5, i * 5 + 5, sentence]);
      await writeItem(crafted, { id, kind: 'talk', title: `Essai ${id.slice(11)}`, transcripts: [{ cues }] });
    }
    const sample = new FsBlobStore((await ensureSampleArchive(SHORT_SAMPLE_DIR)).dir);
    await index.rebuild(concat(syntheticArchive(80, 2_400), entriesOf(sample), entriesOf(crafted)));
  }, 600_000);

  afterAll(async () => {
    await meili?.stop();
  });

  it('on the bench’s queries, the sample’s and crafted ones: typos, prefixes, synonyms, phrases, exclusions, numbers', async () => {
    // The sample's words (every 6th), each also with two letters swapped and its last two letters cut.
    const timeline = await readSampleTimeline(SHORT_SAMPLE_DIR);
    const said = [...new Set(timeline.items.flatMap((i) => [i.title, ...i.sentences.map((s) => s.text)]).flatMap((t) => t.match(/[\p{L}]{5,}/gu) ?? []))];
    const sampleQueries = said.filter((_, i) => i % 6 === 0).flatMap((w) => [w, `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`, w.slice(0, -2)]);
    const requests: SearchRequest[] = [...benchQueries().slice(0, 60), ...[...CRAFTED_QUERIES, ...sampleQueries].map((q) => ({ q }))];
    const totals = { queries: 0, passages: 0, sameSecond: 0, earlier: 0, added: 0 };
    for (const request of requests) {
      const query = indexQueryOf(request, index.limits);
      const label = JSON.stringify(request);
      const [, rankingBody] = firstRequests(query);
      const ranking = await post(rankingBody as SearchBody);
      const items = pageItems(ranking);
      const [askedBody, ...bodies] = passageRequests(query, items.map((i) => i.id), true);
      if (!askedBody) continue;
      const [asked, best, more] = await Promise.all([askedBody, ...bodies].map(post));
      const answer = shapeSearch(query, { count: { hits: [] }, ranking, alsoCounted: [] }, { best: best?.hits ?? [], more: more?.hits ?? [] });
      const byId = new Map([...(best?.hits ?? []), ...(more?.hits ?? [])].map((h) => [(h as SegmentHit).id, h as SegmentHit]));
      const shown = answer.hits.flatMap((h) => h.passages.map((p) => byId.get(p.id) as SegmentHit));
      if (shown.length === 0) continue;
      const texts = [...shown.map((h) => h.text ?? ''), ...items.map((i) => i.title)];
      const now = matchedWords(query.q, texts.map(foldKeepingLength));
      const before = matchedWords(query.q, [], asked?.hits ?? []);

      // Meilisearch's own highlighting of every passage shown, whole, title included.
      // (Passages are filtered by item: ids are not filterable.)
      const truth = await post({
        indexUid: 'segments', q: query.q, filter: `itemId IN [${items.map((i) => JSON.stringify(i.id)).join(', ')}]`, limit: 2_000,
        attributesToRetrieve: ['id'], attributesToHighlight: ['text', 'title'], highlightPreTag: MATCH_START, highlightPostTag: MATCH_END,
      });
      const shownIds = new Set(shown.map((h) => h.id));
      const formatted = (truth.hits as { id: string; _formatted?: { text?: string; title?: string } }[]).filter((h) => shownIds.has(h.id));
      expect(formatted, label).toHaveLength(shown.length);
      const meiliWords = new Set(formatted.flatMap((h) => [...markedWords(String(h._formatted?.text ?? '')), ...markedWords(String(h._formatted?.title ?? ''))]));
      for (const word of meiliWords) expect(marks(now, word), `${label}: "${word}", marked by Meilisearch, is not marked here`).toBe(true);
      const own = new Set(matchedWords(query.q, []));
      for (const word of now) if (!own.has(word)) expect(meiliWords.has(word), `${label}: "${word}" is marked here, not by Meilisearch`).toBe(true);
      for (const text of texts) {
        const spans = termMatches(text, now);
        for (const [start, end] of termMatches(text, before)) {
          const covered = spans.some(([s, e]) => s <= start && e >= end);
          expect(covered, `${label}: "${text.slice(start, end)}" was marked before in "${text}"`).toBe(true);
        }
      }

      totals.queries++;
      totals.added += [...now].filter((w) => !before.has(w)).length;
      for (const hit of shown) {
        const text = hit.text ?? '';
        const [first] = termMatches(text, now);
        const [firstBefore] = termMatches(text, before);
        totals.passages++;
        if (first?.[0] === firstBefore?.[0]) totals.sameSecond++;
        else {
          expect(first?.[0] ?? Infinity, `${label}: ${hit.id}`).toBeLessThan(firstBefore?.[0] ?? Infinity);
          totals.earlier++;
        }
      }
    }
    console.info(`matched words: ${JSON.stringify(totals)}`);
    expect(totals.queries).toBeGreaterThan(100);
    // The crafted transcripts do make the two ways differ: the check above is not empty.
    expect(totals.earlier).toBeGreaterThan(0);
  }, 600_000);

  it('answers the same through the adapter, the words asked of Meilisearch or found here, where the passages hold no other form', async () => {
    const asked = new SearchService(meili.connect({ matchedWords: 'asked' }));
    const local = new SearchService(index);
    for (const q of ['médiation numérique', '"fracture numérique"', 'souveraineté', 'communs']) {
      const [a, b] = [await asked.search({ q }), await local.search({ q })];
      expect(b.total).toBe(a.total);
      expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
      expect(b.items.map((i) => i.passages.map((p) => [p.passageStart, p.page, p.start]))).toEqual(a.items.map((i) => i.passages.map((p) => [p.passageStart, p.page, p.start])));
    }
  }, 120_000);
});
