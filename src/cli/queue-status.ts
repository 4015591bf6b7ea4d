import { describeError } from '../domain/errors.js';
import { isSharedQueue, type JobQueue, type QueueOverview, type QueuedJobInfo, type StageState } from '../ports/job-queue.js';
import { escapeControlCharacters } from '../services/programme/control-characters.js';
import { table } from './format.js';

export type QueueStatus = ({ available: true } & QueueOverview) | { available: false; error: string };

/** The shared queue at a glance; null for the inline queue (nothing to show: it lives in `ingest`). */
export async function queueStatus(queue: JobQueue): Promise<QueueStatus | null> {
  if (!isSharedQueue(queue)) return null;
  try {
    await queue.check();
    return { available: true, ...await queue.overview() };
  } catch (error) {
    return { available: false, error: describeError(error) };
  } finally {
    await queue.close();
  }
}

/**
 * "Queue: 2 waiting, 1 active, …" (items), a table of the running and retrying items with the
 * state of each of their steps, then one line per failed item with its step and cause, like a
 * failed ingest's.
 */
export function queueText(status: QueueStatus): string {
  if (!status.available) return `Queue: unavailable — ${status.error}\n`;
  const { counts } = status;
  let text = `Queue: ${counts.waiting} waiting, ${counts.active} active, ${counts.delayed} to retry, ${counts.completed} done, ${counts.failed} failed\n`;
  const live = status.jobs.filter((j) => j.state === 'active' || j.state === 'delayed');
  if (live.length) {
    text += `${table(['item', 'state', 'step', 'attempts', 'steps done', 'steps queued'], live.map((j) => [
      j.subject, j.state === 'delayed' ? 'to retry' : 'active', j.step ?? '–', String(j.attempts), stepsIn(j, ['done', 'reused']), stepsIn(j, ['queued']),
    ]))}\n`;
    for (const j of live.filter((l) => l.cause)) text += `${escapeControlCharacters(`  ${j.subject}: last try failed: ${j.cause}`)}\n`;
  }
  for (const j of status.jobs.filter((f) => f.state === 'failed')) {
    const where = j.step ? ` (in ${j.step}, after ${j.attempts} attempt${j.attempts === 1 ? '' : 's'})` : '';
    text += `${escapeControlCharacters(`error: ${j.subject}${j.file ? ` ${j.file}` : ''}: ${j.cause ?? 'failed'}${where}`)}\n`;
  }
  return text;
}

function stepsIn(job: QueuedJobInfo, states: StageState[]): string {
  const steps = job.steps.filter((s) => states.includes(s.state)).map((s) => s.step);
  return steps.length ? steps.join(', ') : '–';
}
