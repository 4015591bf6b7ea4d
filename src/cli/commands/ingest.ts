import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAdapters, hashCacheOf, workRootOf } from '../../compose.js';
import type { Config } from '../../config.js';
import { UsageError } from '../../domain/errors.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import { PIPELINE_VERSION, stepsFor } from '../../pipeline/steps/index.js';
import { HashCache } from '../../services/ingest/hash-cache.js';
import { acquireIngestLock } from '../../services/ingest/ingest-lock.js';
import { ingestProgramme } from '../../services/ingest/ingest-programme.js';
import type { IngestSummary } from '../../services/ingest/reporter.js';
import { PlainReporter, TtyReporter } from '../ingest-reporters.js';
import { startIngestIndexing } from './reindex.js';
import type { CliIo } from '../io.js';

export const INGEST_HELP = `Usage: mediacommuns ingest <folder | programme.csv | programme.json | programme.yaml> [--dry-run] [--plain]

Validates the whole programme first (every problem is listed with its row and field), then
ingests each valid item: probe, HLS ladder and MP4 (video), loudness-normalised M4A/MP3/Opus
(audio), posters, storyboard, waveform, chapters, captions (validated, normalised), slide text
(OCR), document pages, speech-to-text when TRANSCRIBER=whisper; each item is indexed for search
as soon as it is published. Re-running is safe:
unchanged items are skipped, changed metadata only rewrites the manifest, an interrupted run
resumes where it stopped.

  --dry-run   validate only; transcode nothing
  --plain     one line per event even on a terminal

Exit code: 0 all good, 1 some items failed, 2 bad usage or configuration.`;

export async function ingestCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, plain: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    io.out(`${INGEST_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('ingest takes exactly one folder or programme file (see mediacommuns ingest --help)');
  const adapters = createAdapters(config);
  // Every tool is proved present before the first item, not discovered missing at item 40
  // (the speech-to-text model and engine were already checked when the adapters were made).
  await adapters.media.check();
  await adapters.documents.check();
  await adapters.ocr.check();
  const reporter = io.isTty && !values.plain ? new TtyReporter(io.out, io.err, io.columns) : new PlainReporter(io.out, io.err);
  const release = values['dry-run'] ? async () => {} : await acquireIngestLock(workRootOf(config));
  // Each item is indexed for search as soon as its manifest is written; search being down never fails the ingest.
  const search = values['dry-run'] ? null : await startIngestIndexing(config, adapters.store);
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
  }, { dryRun: values['dry-run'] ?? false }).finally(async () => {
    await search?.close();
    await adapters.transcriber?.close(); // frees the model now rather than after its idle timer
    await release();
  });
  for (const line of search?.indexing.report() ?? []) io.err(`${escapeControlCharacters(`warning: ${line}`)}\n`);
  if (!values['dry-run']) await saveReport(config, summary);
  const failed = summary.problems.some((p) => p.severity === 'error') || summary.outcomes.some((o) => o.status === 'failed');
  return failed ? 1 : 0;
}

/** The last run's outcome, for `status` (local operational state, not part of the archive). */
async function saveReport(config: Readonly<Config>, summary: IngestSummary): Promise<void> {
  const dir = path.join(config.dataDir, '.state');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'last-ingest.json'), JSON.stringify({ at: new Date().toISOString(), ...summary }, null, 2));
}
