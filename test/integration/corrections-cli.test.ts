import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { correctionsCommand } from '../../src/cli/commands/corrections.js';
import { glossaryCommand } from '../../src/cli/commands/glossary.js';
import { searchCommand } from '../../src/cli/commands/search.js';
import { readManifest } from '../../src/services/archive/manifests.js';
import { listSuggestions } from '../../src/services/corrections/correction-store.js';
import { suggestCorrection } from '../../src/services/corrections/suggest-correction.js';
import { readOperatorLog } from '../../src/services/operators/operator-log.js';
import { SearchIndexer } from '../../src/services/search/indexer.js';
import { runCli } from '../support/cli.js';
import { commandRefusal, runCommand } from '../support/cli-in-process.js';
import { startTestMeili, type TestMeili } from '../support/meili.js';
import { writeItem } from '../support/search-archive.js';

const ID = '2025-strasbourg-tiers-lieux';
const dataDir = mkdtempSync(path.join(tmpdir(), 'mc-corrections-cli-'));
const store = new FsBlobStore(dataDir);
let meili: TestMeili;
let env: Record<string, string>;

beforeAll(async () => {
  await writeItem(store, {
    id: ID, kind: 'podcast', title: 'Les tiers-lieux',
    transcripts: [{ source: 'speech-to-text', cues: [[0, 5, 'Les tiers lieux de la Mednum.'], [5, 9, 'Un réseau national.'], [30, 34, 'Au revoir.', 'Léa']] }],
  });
  await writeItem(store, { id: '2025-strasbourg-reseau', kind: 'podcast', title: 'Le réseau', transcripts: [{ source: 'speech-to-text', cues: [[0, 4, 'Merci à la Mednum et aux Mednums.']] }] });
  meili = await startTestMeili();
  const index = meili.connect();
  await index.open();
  // Each item indexed as the ingest indexes what it publishes (a whole rebuild would only add index swaps).
  const indexer = new SearchIndexer(store, index);
  for (const id of [ID, '2025-strasbourg-reseau']) expect(await indexer.indexItem(id)).toEqual([]);
  env = { DATA_DIR: dataDir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey };
});
afterAll(async () => {
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Each command and exit code through the real CLI in its own process; the other runs call the same
 * command in this process (test/support/cli-in-process.ts): same output, no process start.
 */
describe('mediacommuns corrections', () => {
  it('lists pending suggestions, as a table and as JSON', async () => {
    const manifest = (await readManifest(store, ID))!;
    await suggestCorrection(store, manifest, { start: 2, text: 'Les tiers-lieux de la Mednum. Un réseau national.' });
    await suggestCorrection(store, manifest, { start: 31, text: 'Au revoir à tous.' });
    const listed = await runCli(['corrections', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Les tiers-lieux de la Mednum.');
    const json = await runCommand(correctionsCommand, ['list', '--json'], env);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { id: string; item: string; start: number; state: string }[];
    expect(parsed.map((s) => [s.item, s.start, s.state])).toEqual([[ID, 0, 'pending'], [ID, 30, 'pending']]);
  });

  it('accepts with --text and --as: new words found by search at the same second, the log names the operator', async () => {
    const [first] = await listSuggestions(store, { state: 'pending' });
    const run = await runCli(['corrections', 'accept', first!.id, '--text', 'Les tiers-lieux de la coopérative. Un réseau national.', '--as', 'dominique'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Suggestion ${first!.id} accepted (dominique)`);
    const search = await runCommand(searchCommand, ['coopérative', '--json'], env);
    const found = (JSON.parse(search.stdout) as { items: { id: string; passages: { start: number }[] }[] }).items.find((i) => i.id === ID);
    expect(found?.passages[0]?.start).toBe(0);
    expect((await readOperatorLog(store, { limit: 1 }))[0]).toMatchObject({ operator: 'dominique', action: 'correction.accept' });
    expect((await readManifest(store, ID))!.history?.[0]).toMatchObject({ by: 'dominique', cues: [0, 1] });
  });

  it('rejects, names the system user without --as, and refuses a decided or unknown suggestion', async () => {
    const [second] = await listSuggestions(store, { state: 'pending' });
    const run = await runCommand(correctionsCommand, ['reject', second!.id], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Suggestion ${second!.id} rejected \\(cli:`));
    expect((await readOperatorLog(store, { limit: 1 }))[0]!.operator).toMatch(/^cli:/);
    const again = await runCli(['corrections', 'accept', second!.id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already rejected');
    // Not found: an error of the archive's, which the CLI answers with exit 1 as the one above.
    expect(await commandRefusal(correctionsCommand, ['accept', 'zzz-000000'], env)).toBe('NotFoundError: no suggestion zzz-000000');
    expect((await runCli(['corrections', 'frobnicate'], env)).code).toBe(2);
  });
});

describe('mediacommuns glossary', () => {
  it('adds, lists, applies to automatic transcripts (whole words) and removes', async () => {
    expect((await runCli(['glossary', 'add', 'Mednum', 'MedNum', '--as', 'dominique'], env)).code).toBe(0);
    expect((await runCli(['glossary', 'add', '', 'x'], env)).code).toBe(2);
    const list = await runCommand(glossaryCommand, ['list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([{ find: 'Mednum', replace: 'MedNum' }]);
    const applied = await runCommand(glossaryCommand, ['apply'], env);
    expect(applied.code).toBe(0);
    // "Mednum" once as a whole word ("Mednums" is another word).
    expect(applied.stdout).toContain('2025-strasbourg-reseau (fr): 1 replacement(s)\n');
    const manifest = (await readManifest(store, '2025-strasbourg-reseau'))!;
    expect((await store.getBuffer(manifest.text.transcripts[0]!.txt))!.toString('utf8')).toContain('Merci à la MedNum et aux Mednums.');
    expect((await runCommand(glossaryCommand, ['remove', 'Mednum'], env)).code).toBe(0);
    const removed = await runCli(['glossary', 'remove', 'Mednum'], env);
    expect([removed.code, removed.stderr]).toEqual([1, 'error: "Mednum" is not in the glossary\n']);
  });
});

describe('mediacommuns corrections mark-reviewed', () => {
  it('marks an automatic transcript reviewed by people as a whole, once', async () => {
    const run = await runCli(['corrections', 'mark-reviewed', '2025-strasbourg-reseau', '--as', 'dominique'], env);
    expect(run.stdout).toBe('2025-strasbourg-reseau: transcript fr marked reviewed (dominique)\n');
    const manifest = (await readManifest(store, '2025-strasbourg-reseau'))!;
    expect(manifest.accessibility.transcript).toBe('reviewed');
    expect(manifest.history?.at(-1)).toMatchObject({ by: 'dominique', action: 'transcript.reviewed' });
    expect((await readOperatorLog(store, { limit: 1 }))[0]).toMatchObject({ operator: 'dominique', action: 'transcript.reviewed', target: '2025-strasbourg-reseau' });
    expect((await runCommand(correctionsCommand, ['mark-reviewed', '2025-strasbourg-reseau'], env)).stdout).toContain('was already reviewed');
  });
});
