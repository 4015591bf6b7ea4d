import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { BlobStore } from '../../ports/blob-store.js';
import { readStoredJson } from './manifests.js';

/**
 * The store's prefix for fixity audits, and the shapes kept there: one dated report per finished
 * audit (`audit/<yyyymmdd>T<hhmmss>Z.json`, kept for good) and the checkpoint of the audit under
 * way (`audit/in-progress.json`), which a killed audit resumes from.
 */
const PREFIX = 'audit/';
export const AUDIT_CHECKPOINT_KEY = `${PREFIX}in-progress.json`;
/** A report's key: its date, and a suffix for a second report finished in the same second. */
const REPORT_KEY = /^audit\/(\d{8}T\d{6}Z)(?:-(\d+))?\.json$/;

/** ISO 8601 basic format (no colons: a plain name on every filesystem), sorted as the dates are. */
export function auditReportKey(finishedAt: Date, attempt = 0): string {
  const stamp = finishedAt.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return `${PREFIX}${stamp}${attempt > 0 ? `-${attempt}` : ''}.json`;
}

const sample = z.object({ percent: z.number().positive().max(100), seed: z.string().min(1) });
const scope = z.object({ item: z.string().nullable(), sample: sample.nullable() });
export type AuditScope = z.infer<typeof scope>;

const checksum = z.object({ size: z.number().int().nonnegative(), sha256: z.string() });
/**
 * One thing wrong: damaged (size or sha256 differ), missing, or unreadable (a read that failed
 * for another reason, or a manifest this version cannot read: then `expected` is null).
 */
const problem = z.object({
  item: z.string(),
  key: z.string(),
  kind: z.enum(['damaged', 'missing', 'unreadable']),
  expected: checksum.nullable(),
  found: checksum.nullable(),
  cause: z.string().optional(),
});
export type AuditProblem = z.infer<typeof problem>;

const counts = z.object({
  /** Items whose objects were read (an item removed during the audit is not counted). */
  items: z.number().int().nonnegative(),
  /** Objects the manifests list in the scope, and of them those read (all, or the sample). */
  listed: z.number().int().nonnegative(),
  checked: z.number().int().nonnegative(),
  ok: z.number().int().nonnegative(),
  damaged: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  unreadable: z.number().int().nonnegative(),
  /** Bytes read and hashed, and the seconds spent reading them (every run of the audit). */
  bytes: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
});
export type AuditCounts = z.infer<typeof counts>;

const progress = {
  format: z.literal(1),
  startedAt: z.string(),
  /** fs <folder> or s3 <bucket> at <endpoint>: which copy of the archive was read. */
  store: z.string(),
  scope,
  /** How many runs the audit took (more than one when a killed audit was resumed). */
  runs: z.number().int().positive(),
  counts,
  problems: z.array(problem),
};

export const auditCheckpointSchema = z.object({ ...progress, itemsDone: z.array(z.string()) });
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

export const auditReportSchema = z.object({ ...progress, finishedAt: z.string(), result: z.enum(['clean', 'problems']) });
export type AuditReport = z.infer<typeof auditReportSchema>;

export const emptyCounts = (): AuditCounts => ({ items: 0, listed: 0, checked: 0, ok: 0, damaged: 0, missing: 0, unreadable: 0, bytes: 0, seconds: 0 });

/**
 * Whether `--sample` picks this object: the first 48 bits of sha256(seed, key) as a fraction
 * below `percent`. Each object is picked or not on its own (about `percent` of them, the same ones
 * for the same seed, whatever the order they are read in or an interruption), with nothing to keep
 * in memory: a Bernoulli sample, like SQL's TABLESAMPLE BERNOULLI.
 */
export function inSample(selection: { percent: number; seed: string }, key: string): boolean {
  if (selection.percent >= 100) return true;
  const draw = createHash('sha256').update(`${selection.seed}\n${key}`).digest().readUIntBE(0, 6) / 2 ** 48;
  return draw < selection.percent / 100;
}

/** The same audit asked again: same item, same sample (a seed not given takes the checkpoint's). */
export function sameScope(checkpoint: AuditScope, asked: { item: string | null; sample: { percent: number; seed?: string } | null }): boolean {
  if (checkpoint.item !== asked.item) return false;
  if (!checkpoint.sample || !asked.sample) return checkpoint.sample === null && asked.sample === null;
  return checkpoint.sample.percent === asked.sample.percent && (asked.sample.seed === undefined || asked.sample.seed === checkpoint.sample.seed);
}

export async function readAuditCheckpoint(store: BlobStore): Promise<AuditCheckpoint | null> {
  return readStoredJson(store, AUDIT_CHECKPOINT_KEY, auditCheckpointSchema);
}

export async function writeAuditCheckpoint(store: BlobStore, checkpoint: AuditCheckpoint): Promise<void> {
  await store.putBuffer(AUDIT_CHECKPOINT_KEY, JSON.stringify(auditCheckpointSchema.parse(checkpoint)), 'application/json');
}

export async function deleteAuditCheckpoint(store: BlobStore): Promise<void> {
  await store.delete(AUDIT_CHECKPOINT_KEY);
}

/** Writes the finished audit's report under its date (never over an earlier one); returns its key. */
export async function writeAuditReport(store: BlobStore, report: AuditReport): Promise<string> {
  const checked = auditReportSchema.parse(report);
  for (let attempt = 0; ; attempt++) {
    const key = auditReportKey(new Date(checked.finishedAt), attempt);
    if (await store.stat(key)) continue;
    await store.putBuffer(key, `${JSON.stringify(checked, null, 2)}\n`, 'application/json');
    return key;
  }
}

/** The latest finished audit's report and its key; null when the archive was never audited. */
export async function readLastAudit(store: BlobStore): Promise<{ key: string; report: AuditReport } | null> {
  let latest: string | null = null;
  for await (const blob of store.list(PREFIX)) {
    if (REPORT_KEY.test(blob.key) && (latest === null || compareReportKeys(blob.key, latest) > 0)) latest = blob.key;
  }
  if (latest === null) return null;
  const report = await readStoredJson(store, latest, auditReportSchema);
  return report ? { key: latest, report } : null;
}

/** By date, then by the suffix of a second report of the same second ("-2" after "-1"). */
function compareReportKeys(a: string, b: string): number {
  const [, da = '', na = '0'] = REPORT_KEY.exec(a) ?? [];
  const [, db = '', nb = '0'] = REPORT_KEY.exec(b) ?? [];
  return da === db ? Number(na) - Number(nb) : da.localeCompare(db);
}

