import { parseArgs } from 'node:util';
import { createStore } from '../../compose.js';
import type { Config } from '../../config.js';
import { UsageError } from '../../domain/errors.js';
import { applyGlossaryToArchive } from '../../services/glossary/apply-glossary.js';
import { addGlossaryEntry, readGlossary, removeGlossaryEntry } from '../../services/glossary/glossary-store.js';
import { recordOperatorAction } from '../../services/operators/operator-log.js';
import { cliOperator } from '../cli-operator.js';
import { table } from '../format.js';
import type { CliIo } from '../io.js';
import { lazyIngestIndexing } from '../search-access.js';

export const GLOSSARY_HELP = `Usage: mediacommuns glossary add <find> <replace> [--as <name>]
       mediacommuns glossary remove <find> [--as <name>]
       mediacommuns glossary list [--json]
       mediacommuns glossary apply [--item <id>] [--as <name>]

Recurring fixes of automatic transcripts ("Mednum" → "MedNum"), kept in the store (glossary.json).
A find matches whole words only (no letter or digit touching either end), with capitals and
accents exactly as written; longer finds win where several match. The glossary is applied to
automatic (speech-to-text) transcripts at ingest, and to archived ones with \`apply\`; a reviewed
transcript is never changed. Each transcript changed gets a new revision and a line in its item's
history; every change is written to the operator log.

  add <find> <replace>   adds a pair (or changes the replacement of that find)
  remove <find>          exit 1 when the find is not in the glossary
  apply [--item <id>]    applies the glossary to every archived item (or one) and reindexes those changed
  --as <name>            the operator named in histories and the log; default cli:<system user>
Exit code: 0 done, 1 nothing to remove, 2 bad usage.`;

export async function glossaryCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, item: { type: 'string' }, as: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${GLOSSARY_HELP}\n`);
    return 0;
  }
  const [action, ...rest] = positionals;
  const store = await createStore(config);
  const operator = cliOperator(values.as);
  switch (action) {
    case 'add': {
      const [find, replace, ...extra] = rest;
      if (find === undefined || replace === undefined || extra.length > 0) throw new UsageError('glossary add takes <find> <replace> (quote each)');
      const entry = await addGlossaryEntry(store, { find, replace }, operator).catch((error: unknown) => {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      });
      await recordOperatorAction(store, { operator, action: 'glossary.add', target: entry.find, detail: { replace: entry.replace } });
      io.out(`Glossary: "${entry.find}" → "${entry.replace}"\n`);
      return 0;
    }
    case 'remove': {
      const [find, ...extra] = rest;
      if (find === undefined || extra.length > 0) throw new UsageError('glossary remove takes one <find>');
      if (!(await removeGlossaryEntry(store, find))) {
        io.err(`error: "${find}" is not in the glossary\n`);
        return 1;
      }
      await recordOperatorAction(store, { operator, action: 'glossary.remove', target: find });
      io.out(`Glossary: "${find}" removed\n`);
      return 0;
    }
    case 'list': {
      const entries = await readGlossary(store);
      if (values.json) io.out(`${JSON.stringify(entries.map(({ find, replace }) => ({ find, replace })), null, 2)}\n`);
      else if (entries.length === 0) io.out('The glossary is empty.\n');
      else io.out(`${table(['find', 'replace', 'added by'], entries.map((e) => [e.find, e.replace, e.by]))}\n`);
      return 0;
    }
    case 'apply': {
      if (rest.length > 0) throw new UsageError('glossary apply takes no argument (--item <id> for one item)');
      const search = lazyIngestIndexing(config, store);
      try {
        const outcomes = await applyGlossaryToArchive(store, await readGlossary(store), operator, {
          ...(values.item ? { item: values.item } : {}), reindex: (id) => search.indexing.itemPublished(id),
        });
        await recordOperatorAction(store, { operator, action: 'glossary.apply', target: values.item ?? null, detail: { transcripts: outcomes.length } });
        for (const o of outcomes) io.out(`${o.id} (${o.language}): ${o.replaced} replacement(s)\n`);
        io.out(`Glossary applied: ${outcomes.length} transcript(s) changed\n`);
        for (const line of search.indexing.report()) io.err(`warning: ${line}\n`);
      } finally {
        await search.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`glossary: unknown action "${action ?? ''}" (add, remove, list, apply)`);
  }
}
