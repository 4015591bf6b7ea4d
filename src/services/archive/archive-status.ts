import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isSilentVideo, storedCount, type Manifest, type ManifestFields, type ManifestListing } from '../../domain/manifest.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { IngestSummary } from '../ingest/reporter.js';
import { readAuditCheckpoint, readLastAudit, type AuditCounts } from './fixity-audit.js';

/**
 * The archive at a glance, as `mediacommuns status` prints it and the console shows it: what
 * each item is, which recordings nobody can read the words of, the last ingest's outcome and
 * the last fixity audit. One home for both, so they never disagree.
 */
export interface ItemSummary {
  id: string;
  kind: Manifest['kind'];
  title: string;
  duration: number | null;
  /** reviewed (captions supplied), automatic (speech-to-text) or none; null for documents (no speech). */
  transcript: Manifest['accessibility']['transcript'] | null;
  files: number;
  bytes: number;
  /** false: a video recorded without sound; null for documents. */
  sound: boolean | null;
}

export function itemSummary(m: Manifest | ManifestListing): ItemSummary {
  const { files, bytes } = storedCount(m);
  const document = m.media.class === 'document';
  return {
    id: m.id, kind: m.kind, title: m.title, duration: document ? null : m.media.duration,
    transcript: document ? null : m.accessibility.transcript, files, bytes,
    sound: document ? null : !isSilentVideo(m),
  };
}

/** Recordings nobody can read or hear the words of. A video recorded without sound has no words: it is not one. */
export function untranscribedItems<T extends ManifestFields>(manifests: readonly T[]): T[] {
  return manifests.filter((m) => m.media.class !== 'document' && m.accessibility.transcript === 'none' && !isSilentVideo(m));
}

export type LastIngest = IngestSummary & { at: string };

/** Where the ingest command leaves its last run's report: local state beside the archive (DATA_DIR/.state), not part of it. */
export function lastIngestPath(dataDir: string): string {
  return path.join(dataDir, '.state', 'last-ingest.json');
}

/** The last ingest's report on this machine; null when there is none. */
export async function readLastIngest(dataDir: string): Promise<LastIngest | null> {
  try {
    return JSON.parse(await readFile(lastIngestPath(dataDir), 'utf8')) as LastIngest;
  } catch {
    return null;
  }
}

export interface AuditStatus {
  /** The latest finished audit: when, what was read, and what was wrong. */
  last: { key: string; finishedAt: string; result: 'clean' | 'problems'; store: string; item: string | null; sample: { percent: number; seed: string } | null; counts: AuditCounts } | null;
  /** An audit stopped before its end, which the next `verify` of the same scope resumes. */
  unfinished: { startedAt: string; item: string | null; sample: { percent: number; seed: string } | null; itemsDone: number; problems: number } | null;
}

export async function auditStatus(store: BlobStore): Promise<AuditStatus> {
  const last = await readLastAudit(store);
  const checkpoint = await readAuditCheckpoint(store);
  return {
    last: last && {
      key: last.key, finishedAt: last.report.finishedAt, result: last.report.result, store: last.report.store,
      item: last.report.scope.item, sample: last.report.scope.sample, counts: last.report.counts,
    },
    unfinished: checkpoint && {
      startedAt: checkpoint.startedAt, item: checkpoint.scope.item, sample: checkpoint.scope.sample, itemsDone: checkpoint.itemsDone.length, problems: checkpoint.problems.length,
    },
  };
}
