import { describe, expect, it } from 'vitest';
import { addMonth, bump, dayOf, itemDayOf, itemTotals, summaryOf, topSearches, type MonthCounts } from '../../../../src/services/stats/stats-counts.js';
import { monthFromJson, monthToJson } from '../../../../src/services/stats/stats-json.js';

function monthWith(plays: number, day = '2026-12-07'): MonthCounts {
  const month: MonthCounts = new Map();
  const counts = itemDayOf(dayOf(month, day), 'talk-a');
  counts.plays = plays;
  counts.visitors = plays;
  counts.quartiles = [plays, plays, 1, 1];
  bump(counts.downloads, 'mp4', 2);
  bump(counts.embeds, 'blog.example.org');
  bump(counts.languages, 'fr', plays);
  bump(dayOf(month, day).searches, 'constructor');
  bump(dayOf(month, day).searches, '__proto__', 2);
  return month;
}

describe('statistics counts', () => {
  it('adds months day by day and item by item', () => {
    const total = addMonth(addMonth(new Map(), monthWith(3)), monthWith(4));
    addMonth(total, monthWith(1, '2026-12-08'));
    const day = total.get('2026-12-07')!;
    expect(day.items.get('talk-a')).toEqual({
      plays: 7, visitors: 7, quartiles: [7, 7, 2, 2],
      downloads: new Map([['mp4', 4]]), embeds: new Map([['blog.example.org', 2]]), languages: new Map([['fr', 7]]),
    });
    expect(itemTotals(total).get('talk-a')?.plays).toBe(8);
    expect(summaryOf(total)).toEqual({ plays: 8, visitors: 8, completed: 3, downloads: 6, embeds: 3, searchesWithoutResult: 9, itemsUsed: 1 });
  });

  it('keeps search texts that are names of object properties as plain keys', () => {
    expect(topSearches(addMonth(monthWith(1), monthWith(1)), 10)).toEqual([{ query: '__proto__', count: 4 }, { query: 'constructor', count: 2 }]);
  });

  it('goes to JSON and back unchanged, and refuses what is not counts', () => {
    const month = addMonth(monthWith(2), monthWith(5, '2026-12-31'));
    const json = JSON.parse(JSON.stringify(monthToJson(month))) as unknown;
    expect(monthFromJson(json)).toEqual(month);
    expect(() => monthFromJson({ 'not a date': {} })).toThrow(/not a date/);
    expect(() => monthFromJson({ '2026-12-07': { items: { a: { plays: -1 } }, searches: {} } })).toThrow(/plays/);
    expect(() => monthFromJson({ '2026-12-07': { items: {}, searches: { q: 'many' } } })).toThrow(/searches/);
  });
});
