import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { manifestKey, type Manifest } from '../../src/domain/manifest.js';
import { itemDetail } from '../../src/http/view-models/api-item.js';
import { sha256Of } from '../../src/lib/sha256.js';
import { packedFilesOf } from '../../src/services/archive/edition-package-files.js';
import { runCli } from '../support/cli.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';
import { unzip } from '../support/unzip.js';
import { until } from '../support/wait.js';
import { startWebOver, type TestWeb } from '../support/web.js';

const EDITION = '2025-strasbourg';
const PATH = `/api/editions/${EDITION}/export.zip`;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** `/api/editions/<edition>/export.zip` and `export` on the CLI, over the ingested sample edition. */
describe('an edition as a package', () => {
  let site: TestWeb;
  let store: FsBlobStore;
  let manifests: Manifest[];

  beforeAll(async () => {
    store = await copySampleArchive();
    manifests = await sampleManifests(path.join(store.root));
    site = await startWebOver(store);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    if (store) await removeArchiveCopy(store);
  });

  async function download(init?: RequestInit): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const response = await fetch(`${site.url}${PATH}`, init);
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  const cachedKeys = async (): Promise<string[]> => {
    const keys: string[] = [];
    for await (const blob of store.list(`exports/${EDITION}/`)) keys.push(blob.key);
    return keys;
  };

  const storedSha = async (key: string): Promise<string> => sha256Of((await store.getBuffer(key)) ?? Buffer.alloc(0));

  it('lists every item, packs its texts and PDFs with the bytes of the store, and lists media with their checksums', async () => {
    const first = await download();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/zip');
    expect(first.headers.get('content-disposition')).toBe(`attachment; filename="${EDITION}.zip"`);
    const entries = await unzip(first.bytes);
    const ids = manifests.map((m) => m.id).sort();
    expect(manifests.length).toBe(8);

    // Metadata: items.json as the API describes each item, items.csv with a row per item.
    const json = JSON.parse(entries.get('items.json')?.toString('utf8') ?? '{}') as { edition: { slug: string }; items: { id: string; title: string }[] };
    expect(json.edition.slug).toBe(EDITION);
    expect(json.items.map((i) => i.id).sort()).toEqual(ids);
    for (const m of manifests) expect(json.items.find((i) => i.id === m.id)).toEqual(JSON.parse(JSON.stringify(itemDetail(m, site.url, 'fr'))));
    const itemsCsv = entries.get('items.csv') ?? Buffer.alloc(0);
    expect(itemsCsv.subarray(0, 3).equals(BOM)).toBe(true);
    const itemRows = parse(itemsCsv.subarray(3).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(itemRows.map((r) => r.id).sort()).toEqual(ids);
    expect(itemRows.find((r) => r.id === manifests[0]?.id)?.title).toBe(manifests[0]?.title);

    // Every transcript (txt + vtt), caption track, slide and page text and PDF, byte for byte the store's.
    const packed = manifests.flatMap(packedFilesOf);
    for (const m of manifests) {
      for (const t of m.text.transcripts) for (const key of [t.txt, t.vtt]) expect(packed.some((p) => p.key === key)).toBe(true);
      for (const track of m.tracks) expect(packed.some((p) => p.key === track.key)).toBe(true);
    }
    expect(packed.some((p) => p.contentType === 'application/pdf')).toBe(true);
    expect(packed.some((p) => p.path.endsWith('/text/pages.json'))).toBe(true);
    for (const file of packed) {
      const entry = entries.get(file.path);
      expect(entry, file.path).toBeDefined();
      expect(sha256Of(entry ?? Buffer.alloc(0))).toBe(await storedSha(file.key));
    }
    // The texts to read, as the API serves them (provenance header, [m:ss] times).
    const readable: string[] = [];
    for (const m of manifests) {
      const files = [
        ...m.text.transcripts.map((t) => `transcript.txt?lang=${t.language}`),
        ...(m.text.slides ? ['slides.txt'] : []),
        ...(m.text.pages ? ['pages.txt'] : []),
      ];
      for (const file of files) {
        const served = await fetch(`${site.url}/api/items/${m.id}/${file}`);
        const name = /filename="([^"]+)"/.exec(served.headers.get('content-disposition') ?? '')?.[1] ?? '';
        const path = `${m.id}/${name}`;
        readable.push(path);
        expect(entries.get(path)?.toString('utf8'), path).toBe(await served.text());
      }
    }
    expect(readable.some((p) => /\.fr\.txt$/.test(p))).toBe(true);
    expect(readable.some((p) => p.endsWith('.pages.txt'))).toBe(true);
    // Nothing else: no video or audio, only the generated files beside the packed ones.
    expect([...entries.keys()].sort()).toEqual(['LICENCES.md', 'README.txt', 'items.csv', 'items.json', 'media.csv', ...readable, ...packed.map((p) => p.path)].sort());

    // media.csv: every recording listed with the checksum of the stored bytes.
    const mediaCsv = entries.get('media.csv') ?? Buffer.alloc(0);
    expect(mediaCsv.subarray(0, 3).equals(BOM)).toBe(true);
    const media = parse(mediaCsv.subarray(3).toString('utf8'), { columns: true }) as Record<string, string>[];
    for (const m of manifests) {
      const sources = media.filter((r) => r.id === m.id && r.role === 'source');
      expect(sources).toHaveLength(1);
      expect(sources[0]?.licence).toBe(m.licence);
    }
    expect(media.filter((r) => r.type?.startsWith('video/')).length).toBeGreaterThan(0);
    for (const row of media) {
      const key = decodeURIComponent((row.url ?? '').replace(`${site.url}/media/`, ''));
      const stored = await store.getBuffer(key);
      expect(stored, key).not.toBeNull();
      expect([row.sha256, row.size]).toEqual([sha256Of(stored ?? Buffer.alloc(0)), String(stored?.length)]);
      if (row.type?.startsWith('video/') || row.type?.startsWith('audio/')) expect(row.file).toBe('');
      if (row.file) expect(sha256Of(entries.get(row.file) ?? Buffer.alloc(0))).toBe(row.sha256);
    }
    // The media URLs are served.
    const video = media.find((r) => r.type === 'video/mp4');
    expect((await fetch(video?.url ?? '', { method: 'HEAD' })).status).toBe(200);

    const readme = entries.get('README.txt')?.toString('utf8') ?? '';
    expect(readme).toContain('Les vidéos et les fichiers audio sont listés, pas inclus');
    expect(readme).toContain('Videos and audio files are listed, not packed');
    for (const file of packed) expect(readme).toContain(`${file.sha256}  ${file.path}`);
    const licences = entries.get('LICENCES.md')?.toString('utf8') ?? '';
    for (const m of manifests) {
      expect(licences).toContain(itemDetail(m, site.url, 'fr').attribution.text);
      expect(licences).toContain(itemDetail(m, site.url, 'en').attribution.text);
    }
  });

  it('is kept in the store and served from there until an item of the edition changes', async () => {
    const first = await download();
    const [key] = await until(async () => ((await cachedKeys()).length === 1 ? cachedKeys() : null), 30_000, 'the cached package');
    expect(await storedSha(key ?? '')).toBe(sha256Of(first.bytes));
    const again = await download();
    expect(again.headers.get('content-length')).toBe(String(first.bytes.length));
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const notModified = await download({ headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });
    expect(notModified.status).toBe(304);
    const head = await download({ method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), head.bytes.length]).toEqual([200, String(first.bytes.length), 0]);

    // An item changes (its title): a new package, the older copy removed.
    const changed = manifests[0] as Manifest;
    await store.putBuffer(manifestKey(changed.id), JSON.stringify({ ...changed, title: `${changed.title} (révisé)` }), 'application/json');
    await site.web.deps.catalogue.reload();
    const after = await download();
    expect(after.headers.get('etag')).not.toBe(first.headers.get('etag'));
    const items = JSON.parse((await unzip(after.bytes)).get('items.json')?.toString('utf8') ?? '{}') as { items: { id: string; title: string }[] };
    expect(items.items.find((i) => i.id === changed.id)?.title).toBe(`${changed.title} (révisé)`);
    await until(async () => {
      const keys = await cachedKeys();
      return keys.length === 1 && keys[0] !== key;
    }, 30_000, 'the new package to replace the old one');
    await store.putBuffer(manifestKey(changed.id), JSON.stringify(changed), 'application/json');
    await site.web.deps.catalogue.reload();
  });

  it('never packs a stored file that no manifest lists', async () => {
    const item = manifests.find((m) => m.text.transcripts.length > 0) as Manifest;
    const folder = item.text.transcripts[0]?.txt.split('/').slice(0, -1).join('/');
    await store.putBuffer(`${folder}/unlisted.txt`, 'not published', 'text/plain');
    const entries = await unzip((await download()).bytes);
    expect([...entries.keys()].some((name) => name.includes('unlisted'))).toBe(false);
  });

  it('answers a bad edition or format with problem+json', async () => {
    const bad = await site.fetch('/api/editions/Bad%20Slug/export.zip');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(bad.text).detail).toMatch(/edition: "Bad Slug" is not an edition slug/);
    const format = await site.fetch(`/api/editions/${EDITION}/export.tar`);
    expect(format.status).toBe(400);
    expect(JSON.parse(format.text).detail).toMatch(/format: "tar" is not one of zip/);
    expect((await site.fetch('/api/editions/1999-nowhere/export.zip')).status).toBe(404);
    expect((await site.fetch(`/api/editions/${EDITION}/other.zip`)).status).toBe(404);
  });

  it('`export --edition` writes the same package to a file (from the store’s copy when it is current)', async () => {
    const served = await download();
    await until(async () => (await cachedKeys()).length === 1, 30_000, 'the cached package');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'mc-export-cli-')), 'strasbourg.zip');
    const run = await runCli(['export', '--edition', EDITION, '--out', out], { DATA_DIR: store.root, PUBLIC_URL: site.url });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^.+strasbourg\.zip: 2025 Strasbourg, 8 item\(s\), \d+ file\(s\) packed, [\d.]+ MB \(from the store’s copy\)\n$/);
    expect(readFileSync(out).equals(served.bytes)).toBe(true);

    const elsewhere = path.join(path.dirname(out), 'other-origin.zip');
    const built = await runCli(['export', '--edition', EDITION, '--out', elsewhere], { DATA_DIR: store.root, PUBLIC_URL: 'https://archives.example.org' });
    expect([built.code, built.stderr]).toEqual([0, '']);
    const entries = await unzip(readFileSync(elsewhere));
    expect(entries.get('items.json')?.toString('utf8')).toContain('https://archives.example.org/talks/');

    const missing = await runCli(['export', '--edition', '1999-nowhere', '--out', out], { DATA_DIR: store.root });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: no edition "1999-nowhere" in the archive (editions: ${EDITION})\n`);
    expect((await runCli(['export', '--edition', EDITION], { DATA_DIR: store.root })).code).toBe(2);
  });
});
