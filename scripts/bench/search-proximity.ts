/**
 * An experiment for table 2, run alone (`npx tsx scripts/bench/search-proximity.ts [--short]`):
 * the site's search design (v2) on the synthetic archive with Meilisearch's default proximity
 * (`byWord`: the distance between matched words) and then with `proximityPrecision: byAttribute`
 * (only whether they share an attribute), on the same server and the same indexes, changed in
 * place. It prints the latency of SearchService.search, how the answers differ (totals, facet
 * counts, the first 20 items), and whether phrase queries ("…") still find only passages
 * holding the phrase. Measured, never asserted; nothing here is used by the site.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { startLocalMeilisearch } from '../../src/adapters/search-index/meilisearch-process.js';
import { table } from '../../src/cli/format.js';
import { SearchService, type SearchResult } from '../../src/services/search/search-service.js';
import type { SearchRequest } from '../../src/services/search/search-request.js';
import { benchQueries, compareAnswers, measure, stats, syntheticArchive } from './search-bench.js';

const PHRASES = ['personnes âgées', 'médiation numérique', 'quartiers prioritaires', 'crise sanitaire', 'logiciels libres', 'agents d’accueil', 'élus locaux', 'numérique responsable'];
const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’']/g, ' ').toLowerCase().replace(/\s+/g, ' ');

const { values } = parseArgs({ options: { short: { type: 'boolean' } } });
const [items, passages] = values.short ? [200, 20_000] : [2_000, 400_000];
const dataDir = mkdtempSync(path.join(tmpdir(), 'mc-proximity-'));
const server = await startLocalMeilisearch({ dataDir });
const index = new MeilisearchIndex({ url: server.url, apiKey: server.apiKey, mode: 'own' });
const service = new SearchService(index);
const requests = benchQueries();
const phraseRequests: SearchRequest[] = PHRASES.map((phrase) => ({ q: `"${phrase}"`, filters: {} }));

async function run(label: string): Promise<{ row: string[]; answers: SearchResult[]; phrases: SearchResult[] }> {
  const answers: SearchResult[] = [];
  for (const request of requests) answers.push(await service.search(request)); // warm, and kept to compare
  const sequential = await measure(requests.length, 3, 1, (i) => service.search(requests[i] as SearchRequest));
  const concurrent = await measure(requests.length, 2, 8, (i) => service.search(requests[i] as SearchRequest));
  const phrases: SearchResult[] = [];
  for (const request of phraseRequests) phrases.push(await service.search({ ...request, filters: {} }));
  const [p50, p95, p99] = stats(sequential);
  const [c50, c95] = stats(concurrent);
  return { row: [label, `${p50.toFixed(1)} / ${p95.toFixed(1)} / ${p99.toFixed(1)}`, `${c50.toFixed(1)} / ${c95.toFixed(1)}`], answers, phrases };
}

/** Phrase answers: items found, and passages shown that do not hold the phrase. */
function phraseCheck(results: SearchResult[]): string {
  let loose = 0;
  let shown = 0;
  results.forEach((result, i) => {
    const phrase = folded(PHRASES[i] as string);
    for (const item of result.items) for (const passage of item.passages) {
      shown++;
      if (!folded(passage.text).includes(phrase)) loose++;
    }
  });
  return `${results.map((r) => r.total).join(' ')} items; ${loose}/${shown} passages shown without the phrase`;
}

try {
  await index.open();
  let started = performance.now();
  await index.rebuild(syntheticArchive(items, passages));
  const indexSeconds = (performance.now() - started) / 1000;
  const before = await run('byWord (default, what the site runs)');

  started = performance.now();
  const headers = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
  for (const uid of ['items', 'chunks', 'segments']) {
    const task = (await (await fetch(`${server.url}/indexes/${uid}/settings`, { method: 'PATCH', headers, body: JSON.stringify({ proximityPrecision: 'byAttribute' }) })).json()) as { taskUid: number };
    for (;;) {
      const state = (await (await fetch(`${server.url}/tasks/${task.taskUid}`, { headers })).json()) as { status: string; error?: unknown };
      if (state.status === 'succeeded') break;
      if (state.status === 'failed' || state.status === 'canceled') throw new Error(`${uid}: ${JSON.stringify(state.error)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const settingSeconds = (performance.now() - started) / 1000;
  const after = await run('byAttribute');
  const compared = compareAnswers(before.answers, after.answers);

  console.log(`Synthetic archive ${items} items / ${passages} passages; v2 built in ${indexSeconds.toFixed(1)} s, byAttribute applied in place in ${settingSeconds.toFixed(1)} s; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  console.log(table(['proximity precision', 'sequential p50 / p95 / p99 ms', '8 concurrent p50 / p95 ms', 'totals + facets as byWord', 'overlap@20', 'same first item', 'phrase queries'], [
    [...before.row, '–', '–', '–', phraseCheck(before.phrases)],
    [...after.row, `${compared.identical}/${requests.length}${compared.cutTies ? ` (+ ${compared.cutTies} ties at a facet’s cut)` : ''}`, compared.overlap.toFixed(2), `${compared.sameFirst}/${compared.withResults}`, phraseCheck(after.phrases)],
  ]));
} finally {
  await index.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
