import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import { table } from '../../src/cli/format.js';
import { startWeb } from '../../src/http/start-web.js';
import { urlFor } from '../../src/http/urls.js';
import { itemTotals } from '../../src/services/stats/stats-counts.js';
import { statsMonthOf } from '../../src/services/stats/stats-calendar.js';
import { readMonth } from '../../src/services/stats/stats-reader.js';
import { sampleItems } from '../../test/browser/sample-pages.js';
import { copySampleArchive, ensureSampleArchive, removeArchiveCopy, sampleManifests } from '../../test/support/sample-archive.js';
import { startWebOver } from '../../test/support/web.js';
import { makeSample } from '../sample/index.js';
import { kb, pageWeight } from './page-weight.js';

const SHORT_SAMPLE = path.resolve('test/.fixtures/sample-short');
const ROUNDS = 2;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

interface Load {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  failures: number;
}

type Request = { method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> };

async function load(url: string, seconds: number, connections: number, request: Request): Promise<Load> {
  const result = await autocannon({
    url, connections, duration: seconds, workers: 1, method: request.method ?? 'GET',
    headers: { 'accept-encoding': 'gzip', 'user-agent': FIREFOX, ...request.headers }, ...(request.body ? { body: request.body } : {}),
  });
  return { requests: result.requests.total, seconds: result.duration, p50: result.latency.p50, p99: result.latency.p99, failures: result.errors + result.non2xx };
}

/** Bare Express taking the same beacon body as text and answering 204: the floor of any endpoint that reads a small POST. */
async function bareBeaconServer(): Promise<{ url: string; server: Server }> {
  const app = express();
  app.disable('x-powered-by');
  app.post('/api/events', express.text({ type: () => true, limit: 1024 }), (req, res) => {
    JSON.parse(String(req.body));
    res.status(204).end();
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * Table 10: what the statistics cost. /api/events under 50 connections (a play, as the player
 * sends it) against bare Express answering the same POST; the talk page served with the
 * statistics on and off (the counting middleware runs on every request); the bytes the player's
 * stats script adds to the talk page. Every play the bench sent is checked in the stored totals.
 */
export async function runStatsBench(options: { seconds: number; connections?: number }): Promise<void> {
  const connections = options.connections ?? 50;
  await makeSample({ out: SHORT_SAMPLE, short: true });
  const archive = await ensureSampleArchive(SHORT_SAMPLE);
  const talk = sampleItems(await sampleManifests(archive.dir)).accessibleTalk;
  const site = await startWebOver(await copySampleArchive(archive.dir));
  const quiet = await startWeb({ store: site.store, index: site.meili.connect(), port: 0, host: '127.0.0.1', stats: null, log: () => {}, publicUrl: site.url });
  const bare = await bareBeaconServer();
  const talkPath = urlFor('talk', 'fr', { id: talk.id });
  const play: Request = { method: 'POST', body: JSON.stringify({ type: 'play', item: talk.id, lang: 'fr' }), headers: { 'content-type': 'text/plain;charset=UTF-8' } };
  const sides: [string, string, Request][] = [
    ['POST /api/events (a play)', `${site.url}/api/events`, play],
    ['bare Express, same POST → 204', `${bare.url}/api/events`, play],
    ['talk page, statistics on', `${site.url}${talkPath}`, {}],
    ['talk page, statistics off', `http://127.0.0.1:${quiet.port}${talkPath}`, {}],
  ];
  try {
    for (const [, url, request] of sides) await load(url, 1, connections, request);
    const measured = new Map<string, Load[]>(sides.map(([side]) => [side, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [side, url, request] of sides) measured.get(side)?.push(await load(url, options.seconds / ROUNDS, connections, request));
    }
    const rows = [...measured].map(([side, loads]) => {
      const requests = loads.reduce((sum, l) => sum + l.requests, 0);
      const seconds = loads.reduce((sum, l) => sum + l.seconds, 0);
      return [side, (requests / seconds).toFixed(0), `${Math.max(...loads.map((l) => l.p50)).toFixed(0)} ms`, `${Math.max(...loads.map((l) => l.p99)).toFixed(0)} ms`, String(loads.reduce((sum, l) => sum + l.failures, 0)), String(requests)];
    });
    console.log(table(['side', 'req/s', 'p50', 'p99', 'errors', 'requests'], rows));

    // Every play sent (warm-up included) must be in the totals once the process has written them.
    await site.web.deps.stats?.flush();
    const counted = itemTotals(await readMonth(site.store, statsMonthOf(new Date()))).get(talk.id)?.plays ?? 0;
    console.log(`\nPlays counted in the store: ${counted} (every answered POST of the bench, warm-up included).`);

    const weight = await pageWeight(site.url, talkPath);
    const script = weight.files.find((f) => f.url.endsWith('/player-stats.js'));
    const withScript = weight.total;
    const without = withScript - (script?.sent ?? 0);
    console.log(`\n${table(['talk page', 'HTML + CSS + JS on the wire (gzip)', 'module requests'], [
      ['with the stats script', kb(withScript), String(weight.files.filter((f) => f.url.endsWith('.js')).length)],
      ['without it', kb(without), String(weight.files.filter((f) => f.url.endsWith('.js')).length - (script ? 1 : 0))],
      ['player-stats.js alone', `${kb(script?.sent ?? 0)} (${kb(script?.size ?? 0)} unzipped)`, '1'],
    ])}`);
    console.log(`\n${connections} connections, ${options.seconds} s per side (${ROUNDS} turns, p50/p99 the worse turn's) after a 1 s warm-up; a page view sends at most five beacons (a play, four quarters), after 10 s of playback. Load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}; autocannon, the servers and Meilisearch share the same 2 cores: compare within one run.`);
  } finally {
    bare.server.closeAllConnections();
    bare.server.close();
    await quiet.close();
    await site.close();
    await removeArchiveCopy(site.store);
  }
}
