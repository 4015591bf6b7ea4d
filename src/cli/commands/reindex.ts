import { parseArgs } from 'node:util';
import { createStore, openSearchIndex, workRootOf } from '../../compose.js';
import type { Config } from '../../config.js';
import { UsageError } from '../../domain/errors.js';
import { acquireIngestLock } from '../../services/ingest/ingest-lock.js';
import { SearchIndexer } from '../../services/search/indexer.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import type { CliIo } from '../io.js';

export const REINDEX_HELP = `Usage: mediacommuns reindex

Rebuilds the search indexes (items, and their passages with times and pages) from the
manifests in the archive. The new indexes are built beside the live ones and swapped in at
once when complete: searches keep their answers meanwhile, and an interrupted rebuild leaves
the previous indexes serving. It refuses to run while an ingest runs on the archive.

Search runs on the archive's own Meilisearch (started from DATA_DIR/meili, or the one another
mediacommuns process already runs there), or on MEILI_URL with MEILI_MASTER_KEY.

Exit code: 0 all good, 1 some manifests or text files could not be read (the rest is
indexed), 2 bad usage, configuration, or search unavailable.`;

export async function reindexCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    io.out(`${REINDEX_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('reindex takes no arguments (see mediacommuns reindex --help)');
  const store = await createStore(config);
  // An ingest indexes items as it goes: one finishing during the rebuild would land in the
  // indexes about to be replaced, and be lost from search until the next reindex.
  const release = await acquireIngestLock(workRootOf(config));
  try {
    const started = performance.now();
    const search = await openSearchIndex(config);
    try {
      let shown = 0;
      const summary = await new SearchIndexer(store, search.index).reindex((progress) => {
        if (io.isTty && progress.items - shown >= 100) {
          shown = progress.items;
          io.out(`\r${progress.items} item(s), ${progress.segments} segment(s)…`);
        }
      });
      if (shown > 0) io.out('\r\x1b[K');
      for (const problem of summary.problems) io.err(`${escapeControlCharacters(`warning: ${problem}`)}\n`);
      const seconds = (performance.now() - started) / 1000;
      io.out(`Reindexed ${summary.items} item(s) and ${summary.segments - summary.items} passage(s) in ${seconds.toFixed(1)} s `
        + `(Meilisearch ${search.version}, ${search.index.url})\n`);
      return summary.problems.length > 0 ? 1 : 0;
    } finally {
      await search.index.close();
    }
  } finally {
    await release();
  }
}
