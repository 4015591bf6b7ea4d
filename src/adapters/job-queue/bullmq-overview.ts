import type { Job as BullJob, Queue } from 'bullmq';
import type { QueueOverview, QueuedJobInfo, StageState } from '../../ports/job-queue.js';
import { failedByEarlierStage, jobKeyOfId, stageJobId, stageOf, storedProgressOf } from './bullmq-connection.js';

/** Job states that are not finished and not running: what `status` counts as waiting. */
export const UNFINISHED = ['waiting-children', 'wait', 'delayed', 'prioritized', 'paused'] as const;

/**
 * Counts of jobs (items), not of stages: waiting (no stage running), active, to retry (a stage
 * waits for its next try), done, failed; and the running, retrying and failed jobs with every
 * stage's state.
 */
export async function queueOverview(queue: Queue): Promise<QueueOverview> {
  const ids = async (...types: Parameters<Queue['getRanges']>[0]): Promise<string[]> => queue.getRanges(types, 0, -1);
  const isJob = (id: string): boolean => !id.includes('~');
  const activeKeys = new Set((await ids('active')).map(jobKeyOfId));
  const retryKeys = new Set((await ids('delayed')).map(jobKeyOfId));
  const unfinished = (await ids(...UNFINISHED, 'active')).filter(isJob);
  const active = unfinished.filter((key) => activeKeys.has(key));
  const retrying = unfinished.filter((key) => !activeKeys.has(key) && retryKeys.has(key));
  const failed = (await queue.getRanges(['failed'], 0, -1, false)).filter(isJob);
  const completed = (await ids('completed')).filter(isJob);
  // Running and retrying jobs are few; failures are shown newest first, a screenful at most.
  const shown = [...active.slice(0, 100), ...retrying.slice(0, 50), ...failed.slice(0, 20)];
  const infos = await Promise.all(shown.map((key) => infoOf(queue, key)));
  return {
    counts: { waiting: unfinished.length - active.length - retrying.length, active: active.length, delayed: retrying.length, completed: completed.length, failed: failed.length },
    jobs: infos.filter((info): info is QueuedJobInfo => info !== null),
  };
}

async function infoOf(queue: Queue, key: string): Promise<QueuedJobInfo | null> {
  const root = await queue.getJob(key);
  const data = stageOf(root?.data);
  if (!root || !data) return null;
  const stages = await stagesOf(queue, key);
  const rootState = await root.getState().catch(() => 'unknown');
  const current = stages.find((s) => s.state === 'failed') ?? stages.find((s) => s.state === 'active') ?? stages.find((s) => s.state === 'retrying');
  const state: QueuedJobInfo['state'] = rootState === 'completed' ? 'completed'
    : rootState === 'failed' || current?.state === 'failed' ? 'failed'
      : current?.state === 'active' ? 'active' : current?.state === 'retrying' ? 'delayed' : 'waiting';
  const progress = storedProgressOf(current?.job?.progress);
  const troubled = current?.state === 'failed' || current?.state === 'retrying';
  return {
    id: key,
    type: data.type,
    subject: data.item.id,
    state,
    attempts: current?.job?.attemptsMade ?? 0,
    step: current?.stage ?? null,
    steps: stages.map(({ stage, state: s }) => ({ step: stage, state: s })),
    cause: troubled ? (current?.job?.failedReason || progress?.cause || null) : null,
    file: troubled ? (progress?.file ?? null) : null,
    finishedAt: root.finishedOn ? new Date(root.finishedOn).toISOString() : null,
  };
}

/** Every stage of a job, in order, with its BullMQ job and its state as `status` shows it. */
export async function stagesOf(queue: Queue, key: string): Promise<{ stage: string; job: BullJob | undefined; state: StageState }[]> {
  const root = stageOf((await queue.getJob(key))?.data);
  if (!root) return [];
  return Promise.all(root.stages.map(async (stage) => {
    const job = await queue.getJob(stageJobId(root, stage));
    return { stage, job, state: job ? stageState(job, await job.getState()) : 'queued' as const };
  }));
}

/** A stage's BullMQ job state, as `status` says it. */
function stageState(job: BullJob, state: string): StageState {
  if (state === 'active') return 'active';
  if (state === 'delayed') return 'retrying';
  if (state === 'failed') return failedByEarlierStage(job) ? 'not run' : 'failed';
  if (state !== 'completed') return 'queued';
  const progress = storedProgressOf(job.progress);
  return progress?.state === 'reused' ? 'reused' : progress ? 'done' : 'skipped';
}
