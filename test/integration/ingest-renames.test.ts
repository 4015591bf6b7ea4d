import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import type { MeiliServer } from '../../src/adapters/search-index/meilisearch-process.js';
import { parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { startArchiveMeili, startWebOnArchive } from '../support/archive-meili.js';
import { runCli, type CliRun } from '../support/cli.js';
import { makeVideoClip } from '../support/clips.js';

/** Default ids: `<edition>-<slug(title)>`, so a fixed typo in a title changes the id. */
const TYPO_ID = '2025-strasbourg-mediation-numerque-et-ia';
const FIXED_ID = '2025-strasbourg-mediation-numerique-et-ia';
const OTHER_ID = '2025-strasbourg-guichets-de-proximite';

/**
 * A programme without an id column, ingested, then its title corrected: the corrected row is
 * refused (it would be a second item of the same recording) with what to do; listing the old
 * id as an alias renames the item, and the old id then answers 301. The archive's own Meilisearch
 * is started once, before the first ingest: every command on the archive uses it (as beside a
 * running site), and the site is served over it, with what the ingests indexed.
 */
describe('a title fixed in a programme without ids', () => {
  let root: string;
  let dataDir: string;
  let first: CliRun;
  let fixed: CliRun;
  let renamed: CliRun;
  let itemsAfterFix: string[];
  let other: Manifest;
  let firstTitle: string;
  let search: CliRun;
  let meili: MeiliServer;
  let site: Awaited<ReturnType<typeof startWebOnArchive>>;

  const programme = (rows: string[], header = 'edition,date,title,kind,media'): string => {
    const file = path.join(root, 'programme.csv');
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
    return file;
  };
  const ingest = (file: string): Promise<CliRun> => runCli(['ingest', '--plain', file], { DATA_DIR: dataDir });
  const manifestOf = (id: string): Manifest => parseManifest(readFileSync(path.join(dataDir, 'items', id, 'manifest.json'), 'utf8'));
  const items = (): string[] => readdirSync(path.join(dataDir, 'items')).sort();

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'mc-renames-'));
    dataDir = path.join(root, 'data');
    mkdirSync(path.join(root, 'media'));
    [meili] = await Promise.all([
      startArchiveMeili(dataDir),
      makeVideoClip(path.join(root, 'media/ia.mp4'), { seconds: 1, width: 320, height: 180 }),
      makeVideoClip(path.join(root, 'media/guichets.mp4'), { seconds: 1, width: 320, height: 180, pattern: 'testsrc' }),
    ]);
    const otherRow = '2025 Strasbourg,2025-10-29,Guichets de proximité,talk,media/guichets.mp4';
    first = await ingest(programme([`2025 Strasbourg,2025-10-29,Médiation numérque et IA,talk,media/ia.mp4`, otherRow]));
    other = manifestOf(OTHER_ID);
    firstTitle = manifestOf(TYPO_ID).title;
    // A download of the item under its first id, as someone may have linked it.
    const download = manifestOf(TYPO_ID).downloads.find((d) => d.format === 'mp4');
    writeFileSync(path.join(root, 'old-download.txt'), download?.key ?? 'none');
    fixed = await ingest(programme([`2025 Strasbourg,2025-10-29,Médiation numérique et IA,talk,media/ia.mp4`, otherRow]));
    itemsAfterFix = items();
    renamed = await ingest(programme([
      `2025 Strasbourg,2025-10-29,Médiation numérique et IA,talk,media/ia.mp4,${TYPO_ID}`,
      // An alias on an item already archived under its id: metadata only.
      `${otherRow},2025-strasbourg-guichets`,
    ], 'edition,date,title,kind,media,aliases'));
    // Search through the CLI, and the site over the same archive and index, side by side.
    [search, site] = await Promise.all([runCli(['search', 'médiation', '--json'], { DATA_DIR: dataDir }), startWebOnArchive(new FsBlobStore(dataDir), meili)]);
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    await meili?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('first ingests both rows under their default ids', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(firstTitle).toBe('Médiation numérque et IA');
  });

  it('keeps one item when the title is fixed, and says which id to give the row or to list as alias', () => {
    expect(fixed.code).toBe(1);
    expect(itemsAfterFix).toEqual([OTHER_ID, TYPO_ID]);
    const line = fixed.stderr.split('\n').find((l) => l.includes(FIXED_ID));
    expect(line, fixed.stderr).toBe(
      `error: ${FIXED_ID} media/ia.mp4: row 1: this file is already archived as "${TYPO_ID}" (same sha256), so this row would make a second item: ` +
      `give this row the id "${TYPO_ID}", or list "${TYPO_ID}" in its aliases column to rename the item to "${FIXED_ID}"`,
    );
    // The other row carries on (unchanged).
    expect(fixed.stderr.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
  });

  it('renames the item when the old id is listed in the aliases column: one item, the old one gone', () => {
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(items()).toEqual([OTHER_ID, FIXED_ID]);
    const manifest = manifestOf(FIXED_ID);
    expect(manifest.title).toBe('Médiation numérique et IA');
    expect(manifest.aliases).toEqual([TYPO_ID]);
    expect(existsSync(path.join(dataDir, 'items', TYPO_ID))).toBe(false);
    expect(existsSync(path.join(dataDir, 'staging', TYPO_ID))).toBe(false);
  });

  it('takes an alias added to an archived item as a metadata change: nothing is made again', () => {
    const now = manifestOf(OTHER_ID);
    expect(now.aliases).toEqual(['2025-strasbourg-guichets']);
    expect(now.pipeline.inputs).toBe(other.pipeline.inputs);
    expect(now.files).toEqual(other.files);
    expect(renamed.stdout).not.toMatch(new RegExp(`^${OTHER_ID}: transcode-video`, 'm'));
  });

  it('leaves search with the new id only', () => {
    expect(search.code, search.stderr).toBe(0);
    const ids = (JSON.parse(search.stdout) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids).toContain(FIXED_ID);
    expect(ids).not.toContain(TYPO_ID);
  });

  describe('on the website', () => {
    it('answers the old id with 301 to the new one, and the item under its new id', async () => {
      for (const [asked, location] of [
        [`/talks/${TYPO_ID}?t=1`, `/talks/${FIXED_ID}?t=1`],
        [`/en/talks/${TYPO_ID}`, `/en/talks/${FIXED_ID}`],
        [`/api/items/${TYPO_ID}`, `/api/items/${FIXED_ID}`],
        ['/talks/2025-strasbourg-guichets', `/talks/${OTHER_ID}`],
      ] as const) {
        const response = await site.fetch(asked);
        expect(response.status, asked).toBe(301);
        expect(response.headers.get('location'), asked).toBe(location);
      }
      expect((await site.fetch(`/talks/${FIXED_ID}`)).status).toBe(200);
    });

    it('sends a download of the old revision to the same rendition of the new one', async () => {
      const old = readFileSync(path.join(root, 'old-download.txt'), 'utf8');
      const response = await site.fetch(`/media/${old}`);
      expect(response.status).toBe(301);
      const location = response.headers.get('location') ?? '';
      expect(location).toMatch(new RegExp(`^/media/items/${FIXED_ID}/[0-9a-f]{12}/`));
      expect((await site.fetch(location)).status).toBe(200);
    });
  });
});
