import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkStore, createStore, workRootOf } from '../../compose.js';
import type { Config } from '../../config.js';
import { AppError, NotFoundError, UsageError } from '../../domain/errors.js';
import { takePidFile } from '../../lib/pid-file.js';
import type { AuditProblem } from '../../services/archive/fixity-audit.js';
import { verifyArchive } from '../../services/archive/verify-archive.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import type { CliIo } from '../io.js';

export const VERIFY_HELP = `Usage: mediacommuns verify [--item <id>] [--sample N%] [--seed S] [--restart]

Fixity audit: re-reads every object the items' manifests list, from the store in use (STORAGE:
the filesystem or S3), and compares its size and sha256 with the manifest's. Each object that
is damaged, missing or unreadable is named on one line (item, key, expected, found). The report
goes into the store as audit/<date>.json (what was read, counts, bytes, every problem);
\`mediacommuns status\` shows the last one.

An audit that is stopped (killed, machine restarted) resumes where it stopped the next time
verify runs with the same scope: the items done are kept in audit/in-progress.json.

  --item <id>    only this item's objects
  --sample N%    a random N% of the objects (0 < N ≤ 100); the seed is drawn and printed, and is
                 in the report
  --seed S       the seed of a sample to repeat (the same objects are read again)
  --restart      start afresh instead of resuming an unfinished audit

Exit code: 0 every object read is as its manifest says, 1 something is damaged, missing or
unreadable, 2 bad usage or configuration (an unknown item, a store that cannot be reached).`;

/** Between two updates of the progress line on a terminal: often enough to see it move. */
const PROGRESS_INTERVAL_MS = 250;

export async function verifyCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      item: { type: 'string' }, sample: { type: 'string' }, seed: { type: 'string' }, restart: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${VERIFY_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`verify takes no argument ("${positionals[0]}"); one item is --item <id> (see mediacommuns verify --help)`);
  if (values.seed !== undefined && values.sample === undefined) throw new UsageError('--seed goes with --sample N%');
  const sample = values.sample === undefined ? null : { percent: parsePercent(values.sample), ...(values.seed !== undefined ? { seed: values.seed } : {}) };
  const store = await createStore(config);
  await checkStore(store);
  const release = await lockAudit(workRootOf(config));
  const progress = progressLine(io);
  try {
    const outcome = await verifyArchive(store, {
      item: values.item ?? null,
      sample,
      storeLabel: storeLabelOf(config),
      restart: values.restart ?? false,
      onStart: ({ resumed, setAside, items, seed }) => {
        if (resumed) io.out(`Resuming the audit started ${resumed.startedAt}: ${resumed.itemsDone.length} of ${items} item(s) already checked (--restart to start afresh).\n`);
        else if (setAside) io.out(`An unfinished audit (${setAside.scope.item ?? 'whole archive'}${setAside.scope.sample ? `, sample ${setAside.scope.sample.percent}%` : ''}, started ${setAside.startedAt}) is set aside: this one starts afresh.\n`);
        if (sample && seed) io.out(`Sample: ${sample.percent}% of the objects with seed ${seed} (repeat it with --sample ${sample.percent}% --seed ${seed}).\n`);
      },
      onProblem: (problem) => {
        progress.clear();
        io.err(`${escapeControlCharacters(problemLine(problem))}\n`);
      },
      onProgress: progress.update,
      onItem: (item) => {
        if (!io.isTty) io.out(`${escapeControlCharacters(`${item.id}: ${item.checked} object(s), ${mb(item.bytes)}, ${item.problems === 0 ? 'ok' : `${item.problems} problem(s)`}`)}\n`);
      },
    });
    progress.clear();
    if (!outcome.finished) return 1;
    const { report, key } = outcome;
    const c = report.counts;
    io.out(
      `${report.result === 'clean' ? 'Clean' : 'Problems found'}: ${c.checked} object(s) of ${c.items} item(s) read (${mb(c.bytes)} in ${c.seconds.toFixed(1)} s, ${rate(c.bytes, c.seconds)}), `
      + `${c.ok} as their manifest says, ${c.damaged} damaged, ${c.missing} missing, ${c.unreadable} unreadable. Report: ${key}\n`,
    );
    return report.result === 'clean' ? 0 : 1;
  } catch (error) {
    if (error instanceof NotFoundError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress.clear();
    await release();
  }
}

/** "item key: expected N bytes sha256 H, found …" — what the audit saw, whole, on one line. */
export function problemLine(p: AuditProblem): string {
  const expected = p.expected ? `expected ${describe(p.expected)}` : 'expected a readable manifest';
  const found = p.kind === 'missing' ? 'found nothing (missing)' : p.found ? `found ${describe(p.found)}` : `found it unreadable (${p.cause ?? 'no cause given'})`;
  return `error: ${p.item} ${p.key}: ${p.kind}: ${expected}, ${found}`;
}

const describe = (c: { size: number; sha256: string }): string => `${c.size} bytes sha256 ${c.sha256}`;

function parsePercent(text: string): number {
  const percent = Number(text.trim().replace(/%$/, ''));
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) throw new UsageError(`--sample takes a share of the objects as N% with 0 < N ≤ 100, not "${text}"`);
  return percent;
}

/** Which copy of the archive was read, as the report keeps it. */
function storeLabelOf(config: Readonly<Config>): string {
  const storage = config.storage;
  if (storage.kind === 'fs') return `fs ${path.resolve(config.dataDir)}`;
  return `s3 ${storage.bucket}${storage.endpoint ? ` at ${storage.endpoint}` : ''}`;
}

/** The code of a busy ingest: the CLI answers it with exit 2, a setup problem rather than the archive's. */
class AuditBusyError extends AppError {
  override name = 'AuditBusyError';
  override readonly code = 'ingest_busy';
}

/** One audit at a time on this machine: two would write the same checkpoint. */
async function lockAudit(workRoot: string): Promise<() => Promise<void>> {
  await mkdir(workRoot, { recursive: true });
  const file = path.join(workRoot, 'verify.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    const lock = await takePidFile(file);
    if (lock.taken) return lock.release;
    if (lock.owner) throw new AuditBusyError(`another verify is running on this archive (pid ${lock.owner}); wait for it or stop it first`);
  }
  throw new AuditBusyError(`could not take the audit lock ${file}`);
}

/** On a terminal, one line rewritten in place (objects, bytes, MB/s, items); elsewhere nothing (lines per item instead). */
function progressLine(io: CliIo): { update: (p: { objects: number; bytes: number; seconds: number; itemsDone: number; items: number }) => void; clear: () => void } {
  let shown = false;
  let last = 0;
  return {
    update: (p) => {
      if (!io.isTty || performance.now() - last < PROGRESS_INTERVAL_MS) return;
      last = performance.now();
      shown = true;
      io.out(`\r\x1b[K${p.objects} object(s), ${mb(p.bytes)}, ${rate(p.bytes, p.seconds)} — ${p.itemsDone} of ${p.items} item(s) done`.slice(0, io.columns + 4));
    },
    clear: () => {
      if (!shown) return;
      shown = false;
      io.out('\r\x1b[K');
    },
  };
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const rate = (bytes: number, seconds: number): string => `${seconds > 0 ? (bytes / 1e6 / seconds).toFixed(1) : '–'} MB/s`;
