import { Queue, type ConnectionOptions } from 'bullmq';
import { describeError } from '../../domain/errors.js';
import { QueueUnavailableError, type Job, type JobProgress } from '../../ports/job-queue.js';

/** Every process of the archive (ingest, workers, status) meets on this queue. */
export const QUEUE_NAME = 'jobs';
export const QUEUE_PREFIX = 'mediacommuns';

/** What a job keeps as its BullMQ progress: the last step event and every step so far. */
export interface StoredProgress extends JobProgress {
  steps: { step: string; state: JobProgress['state'] }[];
}

export function connectionOf(url: string): ConnectionOptions {
  return { url };
}

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'REDIS_URL';
  }
}

/**
 * The boot check: Redis answers within a few seconds. The connections that do the work
 * retry for ever (a worker rides out a Redis restart); this one gives up at the first failure,
 * so a wrong REDIS_URL is one clear line instead of a hang.
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  const probe = new Queue(QUEUE_NAME, {
    prefix: QUEUE_PREFIX,
    connection: { url, retryStrategy: () => null, connectTimeout: timeoutMs, maxRetriesPerRequest: 0 } as ConnectionOptions,
  });
  probe.on('error', () => {}); // the failure is reported below, once
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    // BullMQ's client interface has no PING: INFO proves the same (the server answers commands).
    const answer = await Promise.race([probe.waitUntilReady().then(async () => (await probe.client).info()), timeout]);
    if (!answer.includes('redis_version')) throw new Error('the server at that address does not speak Redis');
  } catch (error) {
    throw new QueueUnavailableError(`queue unavailable: Redis at ${safeUrl(url)} does not answer (${describeError(error)}); start it or fix REDIS_URL`, { cause: error });
  } finally {
    clearTimeout(timer);
    await probe.close().catch(() => {});
  }
}

/**
 * What a stage's BullMQ job holds: the whole job, and the stage to run. `supersededBy`, on a
 * job's last stage only: the key of a newer version of the item submitted while a stage ran.
 */
export type StageData = Job & { stage: string; supersededBy?: string };

/** The job data as it comes back from Redis: checked, since another version may have written it. */
export function stageOf(data: unknown): StageData | null {
  const job = data as Partial<StageData> | null;
  if (job?.type !== 'ingest-item' || typeof job.key !== 'string' || typeof job.item?.id !== 'string') return null;
  if (typeof job.stage !== 'string' || !Array.isArray(job.stages) || !job.stages.includes(job.stage) || typeof job.inputsKey !== 'string') return null;
  return job as StageData;
}

/**
 * A stage's BullMQ id: the job's key for its last stage (which stands for the whole job: it
 * finishes when the job does), `<key>~<stage>` for the others ("~" is in no key).
 */
export function stageJobId(job: Pick<Job, 'key' | 'stages'>, stage: string): string {
  return stage === job.stages.at(-1) ? job.key : `${job.key}~${stage}`;
}

/** The job key of a stage's BullMQ id. */
export const jobKeyOfId = (id: string): string => (id.includes('~') ? id.slice(0, id.lastIndexOf('~')) : id);

export function storedProgressOf(value: unknown): StoredProgress | null {
  const progress = value as Partial<StoredProgress> | null;
  if (!progress || typeof progress !== 'object' || typeof progress.step !== 'string' || typeof progress.state !== 'string') return null;
  return { ...progress, steps: Array.isArray(progress.steps) ? progress.steps : [] } as StoredProgress;
}

/**
 * A stage that BullMQ failed without running it, because an earlier stage failed for good
 * (its reason then names the earlier stage's job: "child <key> failed").
 */
export function failedByEarlierStage(job: { deferredFailure?: string; failedReason?: string }): boolean {
  return Boolean(job.deferredFailure) || /^child \S+ failed$/.test(job.failedReason ?? '');
}
