/**
 * Export bench: an edition's ZIP (/api/editions/<edition>/export.zip) streamed by the real server,
 * run as `mediacommuns serve` in its own process so that its memory can be read from /proc while
 * it streams, against baselines in the same run over the same files: yazl in this process without
 * server or cache (what the package costs by itself) and Info-ZIP's `zip` (deflate, PDFs stored).
 * Two archives: the ingested short sample edition, and a synthetic edition of long talks (3-hour
 * transcripts) where the text to deflate dominates.
 * Run alone: `npx tsx scripts/bench/export-bench.ts`; `npm run bench -- --only 7` prints it seventh.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { table } from '../../src/cli/format.js';
import { manifestKey, type Manifest } from '../../src/domain/manifest.js';
import { editionPackageFiles } from '../../src/http/view-models/edition-package.js';
import { freePort } from '../../src/lib/free-port.js';
import { packedFilesOf } from '../../src/services/archive/edition-package-files.js';
import { allManifests } from '../../src/services/archive/manifests.js';
import { startTestMeili } from '../../test/support/meili.js';
import { copySampleArchive, ensureSampleArchive, removeArchiveCopy } from '../../test/support/sample-archive.js';
import { cuesOf, freshStore, writeItem } from '../../test/support/search-archive.js';
import { makeSample } from '../sample/index.js';
import { spawnMeasured } from './spawn-measured.js';

const SHORT_SAMPLE = path.resolve('test/.fixtures/sample-short');
const ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;
/** Synthetic edition: talks of 3 hours, a cue every 5 s (~30,000 words each, as a long talk has). */
const SYNTHETIC_ITEMS = 40;
const SYNTHETIC_CUES = (3 * 3600) / 5;
const SLIDES_BYTES = 5 * 1024 * 1024;

export interface ExportBenchOptions {
  /** Downloads of the cached package per archive. */
  repeats: number;
}

interface Timed {
  seconds: number;
  bytes: number;
}

/** Samples a process's resident memory (VmRSS) every 20 ms while `work` runs: the highest value seen. */
async function peakRssDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = rssOf(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, rssOf(pid)) };
  } finally {
    clearInterval(timer);
  }
}

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Reads a response to its end as fast as it comes, counting bytes (nothing kept). */
async function download(url: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url);
  if (response.status !== 200 || !response.body) throw new Error(`${url}: ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body) bytes += (chunk as Uint8Array).length;
  return { seconds: (performance.now() - started) / 1000, bytes };
}

const counter = (count: (n: number) => void): Writable => new Writable({ write(chunk: Buffer, _e, done) { count(chunk.length); done(); } });

/** The same package written by yazl in this process from the store's files: no server, no cache, no checksum pass. */
async function yazlAlone(store: FsBlobStore, slug: string, manifests: Manifest[]): Promise<Timed> {
  const started = performance.now();
  const packed = manifests.flatMap(packedFilesOf);
  const first = manifests[0] as Manifest;
  const zip = new yazl.ZipFile();
  for (const file of editionPackageFiles({ ...first.edition, slug }, manifests, 'http://localhost', packed)) zip.addBuffer(file.content, file.path);
  for (const file of packed) {
    zip.addReadStreamLazy(file.path, { size: file.size, compress: file.compress }, (callback) => callback(null, createReadStream(store.localPath(file.key) ?? '')));
  }
  zip.end();
  let bytes = 0;
  await pipeline(zip.outputStream, counter((n) => (bytes += n)));
  return { seconds: (performance.now() - started) / 1000, bytes };
}

/** Info-ZIP over the same stored files (deflate -6, PDFs stored), written to /dev/null. */
async function infoZip(store: FsBlobStore, manifests: Manifest[]): Promise<{ seconds: number }> {
  const keys = manifests.flatMap(packedFilesOf).map((f) => f.key);
  const run = await spawnMeasured('sh', ['-c', `cd "${store.root}" && zip -q -6 -n .pdf - ${keys.map((k) => `'${k}'`).join(' ')} > /dev/null`]);
  return { seconds: run.wallSeconds };
}

/** `mediacommuns serve` over DATA_DIR, on a free port; stopped by its own pid. */
async function startServer(dataDir: string, meili: { url: string; apiKey: string }): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('served on')) resolve();
    });
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () => new Promise((resolve) => {
      child.removeAllListeners('close');
      child.once('close', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** 40 talks of 3 hours with a reviewed transcript and 5 MB of slides (PDF) each, in edition "2030 Bench". */
async function syntheticEdition(): Promise<FsBlobStore> {
  const store = freshStore();
  const words = ['numérique', 'commun', 'médiation', 'accompagner', 'données', 'territoire', 'usagers', 'accessibilité', 'ouvert', 'collectif', 'réemploi', 'sobriété', 'inclusion', 'service', 'public', 'outil'];
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < SYNTHETIC_ITEMS; i++) {
    const sentences = Array.from({ length: SYNTHETIC_CUES }, () => Array.from({ length: 14 }, () => words[Math.floor(next() * words.length)]).join(' '));
    const manifest = await writeItem(store, { id: `2030-bench-talk-${i}`, kind: 'talk', title: `Conférence ${i}`, edition: '2030 Bench', transcripts: [{ cues: cuesOf(sentences, 5) }] });
    // Slides as a PDF of incompressible bytes: stored as they are, so the ZIP is as large as what it reads.
    const key = `items/${manifest.id}/a1b2c3d4e5f6/download/slides.pdf`;
    const put = await store.putBuffer(key, randomBytes(SLIDES_BYTES), 'application/pdf');
    const slides = { key, size: put.size, sha256: put.sha256, contentType: 'application/pdf' };
    await store.putBuffer(manifestKey(manifest.id), JSON.stringify({ ...manifest, slides, files: [...manifest.files, slides] }), 'application/json');
  }
  return store;
}

interface Row {
  /** Bytes of the stored files read into the package (0: the cached package is sent as it is). */
  read: number;
  archive: string;
  how: string;
  seconds: number[];
  bytes: number;
  rss: string;
}

export async function runExportBench(options: ExportBenchOptions): Promise<void> {
  await makeSample({ out: SHORT_SAMPLE, short: true, log: () => {} });
  const { dir } = await ensureSampleArchive(SHORT_SAMPLE);
  const meili = await startTestMeili();
  const rows: Row[] = [];
  try {
    for (const [archive, open] of [['short sample edition', () => copySampleArchive(dir)], [`synthetic: ${SYNTHETIC_ITEMS} talks of 3 h + ${SLIDES_BYTES / MB} MB PDF`, syntheticEdition]] as const) {
      const store = await open();
      try {
        const manifests = await allManifests(store);
        const slug = manifests[0]?.edition.slug ?? '';
        const read = manifests.flatMap(packedFilesOf).reduce((sum, f) => sum + f.size, 0);
        const label = `${archive} (${manifests.length} items, ${manifests.flatMap(packedFilesOf).length} files, ${(read / MB).toFixed(1)} MB packed)`;
        const alone: Timed[] = [];
        for (let i = 0; i < options.repeats; i++) alone.push(await yazlAlone(store, slug, manifests));
        rows.push({ read, archive: label, how: 'baseline: yazl in-process, same files, no server', seconds: alone.map((t) => t.seconds), bytes: alone[0]?.bytes ?? 0, rss: '–' });
        const zips: number[] = [];
        for (let i = 0; i < options.repeats; i++) zips.push((await infoZip(store, manifests)).seconds);
        rows.push({ read, archive: label, how: 'baseline: Info-ZIP `zip -6 -n .pdf`', seconds: zips, bytes: alone[0]?.bytes ?? 0, rss: '–' });

        const server = await startServer(store.root, meili);
        try {
          const url = `${server.url}/api/editions/${slug}/export.zip`;
          const pid = server.child.pid ?? -1;
          const idle = rssOf(pid);
          const cold = await peakRssDuring(pid, () => download(url));
          rows.push({ read, archive: label, how: 'server, first request (built, checked, copied to the store)', seconds: [cold.result.seconds], bytes: cold.result.bytes, rss: `${mbOf(idle)} idle → ${mbOf(cold.peak)}` });
          // The copy goes to the store after the last byte: wait for it before asking again.
          await waitForCache(store, slug);
          const warm = await peakRssDuring(pid, async () => {
            const runs: Timed[] = [];
            for (let i = 0; i < options.repeats; i++) runs.push(await download(url));
            return runs;
          });
          rows.push({ read: 0, archive: label, how: `server, from the store's copy (${options.repeats}×)`, seconds: warm.result.map((t) => t.seconds), bytes: warm.result[0]?.bytes ?? 0, rss: `→ ${mbOf(warm.peak)}` });
        } finally {
          await server.stop();
        }
      } finally {
        await removeArchiveCopy(store);
      }
    }
  } finally {
    await meili.stop();
  }
  console.log(table(['archive', 'how', 'ZIP', 'mean s (each)', 'ZIP MB/s', 'read MB/s', 'server RSS'], rows.map((row) => {
    const mean = row.seconds.reduce((a, b) => a + b, 0) / row.seconds.length;
    return [row.archive, row.how, `${(row.bytes / MB).toFixed(2)} MB`, `${mean.toFixed(3)} (${row.seconds.map((s) => s.toFixed(3)).join(', ')})`, (row.bytes / MB / mean).toFixed(1), row.read === 0 ? '–' : (row.read / MB / mean).toFixed(1), row.rss];
  })));
  console.log('\nZIP MB/s: bytes of the package sent; read MB/s: bytes of stored files packed (texts deflated, PDFs stored). Client and server share the 2 cores. Server RSS: VmRSS of the `serve` process sampled every 20 ms while streaming (idle → peak).');
}

const mbOf = (bytes: number): string => `${Math.round(bytes / MB)} MB`;

async function waitForCache(store: FsBlobStore, slug: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    for await (const _blob of store.list(`exports/${slug}/`)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no cached package for ${slug} after 30 s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runExportBench({ repeats: 3 });
}
