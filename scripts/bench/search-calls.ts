/**
 * An experiment for table 2, run alone (`npx tsx scripts/bench/search-calls.ts [--short]`): where
 * a search's CPU goes in Meilisearch. The five calls the site made until the words matched were
 * found locally (counting, ranking; then the words matched, each item's best passage, the page's
 * next best; the third is now gone) of each of the bench's 200 queries are
 * prepared, then each kind is sent alone, 8 at a time, twice through the queries: its latency and
 * Meilisearch's CPU per call (from /proc). Measured, never asserted; nothing here is used by the site.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { firstRequests, passageRequests, type SearchBody } from '../../src/adapters/search-index/meili-search.js';
import { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { startLocalMeilisearch } from '../../src/adapters/search-index/meilisearch-process.js';
import { table } from '../../src/cli/format.js';
import type { IndexQuery } from '../../src/ports/search-index.js';
import { benchQueries, callOf, cpuSecondsOf, indexQueryOf, measure, rawPost, stats, syntheticArchive } from './search-bench.js';

const KINDS = ['counting (items, facets)', 'ranking (chunks, distinct)', 'words matched (5 formatted)', 'best passage per item (distinct)', 'next best of the page'] as const;

const [items, passages] = process.argv.includes('--short') ? [200, 20_000] : [2_000, 400_000];
const dataDir = mkdtempSync(path.join(tmpdir(), 'mc-calls-'));
const server = await startLocalMeilisearch({ dataDir });
const index = new MeilisearchIndex({ url: server.url, apiKey: server.apiKey, mode: 'own' });
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const cpuSeconds = (): number => cpuSecondsOf(server.pid as number);
const call = (body: SearchBody): Promise<unknown> => {
  const { path: pathName, body: json } = callOf(body);
  return rawPost(agent, server.url, server.apiKey, pathName, json);
};
try {
  await index.open();
  await index.rebuild(syntheticArchive(items, passages));
  const queries: IndexQuery[] = benchQueries().map((request) => indexQueryOf(request, index.limits));
  // Each query's five calls (fewer when its page is empty), as the site sends them.
  const calls: SearchBody[][] = KINDS.map(() => []);
  for (const query of queries) {
    const [count, ranking] = firstRequests(query) as [SearchBody, SearchBody];
    const page = (await call(ranking)) as { hits: { item: { id: string } }[] };
    const second = passageRequests(query, page.hits.map((h) => h.item.id), true);
    [count, ranking, ...second].forEach((body, kind) => calls[kind]?.push(body));
  }
  const rows: string[][] = [];
  let total = 0;
  for (const [kind, bodies] of calls.entries()) {
    for (const body of bodies) await call(body); // warm
    const before = cpuSeconds();
    const times = await measure(bodies.length, 2, 8, (i) => call(bodies[i] as SearchBody));
    const cpuMs = ((cpuSeconds() - before) * 1000) / (bodies.length * 2);
    total += (cpuMs * bodies.length) / queries.length;
    const [p50, p95] = stats(times);
    rows.push([KINDS[kind] ?? '?', String(bodies.length), `${p50.toFixed(1)} / ${p95.toFixed(1)}`, cpuMs.toFixed(2)]);
  }
  console.log(`${items} items, ${passages} passages; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  console.log(table(['call, sent alone 8 at a time', 'queries with it', 'latency p50 / p95 ms', 'Meilisearch CPU per call, ms'], rows));
  console.log(`\nMeilisearch CPU per search, the five calls added up: ${total.toFixed(1)} ms`);
} finally {
  agent.destroy();
  await index.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
