import { ITEM_KINDS, type ItemKind } from '../../domain/item.js';
import type { Manifest, ManifestListing } from '../../domain/manifest.js';
import type { AuditStatus, LastIngest } from '../../services/archive/archive-status.js';
import { itemSummary, untranscribedItems } from '../../services/archive/archive-status.js';
import type { UnfinishedWork } from '../../services/ingest/item-version.js';
import type { OperatorAction } from '../../services/operators/operator-log.js';
import { formatBytes } from '../format.js';
import { translate } from '../i18n/messages.js';
import { dateFormat } from '../intl.js';
import type { Locale } from '../locale.js';
import { itemHref } from '../urls.js';

/** How many failures, warnings and untranscribed items the console lists before "and N more". */
const LISTED = 20;

/** Times of the console in UTC, said so: the team and the servers may not share a time zone. */
export function formatTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

export interface ArchiveStatusInput {
  manifests: readonly (Manifest | ManifestListing)[];
  unreadable: readonly string[];
  unfinished: readonly UnfinishedWork[];
  /** undefined: this server keeps no ingest report (the archive is on S3: the report is where the ingest ran). */
  lastIngest: LastIngest | null | undefined;
  audit: AuditStatus;
}

/** The console's picture of the archive, what `mediacommuns status` prints, in the page's language. */
export function archiveStatusModel(locale: Locale, input: ArchiveStatusInput) {
  const summaries = input.manifests.map(itemSummary);
  const byKind = ITEM_KINDS.map((kind: ItemKind) => ({ kind, count: summaries.filter((s) => s.kind === kind).length })).filter((k) => k.count > 0);
  const untranscribed = untranscribedItems(input.manifests);
  const last = input.lastIngest;
  const itemWarnings = last ? last.outcomes.flatMap((o) => o.warnings.map((w) => `${o.id}: ${w}`)) : [];
  const programmeWarnings = last ? last.problems.filter((p) => p.severity === 'warning').map((p) => `${p.itemId ?? (p.row === null ? '' : `#${p.row}`)}${p.field ? ` ${p.field}` : ''}: ${p.message}`) : [];
  const warnings = [...programmeWarnings, ...itemWarnings];
  const failures = last ? last.outcomes.filter((o) => o.status === 'failed') : [];
  const audit = input.audit;
  // What needs a person's eyes, most urgent first; each a sentence of the console's texts.
  const alerts = [
    ...(input.unreadable.length ? [translate(locale, 'admin.status.alert.unreadable', { count: input.unreadable.length })] : []),
    ...(failures.length ? [translate(locale, 'admin.status.alert.failed', { count: failures.length })] : []),
    ...(audit.last?.result === 'problems' ? [translate(locale, 'admin.status.alert.audit', { count: audit.last.counts.damaged + audit.last.counts.missing + audit.last.counts.unreadable })] : []),
    ...(audit.last ? [] : [translate(locale, 'admin.status.alert.neverAudited')]),
    ...(input.unfinished.length ? [translate(locale, 'admin.status.alert.unfinished', { count: input.unfinished.length })] : []),
    ...(untranscribed.length ? [translate(locale, 'admin.status.alert.untranscribed', { count: untranscribed.length })] : []),
  ];
  return {
    items: {
      total: summaries.length,
      size: formatBytes(locale, summaries.reduce((n, s) => n + s.bytes, 0)),
      byKind: byKind.map((k) => ({ label: translate(locale, `item.kind.${k.kind}`), count: k.count })),
    },
    alerts,
    untranscribed: untranscribed.slice(0, LISTED).map((m) => ({ id: m.id, title: m.title, href: itemHref(m.kind, m.id, locale) })),
    untranscribedMore: Math.max(0, untranscribed.length - LISTED),
    lastIngest: last === undefined ? { known: false } : last === null ? { known: true, ran: false } : {
      known: true,
      ran: true,
      at: formatTime(locale, last.at),
      atIso: last.at,
      items: last.outcomes.length,
      failed: failures.length,
      problems: last.problems.filter((p) => p.severity !== 'warning').length,
      failures: failures.slice(0, LISTED).map((o) => `${o.id}${o.file ? ` ${o.file}` : ''}: ${o.error ?? '—'}`),
      warnings: warnings.slice(0, LISTED),
      warningsCount: warnings.length,
      warningsMore: Math.max(0, warnings.length - LISTED),
      stopped: last.stopped?.cause ?? null,
    },
    audit: audit.last ? {
      ran: true,
      at: formatTime(locale, audit.last.finishedAt),
      atIso: audit.last.finishedAt,
      clean: audit.last.result === 'clean',
      checked: audit.last.counts.checked,
      damaged: audit.last.counts.damaged,
      missing: audit.last.counts.missing,
      unreadable: audit.last.counts.unreadable,
      report: audit.last.key,
      unfinished: audit.unfinished !== null,
    } : { ran: false, unfinished: audit.unfinished !== null },
  };
}

/** The operator log's rows for the console: times in words, details as one line of JSON. */
export function operatorLogModel(locale: Locale, log: readonly OperatorAction[]) {
  return log.map((entry) => ({
    at: formatTime(locale, entry.at), atIso: entry.at, operator: entry.operator, action: entry.action, target: entry.target,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  }));
}
