import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { ingestCommand } from '../../src/cli/commands/ingest.js';
import { removeCommand } from '../../src/cli/commands/remove.js';
import { manifestKey } from '../../src/domain/manifest.js';
import { parseTombstone } from '../../src/domain/tombstone.js';
import { tombstoneKey } from '../../src/services/archive/tombstones.js';
import { runCli } from '../support/cli.js';
import { commandRefusal, runCommand } from '../support/cli-in-process.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { sampleArchiveDir, sampleManifests } from '../support/sample-archive.js';
import { writeItem } from '../support/search-archive.js';

const dirs: string[] = [];
const fresh = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-remove-cli-'));
  dirs.push(dir);
  return dir;
};

/**
 * One Meilisearch for the file, named to every run (remove and ingest index as they go): without
 * MEILI_URL each run would start and stop one of its own.
 */
let meili: TestMeili;
let search: Record<string, string>;
beforeAll(async () => {
  meili = await startTestMeili();
  search = { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey };
});
afterAll(async () => {
  await meili?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * `remove` and `ingest --restore` on the real CLI, each run in its own process, for every exit code
 * and the lines it prints; the runs beside them that only change the archive or check one more
 * refusal call the same command in this process (test/support/cli-in-process.ts).
 */
describe('remove: the notice it leaves', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = fresh();
    env = { DATA_DIR: dataDir, ...search };
    const store = new FsBlobStore(dataDir);
    await writeItem(store, { id: '2025-strasbourg-ancien', kind: 'talk', title: 'Ancien titre' });
    await writeItem(store, { id: '2025-strasbourg-nouveau', kind: 'talk', title: 'Nouveau titre' });
  });

  it('refuses bad usage with exit 2 before touching anything: no reason, a purge with a reason, a replacement that is not live', async () => {
    const noReason = '--reason "…" is required: the page of a removed item tells its visitors why (or use --purge for a rights or personal-data request)';
    // The CLI's answer to a usage error: exit 2 and the one line.
    const run = await runCli(['remove', '2025-strasbourg-ancien', '--yes'], env);
    expect([run.code, run.stderr]).toEqual([2, `error: ${noReason}\n`]);
    // Each refusal is a usage error of the command (which the CLI answers as above), thrown before anything is done.
    const cases: [string[], string][] = [
      [['2025-strasbourg-ancien', '--reason', '  ', '--yes'], noReason],
      [['2025-strasbourg-ancien', '--purge', '--reason', 'x', '--yes'], '--purge keeps only the id and the date: leave out --reason and --replaced-by'],
      [['2025-strasbourg-ancien', '--reason', 'x', '--replaced-by', '2025-nulle-part', '--yes'], '--replaced-by 2025-nulle-part: no such item in the archive (it must name a published item)'],
      [['2025-strasbourg-ancien', '--reason', 'x', '--replaced-by', '2025-strasbourg-ancien', '--yes'], '--replaced-by 2025-strasbourg-ancien: this item is being removed itself'],
    ];
    for (const [args, message] of cases) {
      expect([args.join(' '), await commandRefusal(removeCommand, args, env)]).toEqual([args.join(' '), `UsageError: ${message}`]);
    }
    expect(existsSync(path.join(dataDir, manifestKey('2025-strasbourg-ancien')))).toBe(true);
  });

  it('shows the tombstone it would write without --yes, writes exactly that with --yes, then says the id is already removed', async () => {
    const args = ['remove', '2025-strasbourg-ancien', '--reason', 'Doublon, voir la nouvelle version', '--replaced-by', '2025-strasbourg-nouveau'];
    // The command in this process: the CLI's exit 2 is shown above, its exit 0 and 1 below.
    const dry = await runCommand(removeCommand, args.slice(1), env);
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

/** A one-page PDF with a line of text: a document whose ingest renders and reads a single page. */
async function onePagePdf(file: string, text: string): Promise<void> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595.28, 841.89]);
  page.drawText(text, { x: 72, y: 760, size: 24, font: await pdf.embedFont(StandardFonts.Helvetica) });
  writeFileSync(file, await pdf.save());
}

describe('ingest after a removal', () => {
  it('refuses the removed row with one line naming the row and the tombstone, ingests the others; --restore brings it back and deletes the tombstone', async () => {
    // The sample edition's magazine, as its ingest left it (test/support/sample-archive.ts), is the archive.
    const magazineItem = (await sampleManifests()).find((m) => m.kind === 'document')!;
    const MAGAZINE = magazineItem.id;
    const dataDir = fresh();
    const env = { DATA_DIR: dataDir, ...search };
    cpSync(path.join(sampleArchiveDir(), 'items', MAGAZINE), path.join(dataDir, 'items', MAGAZINE), { recursive: true });
    const folder = fresh();
    // The rows' documents: one page each (what the ingest does with a PDF's pages is not the point here).
    await onePagePdf(path.join(folder, 'magazine.pdf'), 'Le magazine de Numerique en Commun[s]');
    await onePagePdf(path.join(folder, 'diapos.pdf'), 'Les diapositives de la table ronde');
    const header = 'id,edition,date,title,kind,language,licence,media\n';
    const magazine = `${MAGAZINE},2025 Strasbourg,2025-10-30,Le magazine,document,fr,Etalab-2.0,magazine.pdf\n`;
    const slides = '2025-strasbourg-diapos,2025 Strasbourg,2025-10-30,Les diapositives,document,fr,Etalab-2.0,diapos.pdf\n';
    // Purged (the CLI's exit codes for remove: the tests above; a purge through it: web-removed-items.test.ts).
    const purge = await runCommand(removeCommand, [MAGAZINE, '--purge', '--yes'], env);
    expect([purge.code, purge.stderr]).toEqual([0, '']);
    expect(existsSync(path.join(dataDir, manifestKey(MAGAZINE)))).toBe(false);
    const removedOn = parseTombstone(String(await new FsBlobStore(dataDir).getBuffer(tombstoneKey(MAGAZINE)))).removedAt.slice(0, 10);

    // The programme still lists the purged item; a new row comes after it.
    writeFileSync(path.join(folder, 'programme.csv'), header + magazine + slides);
    const refusal = `error: ${path.join(folder, 'programme.csv')} row 1 ${MAGAZINE} id: purged from the archive on ${removedOn}, `
      + `see tombstones/${MAGAZINE}.json: not ingested again; to bring it back on purpose, run the ingest with --restore ${MAGAZINE}\n`;
    // Validation alone refuses it already (the command in this process; the CLI's run follows).
    const dry = await runCommand(ingestCommand, ['--plain', '--dry-run', folder], env);
    expect([dry.code, dry.stderr]).toEqual([1, refusal]);
    const second = await runCli(['ingest', '--plain', folder], env);
    expect([second.code, second.stderr]).toEqual([1, refusal]);
    expect(second.stdout).toMatch(/1 ingested, 0 updated, 0 unchanged, 1 failed/);
    expect(existsSync(path.join(dataDir, manifestKey('2025-strasbourg-diapos')))).toBe(true);
    expect(existsSync(path.join(dataDir, manifestKey(MAGAZINE)))).toBe(false);

    // A usage error (the CLI's exit 2 and line for those: cli.test.ts).
    expect(await commandRefusal(ingestCommand, ['--plain', folder, '--restore', '../x'], env)).toBe('UsageError: --restore takes item ids (such as 2025-strasbourg-ia-et-mediation): "../x"');

    const restored = await runCli(['ingest', '--plain', folder, '--restore', MAGAZINE], env);
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect(restored.stdout).toMatch(/1 ingested, 0 updated, 1 unchanged, 0 failed/);
    expect(restored.stdout).toContain(`restored ${MAGAZINE}: published again, its tombstone deleted\n`);
    expect(existsSync(path.join(dataDir, manifestKey(MAGAZINE)))).toBe(true);
    expect(existsSync(path.join(dataDir, tombstoneKey(MAGAZINE)))).toBe(false);

    // Back for good: the next run needs no flag.
    const third = await runCommand(ingestCommand, ['--plain', folder], env);
    expect([third.code, third.stderr]).toEqual([0, '']);
    expect(third.stdout).toMatch(/0 ingested, 0 updated, 2 unchanged, 0 failed/);
  }, 240_000);
});
