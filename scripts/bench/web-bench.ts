/**
 * Web bench: the talk page and the search page of the ingested short sample edition, served by
 * the real site (its own Meilisearch, reindexed first) under 50 concurrent connections, side by
 * side with the same site without its page cache (every page rendered, as before the cache) and
 * a bare Express handler in the same process, on another port, that sends the very same bytes
 * with the same headers and the same gzip compression: the ratio is what rendering, the
 * catalogue, the search round trip and the middleware cost. The sides are measured in turns
 * (two rounds of half the seconds each), so that a load change on the shared cores falls on all. Then the page weights (HTML +
 * CSS + JS, gzip) of home, search and talk against the 60 KB budget, printed, not asserted.
 * Run alone: `npx tsx scripts/bench/web-bench.ts [--short] [--seconds N]`; `npm run bench` prints it third.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import compression from 'compression';
import express from 'express';
import { table } from '../../src/cli/format.js';
import { startWeb } from '../../src/http/start-web.js';
import { urlFor } from '../../src/http/urls.js';
import { SPOKEN_WORD, sampleItems } from '../../test/browser/sample-pages.js';
import { copySampleArchive, ensureSampleArchive, removeArchiveCopy, sampleManifests } from '../../test/support/sample-archive.js';
import { startWebOver } from '../../test/support/web.js';
import { makeSample } from '../sample/index.js';
import { kb, PAGE_BUDGET_BYTES, pageWeight } from './page-weight.js';

export interface WebBenchOptions {
  /** Seconds of load per measure (after a 1 s warm-up). */
  seconds: number;
  connections?: number;
}

const SHORT_SAMPLE = path.resolve('test/.fixtures/sample-short');
// Headers the bare server must compute itself (or that describe the transfer, not the page).
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-encoding', 'transfer-encoding', 'etag', 'vary']);

interface Load {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/**
 * autocannon in a worker thread: the servers keep this process's event loop to themselves
 * (the 2 cores are still shared, which the table's note says).
 */
async function load(url: string, seconds: number, connections: number): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, workers: 1, headers: { 'accept-encoding': 'gzip' } });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.non2xx,
  };
}

/** A bare Express app answering every GET with one recorded page: same bytes, same headers, same gzip. */
const ROUNDS = 2;

/** Turns of one side as one measure: requests over seconds; latencies of the worse turn (autocannon gives no histogram to merge). */
function mergeLoads(loads: readonly Load[]): Load {
  const requests = loads.reduce((sum, l) => sum + l.requests, 0);
  const seconds = loads.reduce((sum, l) => sum + l.seconds, 0);
  return {
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    p50: Math.max(...loads.map((l) => l.p50)),
    p99: Math.max(...loads.map((l) => l.p99)),
    failures: loads.reduce((sum, l) => sum + l.failures, 0),
  };
}

async function bareServer(page: { body: Buffer; headers: [string, string][] }): Promise<{ url: string; server: Server }> {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'weak');
  app.use(compression());
  app.get('/{*path}', (_req, res) => {
    for (const [name, value] of page.headers) res.setHeader(name, value);
    res.send(page.body);
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A bare Express app answering every GET with the page already gzipped: what a server that compresses nothing per request can reach. */
async function bareGzipServer(page: { body: Buffer; headers: [string, string][] }): Promise<{ url: string; server: Server }> {
  const gzipped = gzipSync(page.body);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'weak');
  app.get('/{*path}', (_req, res) => {
    for (const [name, value] of page.headers) res.setHeader(name, value);
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Vary', 'Accept-Encoding');
    res.send(gzipped);
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function record(url: string): Promise<{ body: Buffer; headers: [string, string][] }> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url}: status ${response.status}`);
  const headers = [...response.headers.entries()].filter(([name]) => !PER_RESPONSE.has(name));
  return { body: Buffer.from(await response.arrayBuffer()), headers };
}

export async function runWebBench(options: WebBenchOptions): Promise<void> {
  const connections = options.connections ?? 50;
  await makeSample({ out: SHORT_SAMPLE, short: true });
  const archive = await ensureSampleArchive(SHORT_SAMPLE);
  const items = sampleItems(await sampleManifests(archive.dir));
  const site = await startWebOver(await copySampleArchive(archive.dir));
  const uncached = await startWeb({ store: site.store, index: site.meili.connect(), port: 0, host: '127.0.0.1', pages: null, log: () => {},
    // The cached site's origin, so that both write the same absolute links.
    publicUrl: site.url });
  const pages: [string, string][] = [
    ['talk', urlFor('talk', 'fr', { id: items.accessibleTalk.id })],
    ['search', urlFor('search', 'fr', {}, { q: SPOKEN_WORD })],
  ];
  const rows: string[][] = [];
  try {
    for (const [name, pagePath] of pages) {
      const ours = `${site.url}${pagePath}`;
      const recorded = await record(ours);
      const uncachedRecorded = await record(`http://127.0.0.1:${uncached.port}${pagePath}`);
      if (!recorded.body.equals(uncachedRecorded.body)) throw new Error(`${pagePath}: the page differs with and without the page cache`);
      const bare = await bareServer(recorded);
      const bareGzip = await bareGzipServer(recorded);
      try {
        const sides: [string, string][] = [
          ['mediacommuns', ours],
          ['mediacommuns, no page cache', `http://127.0.0.1:${uncached.port}${pagePath}`],
          ['bare Express, same bytes', `${bare.url}${pagePath}`],
          ['bare Express, same bytes gzipped once', `${bareGzip.url}${pagePath}`],
        ];
        // Warm every side (JIT, caches, keep-alive sockets), then measure them in turns.
        for (const [, url] of sides) await load(url, 1, connections);
        const measured = new Map<string, Load[]>(sides.map(([side]) => [side, []]));
        for (let round = 0; round < ROUNDS; round += 1) {
          for (const [side, url] of sides) measured.get(side)?.push(await load(url, options.seconds / ROUNDS, connections));
        }
        const merged = new Map([...measured].map(([side, loads]) => [side, mergeLoads(loads)]));
        const bareRate = merged.get('bare Express, same bytes')?.requestsPerSecond ?? NaN;
        const size = kb(recorded.body.length);
        for (const [side, result] of merged) {
          rows.push([
            `${name} (${size} HTML)`, side, result.requestsPerSecond.toFixed(0), `${result.p50.toFixed(0)} ms`, `${result.p99.toFixed(0)} ms`,
            `${(result.requestsPerSecond / bareRate).toFixed(2)}×`, String(result.failures),
          ]);
        }
      } finally {
        for (const { server } of [bare, bareGzip]) {
          server.closeAllConnections();
          server.close();
        }
      }
    }
    console.log(table(['page', 'server', 'req/s', 'p50', 'p99', 'vs bare', 'errors'], rows));
    console.log(`\n${connections} connections, ${options.seconds} s per side (${ROUNDS} turns of ${options.seconds / ROUNDS} s, p50/p99 the worse turn's) after a 1 s warm-up, gzip on every side ("vs bare" against bare Express compressing each response, as before; the last row of each page sends bytes gzipped once, as the page cache does); load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}. The load generator (autocannon, a worker thread), the servers and Meilisearch share the same 2 cores: figures are relative, compare within one run.`);

    const weights = [];
    for (const [name, pagePath] of [['home', urlFor('home', 'fr')], ...pages] as const) {
      const weight = await pageWeight(site.url, pagePath);
      weights.push([name, kb(weight.html), kb(weight.css), kb(weight.js), kb(weight.total), weight.total < PAGE_BUDGET_BYTES ? 'within 60 KB' : 'OVER 60 KB']);
    }
    console.log(`\n${table(['page', 'HTML', 'CSS', 'JS', 'total (gzip)', 'budget'], weights)}`);
    console.log('\nBytes on the wire with Accept-Encoding: gzip; hls.js excluded (loaded only where HLS is not native).');
  } finally {
    await uncached.close();
    await site.close();
    await removeArchiveCopy(site.store);
  }
}

const invoked = process.argv[1] ?? '';
if (/web-bench\.ts$/.test(invoked)) {
  const { values } = parseArgs({ options: { short: { type: 'boolean' }, seconds: { type: 'string' } } });
  console.log('## 3. Web pages (short sample edition)\n');
  await runWebBench({ seconds: Number(values.seconds ?? (values.short ? 3 : 10)) });
}
