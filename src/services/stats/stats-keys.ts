import type { StatsMonth } from './stats-calendar.js';

/**
 * The statistics' store keys (the `stats/` prefix has this one owner). Each web process writes
 * one object per month, its own, holding all it counted that month, rewritten whole with a higher
 * `seq` each time it flushes: no two processes ever write the same key, so no count is lost
 * without needing conditional writes (which the BlobStore port does not offer). A compaction
 * gathers several into one `compacted-…` object (see stats-reader.ts).
 */
export const STATS_PREFIX = 'stats/';

export function monthPrefix(month: StatsMonth): string {
  return `${STATS_PREFIX}${month}/`;
}

export function processKey(month: StatsMonth, processId: string): string {
  return `${monthPrefix(month)}process-${processId}.json`;
}

export function compactedKey(month: StatsMonth, id: string): string {
  return `${monthPrefix(month)}compacted-${id}.json`;
}

export type StatsObjectKind = 'process' | 'compacted';

/** The month and kind of a stats key; null for anything else under the prefix. */
export function parseStatsKey(key: string): { month: StatsMonth; kind: StatsObjectKind } | null {
  const match = /^stats\/(\d{4}-\d{2})\/(process|compacted)-[A-Za-z0-9-]+\.json$/.exec(key);
  return match ? { month: match[1]!, kind: match[2] as StatsObjectKind } : null;
}
