import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { createStore } from '../../compose.js';
import type { Config } from '../../config.js';
import { UsageError } from '../../domain/errors.js';
import { allManifests } from '../../services/archive/manifests.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import { MONTH_PATTERN, statsMonthOf } from '../../services/stats/stats-calendar.js';
import { compactMonth, readAllMonths, statsMonths } from '../../services/stats/stats-reader.js';
import { itemCsvRows, statsReport, type GroupLine, type StatsReport } from '../../services/stats/stats-report.js';
import { table } from '../format.js';
import type { CliIo } from '../io.js';

export const STATS_HELP = `Usage: mediacommuns stats [--month yyyy-mm] [--json | --csv] [--compact]

What the site counted in a month (default: this month, in Paris time), without tracking anyone:
plays (after 10 s heard), how far they went, visitors per day and item, downloads by format,
embeds by the embedding site, per item, edition and theme; every month's totals; the most
frequent searches that found nothing. The same figures as the console's statistics.

  --month yyyy-mm   another month
  --json            the whole report as JSON
  --csv             the month's items as CSV (the console's export)
  --compact         gathers the month's objects under stats/ into one (all months without --month);
                    safe while the site runs
Exit code: 0 shown, 2 bad usage.`;

export async function statsCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { month: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, compact: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(`${STATS_HELP}\n`);
    return 0;
  }
  if (values.month !== undefined && !MONTH_PATTERN.test(values.month)) throw new UsageError(`--month ${values.month}: expected a month such as 2026-12`);
  if (values.json && values.csv) throw new UsageError('--json and --csv: choose one');
  const store = await createStore(config);
  const warn = (key: string, cause: string): void => io.err(`${escapeControlCharacters(`warning: ${key}: ${cause}`)}\n`);
  if (values.compact) {
    for (const month of values.month ? [values.month] : await statsMonths(store)) {
      const { gathered, removed } = await compactMonth(store, month);
      io.out(`${month}: ${gathered} object(s) read, ${removed} removed after gathering\n`);
    }
    return 0;
  }
  const month = values.month ?? statsMonthOf(new Date());
  const all = await readAllMonths(store, warn);
  const manifests = new Map((await allManifests(store, warn)).map((m) => [m.id, m]));
  const report = statsReport(month, all, (id) => manifests.get(id));
  if (values.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else if (values.csv) io.out(stringify(itemCsvRows(report)));
  // Titles and search texts come from outside: each line is shown with its control characters escaped.
  else io.out(reportText(report).split('\n').map(escapeControlCharacters).join('\n'));
  return 0;
}

function reportText(report: StatsReport): string {
  const s = report.summary;
  const groups = (lines: GroupLine[]): string =>
    table(['', 'plays', 'to the end', 'visitors', 'downloads', 'embeds'], lines.map((g) => [g.label, String(g.plays), String(g.completed), String(g.visitors), String(g.downloads), String(g.embeds)]));
  const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = [
    `Statistics of ${report.month}: ${s.plays} play(s), ${s.completed} to the end, ${s.visitors} visitor(s) per day and item, ` +
      `${s.downloads} download(s), ${s.embeds} embedded play(s), ${s.searchesWithoutResult} search(es) without result, ${s.itemsUsed} item(s) used`,
  ];
  if (report.items.length > 0) {
    parts.push('', 'By item:', table(
      ['id', 'plays', '25/50/75/end', 'visitors', 'downloads', 'embeds', 'title'],
      report.items.map((i) => [i.id, String(i.plays), i.quartiles.join('/'), String(i.visitors), String(sum(i.downloads)), String(sum(i.embeds)), i.title ?? '(removed)']),
    ));
  }
  if (report.editions.length > 0) parts.push('', 'By edition:', groups(report.editions));
  if (report.themes.length > 0) parts.push('', 'By theme (an item counts in each of its themes):', groups(report.themes));
  if (report.months.length > 0) parts.push('', 'By month:', groups(report.months));
  if (report.searches.length > 0) parts.push('', 'Searches without result:', table(['count', 'text'], report.searches.map((q) => [String(q.count), q.query])));
  return `${parts.join('\n')}\n`;
}
