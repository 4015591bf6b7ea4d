import { parseArgs } from 'node:util';
import { createMediaTool, createStore, mediaOriginOf, openSearchIndex } from '../../compose.js';
import type { Config } from '../../config.js';
import { startWeb } from '../../http/start-web.js';
import type { CliIo } from '../io.js';

export const SERVE_HELP = `Usage: mediacommuns serve [--port N] [--host ADDRESS]

Serves the website, the JSON API and the feeds over the archive in DATA_DIR, on PORT (default
3000) of every interface. Keeps the archive's Meilisearch running while it serves (or uses the
one at MEILI_URL). New and updated items appear within 30 seconds of their ingest.
Stop with Ctrl+C (SIGINT) or SIGTERM.

  --port N          overrides PORT
  --host ADDRESS    listen on one address only (e.g. 127.0.0.1)
Exit code: 0 stopped cleanly, 2 bad configuration or the port is taken.`;

export async function serveCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(`${SERVE_HELP}\n`);
    return 0;
  }
  const port = values.port === undefined ? config.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`error: --port ${values.port}: expected a port number (0–65535)\n`);
    return 2;
  }
  const store = await createStore(config);
  const media = createMediaTool(config);
  const search = await openSearchIndex(config);
  let web;
  try {
    web = await startWeb({
      store,
      index: search.index,
      port,
      ...(values.host ? { host: values.host } : {}),
      publicUrl: config.publicUrl,
      mediaOrigin: mediaOriginOf(config),
      oai: { adminEmail: config.oaiAdminEmail },
      media,
      log: (line) => io.err(`${line}\n`),
    });
  } catch (error) {
    await search.index.close();
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      io.err(`error: port ${port} is already in use; stop what uses it or set PORT\n`);
      return 2;
    }
    throw error;
  }
  const snapshot = await web.deps.catalogue.snapshot();
  io.out(`Médiacommuns: ${snapshot.items.length} item(s) served on ${config.publicUrl ?? `http://localhost:${web.port}`} (Ctrl+C to stop)\n`);
  if (search.reindexNeeded) io.err('warning: the search indexes were built by an earlier version (another index layout): search answers 503 until `mediacommuns reindex` has rebuilt them\n');
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.out('Médiacommuns: stopping\n');
  await web.close();
  await search.index.close();
  return 0;
}
