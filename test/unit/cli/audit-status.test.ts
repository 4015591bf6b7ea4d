import { describe, expect, it } from 'vitest';
import { auditStatus, auditText } from '../../../src/cli/audit-status.js';
import { emptyCounts, writeAuditCheckpoint, writeAuditReport, type AuditReport } from '../../../src/services/archive/fixity-audit.js';
import { freshStore } from '../../support/search-archive.js';

const report = (fields: Partial<AuditReport>): AuditReport => ({
  format: 1, startedAt: '2026-12-07T01:00:00.000Z', finishedAt: '2026-12-07T01:10:00.000Z', store: 'fs /data', scope: { item: null, sample: null },
  runs: 1, counts: { ...emptyCounts(), items: 8, listed: 171, checked: 171, ok: 171, bytes: 3_642_109, seconds: 1.2 }, problems: [], result: 'clean', ...fields,
});

describe('the fixity audit in `status`', () => {
  it('says when the archive was never audited', async () => {
    const status = await auditStatus(freshStore());
    expect(status).toEqual({ last: null, unfinished: null });
    expect(auditText(status)).toBe('Fixity: never audited — run `mediacommuns verify`\n');
  });

  it('gives the last audit\'s date, scope and result, the problems by kind with the report to read, and an unfinished audit', async () => {
    const store = freshStore();
    await writeAuditReport(store, report({}));
    expect(auditText(await auditStatus(store))).toBe('Fixity: last audit 2026-12-07T01:10:00.000Z (whole archive, 171 object(s), 3.6 MB): clean\n');

    await writeAuditReport(store, report({
      finishedAt: '2026-12-08T02:00:00.000Z', result: 'problems', scope: { item: null, sample: { percent: 5, seed: 'ab12' } },
      counts: { ...emptyCounts(), checked: 9, damaged: 1, missing: 2, bytes: 200_000 },
    }));
    await writeAuditCheckpoint(store, { ...report({ scope: { item: '2025-ia', sample: null } }), itemsDone: ['2025-ia'], problems: [] });
    const status = await auditStatus(store);
    expect(status.last).toMatchObject({ key: 'audit/20261208T020000Z.json', result: 'problems', sample: { percent: 5, seed: 'ab12' } });
    expect(auditText(status).split('\n')).toEqual([
      'Fixity: last audit 2026-12-08T02:00:00.000Z (whole archive, sample 5% seed ab12, 9 object(s), 0.2 MB): PROBLEMS: 1 damaged, 2 missing, 0 unreadable (see audit/20261208T020000Z.json, or run `mediacommuns verify` again)',
      '  an audit (item 2025-ia) started 2026-12-07T01:00:00.000Z stopped after 1 item(s): `mediacommuns verify` with the same options resumes it',
      '',
    ]);
  });
});
