/**
 * Search bench: a synthetic archive (2,000 items and 400,000 French passages; --short: 200 and
 * 20,000), generated in memory and never written to the repository, indexed by each design into
 * the same Meilisearch, then 200 fixed French queries with filters answered by SearchService
 * over each design, side by side:
 *   v1   the earlier design (scripts/bench/search-design-v1.ts): segments with `distinct` and
 *        facets, then the page's items and passages;
 *   v2   the adapter's: counting index + ranking index, then the page's passages, each call
 *        on its own and those of a round trip at once (src/adapters/search-index/meili-search.ts);
 *        with the words matched found here (the site) or asked of Meilisearch (the site before);
 *   raw  v2's very requests (same JSON bodies, prepared in advance) posted straight to
 *        Meilisearch over a keep-alive node:http agent, answers parsed, nothing else.
 * Sequential: 3 rounds, the designs alternating which goes first. 8 concurrent: 8 callers
 * through the 200 queries twice, one design after the other. The answers are compared query by
 * query: total and every facet count identical, the overlap of the first 20 items, the same
 * first item. The load average is printed with the figures: the machine may be shared.
 * Run alone: `npx tsx scripts/bench/search-bench.ts [--short] [--items N --passages N]`;
 * `npm run bench` prints it second.
 */
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism, loadavg } from 'node:os';
import { firstRequests, passageRequests, type SearchBody } from '../../src/adapters/search-index/meili-search.js';
import { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { startLocalMeilisearch } from '../../src/adapters/search-index/meilisearch-process.js';
import { table } from '../../src/cli/format.js';
import { ITEM_KINDS, type ItemKind } from '../../src/domain/item.js';
import { LICENCE_IDS } from '../../src/domain/licence.js';
import type { IndexEntry, IndexQuery, QueryLimits, SegmentDocument } from '../../src/ports/search-index.js';
import { FACET_FIELDS_BY_NAME, FACET_NAMES, parseSearchRequest, type SearchRequest } from '../../src/services/search/search-request.js';
import { SearchService, type SearchResult } from '../../src/services/search/search-service.js';
import { compareCounts, SearchDesignV1 } from './search-design-v1.js';

export interface SearchBenchOptions {
  short: boolean;
  /** Another size than the full (2,000 / 400,000) or short (200 / 20,000) archive. */
  size?: { items: number; passages: number };
  log?: (line: string) => void;
}

/** A fixed sequence: the same archive and queries on every run (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['la médiation numérique', 'la fracture numérique', "l'inclusion numérique", "l'intelligence artificielle", 'les communs numériques', 'la sobriété numérique', "l'accessibilité", 'les données ouvertes', 'la souveraineté numérique', 'le reconditionnement', 'les tiers-lieux', "l'illectronisme", 'la cybersécurité', 'les logiciels libres', 'la dématérialisation', 'les conseillers numériques', "l'éducation aux médias", 'la parentalité numérique', 'les démarches en ligne', 'le numérique responsable'];
const VERBS = ['accompagne', 'transforme', 'questionne', 'fragilise', 'renforce', 'éclaire', 'bouscule', 'relie', 'protège', 'outille', 'rapproche', 'inquiète', 'mobilise', 'simplifie', 'complique'];
const OBJECTS = ['les habitants des quartiers prioritaires', 'les agents d’accueil', 'les personnes âgées', 'les collectivités territoriales', 'les associations de proximité', 'les jeunes en insertion', 'les bibliothèques municipales', 'les familles monoparentales', 'les travailleurs sociaux', 'les élus locaux', 'les permanences rurales', 'les usagers des services publics', 'les enseignants du collège', 'les aidants numériques', 'les structures de l’économie sociale'];
const TAILS = ['depuis la crise sanitaire', 'dans les territoires ruraux', 'au guichet de la mairie', 'grâce aux ateliers collectifs', 'avec des moyens limités', 'sans remplacer l’humain', 'à l’échelle du département', 'dans la durée', 'en lien avec France services', 'avec les réseaux régionaux', 'pendant les permanences', 'malgré la complexité des démarches'];
const THEMES = ['Médiation numérique', 'Données & IA', 'Communs & souveraineté', 'Écologie du numérique', 'Accessibilité', 'Éthique & émancipation', 'Politiques publiques', 'Éducation & jeunesse'];
const CITIES = ['Nantes', 'Lyon', 'Marseille', 'Lille', 'Bordeaux', 'Rennes', 'Grenoble', 'Strasbourg'];
const FIRST = ['Claire', 'Thomas', 'Léa', 'Marc', 'Nadia', 'Paul', 'Julien', 'Amélie', 'Youssef', 'Inès', 'Hugo', 'Marie', 'Ali', 'Jeanne', 'Sophie', 'Karim', 'Émilie', 'Louis', 'Awa', 'Pierre'];
const LAST = ['Vasseur', 'Weber', 'Schmitt', 'Dupont', 'Rahmani', 'Meyer', 'Moreau', 'Fischer', 'Haddad', 'Karaca', 'Martin', 'Lefèvre', 'Ben', 'Bernard', 'Petit', 'Durand', 'Leroy', 'Roux', 'Fontaine', 'Garnier'];

function pick<T>(list: readonly T[], next: () => number, skew = 1): T {
  // skew > 1 favours the first entries: a few subjects are far more frequent, as in real talks.
  return list[Math.floor(Math.pow(next(), skew) * list.length)] as T;
}

function sentence(next: () => number): string {
  const s = `${pick(SUBJECTS, next, 1.6)} ${pick(VERBS, next)} ${pick(OBJECTS, next, 1.3)} ${pick(TAILS, next)}.`;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** 2,000 items × on average 200 passages of ~665 characters, with their facets, streamed. */
export async function* syntheticArchive(items: number, passages: number): AsyncIterable<IndexEntry> {
  const next = random(42);
  for (let i = 0; i < items; i++) {
    const year = 2018 + (i % 8);
    const city = CITIES[i % 8] as string;
    const kind: ItemKind = pick(ITEM_KINDS, next);
    const themes = [...new Set([pick(THEMES, next, 1.4), pick(THEMES, next)])];
    const speakers = Array.from({ length: 1 + Math.floor(next() * 3) }, () => `${pick(FIRST, next)} ${pick(LAST, next)}`);
    const reviewed = next() < 0.6;
    const facets = {
      kind, edition: `${year} ${city}`, editionSlug: `${year}-${city.toLowerCase()}`, year, themes, speakers,
      speakerSlugs: speakers.map((s) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ /g, '-')),
      language: next() < 0.9 ? 'fr' : 'en', licence: pick(LICENCE_IDS, next), captions: reviewed || next() < 0.5, reviewedTranscript: reviewed,
      audioDescription: next() < 0.1, signLanguage: next() < 0.1, easyRead: next() < 0.05,
      transcript: reviewed ? ('reviewed' as const) : ('automatic' as const), day: Math.floor(Date.UTC(year, 9, 1 + (i % 28)) / 86_400_000),
    };
    const id = `${year}-${city.toLowerCase()}-item-${i}`;
    const title = `${sentence(next).replace(/\.$/, '')} (${i})`;
    // Passages per item spread around the mean, summing exactly to `passages`.
    const count = Math.floor(((i + 1) * passages) / items) - Math.floor((i * passages) / items);
    const segments: SegmentDocument[] = [{
      ...facets, id: `${id}_about`, itemId: id, source: 'metadata', sourceRank: 0, passageLanguage: facets.language,
      start: null, end: null, page: null, title, people: speakers, topics: [...themes, facets.edition], text: sentence(next), marks: [],
    }];
    for (let p = 0; p < count; p++) {
      let text = '';
      // One time mark per sentence, as a passage has one per cue (sentences here are cue-sized).
      const offsets: number[] = [];
      while (text.length < 600) {
        offsets.push(text.length);
        text += `${sentence(next)} `;
      }
      const document = kind === 'document';
      const step = 30 / offsets.length;
      const marks = document ? [] : offsets.map((offset, k) => ({ offset, start: p * 30 + k * step, end: p * 30 + (k + 1) * step }));
      segments.push({
        ...facets, id: `${id}_p-${p}`, itemId: id, source: document ? 'pdf' : reviewed ? 'captions-reviewed' : 'speech-to-text',
        sourceRank: reviewed || document ? 3 : 2, passageLanguage: facets.language, start: document ? null : p * 30, end: document ? null : p * 30 + 30,
        page: document ? p + 1 : null, title: '', people: [], topics: [], text: text.trim(), marks,
      });
    }
    yield {
      item: {
        ...facets, id, title, summary: sentence(next), organisations: [], city, date: new Date(facets.day * 86_400_000).toISOString().slice(0, 10),
        duration: kind === 'document' ? null : count * 30, pages: kind === 'document' ? count : null, poster: null,
      },
      segments,
    };
  }
}

/** 200 fixed queries: French words and phrases (some without accents, some misspelt), a third with filters. */
export function benchQueries(): SearchRequest[] {
  const next = random(7);
  const words = ['médiation numérique', 'fracture numerique', 'intelligence artificielle', 'IA', 'communs', 'sobriété', 'accessibilite', 'données ouvertes',
    'souveraineté', 'reconditionnement', 'tiers-lieux', 'illectronisme', 'cybersecurite', 'logiciels libres', 'dématérialisation', 'conseillers numériques',
    'personnes âgées', 'agents d’accueil', 'quartiers prioritaires', 'bibliothèques', 'mediaton', 'permanences rurales', 'France services', 'élus locaux',
    'parentalité', 'démarches en ligne', 'numérique responsable', 'jeunes en insertion', 'crise sanitaire', 'travailleurs sociaux'];
  const queries: SearchRequest[] = [];
  for (let i = 0; i < 200; i++) {
    const q = i % 4 === 3 ? `${pick(words, next)} ${pick(words, next)}` : pick(words, next);
    const filters: Record<string, string> = {};
    if (i % 3 === 1) filters.theme = pick(THEMES, next);
    if (i % 5 === 2) filters.kind = pick(['talk', 'podcast', 'workshop', 'document'], next);
    if (i % 7 === 3) filters.year = String(2018 + Math.floor(next() * 8));
    queries.push({ q, filters, ...(i % 10 === 9 ? { sort: 'date-desc' } : {}) });
  }
  return queries;
}

/** The index query the search service makes of a bench request, every facet counted (as the search page asks). */
export function indexQueryOf(request: SearchRequest, limits: QueryLimits): IndexQuery {
  const parsed = parseSearchRequest(request, limits);
  return {
    q: parsed.searched, filters: parsed.clauses, sort: parsed.sort, page: 1, hitsPerPage: parsed.hitsPerPage,
    facets: FACET_NAMES.map((name) => FACET_FIELDS_BY_NAME[name][0]), passagesPerItem: parsed.passagesPerItem,
  };
}

/** A search body as its own call: `POST /indexes/<uid>/search` with the rest as JSON. */
export function callOf({ indexUid, ...rest }: SearchBody): { path: string; body: string } {
  return { path: `/indexes/${indexUid}/search`, body: JSON.stringify(rest) };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;
/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s). */
export const cpuSecondsOf = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** Latencies as `measure` gives them, and the CPU per search of Meilisearch (`pid`) and of this process meanwhile, in ms. */
async function measureWithCpu(pid: number, count: number, rounds: number, callers: number, run: (i: number) => Promise<unknown>): Promise<{ times: number[]; meiliMs: number; ownMs: number }> {
  const meiliBefore = cpuSecondsOf(pid);
  const ownBefore = process.cpuUsage();
  const times = await measure(count, rounds, callers, run);
  const own = process.cpuUsage(ownBefore);
  const searches = count * rounds;
  return { times, meiliMs: ((cpuSecondsOf(pid) - meiliBefore) * 1000) / searches, ownMs: (own.user + own.system) / 1000 / searches };
}

const peakRss = (pid: number | 'self'): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** POSTs a prepared body and parses the answer: what any caller of Meilisearch does at the least. */
export function rawPost(agent: http.Agent, url: string, apiKey: string, pathName: string, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${pathName}`, {
      method: 'POST', agent, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))) : reject(new Error(Buffer.concat(chunks).toString()))));
    });
    req.on('error', reject);
    req.setNoDelay(true);
    req.end(body);
  });
}

/** Latencies of `run` over every query, `callers` at a time, `rounds` times through the list. */
export async function measure(count: number, rounds: number, callers: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let next = 0;
    await Promise.all(Array.from({ length: callers }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        await run(i);
        times.push(performance.now() - t0);
      }
    }));
  }
  return times;
}

export const stats = (list: number[]): [number, number, number] => {
  const sorted = [...list].sort((a, b) => a - b);
  return [percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)];
};

/** How two designs' answers to the same queries compare. */
export function compareAnswers(before: SearchResult[], after: SearchResult[]): { identical: number; cutTies: number; overlap: number; sameFirst: number; withResults: number } {
  let identical = 0;
  let cutTies = 0;
  let overlapSum = 0;
  let sameFirst = 0;
  let withResults = 0;
  before.forEach((old, i) => {
    const now = after[i] as SearchResult;
    const verdict = compareCounts(old, now);
    if (verdict === 'identical') identical++;
    if (verdict === 'cut ties') cutTies++;
    const oldIds = old.items.map((item) => item.id);
    if (oldIds.length === 0) return;
    withResults++;
    const nowIds = new Set(now.items.map((item) => item.id));
    overlapSum += oldIds.filter((id) => nowIds.has(id)).length / oldIds.length;
    if (oldIds[0] === now.items[0]?.id) sameFirst++;
  });
  return { identical, cutTies, overlap: withResults ? overlapSum / withResults : 1, sameFirst, withResults };
}

export async function runSearchBench(options: SearchBenchOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { items, passages } = options.size ?? (options.short ? { items: 200, passages: 20_000 } : { items: 2_000, passages: 400_000 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mc-search-bench-'));
  const server = await startLocalMeilisearch({ dataDir });
  const index = new MeilisearchIndex({ url: server.url, apiKey: server.apiKey, mode: 'own' });
  // The same indexes, the words matched asked of Meilisearch by a third call (the site's way before Dec. 2026).
  const asked = new MeilisearchIndex({ url: server.url, apiKey: server.apiKey, mode: 'own', matchedWords: 'asked' });
  const v1 = new SearchDesignV1(server.url, server.apiKey, index.limits);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
  try {
    const loadBefore = load();
    await index.open();
    let started = performance.now();
    await v1.rebuild(syntheticArchive(items, passages));
    const v1Seconds = (performance.now() - started) / 1000;
    started = performance.now();
    const counts = await index.rebuild(syntheticArchive(items, passages));
    const v2Seconds = (performance.now() - started) / 1000;

    const services = { v1: new SearchService(v1), v2: new SearchService(index), asked: new SearchService(asked) };
    const requests = benchQueries();
    // The raw side sends the bodies our service would send, built before the clock starts.
    const prepared = requests.map((request) => {
      const query = indexQueryOf(request, index.limits);
      const [count, ranking, ...also] = firstRequests(query) as [SearchBody, SearchBody, ...SearchBody[]];
      return { query, counts: [count, ...also].map(callOf), ranking: callOf(ranking) };
    });
    const post = (call: { path: string; body: string }): Promise<unknown> => rawPost(agent, server.url, server.apiKey, call.path, call.body);
    // As the site sends them: every call of a round trip at once, the passages once the page's items are known.
    const raw = async (i: number): Promise<void> => {
      const { query, counts, ranking } = prepared[i] as (typeof prepared)[number];
      const counting = Promise.all(counts.map(post));
      const page = (await post(ranking)) as { hits: { item: { id: string } }[] };
      const second = passageRequests(query, page.hits.map((h) => h.item.id)).map(callOf);
      await Promise.all([counting, Promise.all(second.map(post))]);
    };
    const sides = {
      v1: (i: number) => services.v1.search(requests[i] as SearchRequest),
      asked: (i: number) => services.asked.search(requests[i] as SearchRequest),
      v2: (i: number) => services.v2.search(requests[i] as SearchRequest),
      raw,
    };
    // Warm the caches, and keep each design's answers to compare.
    const answers = { v1: [] as SearchResult[], v2: [] as SearchResult[], asked: [] as SearchResult[] };
    for (let i = 0; i < requests.length; i++) {
      answers.v1.push(await sides.v1(i));
      answers.asked.push(await sides.asked(i));
      answers.v2.push(await sides.v2(i));
      await raw(i);
    }
    const sequential = { v1: [] as number[], asked: [] as number[], v2: [] as number[], raw: [] as number[] };
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < requests.length; i++) {
        // Alternate which side goes first, so none always meets a warmer cache.
        const order = (['v1', 'asked', 'v2', 'raw'] as const).map((_, k, all) => all[(k + i + round) % all.length] as keyof typeof sides);
        for (const side of order) {
          const t0 = performance.now();
          await sides[side](i);
          sequential[side].push(performance.now() - t0);
        }
      }
    }
    const pid = server.pid as number;
    const concurrentRuns = {
      v1: await measureWithCpu(pid, requests.length, 2, 8, sides.v1),
      asked: await measureWithCpu(pid, requests.length, 2, 8, sides.asked),
      v2: await measureWithCpu(pid, requests.length, 2, 8, sides.v2),
      raw: await measureWithCpu(pid, requests.length, 2, 8, sides.raw),
    };
    const concurrent = { v1: concurrentRuns.v1.times, asked: concurrentRuns.asked.times, v2: concurrentRuns.v2.times, raw: concurrentRuns.raw.times };
    const compared = compareAnswers(answers.v1, answers.v2);
    // Finding the matched words here changes no item, count or passage; only marks and seconds where the
    // passages hold forms of the words the best five did not (test/integration/search-matched-words.test.ts).
    const samePassages = (answer: SearchResult, other: SearchResult | undefined): boolean =>
      JSON.stringify(answer.items.map((i) => [i.id, i.passages.map((p) => [p.source, p.passageStart, p.page])])) === JSON.stringify(other?.items.map((i) => [i.id, i.passages.map((p) => [p.source, p.passageStart, p.page])]))
      && answer.total === other?.total && JSON.stringify(answer.facets) === JSON.stringify(other.facets);
    const sameAsAsked = answers.v2.filter((answer, i) => JSON.stringify(answer) === JSON.stringify(answers.asked[i])).length;
    const samePassagesAsAsked = answers.v2.filter((answer, i) => samePassages(answer, answers.asked[i])).length;
    const row = (name: string, side: keyof typeof sides, indexTime: string, compare: string[]): string[] => {
      const [p50, p95, p99] = stats(sequential[side]);
      const [c50, c95] = stats(concurrent[side]);
      const cpu = concurrentRuns[side];
      return [name, indexTime, `${p50.toFixed(1)} / ${p95.toFixed(1)} / ${p99.toFixed(1)}`, `${c50.toFixed(1)} / ${c95.toFixed(1)}`, `${cpu.meiliMs.toFixed(1)} + ${cpu.ownMs.toFixed(1)}`, ...compare];
    };
    log(`Synthetic archive: ${counts.items} items, ${counts.segments - counts.items} passages (+ ${counts.items} about segments); Meilisearch 1.21.0 on ${server.url}; `
      + `load average ${loadBefore} before, ${load()} after (1, 5, 15 min; ${availableParallelism()} cores)\n`);
    log(table(['design (SearchService.search)', 'index', 'sequential p50 / p95 / p99 ms', '8 concurrent p50 / p95 ms', 'CPU per search at 8 concurrent, ms: Meilisearch + bench process', 'totals + facets as v1', 'overlap@20 with v1', 'same first item'], [
      row('v1: segments, distinct on item + facets; then items + passages', 'v1', `${v1Seconds.toFixed(1)} s`, ['–', '–', '–']),
      row('v2, every call at once, the words matched asked of Meilisearch (the site before)', 'asked', `${v2Seconds.toFixed(1)} s`, ['', '', '']),
      row('v2, every call at once, the words matched found here (the site)', 'v2', `${v2Seconds.toFixed(1)} s`, [
        `${compared.identical}/${requests.length}${compared.cutTies ? ` (+ ${compared.cutTies} differing only in ties at a facet’s 100-value cut)` : ''}`,
        compared.overlap.toFixed(2), `${compared.sameFirst}/${compared.withResults}`,
      ]),
      row('raw: the site’s calls, prepared bodies, node:http', 'raw', '', ['', '', '']),
    ]));
    log('');
    log(table(['figure', 'value'], [
      ['indexing throughput v2 (items + chunks + segments)', `${Math.round((counts.items + counts.segments) / v2Seconds)} entries/s`],
      ['peak RSS Meilisearch (both designs built)', mb(peakRss(server.pid as number))],
      ['peak RSS bench process (generator + clients)', mb(peakRss('self'))],
      ['v2 answers, words found here vs asked: same items, totals, facets and passages', `${samePassagesAsAsked}/${requests.length}`],
      ['v2 answers, words found here vs asked: identical to the mark and the second', `${sameAsAsked}/${requests.length}`],
      ['search ours / raw (v2, p50 sequential)', `${(stats(sequential.v2)[0] / stats(sequential.raw)[0]).toFixed(2)}×`],
    ]));
    log('\nv2 is what the site runs; v1 is kept only to compare (same Meilisearch, its own indexes). CPU per search: Meilisearch\'s'
      + ' (/proc) and this process\'s (the service, or the raw client) during the 8-concurrent runs, divided by the searches made;'
      + ` at 8 concurrent on ${availableParallelism()} cores the searches queue for CPU, so their latency follows the sum.`);
  } finally {
    agent.destroy();
    v1.close();
    await asked.close();
    await index.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const invoked = process.argv[1] ?? '';
if (/search-bench\.ts$/.test(invoked)) {
  const { values } = parseArgs({ options: { short: { type: 'boolean' }, items: { type: 'string' }, passages: { type: 'string' } } });
  const size = values.items && values.passages ? { items: Number(values.items), passages: Number(values.passages) } : undefined;
  console.log(`## 2. Search (${size ? `${size.items} items, ${size.passages} passages` : values.short ? 'short' : 'full'} synthetic archive)\n`);
  await runSearchBench({ short: values.short ?? false, ...(size ? { size } : {}) });
}
