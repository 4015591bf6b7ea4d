import { randomBytes } from 'node:crypto';
import type { BlobStore } from '../../ports/blob-store.js';
import { addMonth, type MonthCounts } from './stats-counts.js';
import { MONTH_PATTERN, type StatsMonth } from './stats-calendar.js';
import { compactedKey, monthPrefix, parseStatsKey, STATS_PREFIX } from './stats-keys.js';
import { monthFromJson, monthToJson, type MonthJson } from './stats-json.js';

/** A process object not rewritten for this long belongs to a stopped process: a compaction may remove it. */
export const IDLE_PROCESS_MS = 2 * 3600_000;

/** One process's counts of a month as last written: a higher `seq` holds all a lower one held. */
interface ProcessCounts {
  seq: number;
  days: MonthCounts;
}

/**
 * A month's totals: the sum over processes of each process's latest counts. Every process
 * object holds everything that process counted (cumulative, never a delta), so taking the highest
 * `seq` per process and adding processes up counts everything once, however many compacted
 * copies of a process exist: reading, compacting and writing may all happen at the same time.
 */
export async function readMonth(store: BlobStore, month: StatsMonth, onUnreadable: (key: string, why: string) => void = () => {}): Promise<MonthCounts> {
  let read = await readProcesses(store, month, onUnreadable);
  // A listed object gone: a compaction removed it, and the compacted object holding its counts
  // may have been written after the listing. Read the month again once, which lists that one.
  if (read.vanished) read = await readProcesses(store, month, onUnreadable);
  const latest = read.latest;
  const total: MonthCounts = new Map();
  for (const counts of latest.values()) addMonth(total, counts.days);
  return total;
}

/** Every month's totals, oldest first: the public page, the console and `stats` read them so. */
export async function readAllMonths(store: BlobStore, onUnreadable: (key: string, why: string) => void = () => {}): Promise<Map<StatsMonth, MonthCounts>> {
  const months = new Map<StatsMonth, MonthCounts>();
  for (const month of await statsMonths(store)) months.set(month, await readMonth(store, month, onUnreadable));
  return months;
}

/** The months that have statistics, oldest first. */
export async function statsMonths(store: BlobStore): Promise<StatsMonth[]> {
  const months = new Set<StatsMonth>();
  for await (const blob of store.list(STATS_PREFIX)) {
    const parsed = parseStatsKey(blob.key);
    if (parsed) months.add(parsed.month);
  }
  return [...months].sort();
}

/**
 * Gathers a month's objects into one compacted object, then removes what it holds: the
 * compacted objects read (the new one holds all they held) and the objects of processes idle for
 * `idleMs` (stopped; a live process rewrites its own at its next flush anyway, with all its counts).
 * Two compactions at once each write their own object holding the same latest counts: readers
 * take the highest `seq` per process, so nothing is counted twice nor lost.
 */
export async function compactMonth(store: BlobStore, month: StatsMonth, options: { now?: Date; idleMs?: number } = {}): Promise<{ gathered: number; removed: number }> {
  if (!MONTH_PATTERN.test(month)) throw new Error(`"${month}" is not a month (yyyy-mm)`);
  const now = (options.now ?? new Date()).getTime();
  const idleMs = options.idleMs ?? IDLE_PROCESS_MS;
  const { latest, objects } = await readProcesses(store, month, () => {});
  if (objects.length <= 1) return { gathered: objects.length, removed: 0 };
  const processes: Record<string, { seq: number; days: MonthJson }> = Object.fromEntries(
    [...latest].map(([id, counts]) => [id, { seq: counts.seq, days: monthToJson(counts.days) }]),
  );
  const key = compactedKey(month, `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
  await store.putBuffer(key, JSON.stringify({ format: 1, month, processes }), 'application/json');
  let removed = 0;
  for (const object of objects) {
    if (object.kind === 'process') {
      // Checked again just before: a process that wrote since it was read is alive, its object stays.
      const info = await store.stat(object.key);
      if (!info || now - info.modified.getTime() < idleMs) continue;
      // And read again: an object rewritten with counts the compacted one does not hold stays, so
      // a flush landing between the listing and this delete is never lost.
      if (!(await heldBy(store, object.key, processes))) continue;
    }
    await store.delete(object.key);
    removed += 1;
  }
  return { gathered: objects.length, removed };
}

/** Whether the process object at `key` holds no later counts than `processes` (what a compaction wrote) has for it. */
async function heldBy(store: BlobStore, key: string, processes: Record<string, { seq: number }>): Promise<boolean> {
  const buffer = await store.getBuffer(key);
  if (!buffer) return false;
  try {
    const value = JSON.parse(buffer.toString('utf8')) as Record<string, unknown>;
    const held = processes[stringOf(value.process)];
    return held !== undefined && seqOf(value.seq) <= held.seq;
  } catch {
    return false; // unreadable: kept for a person to look at, as readMonth names it
  }
}

async function readProcesses(
  store: BlobStore,
  month: StatsMonth,
  onUnreadable: (key: string, why: string) => void,
): Promise<{ latest: Map<string, ProcessCounts>; objects: { key: string; kind: 'process' | 'compacted' }[]; vanished: boolean }> {
  const latest = new Map<string, ProcessCounts>();
  let vanished = false;
  const objects: { key: string; kind: 'process' | 'compacted' }[] = [];
  const offer = (id: string, counts: ProcessCounts): void => {
    const known = latest.get(id);
    if (!known || counts.seq > known.seq) latest.set(id, counts);
  };
  for await (const blob of store.list(monthPrefix(month))) {
    const parsed = parseStatsKey(blob.key);
    if (!parsed || parsed.month !== month) continue;
    const buffer = await store.getBuffer(blob.key);
    if (!buffer) {
      vanished = true; // removed by a compaction since the listing: its counts are in a compacted object
      continue;
    }
    try {
      const value = JSON.parse(buffer.toString('utf8')) as Record<string, unknown>;
      if (parsed.kind === 'process') {
        offer(stringOf(value.process), { seq: seqOf(value.seq), days: monthFromJson(value.days) });
      } else {
        const processes = value.processes;
        if (typeof processes !== 'object' || processes === null) throw new Error('processes: expected an object');
        for (const [id, entry] of Object.entries(processes)) {
          const { seq, days } = entry as Record<string, unknown>;
          offer(id, { seq: seqOf(seq), days: monthFromJson(days) });
        }
      }
      objects.push({ key: blob.key, kind: parsed.kind });
    } catch (error) {
      onUnreadable(blob.key, (error as Error).message);
    }
  }
  return { latest, objects, vanished };
}

function stringOf(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new Error('process: expected an id');
  return value;
}

function seqOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new Error('seq: expected a positive whole number');
  return value;
}
