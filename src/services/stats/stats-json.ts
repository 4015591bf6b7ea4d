import { emptyDay, emptyItemDay, type DayCounts, type ItemDay, type MonthCounts } from './stats-counts.js';

/**
 * Month counts as stored (plain JSON objects) and back. Reading checks every value by hand
 * rather than with a schema: the keys are outside text (search queries, hosts), and a plain
 * object built key by key could take "__proto__" as its prototype.
 */
export type MonthJson = Record<string, DayJson>;
interface DayJson {
  items: Record<string, ItemDayJson>;
  searches: Record<string, number>;
}
interface ItemDayJson {
  plays: number;
  quartiles: number[];
  visitors: number;
  downloads: Record<string, number>;
  embeds: Record<string, number>;
  languages: Record<string, number>;
}

export function monthToJson(month: MonthCounts): MonthJson {
  return Object.fromEntries(
    [...month].map(([date, day]) => [
      date,
      {
        items: Object.fromEntries([...day.items].map(([item, counts]) => [item, itemDayToJson(counts)])),
        searches: Object.fromEntries(day.searches),
      },
    ]),
  );
}

function itemDayToJson(counts: ItemDay): ItemDayJson {
  return {
    plays: counts.plays,
    quartiles: [...counts.quartiles],
    visitors: counts.visitors,
    downloads: Object.fromEntries(counts.downloads),
    embeds: Object.fromEntries(counts.embeds),
    languages: Object.fromEntries(counts.languages),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The month read back; throws on anything that is not counts (the reader skips that object, naming it). */
export function monthFromJson(value: unknown): MonthCounts {
  const month: MonthCounts = new Map();
  for (const [date, day] of entriesOf(value, 'days')) {
    if (!DATE.test(date)) throw new Error(`"${date.slice(0, 20)}" is not a date`);
    month.set(date, dayFromJson(day));
  }
  return month;
}

function dayFromJson(value: unknown): DayCounts {
  const day = emptyDay();
  const object = objectOf(value, 'day');
  for (const [item, counts] of entriesOf(object.items, 'items')) day.items.set(item, itemDayFromJson(counts));
  day.searches = countsOf(object.searches, 'searches');
  return day;
}

function itemDayFromJson(value: unknown): ItemDay {
  const object = objectOf(value, 'item counts');
  const counts = emptyItemDay();
  counts.plays = countOf(object.plays, 'plays');
  counts.visitors = countOf(object.visitors, 'visitors');
  const quartiles = object.quartiles;
  if (!Array.isArray(quartiles) || quartiles.length !== 4) throw new Error('quartiles: expected four counts');
  counts.quartiles = [countOf(quartiles[0], 'quartile'), countOf(quartiles[1], 'quartile'), countOf(quartiles[2], 'quartile'), countOf(quartiles[3], 'quartile')];
  counts.downloads = countsOf(object.downloads, 'downloads');
  counts.embeds = countsOf(object.embeds, 'embeds');
  counts.languages = countsOf(object.languages, 'languages');
  return counts;
}

function objectOf(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: expected an object`);
  return value as Record<string, unknown>;
}

function entriesOf(value: unknown, what: string): [string, unknown][] {
  return Object.entries(objectOf(value, what));
}

function countsOf(value: unknown, what: string): Map<string, number> {
  return new Map(entriesOf(value, what).map(([key, n]) => [key, countOf(n, what)]));
}

function countOf(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new Error(`${what}: expected a count`);
  return value;
}
