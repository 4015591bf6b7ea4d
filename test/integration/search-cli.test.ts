import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { startLocalMeilisearch, type MeiliServer } from '../../src/adapters/search-index/meilisearch-process.js';
import { SearchService } from '../../src/services/search/search-service.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { runCli } from '../support/cli.js';
import { cuesOf, writeItem } from '../support/search-archive.js';

const fresh = (): string => mkdtempSync(path.join(tmpdir(), 'mc-search-cli-'));

async function archive(dataDir: string): Promise<void> {
  const store = new FsBlobStore(dataDir);
  await writeItem(store, {
    id: '2025-strasbourg-mediation', kind: 'talk', title: 'Médiation numérique et IA', themes: ['Médiation numérique'],
    speakers: [{ name: 'Claire Vasseur' }],
    transcripts: [{ cues: cuesOf(['Bonjour à toutes et à tous.', 'La fracture numérique touche aussi les agents.'], 6, 750) }],
  });
  await writeItem(store, {
    id: '2025-strasbourg-magazine', kind: 'document', title: 'Le magazine 2025', themes: ['Communs & souveraineté'],
    pages: ['Édito.', 'Réduire la fracture numérique dans les villages.'],
  });
  await writeItem(store, { id: '2024-lyon-podcast', kind: 'podcast', title: 'Sobriété numérique', edition: '2024 Lyon', date: '2024-06-01' });
}

/**
 * The commands on the real CLI, each in its own process, against a real Meilisearch. The
 * archive's own server runs for the whole file, as a running `serve` keeps it: each command
 * finds it in DATA_DIR/meili and uses it rather than starting one of its own (the last test
 * has `reindex` start and stop its own). The tests follow one another on the same archive.
 */
describe('search on the command line', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let own: MeiliServer;

  beforeAll(async () => {
    dataDir = fresh();
    env = { DATA_DIR: dataDir };
    await archive(dataDir);
    own = await startLocalMeilisearch({ dataDir });
  });

  afterAll(async () => {
    await own?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('reindexes the archive, then answers `search --json` in the documented shape', async () => {
    const reindex = await runCli(['reindex'], env);
    expect(reindex.stderr).toBe('');
    expect(reindex.code).toBe(0);
    expect(reindex.stdout).toMatch(/^Reindexed 3 item\(s\) and 3 passage\(s\) in [\d.]+ s \(Meilisearch 1\.21\.0, http:\/\/127\.0\.0\.1:\d+\)\n$/);
    expect(reindex.stdout).toContain(`, ${own.url})\n`);

    const run = await runCli(['search', 'fracture', 'numérique', '--json'], env);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(result).slice(0, 4)).toEqual(['query', 'total', 'items', 'facets']);
    expect(result).toMatchObject({ query: 'fracture numérique', total: 2 });
    const items = result.items as { id: string; title: string; kind: string; url: string; passages: Record<string, unknown>[] }[];
    const talk = items.find((i) => i.kind === 'talk');
    expect(talk).toMatchObject({ id: '2025-strasbourg-mediation', title: 'Médiation numérique et IA', url: '/talks/2025-strasbourg-mediation' });
    // The words are said in the passage's second (last) cue: the link opens there, the passage keeps its bounds.
    expect(talk?.passages[0]).toMatchObject({
      start: 756, end: 762, passageStart: 750, passageEnd: 762, page: null, source: 'captions-reviewed', url: '/talks/2025-strasbourg-mediation?t=756',
    });
    expect(talk?.passages[0]?.text).toContain('fracture numérique');
    const magazine = items.find((i) => i.kind === 'document');
    expect(magazine?.passages[0]).toMatchObject({ start: null, end: null, passageStart: null, passageEnd: null, page: 2, source: 'pdf', url: '/documents/2025-strasbourg-magazine?page=2' });
    expect(result.facets).toMatchObject({ kind: { talk: 1, document: 1 }, edition: { '2025 Strasbourg': 2 } });
  });

  it('prints readable results with filters, and refuses unknown filters with exit code 2', async () => {
    const run = await runCli(['search', 'numerique', '--filter', 'kind=talk', '--filter', 'theme=Médiation numérique'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 item\(s\) for «numerique»\n\n1\. Médiation numérique et IA\n   talk, 2025 Strasbourg — Claire Vasseur — \/talks\/2025-strasbourg-mediation\n/);
    expect(run.stdout).toMatch(/12:36 {2}.*fracture numérique.*\n\s+captions-reviewed — \/talks\/2025-strasbourg-mediation\?t=756/);
    const unknown = await runCli(['search', 'x', '--filter', 'colour=red', '--filter', 'year=soon'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('error: unknown filter "colour"; known filters: edition, year, theme, kind, speaker, language, licence, captions, '
      + 'reviewedTranscript, audioDescription, signLanguage, easyRead, transcript\nerror: year: "soon" is not a year such as 2025\n');
    const malformed = await runCli(['search', 'x', '--filter', 'kind'], env);
    expect([malformed.code, malformed.stderr]).toEqual([2, 'error: --filter "kind": expected name=value (names: edition, year, theme, kind, speaker, language, licence, captions, reviewedTranscript, audioDescription, signLanguage, easyRead, transcript)\n']);
  });

  it('shows the search service in `status`', async () => {
    const run = await runCli(['status'], env);
    expect(run.stdout).toMatch(/\nSearch: Meilisearch 1\.21\.0 \(run by the app, http:\/\/127\.0\.0\.1:\d+\) — 3 item\(s\), 3 passage\(s\)\n/);
    const json = JSON.parse((await runCli(['status', '--json'], env)).stdout) as { search: Record<string, unknown> };
    expect(json.search).toMatchObject({ available: true, version: '1.21.0', mode: 'own', items: 3, segments: 6 });
  });

  it('removing items: lists without --yes, then removes manifest, files and search documents, naming ids it does not know', async () => {
    const podcastDir = path.join(dataDir, 'items', '2024-lyon-podcast');

    const dry = await runCli(['remove', '2024-lyon-podcast', '--reason', 'Doublon'], env);
    expect(dry.code).toBe(2);
    expect(dry.stdout).toMatch(/^would remove 2024-lyon-podcast \(Sobriété numérique\): \d+ file\(s\), [\d.]+ MB\nwould write tombstones\/2024-lyon-podcast\.json: \{.+\}\n$/);
    expect(dry.stderr).toBe('nothing removed: add --yes to remove these items\n');
    expect(existsSync(path.join(podcastDir, 'manifest.json'))).toBe(true);

    const run = await runCli(['remove', '2024-lyon-podcast', 'pas-dans-l-archive', '../items', '--reason', 'Doublon', '--yes'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: pas-dans-l-archive: no such item in the archive\nerror: ../items: no such item in the archive\n');
    expect(run.stdout).toMatch(/^removing 2024-lyon-podcast \(Sobriété numérique\): /);
    const left: string[] = [];
    for await (const blob of new FsBlobStore(dataDir).list('items/2024-lyon-podcast/')) left.push(blob.key);
    expect(left).toEqual([]);
    expect(existsSync(path.join(dataDir, 'items', '2025-strasbourg-mediation', 'manifest.json'))).toBe(true);

    // Out of search: asked of the archive's index directly (`search` and `status` are the tests above).
    const index = new MeilisearchIndex({ url: own.url, apiKey: own.apiKey, mode: 'own' });
    try {
      const found = await new SearchService(index).search({ q: '' });
      expect(found.items.map((i) => i.id).sort()).toEqual(['2025-strasbourg-magazine', '2025-strasbourg-mediation']);
      expect(await index.stats()).toMatchObject({ items: 2 });
    } finally {
      await index.close();
    }
  });

  it('on an external Meilisearch (MEILI_URL): indexes and searches there, and runs no server of its own', async () => {
    // The same server, seen from another archive folder as an external one.
    const other = fresh();
    await archive(other);
    const external = { DATA_DIR: other, MEILI_URL: own.url, MEILI_MASTER_KEY: own.apiKey };
    const reindex = await runCli(['reindex'], external);
    expect([reindex.code, reindex.stderr]).toEqual([0, '']);
    expect(reindex.stdout).toContain(`Reindexed 3 item(s) and 3 passage(s) in `);
    expect(reindex.stdout).toContain(`(Meilisearch 1.21.0, ${own.url})\n`);
    expect((await runCli(['status'], external)).stdout).toContain(`Search: Meilisearch 1.21.0 (external, ${own.url}) — 3 item(s)`);
    // What it indexed there answers there (`search` opens the index as `reindex` and `status` do).
    const index = new MeilisearchIndex({ url: own.url, apiKey: own.apiKey, mode: 'external' });
    try {
      expect((await new SearchService(index).search({ q: 'fracture' })).total).toBe(2);
    } finally {
      await index.close();
    }
    expect(existsSync(path.join(other, 'meili'))).toBe(false);
    await rm(other, { recursive: true, force: true });
  });
});

describe('search that does not answer', () => {
  it('fails `search` with one line and exit 2, lets an ingest succeed with one warning, and `reindex` recovers', async () => {
    const dataDir = fresh();
    const down = { DATA_DIR: dataDir, MEILI_URL: 'http://127.0.0.1:9', MEILI_MASTER_KEY: 'k'.repeat(16) };
    const search = await runCli(['search', 'magazine'], down);
    expect([search.code, search.stderr]).toEqual([2, 'error: search is unavailable: Meilisearch at http://127.0.0.1:9 does not answer (ECONNREFUSED)\n']);
    expect((await runCli(['status'], down)).stdout).toContain('\nSearch: unavailable — search is unavailable: Meilisearch at http://127.0.0.1:9 does not answer (ECONNREFUSED)\n');

    const folder = fresh();
    copyFileSync(path.join(SHORT_SAMPLE_DIR, 'documents/magazine-nec-2025.pdf'), path.join(folder, 'magazine.pdf'));
    writeFileSync(path.join(folder, 'programme.csv'), 'id,edition,date,title,kind,language,licence,media\n'
      + '2025-strasbourg-magazine-cartographie,2025 Strasbourg,2025-10-30,Cartographie des communs,document,fr,Etalab-2.0,magazine.pdf\n');
    const ingest = await runCli(['ingest', '--plain', path.join(folder, 'programme.csv')], down);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/1 ingested, 0 updated, 0 unchanged, 0 failed/);
    expect(ingest.stderr).toBe('warning: search index not updated for 1 item(s): search is unavailable: Meilisearch at http://127.0.0.1:9 does not answer '
      + '(ECONNREFUSED); run `mediacommuns reindex` once search is back\n');

    // No server runs on this archive: `reindex` starts its own there, and stops it when done.
    const own = { DATA_DIR: dataDir };
    expect((await runCli(['reindex'], own)).code).toBe(0);
    expect(existsSync(path.join(dataDir, 'meili', 'instance.json'))).toBe(false);
    const found = JSON.parse((await runCli(['search', 'cartographie', '--json'], own)).stdout) as { items: { id: string }[] };
    expect(found.items.map((i) => i.id)).toEqual(['2025-strasbourg-magazine-cartographie']);
    await rm(dataDir, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  }, 120_000);
});
