import { parseArgs } from 'node:util';
import { createStore, workRootOf } from '../../compose.js';
import type { Config } from '../../config.js';
import { UsageError } from '../../domain/errors.js';
import { checkNotice, checkReplacement, planRemoval, removedAlready, removeItem, type RemovalPlan } from '../../services/archive/remove-item.js';
import { tombstoneKey } from '../../services/archive/tombstones.js';
import { acquireIngestLock } from '../../services/ingest/ingest-lock.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import type { CliIo } from '../io.js';
import { startIngestIndexing } from '../search-access.js';

export const REMOVE_HELP = `Usage: mediacommuns remove <id> [<id> …] --reason "…" [--replaced-by <id>] --yes
       mediacommuns remove <id> [<id> …] --purge --yes

Removes items from the archive and leaves a trace. First the item's tombstone is written
(tombstones/<id>.json: id, title, kind, edition, date archived, date removed, reason,
replacement), then its manifest goes (the item is gone from that moment), then every stored
file (originals included), its clips, its edition's cached packages (made again at the next
export), its work folder, and its documents in the search index. From then
on the item's pages, embed and API answer 410 Gone with that notice (and a link to the
replacement), and it leaves search, listings, feeds and the sitemap.

  --reason "…"         why, in a sentence shown to visitors of the old links (required, except
                       with --purge; at most 500 characters)
  --replaced-by <id>   the published item that replaces it: the notice links to it
  --purge              for a rights or personal-data request: the tombstone keeps only the id
                       and the date of removal (no title, edition, reason or replacement)
  --yes                remove; without it, shows the files and the tombstone it would write
                       and removes nothing

The next ingest refuses a row with a removed id (a purge must not come back by accident); to
bring an item back on purpose: mediacommuns ingest <programme> --restore <id>.
Refuses to run while an ingest runs on the archive.

Exit code: 0 all removed, 1 some id is not in the archive, 2 bad usage (or no --yes).`;

export async function removeCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      yes: { type: 'boolean' },
      reason: { type: 'string' },
      'replaced-by': { type: 'string' },
      purge: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${REMOVE_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('remove takes the ids of the items to remove (see mediacommuns remove --help)');
  const notice = checkNotice({ reason: values.reason, replacedBy: values['replaced-by'], purge: values.purge });
  const store = await createStore(config);
  await checkReplacement(store, notice.replacedBy, positionals);
  const release = await acquireIngestLock(workRootOf(config));
  try {
    const plans: RemovalPlan[] = [];
    let missing = 0;
    const now = new Date();
    for (const id of positionals) {
      const plan = await planRemoval(store, id, notice, now);
      if (plan) {
        plans.push(plan);
        continue;
      }
      missing++;
      const gone = await removedAlready(store, id);
      io.err(`${escapeControlCharacters(gone ? `error: ${id}: already removed on ${gone.removedAt.slice(0, 10)} (${tombstoneKey(id)})` : `error: ${id}: no such item in the archive`)}\n`);
    }
    for (const plan of plans) {
      const what = `${plan.id}${plan.title ? ` (${plan.title})` : ''}: ${plan.keys.length} file(s), ${(plan.bytes / 1e6).toFixed(1)} MB`;
      io.out(`${escapeControlCharacters(`${values.yes ? 'removing' : 'would remove'} ${what}`)}\n`);
      // The notice is what stays public: shown before anything is removed, exactly as it will be stored.
      if (!values.yes && plan.tombstone) io.out(`${escapeControlCharacters(`would write ${tombstoneKey(plan.id)}: ${JSON.stringify(plan.tombstone)}`)}\n`);
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
