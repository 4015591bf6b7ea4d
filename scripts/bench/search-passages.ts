/**
 * An experiment for table 2, run alone (`npx tsx scripts/bench/search-passages.ts [--short]`):
 * the search's second round trip as the site sent it until Dec. 2026 (A: the words matched, each item's best
 * passage with `distinct`, the page's next best passages) against B: the words matched and the
 * page's best passages only, then each item's best passage asked only for the items of the page
 * that got none (a third round trip when needed). Whole searches (both round trips) sent raw over
 * node:http on the v2 indexes of the synthetic archive, interleaved, then 8 at a time; the
 * passages each item gets are compared. Measured, never asserted; nothing here is used by the site.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { firstRequests, passageRequests, type SearchBody } from '../../src/adapters/search-index/meili-search.js';
import { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { startLocalMeilisearch } from '../../src/adapters/search-index/meilisearch-process.js';
import type { IndexQuery } from '../../src/ports/search-index.js';
import { benchQueries, indexQueryOf, measure, rawPost, stats, syntheticArchive } from './search-bench.js';

const [items, passages] = process.argv.includes('--short') ? [200, 20_000] : [2_000, 400_000];
const dataDir = mkdtempSync(path.join(tmpdir(), 'mc-exp-'));
const server = await startLocalMeilisearch({ dataDir });
const index = new MeilisearchIndex({ url: server.url, apiKey: server.apiKey, mode: 'own' });
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
type Hit = { id: string; itemId: string };
const post = async (queries: SearchBody[]): Promise<{ hits: Hit[] }[]> => ((await rawPost(agent, server.url, server.apiKey, '/multi-search', JSON.stringify({ queries }))) as { results: { hits: Hit[] }[] }).results;
try {
  await index.open();
  await index.rebuild(syntheticArchive(items, passages));
  const queries: IndexQuery[] = benchQueries().map((request) => indexQueryOf(request, index.limits));
  let fallbacks = 0;
  let differing = 0;
  /** Per item, its passages in the order shapeSearch takes them. */
  const lists = (ids: string[], best: Hit[], more: Hit[], n: number): string => ids.map((id) => {
    const seen = new Set<string>();
    return [...best, ...more].filter((h) => h.itemId === id && !seen.has(h.id) && seen.add(h.id)).slice(0, n).map((h) => h.id).join(',');
  }).join('|');
  /** The first round trip, as the site sends it: the page's items and the second round trip's requests. */
  const firstRound = async (i: number): Promise<{ query: IndexQuery; ids: string[]; second: SearchBody[] }> => {
    const query = queries[i] as IndexQuery;
    const [, ranking] = await post(firstRequests(query));
    const ids = (ranking?.hits ?? []).map((h) => (h as unknown as { item: { id: string } }).item.id);
    return { query, ids, second: passageRequests(query, ids, true) };
  };
  const variantA = async (i: number): Promise<string> => {
    const { query, ids, second } = await firstRound(i);
    if (second.length === 0) return '';
    const [, best, more] = await post(second);
    return lists(ids, best?.hits ?? [], more?.hits ?? [], query.passagesPerItem);
  };
  const variantB = async (i: number): Promise<string> => {
    const { query, ids, second } = await firstRound(i);
    if (second.length === 0) return '';
    const terms = second[0] as SearchBody;
    const best = second[1] as SearchBody;
    const more = (second[2] ?? { ...best, distinct: undefined }) as SearchBody;
    const [, moreAnswer] = await post([terms, more]);
    const moreHits = moreAnswer?.hits ?? [];
    const missing = ids.filter((id) => !moreHits.some((h) => h.itemId === id));
    let bestHits: Hit[] = [];
    if (missing.length > 0) {
      fallbacks++;
      const filter = String(best.filter).replace(/itemId IN \[[^\]]*\]/, `itemId IN [${missing.map((id) => JSON.stringify(id)).join(', ')}]`);
      [{ hits: bestHits }] = (await post([{ ...best, filter, limit: missing.length }])) as [{ hits: Hit[] }];
    }
    return lists(ids, bestHits, moreHits, query.passagesPerItem);
  };
  for (let i = 0; i < queries.length; i++) if ((await variantA(i)) !== (await variantB(i))) differing++;
  const warmFallbacks = fallbacks;
  const seq = { A: [] as number[], B: [] as number[] };
  for (let round = 0; round < 3; round++) for (let i = 0; i < queries.length; i++) {
    for (const side of (round + i) % 2 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
      const t0 = performance.now();
      await (side === 'A' ? variantA : variantB)(i);
      seq[side].push(performance.now() - t0);
    }
  }
  const conc = { A: await measure(queries.length, 2, 8, variantA), B: await measure(queries.length, 2, 8, variantB) };
  const f = (l: number[]) => stats(l).map((v) => v.toFixed(1)).join(' / ');
  console.log(`${items} items / ${passages} passages, ${queries.length} queries; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`A terms+best+more: seq ${f(seq.A)}  conc8 ${f(conc.A)}`);
  console.log(`B terms+more (+best for missing): seq ${f(seq.B)}  conc8 ${f(conc.B)}`);
  console.log(`queries whose passages differ: ${differing}/${queries.length}; needing the fallback: ${warmFallbacks}/${queries.length}`);
} finally {
  agent.destroy();
  await index.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
