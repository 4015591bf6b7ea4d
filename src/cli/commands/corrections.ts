import { parseArgs } from 'node:util';
import { createStore } from '../../compose.js';
import type { Config } from '../../config.js';
import { NotFoundError, UsageError } from '../../domain/errors.js';
import { findSuggestion, listSuggestions, SUGGESTION_STATES, type SuggestionState } from '../../services/corrections/correction-store.js';
import { acceptSuggestion, dismissSuggestion } from '../../services/corrections/decide-correction.js';
import { transcriptFor } from '../../services/corrections/suggest-correction.js';
import { readManifest } from '../../services/archive/manifests.js';
import { recordOperatorAction } from '../../services/operators/operator-log.js';
import { markReviewed } from '../../services/transcripts/revise-transcript.js';
import { cliOperator } from '../cli-operator.js';
import { table } from '../format.js';
import type { CliIo } from '../io.js';
import { lazyIngestIndexing } from '../search-access.js';

export const CORRECTIONS_HELP = `Usage: mediacommuns corrections list [--state pending|accepted|rejected|spam|all] [--json]
       mediacommuns corrections accept <id> [--text "…"] [--as <name>]
       mediacommuns corrections reject <id> [--spam] [--as <name>]
       mediacommuns corrections mark-reviewed <item id> [--lang <language>] [--as <name>]

Corrections of transcripts suggested by the public (on each transcript passage's form, or
POST /api/items/<id>/corrections), kept in the store under corrections/<item>/<id>.json.

  list            the pending suggestions (--state to see others): id, item, second, text
  accept <id>     writes a new revision of that transcript with the suggested text (or --text, edited):
                  the passage's times stay, its words change (and its speaker when one was suggested);
                  recorded in the item's history, then the item is reindexed for search
  reject <id>     the suggestion is set aside (--spam: marked as spam); the transcript does not change
  mark-reviewed   the item's transcript (--lang, default the item's language) was read through by
                  people as it is: marked reviewed, with a line in the item's history
  --as <name>     the operator named in the item's history and the operator log; default cli:<system user>

A transcript is marked "reviewed by people" once accepted corrections have covered every one of
its cues, or when an operator marks it so (mark-reviewed). Exit code: 0 done, 1 no such suggestion or already decided, 2 bad usage.`;

export async function correctionsCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' }, state: { type: 'string' }, lang: { type: 'string' }, text: { type: 'string' }, as: { type: 'string' }, spam: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${CORRECTIONS_HELP}\n`);
    return 0;
  }
  const [action, id, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`corrections ${action}: one suggestion at a time`);
  const store = await createStore(config);
  switch (action) {
    case 'list': {
      const state = values.state ?? 'pending';
      if (state !== 'all' && !SUGGESTION_STATES.includes(state as SuggestionState)) throw new UsageError(`--state: one of ${SUGGESTION_STATES.join(', ')}, all`);
      const found = await listSuggestions(store, state === 'all' ? {} : { state: state as SuggestionState });
      if (values.json) {
        io.out(`${JSON.stringify(found, null, 2)}\n`);
        return 0;
      }
      if (found.length === 0) {
        io.out(`No ${state === 'all' ? '' : `${state} `}suggestion.\n`);
        return 0;
      }
      io.out(`${table(['id', 'item', 'at', 'state', 'text'], found.map((s) => [s.id, s.item, `${s.start}s`, s.state, s.text.length > 60 ? `${s.text.slice(0, 59)}…` : s.text]))}\n`);
      return 0;
    }
    case 'accept':
    case 'reject': {
      if (!id) throw new UsageError(`corrections ${action} takes a suggestion's id (see corrections list)`);
      const suggestion = await findSuggestion(store, id);
      if (!suggestion) throw new NotFoundError(`no suggestion ${id}`);
      const operator = cliOperator(values.as);
      if (action === 'reject') {
        const decided = await dismissSuggestion({ store }, operator, suggestion.item, id, values.spam ? 'spam' : 'rejected');
        io.out(`Suggestion ${id} ${decided.state} (${operator})\n`);
        return 0;
      }
      const search = lazyIngestIndexing(config, store);
      try {
        const { manifest } = await acceptSuggestion({ store, reindex: (item) => search.indexing.itemPublished(item) }, operator, suggestion.item, id, values.text ?? null);
        io.out(`Suggestion ${id} accepted (${operator}): ${manifest.id}, transcript ${suggestion.language} ${manifest.accessibility.transcript}\n`);
        for (const line of search.indexing.report()) io.err(`warning: ${line}\n`);
      } finally {
        await search.close();
      }
      return 0;
    }
    case 'mark-reviewed': {
      if (!id) throw new UsageError('corrections mark-reviewed takes an item id');
      const manifest = await readManifest(store, id);
      if (!manifest) throw new NotFoundError(`no item ${id}`);
      const transcript = transcriptFor(manifest, values.lang);
      if (!transcript) throw new NotFoundError(`${id}: no transcript${values.lang ? ` in "${values.lang}"` : ''}`);
      const operator = cliOperator(values.as);
      const search = lazyIngestIndexing(config, store);
      try {
        const marked = await markReviewed(store, manifest, transcript.language, operator, (item) => search.indexing.itemPublished(item));
        if (marked) await recordOperatorAction(store, { operator, action: 'transcript.reviewed', target: id, detail: { language: transcript.language } });
        io.out(marked ? `${id}: transcript ${transcript.language} marked reviewed (${operator})\n` : `${id}: transcript ${transcript.language} was already reviewed\n`);
      } finally {
        await search.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`corrections: unknown action "${action ?? ''}" (list, accept, reject, mark-reviewed)`);
  }
}
