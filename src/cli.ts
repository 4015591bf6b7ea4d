import { loadConfig } from './config.js';
import { AppError, ConfigError, describeError, UsageError } from './domain/errors.js';
import { correctionsCommand, CORRECTIONS_HELP } from './cli/commands/corrections.js';
import { exportCommand, EXPORT_HELP } from './cli/commands/export.js';
import { glossaryCommand, GLOSSARY_HELP } from './cli/commands/glossary.js';
import { ingestCommand, INGEST_HELP } from './cli/commands/ingest.js';
import { operatorCommand, OPERATOR_HELP } from './cli/commands/operator.js';
import { reindexCommand, REINDEX_HELP } from './cli/commands/reindex.js';
import { removeCommand, REMOVE_HELP } from './cli/commands/remove.js';
import { searchCommand, SEARCH_HELP } from './cli/commands/search.js';
import { serveCommand, SERVE_HELP } from './cli/commands/serve.js';
import { statsCommand, STATS_HELP } from './cli/commands/stats.js';
import { statusCommand, STATUS_HELP } from './cli/commands/status.js';
import { storageCommand, STORAGE_HELP } from './cli/commands/storage.js';
import { verifyCommand, VERIFY_HELP } from './cli/commands/verify.js';
import { workerCommand, WORKER_HELP } from './cli/commands/worker.js';
import { processIo, type CliIo } from './cli/io.js';

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

const COMMANDS: Record<string, { run: typeof ingestCommand; help: string }> = {
  corrections: { run: correctionsCommand, help: CORRECTIONS_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
  glossary: { run: glossaryCommand, help: GLOSSARY_HELP },
  ingest: { run: ingestCommand, help: INGEST_HELP },
  operator: { run: operatorCommand, help: OPERATOR_HELP },
  reindex: { run: reindexCommand, help: REINDEX_HELP },
  remove: { run: removeCommand, help: REMOVE_HELP },
  search: { run: searchCommand, help: SEARCH_HELP },
  serve: { run: serveCommand, help: SERVE_HELP },
  stats: { run: statsCommand, help: STATS_HELP },
  status: { run: statusCommand, help: STATUS_HELP },
  storage: { run: storageCommand, help: STORAGE_HELP },
  verify: { run: verifyCommand, help: VERIFY_HELP },
  worker: { run: workerCommand, help: WORKER_HELP },
};

async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${HELP}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`error: unknown command "${name}" (see mediacommuns --help)\n`);
    return 2;
  }
  try {
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
