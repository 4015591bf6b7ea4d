import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkStore, createStore, workRootOf } from '../../compose.js';
import { loadConfig, type Config } from '../../config.js';
import { UsageError } from '../../domain/errors.js';
import { copyArchive, type CopyProblem, type ItemCopy } from '../../services/archive/copy-archive.js';
import { acquireIngestLock } from '../../services/ingest/ingest-lock.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import type { CliIo } from '../io.js';

export const STORAGE_HELP = `Usage: mediacommuns storage copy --to s3|fs [--dry-run]

Copies the whole archive from the store in use (STORAGE) to the other one, so that an archive
started on one machine can move to object storage (and back). For --to s3 the S3 settings must
be set (S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, and S3_ENDPOINT, S3_REGION,
S3_FORCE_PATH_STYLE for servers other than AWS); for --to fs the archive goes under DATA_DIR.

Every object that an item's manifest lists is copied and checked against the manifest's size
and sha256; the item's manifest goes last, once all its objects are in, so the target never
shows an item with missing files. Objects already in the target with the right checksum are
skipped: run the command again to resume an interrupted copy. The source is never changed.
When it is done, set STORAGE to the new store.

  --to s3|fs   the store to copy to
  --dry-run    check what is already in the target and count what would be copied; write nothing

Exit code: 0 every item copied, 1 some items failed (each failure named with its object and
cause), 2 bad usage or configuration (a store that cannot be reached or written included).`;

export async function storageCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { to: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${STORAGE_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'copy') throw new UsageError('storage takes one action: copy --to s3|fs (see mediacommuns storage --help)');
  const to = values.to;
  if (to !== 's3' && to !== 'fs') throw new UsageError('storage copy needs --to s3 or --to fs');
  if (config.storage.kind === to) throw new UsageError(`the archive is already on ${to} (STORAGE=${to}): copy it --to ${to === 's3' ? 'fs' : 's3'}, or set STORAGE to the store it is on`);
  // The target's settings, validated as if it were the store in use: missing S3_* are listed (exit 2).
  const targetConfig = loadConfig({ ...process.env, STORAGE: to });
  const source = await createStore(config);
  const target = await createStore(targetConfig);
  await checkStore(source);
  await checkStore(target);
  const dryRun = values['dry-run'] ?? false;
  const release = dryRun ? async () => {} : await acquireIngestLock(workRootOf(config));
  try {
    const summary = await copyArchive(source, target, {
      dryRun,
      scratchDir: path.join(workRootOf(config), '.storage-copy'),
      onItem: (item) => io.out(`${escapeControlCharacters(itemLine(item, dryRun))}\n`),
      onProblem: (p) => io.err(`${escapeControlCharacters(problemLine(p))}\n`),
    });
    const failedItems = summary.items - summary.complete;
    io.out(
      `${dryRun ? 'Would copy' : 'Copied'} ${summary.copied} object(s) (${mb(summary.bytes)}) from ${source.kind} to ${target.kind}, `
      + `skipped ${summary.skipped} already there, ${summary.failed} failed; `
      + `${summary.complete} of ${summary.items} item(s) ${dryRun ? 'ready to copy' : 'complete in the target'}`
      + `${failedItems > 0 ? `, ${failedItems} held back (run again once the causes above are fixed)` : ''}.\n`,
    );
    return failedItems > 0 ? 1 : 0;
  } finally {
    await release();
  }
}

function itemLine(item: ItemCopy, dryRun: boolean): string {
  if (item.manifest === 'held back') return `${item.id}: held back, ${item.failed} object(s) failed (${item.copied} copied, ${item.skipped} already there)`;
  const removed = item.removed > 0 ? `, ${item.removed} stale object(s) ${dryRun ? 'to remove' : 'removed'}` : '';
  return `${item.id}: ${dryRun ? 'would copy' : 'copied'} ${item.copied} object(s) (${mb(item.bytes)}), ${item.skipped} already there${removed}`;
}

function problemLine(p: CopyProblem): string {
  return `error: ${p.itemId} ${p.key}: ${p.cause}`;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
