/**
 * The daily totals kept by the statistics: per item (plays, quarters reached, visitors,
 * downloads by format, embeds by the embedding site's host, plays by page language) and the
 * searches that found nothing. Maps, not objects, in memory: their keys come from outside (a
 * search text may be "__proto__"), and a Map has no inherited keys to collide with.
 */
export interface ItemDay {
  plays: number;
  /** Plays that reached 25 %, 50 %, 75 % of the recording and its end. */
  quartiles: [number, number, number, number];
  /** Distinct visitors who played or downloaded the item that day (counted once per process, see visitors.ts). */
  visitors: number;
  downloads: Map<string, number>;
  embeds: Map<string, number>;
  languages: Map<string, number>;
}

export interface DayCounts {
  items: Map<string, ItemDay>;
  /** Normalised search texts that matched no item, and how often. */
  searches: Map<string, number>;
}

/** A month's days by date (yyyy-mm-dd). */
export type MonthCounts = Map<string, DayCounts>;

export function emptyItemDay(): ItemDay {
  return { plays: 0, quartiles: [0, 0, 0, 0], visitors: 0, downloads: new Map(), embeds: new Map(), languages: new Map() };
}

export function emptyDay(): DayCounts {
  return { items: new Map(), searches: new Map() };
}

export function bump(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

export function dayOf(month: MonthCounts, day: string): DayCounts {
  let counts = month.get(day);
  if (!counts) month.set(day, (counts = emptyDay()));
  return counts;
}

export function itemDayOf(day: DayCounts, item: string): ItemDay {
  let counts = day.items.get(item);
  if (!counts) day.items.set(item, (counts = emptyItemDay()));
  return counts;
}

export function addItemDay(into: ItemDay, from: ItemDay): void {
  into.plays += from.plays;
  into.visitors += from.visitors;
  from.quartiles.forEach((n, i) => (into.quartiles[i as 0 | 1 | 2 | 3] += n));
  for (const [key, n] of from.downloads) bump(into.downloads, key, n);
  for (const [key, n] of from.embeds) bump(into.embeds, key, n);
  for (const [key, n] of from.languages) bump(into.languages, key, n);
}

/** Adds every count of `from` into `into` (sums: the counts of different processes are disjoint). */
export function addMonth(into: MonthCounts, from: MonthCounts): MonthCounts {
  for (const [date, day] of from) {
    const target = dayOf(into, date);
    for (const [item, counts] of day.items) addItemDay(itemDayOf(target, item), counts);
    for (const [query, n] of day.searches) bump(target.searches, query, n);
  }
  return into;
}

/** All of a month's days added up, per item (for the month's tables). */
export function itemTotals(month: MonthCounts): Map<string, ItemDay> {
  const totals = new Map<string, ItemDay>();
  for (const day of month.values()) {
    for (const [item, counts] of day.items) {
      let total = totals.get(item);
      if (!total) totals.set(item, (total = emptyItemDay()));
      addItemDay(total, counts);
    }
  }
  return totals;
}

/** The searches without result of a month, most frequent first. */
export function topSearches(month: MonthCounts, limit: number): { query: string; count: number }[] {
  const totals = new Map<string, number>();
  for (const day of month.values()) for (const [query, n] of day.searches) bump(totals, query, n);
  return [...totals]
    .map(([query, count]) => ({ query, count }))
    .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
    .slice(0, limit);
}

/** Everything of a month added up: what the public page and the month line show. */
export interface MonthSummary {
  plays: number;
  visitors: number;
  /** Plays that reached the end. */
  completed: number;
  downloads: number;
  embeds: number;
  searchesWithoutResult: number;
  /** Items played, downloaded or embedded at least once. */
  itemsUsed: number;
}

export function summaryOf(month: MonthCounts): MonthSummary {
  const summary: MonthSummary = { plays: 0, visitors: 0, completed: 0, downloads: 0, embeds: 0, searchesWithoutResult: 0, itemsUsed: 0 };
  const items = itemTotals(month);
  summary.itemsUsed = items.size;
  for (const counts of items.values()) addToSummary(summary, counts);
  for (const day of month.values()) for (const n of day.searches.values()) summary.searchesWithoutResult += n;
  return summary;
}

export function addToSummary(summary: MonthSummary, counts: ItemDay): void {
  summary.plays += counts.plays;
  summary.visitors += counts.visitors;
  summary.completed += counts.quartiles[3];
  for (const n of counts.downloads.values()) summary.downloads += n;
  for (const n of counts.embeds.values()) summary.embeds += n;
}
