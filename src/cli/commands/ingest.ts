import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAdapters, hashCacheOf, workRootOf } from '../../compose.js';
import type { Config } from '../../config.js';
import { isNoSpace } from '../../domain/disk-full.js';
import { describeError, UsageError } from '../../domain/errors.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import { PIPELINE_VERSION, stepsFor } from '../../pipeline/steps/index.js';
import { HashCache } from '../../services/ingest/hash-cache.js';
import { lastIngestPath } from '../../services/archive/archive-status.js';
import { acquireIngestLock } from '../../services/ingest/ingest-lock.js';
import { isSharedQueue } from '../../ports/job-queue.js';
import { ingestProgramme } from '../../services/ingest/ingest-programme.js';
import { forgetRestored } from '../../services/ingest/removed-rows.js';
import type { IngestSummary } from '../../services/ingest/reporter.js';
import { PlainReporter, TtyReporter } from '../ingest-reporters.js';
import { lazyIngestIndexing, startIngestIndexing } from '../search-access.js';
import type { CliIo } from '../io.js';

/** The shape of item ids (domain/manifest.ts): a --restore value is checked before anything runs. */
const ITEM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const INGEST_HELP = `Usage: mediacommuns ingest <folder | programme.csv | programme.json | programme.yaml> [--dry-run] [--plain] [--no-wait] [--restore <id> …]

Validates the whole programme first (every problem is listed with its row and field), then
ingests each valid item: probe, HLS ladder and MP4 (video), loudness-normalised M4A/MP3/Opus
(audio), posters, storyboard, waveform, chapters, captions (validated, normalised), slide text
(OCR), document pages, speech-to-text when TRANSCRIBER=whisper; each item is indexed for search
as soon as it is published. Re-running is safe:
unchanged items are skipped, changed metadata only rewrites the manifest, an interrupted run
resumes where it stopped. A row whose media is already archived under another id (a title fixed
in a programme without ids) is refused with that id: give it to the row, or list it in the row's
\`aliases\` column to rename the item (the old id then answers 301).

  --dry-run   validate only; transcode nothing
  --plain     one line per event even on a terminal
  --no-wait   (QUEUE=bullmq) queue the items and return; \`mediacommuns status\` follows them
  --restore <id>  (repeatable) ingest the row of an item removed with \`mediacommuns remove\`:
              without it such a row is refused (its id has a tombstone), so that a removal
              or a purge is never undone by accident; once the item is published again its
              tombstone is deleted

With QUEUE=bullmq and REDIS_URL, ingest checksums each item's files and copies them into the
archive's storage, then queues the item on Redis as a chain of steps (the same work queued twice
is done once); \`mediacommuns worker\` processes, on this machine or others, run the steps (an
item's transcode and its speech-to-text may run on two machines) and index what they publish;
ingest prints their progress and waits for the last one. Workers need no access to the
programme's files. Stopping ingest while it waits (Ctrl+C) leaves the queued items to the
workers.

A full disk (the store, the work folder) stops the run at once: one line says where, how much
room is left and what to do, then the items not attempted; the finished steps are kept and the
next run, once there is room, resumes them.

Exit code: 0 all good, 1 some items failed (or the run stopped), 2 bad usage or configuration.`;

export async function ingestCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, plain: { type: 'boolean' }, 'no-wait': { type: 'boolean' }, restore: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    io.out(`${INGEST_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('ingest takes exactly one folder or programme file (see mediacommuns ingest --help)');
  const restore = values.restore ?? [];
  const badRestore = restore.filter((id) => !ITEM_ID.test(id));
  if (badRestore.length > 0) throw new UsageError(`--restore takes item ids (such as 2025-strasbourg-ia-et-mediation): ${badRestore.map((id) => JSON.stringify(id)).join(', ')}`);
  if (values['no-wait'] && config.queue.kind !== 'bullmq') throw new UsageError('--no-wait needs the shared queue (QUEUE=bullmq with REDIS_URL): the inline queue works in this process');
  const adapters = await createAdapters(config);
  const shared = isSharedQueue(adapters.queue);
  // Every tool is proved present before the first item, not discovered missing at item 40
  // (the speech-to-text model and engine were already checked when the adapters were made).
  await adapters.media.check();
  await adapters.documents.check();
  await adapters.ocr.check();
  if (!values['dry-run']) await adapters.queue.check();
  const reporter = io.isTty && !values.plain ? new TtyReporter(io.out, io.err, io.columns) : new PlainReporter(io.out, io.err);
  // With a shared queue the work folders belong to the workers (BullMQ lets one worker hold a
  // job at a time), and they index what they publish: this process only submits and watches.
  const release = values['dry-run'] || shared ? async () => {} : await acquireIngestLock(workRootOf(config));
  // Each item is indexed for search as soon as its manifest is written; search being down never
  // fails the ingest. With a shared queue the workers index what they publish: only manifests
  // rewritten here (metadata changes) need search, opened at the first.
  const search = values['dry-run'] ? null : shared ? lazyIngestIndexing(config, adapters.store) : await startIngestIndexing(config, adapters.store);
  const summary = await ingestProgramme(path.resolve(positionals[0] as string), {
    ...adapters,
    hashes: new HashCache(hashCacheOf(config)),
    workRoot: workRootOf(config),
    stepsFor,
    pipelineVersion: PIPELINE_VERSION,
    reporter,
    defaultLicence: config.defaultLicence,
    defaultLanguage: config.defaultLanguage,
    ...(search ? { onPublished: (id: string) => search.indexing.itemPublished(id) } : {}),
  }, { dryRun: values['dry-run'] ?? false, wait: !values['no-wait'], restore }).finally(async () => {
    await search?.close();
    await adapters.queue.close();
    await adapters.transcriber?.close(); // frees the model now rather than after its idle timer
    await release();
  });
  if (!values['dry-run']) {
    for (const id of await forgetRestored(adapters.store, restore)) io.out(`restored ${id}: published again, its tombstone deleted\n`);
  }
  for (const line of search?.indexing.report() ?? []) io.err(`${escapeControlCharacters(`warning: ${line}`)}\n`);
  if (summary.queued) {
    const { added, alreadyQueued } = summary.queued;
    io.out(`${added} job(s) queued for the workers${alreadyQueued ? `, ${alreadyQueued} already queued or running` : ''}; follow them with \`mediacommuns status\`\n`);
    return summary.problems.some((p) => p.severity === 'error') || summary.outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  }
  if (!values['dry-run']) await saveReport(config, summary).catch((error: unknown) => {
    // On a full disk the report may not fit either: the run's own lines have said everything.
    if (!isNoSpace(error)) throw error;
    io.err(`warning: the run's report for \`mediacommuns status\` could not be saved (${describeError(error)})\n`);
  });
  const failed = summary.problems.some((p) => p.severity === 'error') || summary.outcomes.some((o) => o.status === 'failed') || summary.stopped !== undefined;
  return failed ? 1 : 0;
}

/** The last run's outcome, for `status` (local operational state, not part of the archive). */
async function saveReport(config: Readonly<Config>, summary: IngestSummary): Promise<void> {
  const file = lastIngestPath(config.dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ at: new Date().toISOString(), ...summary }, null, 2));
}
