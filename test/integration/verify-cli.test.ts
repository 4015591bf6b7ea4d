import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { statusCommand } from '../../src/cli/commands/status.js';
import { storageCommand } from '../../src/cli/commands/storage.js';
import { verifyCommand } from '../../src/cli/commands/verify.js';
import type { Manifest, StoredFile } from '../../src/domain/manifest.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { AUDIT_CHECKPOINT_KEY, auditReportSchema, readAuditCheckpoint, readLastAudit, type AuditReport } from '../../src/services/archive/fixity-audit.js';
import { verifyArchive } from '../../src/services/archive/verify-archive.js';
import { runCli } from '../support/cli.js';
import { commandRefusal, runCommand } from '../support/cli-in-process.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';
import { copySampleArchive, removeArchiveCopy, sampleManifests } from '../support/sample-archive.js';

let manifests: Manifest[];
let total: number;
const copies: FsBlobStore[] = [];
const dirs: string[] = [];
beforeAll(async () => {
  manifests = await sampleManifests();
  total = manifests.reduce((n, m) => n + m.files.length, 0);
});
afterAll(async () => {
  for (const copy of copies) await removeArchiveCopy(copy);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function archiveCopy(): Promise<FsBlobStore> {
  const store = await copySampleArchive();
  copies.push(store);
  return store;
}

/** The CLI over a DATA_DIR; a search address that answers nothing keeps `status` from starting Meilisearch. */
const env = (dataDir: string): Record<string, string> => ({ DATA_DIR: dataDir, MEILI_URL: 'http://127.0.0.1:9' });

async function lastReport(store: BlobStore): Promise<{ key: string; report: AuditReport }> {
  const last = await readLastAudit(store);
  if (!last) throw new Error('no audit report in the store');
  return last;
}

/** Changes one byte in the middle of a stored file: same size, another sha256. */
function flipByte(store: FsBlobStore, key: string): void {
  const file = store.localPath(key);
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(file, bytes);
}

const segmentOf = (m: Manifest): StoredFile => {
  const file = m.files.find((f) => /\/hls\/[^/]+\/segment-\d+\.ts$/.test(f.key));
  if (!file) throw new Error(`${m.id} has no HLS segment`);
  return file;
};
const recordings = (): Manifest[] => manifests.filter((m) => m.hls !== null);

const damagedLine = (m: Manifest, file: StoredFile): RegExp => new RegExp(
  `^error: ${m.id} ${escape(file.key)}: damaged: expected ${file.size} bytes sha256 ${file.sha256}, found ${file.size} bytes sha256 (?!${file.sha256})[0-9a-f]{64}$`,
);
const missingLine = (m: Manifest, file: StoredFile): string => `error: ${m.id} ${file.key}: missing: expected ${file.size} bytes sha256 ${file.sha256}, found nothing (missing)`;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * verify's exit codes (0 clean, 1 problems, 2 an unknown item) and its lines through the real CLI in
 * its own process; the other audits and the status that shows them call the same commands in this
 * process (test/support/cli-in-process.ts): same output, no process start.
 */
describe('verify', () => {
  it('passes a clean archive, then names a flipped byte in an HLS segment and a deleted object, in the report and in status', async () => {
    const store = await archiveCopy();
    const clean = await runCli(['verify'], env(store.root));
    expect([clean.code, clean.stderr]).toEqual([0, '']);
    expect(clean.stdout).toMatch(new RegExp(`^Clean: ${total} object\\(s\\) of ${manifests.length} item\\(s\\) read .*, ${total} as their manifest says, 0 damaged, 0 missing, 0 unreadable\\. Report: audit/\\d{8}T\\d{6}Z\\.json$`, 'm'));
    for (const m of manifests) expect(clean.stdout).toContain(`${m.id}: ${m.files.length} object(s), `);
    const first = await lastReport(store);
    expect(first.report).toMatchObject({ result: 'clean', runs: 1, scope: { item: null, sample: null }, store: `fs ${store.root}`, problems: [] });
    expect(first.report.counts).toMatchObject({ items: manifests.length, listed: total, checked: total, ok: total, damaged: 0, missing: 0, unreadable: 0 });
    expect(first.report.counts.bytes).toBe(manifests.reduce((n, m) => n + m.files.reduce((b, f) => b + f.size, 0), 0));
    expect(await store.stat(AUDIT_CHECKPOINT_KEY)).toBeNull();

    const [talk, other] = recordings() as [Manifest, Manifest];
    const segment = segmentOf(talk);
    const poster = other.files.find((f) => f.key.includes('/images/'))!;
    flipByte(store, segment.key);
    await store.delete(poster.key);

    const damaged = await runCli(['verify'], env(store.root));
    expect(damaged.code).toBe(1);
    const lines = damaged.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(damagedLine(talk, segment)));
    expect(lines).toContain(missingLine(other, poster));
    expect(damaged.stdout).toContain(`Problems found: ${total} object(s) of ${manifests.length} item(s) read`);
    expect(damaged.stdout).toContain(`${total - 2} as their manifest says, 1 damaged, 1 missing, 0 unreadable`);

    const second = await lastReport(store);
    expect(second.key).not.toBe(first.key); // a new report beside the first, never over it
    expect(second.report.result).toBe('problems');
    expect(second.report.problems).toEqual(expect.arrayContaining([
      { item: talk.id, key: segment.key, kind: 'damaged', expected: { size: segment.size, sha256: segment.sha256 }, found: { size: segment.size, sha256: expect.not.stringMatching(segment.sha256) } },
      { item: other.id, key: poster.key, kind: 'missing', expected: { size: poster.size, sha256: poster.sha256 }, found: null },
    ]));
    expect(second.report.problems).toHaveLength(2);
    // The report is the store's, whole: read back through its own schema.
    expect(auditReportSchema.safeParse(JSON.parse(readFileSync(store.localPath(second.key), 'utf8'))).success).toBe(true);

    const status = await runCommand(statusCommand, [], env(store.root));
    expect(status.stdout).toContain(`Fixity: last audit ${second.report.finishedAt} (whole archive, ${total} object(s), `);
    expect(status.stdout).toContain(`PROBLEMS: 1 damaged, 1 missing, 0 unreadable (see ${second.key}`);
    const json = JSON.parse((await runCommand(statusCommand, ['--json'], env(store.root))).stdout) as { audit: { last: { key: string; result: string; counts: { damaged: number; missing: number } } } };
    expect(json.audit.last).toMatchObject({ key: second.key, result: 'problems', counts: { damaged: 1, missing: 1 } });
  });

  it('--item reads only that item\'s objects; an unknown item is a usage error', async () => {
    const store = await archiveCopy();
    const [talk, other] = recordings() as [Manifest, Manifest];
    await store.delete(segmentOf(other).key); // another item's problem: not this audit's

    const run = await runCommand(verifyCommand, ['--item', talk.id], env(store.root));
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.trim().split('\n')[0]).toBe(`${talk.id}: ${talk.files.length} object(s), ${(talk.files.reduce((n, f) => n + f.size, 0) / 1e6).toFixed(1)} MB, ok`);
    const { report } = await lastReport(store);
    expect(report.scope).toEqual({ item: talk.id, sample: null });
    expect(report.counts).toMatchObject({ items: 1, listed: talk.files.length, checked: talk.files.length, ok: talk.files.length });

    const unknown = await runCli(['verify', '--item', '2025-strasbourg-nothing-here'], env(store.root));
    expect([unknown.code, unknown.stderr]).toEqual([2, 'error: no item "2025-strasbourg-nothing-here" in the archive\n']);
    // A usage error too (answered with exit 2 as the one above).
    expect(await commandRefusal(verifyCommand, ['--sample', '0%'], env(store.root))).toBe('UsageError: --sample takes a share of the objects as N% with 0 < N ≤ 100, not "0%"');
  });

  it('--sample reads a seeded share of the objects: the same ones again with the same seed, others with another', async () => {
    const store = await archiveCopy();
    // Every object gone (manifests kept): the problems named are exactly the objects the sample read.
    for (const m of manifests) for (const f of m.files) await store.delete(f.key);
    const picked = async (args: string[]): Promise<{ keys: string[]; stdout: string; report: AuditReport }> => {
      const run = await runCommand(verifyCommand, args, env(store.root));
      expect(run.code).toBe(1);
      const { report } = await lastReport(store);
      expect(run.stderr.trim().split('\n').sort()).toEqual(report.problems.map((p) => missingLine(manifests.find((m) => m.id === p.item)!, { ...p.expected!, key: p.key, contentType: '' })).sort());
      return { keys: report.problems.map((p) => p.key).sort(), stdout: run.stdout, report };
    };
    const drawn = await picked(['--sample', '30%']);
    const seed = /with seed ([0-9a-f]+) \(repeat it with --sample 30% --seed \1\)/.exec(drawn.stdout)?.[1];
    expect(seed).toBeDefined();
    expect(drawn.report.scope.sample).toEqual({ percent: 30, seed });
    expect(drawn.report.counts).toMatchObject({ listed: total, checked: drawn.keys.length, missing: drawn.keys.length });
    expect(drawn.keys.length).toBeGreaterThan(0);
    expect(drawn.keys.length).toBeLessThan(total);

    const again = await picked(['--sample', '30%', '--seed', seed!]);
    expect(again.keys).toEqual(drawn.keys);
    const otherSeed = await picked(['--sample', '30%', '--seed', `${seed}x`]);
    expect(otherSeed.keys).not.toEqual(drawn.keys);
  });

  it('resumes an audit stopped midway: the next run reads only the items not done, and its report covers all of them', async () => {
    const store = await archiveCopy();
    const early = manifests[0]!;
    const late = manifests[manifests.length - 1]!;
    const earlyFile = early.files.find((f) => f.key.endsWith('.vtt') || f.key.endsWith('.json'))!;
    const lateFile = segmentOf(recordings().at(-1)!);
    const lateOwner = recordings().at(-1)!;
    await store.delete(earlyFile.key);
    flipByte(store, lateFile.key);

    // Stopped as a killed run is, once its checkpoint is written: after the item that reaches 30 objects.
    const stopped = await verifyArchive(store, { item: null, sample: null, storeLabel: `fs ${store.root}`, stopAfterObjects: 30 });
    expect(stopped.finished).toBe(false);
    const checkpoint = await readAuditCheckpoint(store);
    const done = checkpoint!.itemsDone;
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(manifests.length);
    expect(done).toContain(early.id);
    expect(done).not.toContain(late.id);
    expect(checkpoint!.problems.map((p) => p.key)).toEqual([earlyFile.key]);
    expect(await readLastAudit(store)).toBeNull();

    const resumed = await runCommand(verifyCommand, [], env(store.root));
    expect(resumed.code).toBe(1);
    expect(resumed.stdout).toContain(`Resuming the audit started ${checkpoint!.startedAt}: ${done.length} of ${manifests.length} item(s) already checked`);
    // Only the items left were read in this run…
    for (const m of manifests) expect(resumed.stdout.includes(`${m.id}: `), m.id).toBe(!done.includes(m.id));
    expect(resumed.stderr.trim().split('\n')).toEqual([expect.stringMatching(damagedLine(lateOwner, lateFile))]);
    // …and the report covers the whole audit, both runs.
    const { report } = await lastReport(store);
    expect(report).toMatchObject({ runs: 2, startedAt: checkpoint!.startedAt, result: 'problems' });
    expect(report.counts).toMatchObject({ items: manifests.length, listed: total, checked: total, ok: total - 2, damaged: 1, missing: 1 });
    expect(report.problems.map((p) => p.key).sort()).toEqual([earlyFile.key, lateFile.key].sort());
    expect(await store.stat(AUDIT_CHECKPOINT_KEY)).toBeNull();

    // --restart starts afresh instead of resuming.
    await verifyArchive(store, { item: null, sample: null, storeLabel: `fs ${store.root}`, stopAfterObjects: 1 });
    const restarted = await runCommand(verifyCommand, ['--restart'], env(store.root));
    expect(restarted.stdout).not.toContain('Resuming');
    expect(restarted.stdout).toMatch(/^An unfinished audit \(whole archive, started \S+\) is set aside: this one starts afresh\.$/m);
    expect((await lastReport(store)).report).toMatchObject({ runs: 1, counts: { checked: total } });
  });

  describe('on S3', () => {
    let s3: TestS3;
    beforeAll(async () => {
      s3 = await startTestS3();
    });
    afterAll(async () => {
      await s3?.dispose();
    });

    it('reads the objects back from the bucket, not the checksums it keeps, and writes the report there', async () => {
      const disk = await archiveCopy();
      const bucket = await s3.freshBucket();
      const copy = await runCommand(storageCommand, ['copy', '--to', 's3'], { ...s3.env, S3_BUCKET: bucket, STORAGE: 'fs', DATA_DIR: disk.root });
      expect(copy.code).toBe(0);
      const store = s3.store({ bucket });
      const [talk, other] = recordings() as [Manifest, Manifest];
      const segment = segmentOf(talk);
      // Replaced with other bytes of the same size: the bucket's own sha256 metadata now agrees with them.
      const bytes = readFileSync(disk.localPath(segment.key));
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      await store.putBuffer(segment.key, bytes, 'video/mp2t');
      const gone = other.files.find((f) => f.key.endsWith('.m3u8'))!;
      await store.delete(gone.key);

      const dataDir = mkdtempSync(path.join(tmpdir(), 'mc-verify-s3-'));
      dirs.push(dataDir);
      const run = await runCli(['verify'], { ...s3.env, S3_BUCKET: bucket, DATA_DIR: dataDir, MEILI_URL: 'http://127.0.0.1:9' });
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines).toContainEqual(expect.stringMatching(damagedLine(talk, segment)));
      expect(lines).toContain(missingLine(other, gone));
      const { report } = await lastReport(store);
      expect(report.store).toBe(`s3 ${bucket} at ${s3.endpoint}`);
      expect(report.counts).toMatchObject({ checked: total, damaged: 1, missing: 1 });

      const status = await runCommand(statusCommand, [], { ...s3.env, S3_BUCKET: bucket, DATA_DIR: dataDir, MEILI_URL: 'http://127.0.0.1:9' });
      expect(status.stdout).toContain(`Fixity: last audit ${report.finishedAt} (whole archive, ${total} object(s), `);
    });
  });
});
