import { parseArgs } from 'node:util';
import { createAdapters, workRootOf } from '../../compose.js';
import type { Config } from '../../config.js';
import { UsageError } from '../../domain/errors.js';
import { planRemoval, removeItem, type RemovalPlan } from '../../services/archive/remove-item.js';
import { acquireIngestLock } from '../../services/ingest/ingest-lock.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import type { CliIo } from '../io.js';
import { startIngestIndexing } from '../search-access.js';

export const REMOVE_HELP = `Usage: mediacommuns remove <id> [<id> …] --yes

Removes items from the archive: their manifest first (the item is gone from that moment), then
every stored file (originals included), their work folder, and their documents in the search
index. Without --yes, lists what would be removed and removes nothing. Refuses to run while an
ingest runs on the archive. An item still in the programme comes back at the next ingest.

Exit code: 0 all removed, 1 some id is not in the archive, 2 bad usage (or no --yes).`;

export async function removeCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { yes: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    io.out(`${REMOVE_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('remove takes the ids of the items to remove (see mediacommuns remove --help)');
  const { store } = createAdapters(config);
  const release = await acquireIngestLock(workRootOf(config));
  try {
    const plans: RemovalPlan[] = [];
    let missing = 0;
    for (const id of positionals) {
      const plan = await planRemoval(store, id);
      if (plan) plans.push(plan);
      else {
        missing++;
        io.err(`${escapeControlCharacters(`error: ${id}: no such item in the archive`)}\n`);
      }
    }
    for (const plan of plans) {
      const what = `${plan.id}${plan.title ? ` (${plan.title})` : ''}: ${plan.keys.length} file(s), ${(plan.bytes / 1e6).toFixed(1)} MB`;
      io.out(`${escapeControlCharacters(`${values.yes ? 'removing' : 'would remove'} ${what}`)}\n`);
    }
    if (!values.yes) {
      if (plans.length > 0) io.err('nothing removed: add --yes to remove these items\n');
      return plans.length > 0 ? 2 : 1;
    }
    const search = plans.length > 0 ? await startIngestIndexing(config, store) : null;
    try {
      for (const plan of plans) {
        await removeItem(store, plan, workRootOf(config));
        await search?.indexing.itemPublished(plan.id); // no manifest any more: its documents are dropped
      }
    } finally {
      await search?.close();
    }
    for (const line of search?.indexing.report() ?? []) io.err(`${escapeControlCharacters(`warning: ${line}`)}\n`);
    return missing > 0 ? 1 : 0;
  } finally {
    await release();
  }
}
