import { readFileSync, statSync } from 'node:fs';

/** What a block device did so far (/proc/diskstats): milliseconds with I/O in flight, bytes written, cache flushes (fsync's) and their milliseconds. */
export interface DiskCounters {
  busyMs: number;
  writtenBytes: number;
  /** Absent before Linux 5.5. */
  flushes?: number;
  flushMs?: number;
}

/** The block device a folder is on, as /proc/diskstats names it; null on tmpfs and other memory filesystems. */
export function deviceOf(dir: string): string | null {
  const dev = statSync(dir).dev;
  // Linux's dev_t: major in bits 8–19, minor in bits 0–7 and 20–31.
  const major = (dev >> 8) & 0xfff;
  const minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
  const line = readFileSync('/proc/diskstats', 'utf8').split('\n').map((l) => l.trim().split(/\s+/)).find((f) => Number(f[0]) === major && Number(f[1]) === minor);
  return line?.[2] ?? null;
}

export function diskCounters(device: string): DiskCounters | null {
  const fields = readFileSync('/proc/diskstats', 'utf8').split('\n').map((l) => l.trim().split(/\s+/)).find((f) => f[2] === device);
  // Fields after the name: reads, merged, sectors read, ms reading, writes, merged, sectors written (512 bytes), ms writing, in flight,
  // ms busy, weighted ms, then (4.18+) four of discards, then (5.5+) flush requests and ms flushing.
  if (!fields) return null;
  const counters: DiskCounters = { busyMs: Number(fields[12]), writtenBytes: Number(fields[9]) * 512 };
  if (fields.length >= 20) Object.assign(counters, { flushes: Number(fields[18]), flushMs: Number(fields[19]) });
  return counters;
}
