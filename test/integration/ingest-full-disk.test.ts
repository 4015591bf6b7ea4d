import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../../src/cli/commands/ingest.js';
import { statusCommand } from '../../src/cli/commands/status.js';
import { parseManifest, type Manifest } from '../../src/domain/manifest.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { runCli, type CliRun } from '../support/cli.js';
import { runCommand } from '../support/cli-in-process.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { sampleProgramme } from '../support/sample-programme.js';
import { mountTmpfs, tmpfsProblem, type Tmpfs } from '../support/tmpfs.js';

/**
 * Three items of the short sample edition ingested onto a disk too small for them: a real tmpfs
 * of a few MB (mounting one needs root; without it the test is skipped, saying so), Meilisearch
 * elsewhere. The first item fits, the disk fills up in the middle of the second (its slide OCR
 * needs room for the frames it reads) and the third is not attempted; then the disk is made
 * larger (a tmpfs keeps its files when remounted) and the same command is run again.
 */
const SMALL_DISK = '2m';
const LARGE_DISK = '64m';

/**
 * The rows, by media file: a podcast (at most ~1.1 MB in use while it is made), a talk (~1.6 MB
 * up to its poster, over 3 MB in its slide OCR) and the magazine. Every item kind, in a third
 * of the time of the whole edition: the count of items proves nothing here.
 */
const ROWS = ['podcasts/paroles-de-mediatrices-permanences-rurales.m4a', 'talks/table-ronde-communs-et-souverainete.mp4', 'documents/magazine-nec-2025.pdf'];

const problem = tmpfsProblem();

/** Every file under a folder, relative paths, hidden ones included. */
function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe.skipIf(problem !== null)(`ingest on a disk that fills up${problem ? ` (skipped: ${problem})` : ''}`, () => {
  let small: Tmpfs;
  let disk: string;
  let meili: TestMeili;
  let first: CliRun;
  let env: Record<string, string>;
  let programme: ReturnType<typeof sampleProgramme>;
  const manifestOf = (id: string): Manifest | null => {
    const file = path.join(disk, 'items', id, 'manifest.json');
    return existsSync(file) ? parseManifest(readFileSync(file, 'utf8')) : null;
  };
  const publishedIds = (): string[] => readdirSync(path.join(disk, 'items')).filter((id) => existsSync(path.join(disk, 'items', id, 'manifest.json')));
  const sha256 = (key: string): string => createHash('sha256').update(readFileSync(path.join(disk, key))).digest('hex');
  const programmeIds = (run: CliRun): string[] => [...run.stdout.matchAll(/^(\S+) {2,}(?:ingested|unchanged|updated|failed) {2,}/gm)].map((m) => m[1] as string);

  beforeAll(async () => {
    programme = sampleProgramme(SHORT_SAMPLE_DIR, ROWS);
    small = mountTmpfs(SMALL_DISK);
    disk = small.dir;
    // The search index lives elsewhere: this test is about the store and the work folder.
    meili = await startTestMeili();
    env = { DATA_DIR: disk, TRANSCRIBER: 'none', MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey };
    first = await runCli(['ingest', '--plain', programme.file], env);
  }, 300_000);

  afterAll(async () => {
    await meili?.stop();
    small?.unmount();
    programme?.remove();
  });

  it('stops at the first full disk with one line saying where, the room left and what to do, and exits 1', () => {
    expect(first.code).toBe(1);
    const lines = first.stderr.split('\n').filter(Boolean);
    const stopped = lines.filter((l) => l.startsWith('error: run stopped:'));
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatch(new RegExp(`^error: run stopped: disk full: the (store|work) folder ${disk}(/\\.work)? has [\\d.]+ [kM]?B free; free space there or set DATA_DIR to a folder on a larger disk, then run the same command again \\(finished steps are kept\\)$`));
    // One item failed, for the disk and not for any of its files; none names ENOSPC raw.
    const failures = lines.filter((l) => l.startsWith('error: ') && !l.startsWith('error: run stopped:'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^error: [a-z0-9-]+: disk full: /);
    expect(first.stderr).not.toMatch(/ENOSPC|\.(vtt|srt|mp4|m4a|wav|pdf)\b/);
    expect(first.stdout).toMatch(/\d+ ingested, 0 updated, 0 unchanged, 1 failed, [1-9]\d* not attempted/);
  });

  it('lists the items not attempted, which it never started', () => {
    const line = first.stderr.split('\n').find((l) => l.startsWith('not attempted:')) ?? '';
    const [, count, list] = /^not attempted: (\d+) item\(s\): (.+)$/.exec(line) ?? [];
    const notAttempted = (list ?? '').split(', ');
    expect(notAttempted).toHaveLength(Number(count));
    const tried = programmeIds(first);
    expect(tried.length + notAttempted.length).toBe(ROWS.length);
    for (const id of notAttempted) {
      expect(tried).not.toContain(id);
      expect(first.stdout).not.toContain(`${id}: start`);
    }
  });

  it('published the items before whole, and nothing half-written', () => {
    const published = publishedIds();
    expect(published.length).toBeGreaterThanOrEqual(1);
    for (const id of published) {
      const manifest = manifestOf(id) as Manifest;
      for (const file of [manifest.source, ...manifest.files]) expect(sha256(file.key), file.key).toBe(file.sha256);
    }
    // The failed item has no manifest, and no write in progress was left behind in the store.
    const failed = /^error: ([a-z0-9-]+): disk full/m.exec(first.stderr)?.[1] as string;
    expect(manifestOf(failed)).toBeNull();
    expect(allFiles(disk).filter((f) => !f.startsWith('.work/') && f.endsWith('.part'))).toEqual([]);
  });

  it('status shows the room left in the store and work folders, and warns under DISK_WARN_FREE_MB', async () => {
    // --json in this process (the command's own function); the text through the spawned CLI.
    const json = await runCommand(statusCommand, ['--json'], env);
    const { disk: room } = JSON.parse(json.stdout) as { disk: { warnBelowBytes: number; folders: { place: string; path: string; freeBytes: number; low: boolean }[] } };
    expect(room.warnBelowBytes).toBe(2048 * 1024 * 1024);
    expect(room.folders.map((f) => [f.place, f.path, f.low])).toEqual([['store', disk, true], ['work', path.join(disk, '.work'), true]]);
    for (const folder of room.folders) expect(folder.freeBytes).toBeLessThan(2 * 1024 * 1024);
    const text = await runCli(['status'], { ...env, DISK_WARN_FREE_MB: '1' });
    expect(text.stdout).toMatch(new RegExp(`^Disk: store folder ${disk} [\\d.]+ [kM]?B free; work folder ${disk}/\\.work [\\d.]+ [kM]?B free$`, 'm'));
    expect(text.stdout).toMatch(new RegExp(`^warning: the store folder ${disk} has [\\d.]+ [kM]?B free, under DISK_WARN_FREE_MB \\(1 MiB\\): an ingest stops when the disk is full`, 'm'));
  });

  it('after making room, the same command completes every item, resuming the stopped one, every checksum right', async () => {
    const before = publishedIds();
    const failed = /^error: ([a-z0-9-]+): disk full/m.exec(first.stderr)?.[1] as string;
    const keptSteps = allFiles(path.join(disk, 'staging', failed)).filter((f) => /\/steps\/[^/]+\.json$/.test(f)).length;
    small.resize(LARGE_DISK);
    // The same command, in this process (the command's own function): the first run, spawned, proved the entry point.
    const again = await runCommand(ingestCommand, ['--plain', programme.file], env);
    expect(again.stderr).not.toMatch(/^error/m);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`${ROWS.length - before.length} ingested, 0 updated, ${before.length} unchanged, 0 failed — `));
    // The steps the stopped item had finished are not run again.
    const reused = again.stdout.split('\n').filter((l) => l.startsWith(`${failed}: `) && l.endsWith('reused from the previous run'));
    expect(keptSteps).toBeGreaterThan(0);
    expect(reused.length).toBeGreaterThan(0);
    expect(reused.length).toBeLessThanOrEqual(keptSteps);
    expect(publishedIds()).toHaveLength(ROWS.length);
    for (const id of publishedIds()) {
      const manifest = manifestOf(id) as Manifest;
      for (const file of [manifest.source, ...manifest.files]) expect(sha256(file.key), `${id} ${file.key}`).toBe(file.sha256);
    }
  }, 300_000);
});
