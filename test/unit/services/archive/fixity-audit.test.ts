import { describe, expect, it } from 'vitest';
import {
  AUDIT_CHECKPOINT_KEY, auditReportKey, emptyCounts, inSample, readAuditCheckpoint, readLastAudit, sameScope, writeAuditCheckpoint, writeAuditReport,
  type AuditReport,
} from '../../../../src/services/archive/fixity-audit.js';
import { freshStore } from '../../../support/search-archive.js';

const keys = Array.from({ length: 10_000 }, (_, i) => `items/2025-brest-talk-${i % 100}/a1b2c3d4e5f6/hls/720p/segment-${String(i).padStart(5, '0')}.ts`);

const report = (finishedAt: string, result: AuditReport['result'] = 'clean'): AuditReport => ({
  format: 1, startedAt: finishedAt, finishedAt, store: 'fs /data', scope: { item: null, sample: null }, runs: 1, counts: emptyCounts(), problems: [], result,
});

describe('fixity audit', () => {
  it('samples about N% of the objects, the same ones for the same seed, others for another', () => {
    const picked = (seed: string, percent: number): string[] => keys.filter((key) => inSample({ percent, seed }, key));
    const ten = picked('3f9a', 10);
    // Deterministic (a hash, no random draw): these bounds cannot flake.
    expect(ten.length).toBeGreaterThan(900);
    expect(ten.length).toBeLessThan(1100);
    expect(picked('3f9a', 10)).toEqual(ten);
    const other = picked('3f9b', 10);
    expect(other.filter((key) => ten.includes(key)).length).toBeLessThan(200); // independent draws overlap by ~10%
    expect(picked('3f9a', 100)).toHaveLength(keys.length);
    // A larger share of the same seed keeps every object of the smaller one.
    const twenty = new Set(picked('3f9a', 20));
    expect(ten.every((key) => twenty.has(key))).toBe(true);
  });

  it('resumes only the same scope: same item, same share, and the seed given or none', () => {
    const scope = { item: null, sample: { percent: 10, seed: 'ab' } };
    expect(sameScope(scope, { item: null, sample: { percent: 10 } })).toBe(true);
    expect(sameScope(scope, { item: null, sample: { percent: 10, seed: 'ab' } })).toBe(true);
    expect(sameScope(scope, { item: null, sample: { percent: 10, seed: 'cd' } })).toBe(false);
    expect(sameScope(scope, { item: null, sample: { percent: 20 } })).toBe(false);
    expect(sameScope(scope, { item: null, sample: null })).toBe(false);
    expect(sameScope({ item: 'x', sample: null }, { item: 'x', sample: null })).toBe(true);
    expect(sameScope({ item: 'x', sample: null }, { item: null, sample: null })).toBe(false);
  });

  it('names reports by their date in ISO 8601 basic format, and finds the last one, never over-writing another', async () => {
    expect(auditReportKey(new Date('2026-12-07T01:44:49.123Z'))).toBe('audit/20261207T014449Z.json');
    const store = freshStore();
    expect(await readLastAudit(store)).toBeNull();
    expect(await writeAuditReport(store, report('2026-11-30T23:00:00.000Z'))).toBe('audit/20261130T230000Z.json');
    expect(await writeAuditReport(store, report('2026-12-07T01:44:49.000Z'))).toBe('audit/20261207T014449Z.json');
    expect(await writeAuditReport(store, report('2026-12-07T01:44:49.500Z', 'problems'))).toBe('audit/20261207T014449Z-1.json');
    await writeAuditCheckpoint(store, { ...report('2026-12-08T00:00:00.000Z'), itemsDone: ['a'] });
    const last = await readLastAudit(store);
    expect(last?.key).toBe('audit/20261207T014449Z-1.json');
    expect(last?.report.result).toBe('problems');
    expect((await readAuditCheckpoint(store))?.itemsDone).toEqual(['a']);
    expect(AUDIT_CHECKPOINT_KEY).toBe('audit/in-progress.json');
  });
});
