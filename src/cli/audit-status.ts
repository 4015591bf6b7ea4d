import type { BlobStore } from '../ports/blob-store.js';
import { readAuditCheckpoint, readLastAudit, type AuditCounts } from '../services/archive/fixity-audit.js';

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

/** For `status`: the last audit's date and result in one line, and an unfinished one if any. */
export function auditText(status: AuditStatus): string {
  const lines: string[] = [];
  const last = status.last;
  if (!last) lines.push('Fixity: never audited — run `mediacommuns verify`');
  else {
    const c = last.counts;
    const result = last.result === 'clean'
      ? 'clean'
      : `PROBLEMS: ${c.damaged} damaged, ${c.missing} missing, ${c.unreadable} unreadable (see ${last.key}, or run \`mediacommuns verify\` again)`;
    lines.push(`Fixity: last audit ${last.finishedAt} (${scopeText(last)}, ${c.checked} object(s), ${(c.bytes / 1e6).toFixed(1)} MB): ${result}`);
  }
  const unfinished = status.unfinished;
  if (unfinished) {
    lines.push(`  an audit (${scopeText(unfinished)}) started ${unfinished.startedAt} stopped after ${unfinished.itemsDone} item(s)`
      + `${unfinished.problems ? ` with ${unfinished.problems} problem(s) so far` : ''}: \`mediacommuns verify\` with the same options resumes it`);
  }
  return `${lines.join('\n')}\n`;
}

function scopeText(audit: { item: string | null; sample: { percent: number; seed: string } | null }): string {
  const what = audit.item ? `item ${audit.item}` : 'whole archive';
  return audit.sample ? `${what}, sample ${audit.sample.percent}% seed ${audit.sample.seed}` : what;
}
