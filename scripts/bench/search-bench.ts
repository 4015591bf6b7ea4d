/**
 * Search bench: a synthetic archive (2,000 items and 400,000 French passages; --short: 200 and
 * 20,000), generated in memory and never written to the repository, indexed by our rebuild
 * path, then 200 fixed French queries with filters, each answered two ways one after the other:
 *   raw   the very requests our service sends (same JSON bodies, prepared in advance), posted
 *         straight to Meilisearch over a keep-alive node:http agent, answers parsed, nothing else;
 *   ours  SearchService.search(): request validation, filters, the meilisearch client, shaping.
 * Run alone: `npx tsx scripts/bench/search-bench.ts [--short]`; `npm run bench` prints it second.
 */
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { firstRequest, secondRequests, type SearchBody } from '../../src/adapters/search-index/meili-search.js';
import { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { startLocalMeilisearch } from '../../src/adapters/search-index/meilisearch-process.js';
import { table } from '../../src/cli/format.js';
import { ITEM_KINDS, type ItemKind } from '../../src/domain/item.js';
import { LICENCE_IDS } from '../../src/domain/licence.js';
import type { IndexEntry, IndexQuery, SegmentDocument } from '../../src/ports/search-index.js';
import { FACET_FIELDS_BY_NAME, FACET_NAMES, parseSearchRequest, type SearchRequest } from '../../src/services/search/search-request.js';
import { SearchService } from '../../src/services/search/search-service.js';

export interface SearchBenchOptions {
  short: boolean;
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

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;
const peakRss = (pid: number | 'self'): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** POSTs a prepared body and parses the answer: what any caller of Meilisearch does at the least. */
function rawPost(agent: http.Agent, url: string, apiKey: string, pathName: string, body: string): Promise<unknown> {
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

export async function runSearchBench(options: SearchBenchOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const [items, passages] = options.short ? [200, 20_000] : [2_000, 400_000];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mc-search-bench-'));
  const server = await startLocalMeilisearch({ dataDir });
  const index = new MeilisearchIndex({ url: server.url, apiKey: server.apiKey, mode: 'own' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await index.open();
    const started = performance.now();
    const counts = await index.rebuild(syntheticArchive(items, passages));
    const indexSeconds = (performance.now() - started) / 1000;
    const documents = counts.items + counts.segments;

    const service = new SearchService(index);
    const requests = benchQueries();
    // The raw side sends the bodies our service would send, built before the clock starts.
    const prepared = requests.map((request) => {
      const parsed = parseSearchRequest(request, index.limits);
      const query: IndexQuery = {
        q: parsed.searched, filters: parsed.clauses, sort: parsed.sort, page: 1, hitsPerPage: parsed.hitsPerPage,
        facets: FACET_NAMES.map((name) => FACET_FIELDS_BY_NAME[name][0]), passagesPerItem: parsed.passagesPerItem,
      };
      return { query, first: firstRequest(query) };
    });
    const raw = async (i: number): Promise<void> => {
      const { query, first } = prepared[i] as { query: IndexQuery; first: SearchBody };
      const { indexUid, ...body } = first;
      const answer = (await rawPost(agent, server.url, server.apiKey, `/indexes/${indexUid}/search`, JSON.stringify(body))) as { hits: { itemId: string }[] };
      if (query.q === '' || answer.hits.length === 0) return;
      const second = JSON.stringify({ queries: secondRequests(query, answer.hits.map((h) => h.itemId)) });
      await rawPost(agent, server.url, server.apiKey, '/multi-search', second);
    };
    const ours = async (i: number): Promise<void> => {
      await service.search(requests[i] as SearchRequest);
    };
    for (let i = 0; i < requests.length; i++) await ours(i).then(() => raw(i)); // warm caches both ways
    const times = { raw: [] as number[], ours: [] as number[] };
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < requests.length; i++) {
        // Alternate which side goes first, so neither always meets a warmer cache.
        const order = (i + round) % 2 === 0 ? (['raw', 'ours'] as const) : (['ours', 'raw'] as const);
        for (const side of order) {
          const t0 = performance.now();
          await (side === 'raw' ? raw(i) : ours(i));
          times[side].push(performance.now() - t0);
        }
      }
    }
    const stats = (list: number[]): number[] => {
      const sorted = [...list].sort((a, b) => a - b);
      return [50, 95, 99].map((p) => percentile(sorted, p));
    };
    const [r50, r95, r99] = stats(times.raw) as [number, number, number];
    const [o50, o95, o99] = stats(times.ours) as [number, number, number];
    log(`Synthetic archive: ${counts.items} items, ${counts.segments - counts.items} passages (+ ${counts.items} about segments); Meilisearch 1.21.0 on ${server.url}\n`);
    log(table(['step', 'figure'], [
      ['index (rebuild: 2 fresh indexes, batches of 10,000, swap)', `${indexSeconds.toFixed(1)} s`],
      ['indexing throughput', `${Math.round(documents / indexSeconds)} docs/s`],
      ['peak RSS Meilisearch', mb(peakRss(server.pid as number))],
      ['peak RSS bench process (generator + our client)', mb(peakRss('self'))],
    ]));
    log('');
    log(table(['200 queries × 3 rounds, sequential', 'p50', 'p95', 'p99'], [
      ['raw: the same Meilisearch requests, prepared bodies, node:http', ms(r50), ms(r95), ms(r99)],
      ['ours: SearchService.search (validation, filters, client, shaping)', ms(o50), ms(o95), ms(o99)],
      ['ours / raw', `${(o50 / r50).toFixed(2)}×`, `${(o95 / r95).toFixed(2)}×`, `${(o99 / r99).toFixed(2)}×`],
    ]));
    log('\nA text query is two round trips (a page of items, one per item, with facet counts; then that page’s items and passages); an empty one is one.');
  } finally {
    agent.destroy();
    await index.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const invoked = process.argv[1] ?? '';
if (/search-bench\.ts$/.test(invoked)) {
  const { values } = parseArgs({ options: { short: { type: 'boolean' } } });
  console.log(`## 2. Search (${values.short ? 'short' : 'full'} synthetic archive)\n`);
  await runSearchBench({ short: values.short ?? false });
}
