import type { AuditStatus } from '../services/archive/archive-status.js';

// The status itself is the archive's (the console shows it too); this file writes it for the terminal.
export { auditStatus, type AuditStatus } from '../services/archive/archive-status.js';

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
