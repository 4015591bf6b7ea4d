/**
 * Web bench: the talk page and the search page of the ingested short sample edition, served by
 * the real site (its own Meilisearch, reindexed first) under 50 concurrent connections, side by
 * side with a bare Express handler in the same process, on another port, that sends the very
 * same bytes with the same headers and the same gzip compression: the ratio is what rendering,
 * the catalogue, the search round trip and the middleware cost. Then the page weights (HTML +
 * CSS + JS, gzip) of home, search and talk against the 60 KB budget, printed, not asserted.
 * Run alone: `npx tsx scripts/bench/web-bench.ts [--short] [--seconds N]`; `npm run bench` prints it third.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import compression from 'compression';
import express from 'express';
import { table } from '../../src/cli/format.js';
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
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.non2xx,
  };
}

/** A bare Express app answering every GET with one recorded page: same bytes, same headers, same gzip. */
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
  const pages: [string, string][] = [
    ['talk', urlFor('talk', 'fr', { id: items.accessibleTalk.id })],
    ['search', urlFor('search', 'fr', {}, { q: SPOKEN_WORD })],
  ];
  const rows: string[][] = [];
  try {
    for (const [name, pagePath] of pages) {
      const ours = `${site.url}${pagePath}`;
      const recorded = await record(ours);
      const bare = await bareServer(recorded);
      try {
        const bareUrl = `${bare.url}${pagePath}`;
        // Warm both (JIT, caches, keep-alive sockets), then measure one after the other.
        await load(ours, 1, connections);
        await load(bareUrl, 1, connections);
        const measured = { ours: await load(ours, options.seconds, connections), bare: await load(bareUrl, options.seconds, connections) };
        const size = kb(recorded.body.length);
        for (const [server, result] of [['mediacommuns', measured.ours], ['bare Express, same bytes', measured.bare]] as const) {
          rows.push([
            `${name} (${size} HTML)`, server, result.requestsPerSecond.toFixed(0), `${result.p50.toFixed(0)} ms`, `${result.p99.toFixed(0)} ms`,
            `${(result.requestsPerSecond / measured.bare.requestsPerSecond).toFixed(2)}×`, String(result.failures),
          ]);
        }
      } finally {
        bare.server.closeAllConnections();
        bare.server.close();
      }
    }
    console.log(table(['page', 'server', 'req/s', 'p50', 'p99', 'vs bare', 'errors'], rows));
    console.log(`\n${connections} connections, ${options.seconds} s per measure after a 1 s warm-up, gzip on both sides. The load generator (autocannon, a worker thread), both servers and Meilisearch share the same 2 cores: figures are relative, compare within one run.`);

    const weights = [];
    for (const [name, pagePath] of [['home', urlFor('home', 'fr')], ...pages] as const) {
      const weight = await pageWeight(site.url, pagePath);
      weights.push([name, kb(weight.html), kb(weight.css), kb(weight.js), kb(weight.total), weight.total < PAGE_BUDGET_BYTES ? 'within 60 KB' : 'OVER 60 KB']);
    }
    console.log(`\n${table(['page', 'HTML', 'CSS', 'JS', 'total (gzip)', 'budget'], weights)}`);
    console.log('\nBytes on the wire with Accept-Encoding: gzip; hls.js excluded (loaded only where HLS is not native).');
  } finally {
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
