import { parseArgs } from 'node:util';
import { createQueue, createStore } from '../../compose.js';
import type { Config } from '../../config.js';
import { allManifests } from '../../services/archive/manifests.js';
import { itemSummary, readLastIngest, untranscribedItems } from '../../services/archive/archive-status.js';
import { auditStatus, auditText } from '../audit-status.js';
import { diskStatus, diskText } from '../disk-status.js';
import { formatDuration, table } from '../format.js';
import { failureLine, stoppedLines } from '../ingest-reporters.js';
import { queueStatus, queueText } from '../queue-status.js';
import { searchStatus } from '../search-access.js';
import { unfinishedWork } from '../../services/ingest/item-version.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import type { CliIo } from '../io.js';

export const STATUS_HELP = `Usage: mediacommuns status [--json]

Lists the items in the archive (kind, duration, transcript status, stored size), the outcome
of the last ingest, with the cause of every failure, and the search service (its version and
what it holds, or why it does not answer), and the items with work in progress in the storage
(being ingested, or stopped half-way: the next ingest resumes them), and the room left in the
store, work and search index folders, with a warning under DISK_WARN_FREE_MB (default 2048). With QUEUE=bullmq, the queue
too: items waiting, running (the step each is in, the steps done and to come), to retry, done
and failed (with the step, file and cause). Last, the date and result of the last fixity audit
(\`mediacommuns verify\`), and an unfinished one.`;

export async function statusCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(`${STATUS_HELP}\n`);
    return 0;
  }
  const [store, jobQueue] = await Promise.all([createStore(config), createQueue(config)]);
  let unreadable = 0;
  const manifests = await allManifests(store, (key, cause) => {
    unreadable++;
    io.err(`error: ${key}: unreadable manifest (${cause})\n`);
  });
  const last = await readLastIngest(config.dataDir);
  const search = await searchStatus(config);
  const queue = await queueStatus(jobQueue);
  const unfinished = await unfinishedWork(store);
  const disk = await diskStatus(config);
  const audit = await auditStatus(store);
  if (values.json) {
    io.out(`${JSON.stringify({ items: manifests.map(itemSummary), lastIngest: last, search, unfinished, disk, audit, ...(queue ? { queue } : {}) }, null, 2)}\n`);
    return unreadable > 0 ? 1 : 0;
  }
  io.out(`Archive: ${config.dataDir} (${store.kind}) — ${manifests.length} item(s)\n`);
  if (manifests.length) {
    io.out(`${table(['item', 'kind', 'duration', 'transcript', 'files', 'size'], manifests.map((m) => {
      const s = itemSummary(m);
      const transcript = s.sound === false && s.transcript === 'none' ? 'no sound' : s.transcript ?? '-';
      return [s.id, s.kind, formatDuration(s.duration), transcript, String(s.files), `${(s.bytes / 1e6).toFixed(1)} MB`];
    }))}\n`);
    // Recordings nobody can read or hear the words of: said once, plainly, under the table.
    const untranscribed = untranscribedItems(manifests).map((m) => m.id);
    if (untranscribed.length) {
      io.out(`\nNo transcript for ${untranscribed.length} recording(s): ${untranscribed.join(', ')}\n`
        + '  supply captions in the programme, or configure speech-to-text (TRANSCRIBER=whisper, TRANSCRIBER_MODEL=…)\n');
    }
  }
  if (last) {
    const failures = last.outcomes.filter((o) => o.status === 'failed');
    io.out(`\nLast ingest ${last.at}: ${last.outcomes.length} item(s), ${failures.length} failed, ${last.problems.filter((p) => p.severity !== 'warning').length} programme problem(s)\n`);
    for (const f of failures) io.out(`${failureLine(f)}\n`);
    for (const line of stoppedLines(last)) io.out(`${line}\n`);
  }
  io.out(search.available
    ? `\nSearch: Meilisearch ${search.version} (${search.mode === 'own' ? 'run by the app' : 'external'}, ${search.url}) — ${search.items} item(s), ${search.segments - search.items} passage(s)`
      + `${search.reindexNeeded ? '; built by an earlier version (another index layout): run `mediacommuns reindex` (searches are refused until then)'
        : search.items !== manifests.length ? `; the archive has ${manifests.length}: run \`mediacommuns reindex\`` : ''}\n`
    : `\nSearch: unavailable — ${search.error}\n`);
  if (unfinished.length) {
    io.out(`\nWork in progress in the storage (being ingested, or stopped: the next ingest resumes it; \`mediacommuns remove <id>\` drops it):\n`);
    for (const u of unfinished) io.out(`${escapeControlCharacters(`  ${u.id} (version ${u.version}): ${u.steps.length} step(s) recorded${u.steps.length ? ` — ${u.steps.join(', ')}` : ''}`)}\n`);
  }
  if (queue) io.out(`\n${queueText(queue)}`);
  io.out(`\n${diskText(disk)}`);
  io.out(`\n${auditText(audit)}`);
  return unreadable > 0 ? 1 : 0;
}
