import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { StatsRecorder } from '../../src/services/stats/stats-recorder.js';
import type { StatsReport } from '../../src/services/stats/stats-report.js';
import { runCli } from '../support/cli.js';
import { freshStore, writeItem, type ArchiveItem } from '../support/search-archive.js';

const TALK: ArchiveItem = {
  id: '2025-strasbourg-guichet', kind: 'talk', title: 'Le guichet numérique', edition: '2025 Strasbourg', date: '2025-10-29',
  themes: ['Inclusion', 'Communs'], licence: 'CC-BY-SA-4.0',
};
const PODCAST: ArchiveItem = {
  id: '2024-bordeaux-sobriete', kind: 'podcast', title: 'Sobriété', edition: '2024 Bordeaux', date: '2024-11-15', themes: ['Communs'], licence: 'CC-BY-4.0',
};

/** An archive with what two processes counted in November 2026 and one in December, one item removed since. */
async function countedArchive(): Promise<string> {
  const store = freshStore();
  await writeItem(store, TALK);
  await writeItem(store, PODCAST);
  const visitor = (n: number) => ({ address: `198.51.100.${n}`, userAgent: 'Firefox' });
  const november = () => new Date('2026-11-20T10:00:00Z');
  const one = new StatsRecorder(store, { clock: november, flushMs: 0 });
  const two = new StatsRecorder(store, { clock: november, flushMs: 0 });
  for (let n = 0; n < 3; n += 1) one.play(TALK.id, visitor(n), 'fr');
  one.progress(TALK.id, 4);
  two.play(PODCAST.id, visitor(9), 'en');
  two.download(PODCAST.id, 'mp3', visitor(9));
  two.embed(TALK.id, 'blog.example.org');
  two.play('2024-removed-since', visitor(1), 'fr');
  two.searchWithoutResult('blockchain');
  two.searchWithoutResult('blockchain');
  const december = new StatsRecorder(store, { clock: () => new Date('2026-12-02T10:00:00Z'), flushMs: 0 });
  december.play(TALK.id, visitor(1), 'fr');
  await Promise.all([one.close(), two.close(), december.close()]);
  return store.root;
}

describe('mediacommuns stats', () => {
  it('prints a month per item, edition, theme and month, and its searches without result; as JSON and CSV too', async () => {
    const env = { DATA_DIR: await countedArchive() };
    const text = await runCli(['stats', '--month', '2026-11'], env);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Statistics of 2026-11: 5 play(s), 1 to the end');
    expect(text.stdout).toMatch(/2025-strasbourg-guichet\s+3\s+0\/0\/0\/1\s+3\s+0\s+1\s+Le guichet numérique/);
    expect(text.stdout).toContain('(removed)');
    expect(text.stdout).toMatch(/By theme[^\n]*\n[^\n]*\n[^\n]*\nCommuns\s+4/);
    expect(text.stdout).toMatch(/2026-12\s+1/);
    expect(text.stdout).toMatch(/2\s+blockchain/);

    const json = await runCli(['stats', '--month', '2026-11', '--json'], env);
    const report = JSON.parse(json.stdout) as StatsReport;
    expect(report.summary).toEqual({ plays: 5, visitors: 5, completed: 1, downloads: 1, embeds: 1, searchesWithoutResult: 2, itemsUsed: 3 });
    expect(report.editions.map((e) => [e.label, e.plays])).toEqual([['2025 Strasbourg', 3], ['2024 Bordeaux', 1]]);
    expect(report.themes.map((t) => [t.label, t.plays])).toEqual([['Communs', 4], ['Inclusion', 3]]);
    expect(report.months.map((m) => [m.key, m.plays])).toEqual([['2026-11', 5], ['2026-12', 1]]);
    expect(report.searches).toEqual([{ query: 'blockchain', count: 2 }]);

    const csv = await runCli(['stats', '--month', '2026-11', '--csv'], env);
    const rows = parse(csv.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === PODCAST.id)).toMatchObject({ month: '2026-11', plays: '1', downloads: '1', downloads_by_format: 'mp3:1', edition: '2024-bordeaux' });
  });

  it('compacts while keeping every count, and refuses a bad month', async () => {
    const env = { DATA_DIR: await countedArchive() };
    const compact = await runCli(['stats', '--compact'], env);
    expect(compact.code).toBe(0);
    expect(compact.stdout).toContain('2026-11: 2 object(s) read');
    const report = JSON.parse((await runCli(['stats', '--month', '2026-11', '--json'], env)).stdout) as StatsReport;
    expect(report.summary.plays).toBe(5);
    const bad = await runCli(['stats', '--month', '2026-13'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--month 2026-13');
  });
});
