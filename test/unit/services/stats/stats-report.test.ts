import { describe, expect, it } from 'vitest';
import { dayOf, itemDayOf, type MonthCounts } from '../../../../src/services/stats/stats-counts.js';
import { itemCsvRows, statsReport } from '../../../../src/services/stats/stats-report.js';
import { manifestOf } from '../../../support/manifest-factory.js';

function month(entries: [string, number][]): MonthCounts {
  const counts: MonthCounts = new Map();
  for (const [id, plays] of entries) {
    const day = itemDayOf(dayOf(counts, '2026-12-07'), id);
    day.plays = plays;
    day.downloads.set('mp4', 1);
    day.embeds.set('', 2);
  }
  return counts;
}

describe('statsReport', () => {
  it('groups a month by item, edition and theme (an item in each of its themes), lists every month, names removed items by id', () => {
    const a = manifestOf({ id: 'a', title: 'A', themes: ['Communs', 'Inclusion'] });
    const b = manifestOf({ id: 'b', title: 'B', themes: ['Communs'] });
    const all = new Map([['2026-11', month([['a', 1]])], ['2026-12', month([['a', 2], ['b', 5], ['gone', 1]])]]);
    const report = statsReport('2026-12', all, (id) => ({ a, b })[id as 'a' | 'b']);
    expect(report.items.map((i) => [i.id, i.title, i.plays])).toEqual([['b', 'B', 5], ['a', 'A', 2], ['gone', null, 1]]);
    expect(report.themes.map((t) => [t.label, t.plays, t.itemsUsed])).toEqual([['Communs', 7, 2], ['Inclusion', 2, 1]]);
    expect(report.editions).toHaveLength(1);
    expect(report.editions[0]?.plays).toBe(7);
    expect(report.months.map((m) => [m.key, m.plays])).toEqual([['2026-11', 1], ['2026-12', 8]]);
    expect(report.summary.plays).toBe(8);
    const rows = itemCsvRows(report);
    expect(rows[0]?.slice(0, 5)).toEqual(['month', 'id', 'title', 'edition', 'plays']);
    expect(rows[1]).toEqual(['2026-12', 'b', 'B', b.edition.slug, 5, 0, 0, 0, 0, 0, 1, 'mp4:1', 2, '-:2']);
  });

  it('is empty for a month without counts', () => {
    const report = statsReport('2026-10', new Map(), () => undefined);
    expect(report.items).toEqual([]);
    expect(report.summary.plays).toBe(0);
  });
});
