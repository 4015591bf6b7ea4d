import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { manifestKey } from '../../src/domain/manifest.js';
import { parseTombstone } from '../../src/domain/tombstone.js';
import { tombstoneKey } from '../../src/services/archive/tombstones.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { runCli } from '../support/cli.js';
import { writeItem } from '../support/search-archive.js';

const fresh = (): string => mkdtempSync(path.join(tmpdir(), 'mc-remove-cli-'));

/** `remove` and `ingest --restore` on the real CLI, each run in its own process. */
describe('remove: the notice it leaves', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = fresh();
    env = { DATA_DIR: dataDir };
    const store = new FsBlobStore(dataDir);
    await writeItem(store, { id: '2025-strasbourg-ancien', kind: 'talk', title: 'Ancien titre' });
    await writeItem(store, { id: '2025-strasbourg-nouveau', kind: 'talk', title: 'Nouveau titre' });
  });

  it('refuses bad usage with exit 2 before touching anything: no reason, a purge with a reason, a replacement that is not live', async () => {
    const cases: [string[], string][] = [
      [['remove', '2025-strasbourg-ancien', '--yes'], 'error: --reason "…" is required: the page of a removed item tells its visitors why (or use --purge for a rights or personal-data request)\n'],
      [['remove', '2025-strasbourg-ancien', '--reason', '  ', '--yes'], 'error: --reason "…" is required: the page of a removed item tells its visitors why (or use --purge for a rights or personal-data request)\n'],
      [['remove', '2025-strasbourg-ancien', '--purge', '--reason', 'x', '--yes'], 'error: --purge keeps only the id and the date: leave out --reason and --replaced-by\n'],
      [['remove', '2025-strasbourg-ancien', '--reason', 'x', '--replaced-by', '2025-nulle-part', '--yes'], 'error: --replaced-by 2025-nulle-part: no such item in the archive (it must name a published item)\n'],
      [['remove', '2025-strasbourg-ancien', '--reason', 'x', '--replaced-by', '2025-strasbourg-ancien', '--yes'], 'error: --replaced-by 2025-strasbourg-ancien: this item is being removed itself\n'],
    ];
    for (const [args, stderr] of cases) {
      const run = await runCli(args, env);
      expect([args.join(' '), run.code, run.stderr]).toEqual([args.join(' '), 2, stderr]);
    }
    expect(existsSync(path.join(dataDir, manifestKey('2025-strasbourg-ancien')))).toBe(true);
  });

  it('shows the tombstone it would write without --yes, writes exactly that with --yes, then says the id is already removed', async () => {
    const args = ['remove', '2025-strasbourg-ancien', '--reason', 'Doublon, voir la nouvelle version', '--replaced-by', '2025-strasbourg-nouveau'];
    const dry = await runCli(args, env);
    expect([dry.code, dry.stderr]).toEqual([2, 'nothing removed: add --yes to remove these items\n']);
    const [what, tombstoneLine] = dry.stdout.trimEnd().split('\n');
    expect(what).toMatch(/^would remove 2025-strasbourg-ancien \(Ancien titre\): \d+ file\(s\), [\d.]+ MB$/);
    const shown = parseTombstone((tombstoneLine ?? '').replace(/^would write tombstones\/2025-strasbourg-ancien\.json: /, ''));
    expect(shown).toMatchObject({ id: '2025-strasbourg-ancien', purged: false, title: 'Ancien titre', kind: 'talk', reason: 'Doublon, voir la nouvelle version', replacedBy: '2025-strasbourg-nouveau' });
    expect(existsSync(path.join(dataDir, tombstoneKey('2025-strasbourg-ancien')))).toBe(false);

    const run = await runCli([...args, '--yes'], env);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const stored = parseTombstone(String(await new FsBlobStore(dataDir).getBuffer(tombstoneKey('2025-strasbourg-ancien'))));
    expect({ ...stored, removedAt: null }).toEqual({ ...shown, removedAt: null });
    expect(existsSync(path.join(dataDir, manifestKey('2025-strasbourg-ancien')))).toBe(false);

    const again = await runCli([...args.slice(0, 4), '--yes'], env);
    expect([again.code, again.stderr]).toEqual([1, `error: 2025-strasbourg-ancien: already removed on ${stored.removedAt.slice(0, 10)} (tombstones/2025-strasbourg-ancien.json)\n`]);
  });

  it('documents the options in --help', async () => {
    const help = await runCli(['remove', '--help'], env);
    expect(help.code).toBe(0);
    for (const option of ['--reason', '--replaced-by', '--purge', '--yes', 'tombstones/<id>.json', '410 Gone', '--restore <id>']) expect(help.stdout).toContain(option);
  });
});

describe('ingest after a removal', () => {
  it('refuses the removed row with one line naming the row and the tombstone, ingests the others; --restore brings it back and deletes the tombstone', async () => {
    const dataDir = fresh();
    const env = { DATA_DIR: dataDir };
    const folder = fresh();
    copyFileSync(path.join(SHORT_SAMPLE_DIR, 'documents/magazine-nec-2025.pdf'), path.join(folder, 'magazine.pdf'));
    copyFileSync(path.join(SHORT_SAMPLE_DIR, 'talks/mediation-numerique-et-ia.pdf'), path.join(folder, 'diapos.pdf'));
    const header = 'id,edition,date,title,kind,language,licence,media\n';
    const magazine = '2025-strasbourg-magazine,2025 Strasbourg,2025-10-30,Le magazine,document,fr,Etalab-2.0,magazine.pdf\n';
    const slides = '2025-strasbourg-diapos,2025 Strasbourg,2025-10-30,Les diapositives,document,fr,Etalab-2.0,diapos.pdf\n';
    writeFileSync(path.join(folder, 'programme.csv'), header + magazine);
    const first = await runCli(['ingest', '--plain', folder], env);
    expect([first.code, first.stderr]).toEqual([0, '']);
    const purge = await runCli(['remove', '2025-strasbourg-magazine', '--purge', '--yes'], env);
    expect([purge.code, purge.stderr]).toEqual([0, '']);
    const removedOn = parseTombstone(String(await new FsBlobStore(dataDir).getBuffer(tombstoneKey('2025-strasbourg-magazine')))).removedAt.slice(0, 10);

    // The programme still lists the purged item; a new row comes after it.
    writeFileSync(path.join(folder, 'programme.csv'), header + magazine + slides);
    const refusal = `error: ${path.join(folder, 'programme.csv')} row 1 2025-strasbourg-magazine id: purged from the archive on ${removedOn}, `
      + 'see tombstones/2025-strasbourg-magazine.json: not ingested again; to bring it back on purpose, run the ingest with --restore 2025-strasbourg-magazine\n';
    const dry = await runCli(['ingest', '--plain', '--dry-run', folder], env);
    expect([dry.code, dry.stderr]).toEqual([1, refusal]);
    const second = await runCli(['ingest', '--plain', folder], env);
    expect([second.code, second.stderr]).toEqual([1, refusal]);
    expect(second.stdout).toMatch(/1 ingested, 0 updated, 0 unchanged, 1 failed/);
    expect(existsSync(path.join(dataDir, manifestKey('2025-strasbourg-diapos')))).toBe(true);
    expect(existsSync(path.join(dataDir, manifestKey('2025-strasbourg-magazine')))).toBe(false);

    const bad = await runCli(['ingest', '--plain', folder, '--restore', '../x'], env);
    expect([bad.code, bad.stderr]).toEqual([2, 'error: --restore takes item ids (such as 2025-strasbourg-ia-et-mediation): "../x"\n']);

    const restored = await runCli(['ingest', '--plain', folder, '--restore', '2025-strasbourg-magazine'], env);
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect(restored.stdout).toMatch(/1 ingested, 0 updated, 1 unchanged, 0 failed/);
    expect(restored.stdout).toContain('restored 2025-strasbourg-magazine: published again, its tombstone deleted\n');
    expect(existsSync(path.join(dataDir, manifestKey('2025-strasbourg-magazine')))).toBe(true);
    expect(existsSync(path.join(dataDir, tombstoneKey('2025-strasbourg-magazine')))).toBe(false);

    // Back for good: the next run needs no flag.
    const third = await runCli(['ingest', '--plain', folder], env);
    expect([third.code, third.stderr]).toEqual([0, '']);
    expect(third.stdout).toMatch(/0 ingested, 0 updated, 2 unchanged, 0 failed/);
  }, 240_000);
});
