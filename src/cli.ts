import { loadConfig } from './config.js';
import { AppError, ConfigError, describeError, UsageError } from './domain/errors.js';
import { processIo, type CliCommand, type CliIo } from './cli/io.js';

const HELP = `Médiacommuns — the open archive of Numérique en Commun[s]

Usage: mediacommuns <command> [options]

Commands:
  corrections list|accept <id>|reject <id>      transcript corrections suggested by the public (--json, --text, --as)
  export --edition <slug> --out file.zip        an edition as one ZIP: metadata, transcripts, texts, PDFs, media list
  glossary add|remove|list|apply                recurring fixes of automatic transcripts (whole words)
  ingest <folder | programme.csv|.json|.yaml>   validate, then ingest an edition (--dry-run: validate only)
  operator add|remove|list                      the console's accounts (add <name> --password-stdin)
  reindex                                       rebuild the search indexes from the archive and swap them in
  remove <id> … --reason "…" --yes              remove items (search too); their links answer 410 Gone with the notice (--purge)
  search <query> [--filter name=value …]        the website's search: items and passages with times/pages (--json)
  serve [--port N]                              the website, JSON API and feeds on http://localhost:3000
  stats [--month yyyy-mm] [--json]              what was played, downloaded, embedded and searched in vain, without tracking
  status                                        items, the last ingest and the search service at a glance
  storage copy --to s3|fs [--dry-run]           copy the archive to the other store, verified and resumable
  verify [--item <id>] [--sample N%]            fixity audit: re-hash stored objects against the manifests (report in audit/)
  worker [--concurrency N]                      process queued ingest jobs (QUEUE=bullmq, REDIS_URL; any number, any machine)

Every command has --help. Settings come from the environment or a .env file (DATA_DIR, PORT,
PUBLIC_URL, DEFAULT_LICENCE, DEFAULT_LANGUAGE, INGEST_CONCURRENCY, FFMPEG_PATH, FFPROBE_PATH,
MEILI_URL…).
Exit code: 0 all good, 1 some items failed, 2 bad usage or configuration.`;

/**
 * Each command's module, loaded only when that command runs: `serve` then never loads the
 * ingest pipeline, the speech-to-text engine or the queue client (start time and memory of the
 * web process), and `--help` of one command loads that command alone.
 */
const COMMANDS: Record<string, () => Promise<{ run: CliCommand; help: string }>> = {
  corrections: async () => import('./cli/commands/corrections.js').then((m) => ({ run: m.correctionsCommand, help: m.CORRECTIONS_HELP })),
  export: async () => import('./cli/commands/export.js').then((m) => ({ run: m.exportCommand, help: m.EXPORT_HELP })),
  glossary: async () => import('./cli/commands/glossary.js').then((m) => ({ run: m.glossaryCommand, help: m.GLOSSARY_HELP })),
  ingest: async () => import('./cli/commands/ingest.js').then((m) => ({ run: m.ingestCommand, help: m.INGEST_HELP })),
  operator: async () => import('./cli/commands/operator.js').then((m) => ({ run: m.operatorCommand, help: m.OPERATOR_HELP })),
  reindex: async () => import('./cli/commands/reindex.js').then((m) => ({ run: m.reindexCommand, help: m.REINDEX_HELP })),
  remove: async () => import('./cli/commands/remove.js').then((m) => ({ run: m.removeCommand, help: m.REMOVE_HELP })),
  search: async () => import('./cli/commands/search.js').then((m) => ({ run: m.searchCommand, help: m.SEARCH_HELP })),
  serve: async () => import('./cli/commands/serve.js').then((m) => ({ run: m.serveCommand, help: m.SERVE_HELP })),
  stats: async () => import('./cli/commands/stats.js').then((m) => ({ run: m.statsCommand, help: m.STATS_HELP })),
  status: async () => import('./cli/commands/status.js').then((m) => ({ run: m.statusCommand, help: m.STATUS_HELP })),
  storage: async () => import('./cli/commands/storage.js').then((m) => ({ run: m.storageCommand, help: m.STORAGE_HELP })),
  verify: async () => import('./cli/commands/verify.js').then((m) => ({ run: m.verifyCommand, help: m.VERIFY_HELP })),
  worker: async () => import('./cli/commands/worker.js').then((m) => ({ run: m.workerCommand, help: m.WORKER_HELP })),
};

async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${HELP}\n`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`error: unknown command "${name}" (see mediacommuns --help)\n`);
    return 2;
  }
  try {
    const command = await load();
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`${command.help}\n`);
      return 0;
    }
    return await command.run(args, loadConfig(), io);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) io.err(`error: configuration: ${problem}\n`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`error: ${describeError(error)}\n`);
      return 2;
    }
    io.err(`error: ${describeError(error)}\n`);
    // A missing tool, a busy archive or search down is the setup's problem, not the items': same code as bad config.
    return error instanceof AppError && ['tool_failed', 'ingest_busy', 'search_unavailable', 'queue_unavailable'].includes(error.code) ? 2 : 1;
  }
}

// Run only when executed, not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/(^|\/)(cli\.(ts|js)|mediacommuns(\.js)?)$/.test(invoked)) {
  // A failure outside any command's own handling (a socket error no one listened to) still ends
  // in one line naming the cause; MEDIACOMMUNS_DEBUG=1 prints the stack as well.
  const crash = (error: unknown): void => {
    process.stderr.write(`error: unexpected failure: ${describeError(error)}\n`);
    if (process.env.MEDIACOMMUNS_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
