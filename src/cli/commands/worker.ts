import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { checkStore, createAdapters, hashCacheOf, openSearchIndex, workRootOf } from '../../compose.js';
import type { Config } from '../../config.js';
import { describeError, UsageError } from '../../domain/errors.js';
import { PIPELINE_VERSION, stepsFor } from '../../pipeline/steps/index.js';
import { isSharedQueue, type WorkerEvent } from '../../ports/job-queue.js';
import type { OpenedSearch } from '../../adapters/search-index/open-meilisearch.js';
import { HashCache } from '../../services/ingest/hash-cache.js';
import { ingestJobHandlers } from '../../services/ingest/ingest-job.js';
import type { ItemOutcome } from '../../services/ingest/reporter.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import { SearchIndexer } from '../../services/search/indexer.js';
import type { CliIo } from '../io.js';

export const WORKER_HELP = `Usage: mediacommuns worker [--concurrency N] [--lock-seconds N]

Runs the steps of the items that \`mediacommuns ingest\` queues on Redis (QUEUE=bullmq,
REDIS_URL). Run as many workers as you like, on any machines that reach Redis and the archive's
storage (STORAGE=s3, or one DATA_DIR shared by every machine): ingest copies the programme's
files into the storage, so workers need no access to them. Each item is a chain of steps (probe,
transcode, posters, captions, speech-to-text…, publish) that may each run on a different
worker; a step's outputs go to the storage, and the next step's worker fetches what it lacks.
Once published, an item is indexed for search (MEILI_URL: one Meilisearch for all).

A failed step is tried again (3 tries, waiting longer each time); a bad input file fails the
item at once. A step whose worker dies is taken over by another worker once its lock expires.

One line per step started, done or failed. SIGTERM or Ctrl+C: take no more steps and finish the
running ones; a second signal hands them back to the queue at once (another worker starts them)
and exits.

  --concurrency N    steps at once (default INGEST_CONCURRENCY, 1): ffmpeg already uses every core
  --lock-seconds N   how long a step stays claimed by a worker that stopped answering (default 30)

Exit code: 0 stopped on a signal, 2 bad usage or configuration, or Redis unavailable.`;

export async function workerCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { concurrency: { type: 'string' }, 'lock-seconds': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${WORKER_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('worker takes no arguments (see mediacommuns worker --help)');
  const concurrency = whole(values.concurrency, '--concurrency', 1, 64) ?? config.queue.concurrency;
  const lockSeconds = whole(values['lock-seconds'], '--lock-seconds', 1, 3600) ?? 30;
  if (config.queue.kind !== 'bullmq') throw new UsageError('worker needs the shared queue: set QUEUE=bullmq and REDIS_URL (the same for ingest and every worker)');
  const adapters = await createAdapters(config);
  const queue = adapters.queue;
  if (!isSharedQueue(queue)) throw new UsageError('worker needs QUEUE=bullmq');
  // Every tool, the store and Redis are proved usable before the first job is taken.
  await adapters.media.check();
  await adapters.documents.check();
  await adapters.ocr.check();
  await checkStore(adapters.store);
  await queue.check();

  const search = new WorkerIndexing(config, adapters.store, (line) => io.err(`${escapeControlCharacters(line)}\n`));
  const handlers = ingestJobHandlers({
    ...adapters,
    hashes: new HashCache(hashCacheOf(config)),
    workRoot: workRootOf(config),
    stepsFor,
    pipelineVersion: PIPELINE_VERSION,
    onPublished: (id) => search.itemPublished(id),
  });
  const worker = await queue.work(handlers, { concurrency, lockSeconds, onEvent: (event) => report(event, io) });
  io.out(`worker ${hostname()} pid ${process.pid}: waiting for jobs (${concurrency} at a time)\n`);
  let released = false;
  let signals = 0;
  let stopped: () => void = () => {};
  const stopping = new Promise<void>((resolve) => (stopped = resolve));
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    if (signals === 1) {
      io.err(`${signal}: taking no more jobs${worker.active ? `, finishing ${worker.active} (send the signal again to hand them back to the queue now)` : ''}\n`);
      void worker.stop({ release: false }).then(stopped, stopped);
    } else if (signals === 2) {
      io.err(`${signal}: handing ${worker.active} job(s) back to the queue\n`);
      released = true;
      void worker.stop({ release: true }).then(stopped, stopped);
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await stopping;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await search.close();
    // After a hand-back a transcription may still run here: closing the model would wait for it.
    if (!released) await adapters.transcriber?.close();
    await queue.close();
  }
  io.out('worker stopped\n');
  // The handed-back jobs' steps are still running in this process (a step cannot be
  // interrupted): leaving now ends them, and their ffmpeg dies with this process
  // (bin/ffmpeg-bound.sh), so nothing keeps writing into the work folder a later worker resumes in.
  if (released) process.exit(0);
  return 0;
}

function report(event: WorkerEvent, io: CliIo): void {
  const line = (text: string): string => `${escapeControlCharacters(text)}\n`;
  switch (event.kind) {
    case 'started':
      io.out(line(`${event.subject}: ${event.stage} started${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`));
      break;
    case 'completed': {
      const outcome = event.result as Partial<ItemOutcome> | null;
      // The last stage answers with the item's outcome; its time is that of every step.
      if (outcome?.status) io.out(line(`${event.subject}: ${outcome.status} in ${(outcome.wallSeconds ?? event.seconds).toFixed(1)}s`));
      else if (event.ran === 'skipped') io.out(line(`${event.subject}: ${event.stage} does not apply`));
      else if (event.ran === 'reused') io.out(line(`${event.subject}: ${event.stage} reused from an earlier run`));
      else io.out(line(`${event.subject}: ${event.stage} done in ${event.seconds.toFixed(1)}s`));
      break;
    }
    case 'failed':
      io.err(line(`error: ${event.subject}${event.file ? ` ${event.file}` : ''}: ${event.cause} (${event.stage}, attempt ${event.attempt}${event.willRetry ? ', will be retried' : ', failed for good'})`));
      break;
    case 'stalled':
      io.err(line(`warning: job ${event.id} was abandoned by its worker; queued again`));
      break;
    case 'error':
      io.err(line(`warning: queue: ${event.message}`));
      break;
  }
}

function whole(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * A worker's search indexing: opened at the first item published, and opened again after a
 * failure (a worker lives long; search may come back). Never fails a job: the archive is the
 * truth and `reindex` rebuilds the index from it.
 */
class WorkerIndexing {
  private opened: Promise<OpenedSearch> | null = null;
  constructor(private readonly config: Readonly<Config>, private readonly store: ConstructorParameters<typeof SearchIndexer>[0], private readonly warn: (line: string) => void) {}

  async itemPublished(id: string): Promise<void> {
    try {
      this.opened ??= openSearchIndex(this.config);
      const search = await this.opened;
      for (const problem of await new SearchIndexer(this.store, search.index).indexItem(id)) this.warn(`warning: ${id}: search: ${problem}`);
    } catch (error) {
      const failed = this.opened;
      this.opened = null;
      await failed?.then((s) => s.index.close(), () => {});
      this.warn(`warning: ${id}: not indexed for search (${describeError(error)}); run \`mediacommuns reindex\` once search answers`);
    }
  }

  async close(): Promise<void> {
    await this.opened?.then((s) => s.index.close(), () => {});
  }
}
