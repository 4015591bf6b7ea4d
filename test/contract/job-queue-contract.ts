import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../src/domain/item.js';
import {
  isSharedQueue, JobFailedError, JobSupersededError, type Job, type JobContext, type JobFailure, type JobHandlers, type JobProgress, type JobQueue, type JobWatch,
} from '../../src/ports/job-queue.js';

/** What a queue can do beyond the common contract, declared by the file that runs it. */
export interface QueueCapabilities {
  /** Its stages run in workers (SharedJobQueue), which can be stopped and hand work back. */
  shared: boolean;
}

/**
 * Gives a fresh queue ready to run jobs through `handlers`: a shared queue with workers of this
 * process already taking its stages (its runAll only hands them out); with none when `handlers`
 * is null (the test starts its own). The file that runs the contract closes what it opened.
 */
export type MakeQueue = (handlers: JobHandlers<unknown> | null) => Promise<JobQueue>;

const STAGES = ['probe', 'transcode', 'publish'];
let made = 0;
/** A job of item `id`, under a key (version) of its own. */
const job = (id: string): Job => ({
  type: 'ingest-item', key: `${id}@v${++made}`, item: { id, title: id } as ProgrammeItem, inputsKey: 'f'.repeat(64), stages: STAGES,
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function signal(): { promise: Promise<void>; fire(): void } {
  let fire: () => void = () => {};
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/** `promise`, or a failure naming what did not happen: a queue that breaks a promise fails the test instead of hanging it. */
async function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Handlers that log every stage they run and return `done <key>` from the last; and a watch that records what it hears. */
function recorder() {
  const ran: { key: string; stage: string; attempt: number }[] = [];
  const seen = { started: [] as number[], progress: [] as [number, JobProgress][], finished: [] as number[], failures: new Map<number, JobFailure>() };
  const watch: JobWatch<string> = {
    started: (index) => seen.started.push(index),
    progress: (index, update) => seen.progress.push([index, update]),
    finished: (index) => seen.finished.push(index),
    failed: (index, failure) => {
      seen.failures.set(index, failure);
      return `failed: ${failure.cause}`;
    },
  };
  const handlers = (during?: (j: Job, context: JobContext) => unknown): JobHandlers<string> => ({
    'ingest-item': async (j, context) => {
      ran.push({ key: j.key, stage: context.stage, attempt: context.attempt });
      context.progress({ step: context.stage, state: 'started' });
      await during?.(j, context);
      context.progress({ step: context.stage, state: 'done', seconds: 0 });
      return context.stage === STAGES.at(-1) ? `done ${j.key}` : null;
    },
  });
  const stagesOf = (key: string): string[] => ran.filter((r) => r.key === key).map((r) => r.stage);
  return { ran, seen, watch, handlers, stagesOf };
}

/**
 * What every JobQueue promises (see src/ports/job-queue.ts), run unchanged on each adapter. Where
 * queues differ honestly, the test reads what the queue declares (`attemptsPerStage`) or what its
 * file declares (`capabilities`) instead of pretending they are the same.
 */
export function jobQueueContract(name: string, capabilities: QueueCapabilities, makeQueue: MakeQueue): void {
  describe(`JobQueue contract: ${name}`, () => {
    it('runs each job\'s stages in order, each once, and resolves with the results in the jobs\' order', async () => {
      const rec = recorder();
      // The first job is the slowest: results follow the jobs' order, not the order they end in.
      const handlers = rec.handlers((j) => sleep(j.item.id === 'a' ? 100 : 10));
      const queue = await makeQueue(handlers);
      expect(isSharedQueue(queue)).toBe(capabilities.shared);
      const jobs = [job('a'), job('b'), job('c')];
      expect(await queue.runAll(jobs, handlers, rec.watch)).toEqual(jobs.map((j) => `done ${j.key}`));
      for (const j of jobs) expect(rec.stagesOf(j.key)).toEqual(STAGES);
      expect(rec.ran.map((r) => r.attempt)).toEqual(Array(9).fill(1));
      expect(rec.seen.started.sort()).toEqual([0, 1, 2]);
      expect(rec.seen.finished.sort()).toEqual([0, 1, 2]);
      const progress = rec.seen.progress.filter(([index]) => index === 0).map(([, p]) => `${p.step} ${p.state}`);
      expect(progress).toEqual(expect.arrayContaining(['probe done', 'transcode done', 'publish done']));
    });

    it('starts each job as it arrives, while the next one is still being made', async () => {
      const rec = recorder();
      const firstStarted = signal();
      const handlers = rec.handlers((j) => j.item.id === 'premier' && firstStarted.fire());
      const queue = await makeQueue(handlers);
      const [premier, second] = [job('premier'), job('second')];
      async function* madeOneByOne(): AsyncIterable<Job> {
        yield premier;
        await within(firstStarted.promise, 'the first job to start before the second is made');
        yield second;
      }
      expect(await queue.runAll(madeOneByOne(), handlers, rec.watch)).toEqual([`done ${premier.key}`, `done ${second.key}`]);
    });

    it('runs a key once when it arrives again while its job runs, and both submissions hear its result', async () => {
      const rec = recorder();
      const twinSubmitted = signal();
      const handlers = rec.handlers((_j, context) => context.stage === 'probe' && within(twinSubmitted.promise, 'the twin to be submitted'));
      const queue = await makeQueue(handlers);
      const same = job('doublon');
      async function* twice(): AsyncIterable<Job> {
        yield same;
        yield { ...same };
        twinSubmitted.fire();
      }
      let counts: { added: number; alreadyQueued: number } | null = null;
      const results = await queue.runAll(twice(), handlers, { ...rec.watch, queued: (c) => (counts = c) });
      expect(results).toEqual([`done ${same.key}`, `done ${same.key}`]);
      expect(rec.stagesOf(same.key)).toEqual(STAGES);
      expect(rec.seen.finished.sort()).toEqual([0, 1]);
      // Only a shared queue says what it queued: the twin was joined, not added.
      expect(counts).toEqual(capabilities.shared ? { added: 1, alreadyQueued: 1 } : null);
    });

    it('runs a key again when it arrives after its job finished (the archive may have changed since)', async () => {
      const rec = recorder();
      const firstFinished = signal();
      const handlers = rec.handlers();
      const queue = await makeQueue(handlers);
      const same = job('encore');
      async function* again(): AsyncIterable<Job> {
        yield same;
        await within(firstFinished.promise, 'the first run to finish');
        yield { ...same };
      }
      const results = await queue.runAll(again(), handlers, { ...rec.watch, finished: (index) => index === 0 && firstFinished.fire() });
      expect(results).toEqual([`done ${same.key}`, `done ${same.key}`]);
      expect(rec.stagesOf(same.key)).toEqual([...STAGES, ...STAGES]);
    });

    it('stops an older version of an item before its next stage when a newer one arrives; the newer runs whole', async () => {
      const rec = recorder();
      const olderRunning = signal();
      const newerSubmitted = signal();
      const [older, newer] = [job('remplace'), job('remplace')];
      const handlers = rec.handlers(async (j, context) => {
        if (j.key !== older.key || context.stage !== 'probe') return;
        olderRunning.fire();
        await within(newerSubmitted.promise, 'the newer version to be submitted');
      });
      const queue = await makeQueue(handlers);
      async function* versions(): AsyncIterable<Job> {
        yield older;
        await within(olderRunning.promise, 'the older version to start');
        yield newer;
        newerSubmitted.fire();
      }
      const superseded = new JobSupersededError(older.key, newer.key).message;
      expect(await queue.runAll(versions(), handlers, rec.watch)).toEqual([`failed: ${superseded}`, `done ${newer.key}`]);
      // The stage that was running finished; none after it ran.
      expect(rec.stagesOf(older.key)).toEqual(['probe']);
      expect(rec.stagesOf(newer.key)).toEqual(STAGES);
      expect(rec.seen.failures.get(0)).toMatchObject({ cause: superseded });
    });

    it('tries a stage that failed again while it has attempts left, without running the stages before it again', async () => {
      const rec = recorder();
      const handlers = rec.handlers((_j, context) => {
        if (context.stage === 'transcode' && context.attempt === 1) throw new JobFailedError('ffmpeg was killed (signal SIGKILL)', true);
      });
      const queue = await makeQueue(handlers);
      expect(queue.attemptsPerStage).toBeGreaterThanOrEqual(1);
      const flaky = job('instable');
      const [result] = await queue.runAll([flaky], handlers, rec.watch);
      const tries = rec.ran.map((r) => `${r.stage} ${r.attempt}`);
      if (queue.attemptsPerStage >= 2) {
        expect(result).toBe(`done ${flaky.key}`);
        expect(tries).toEqual(['probe 1', 'transcode 1', 'transcode 2', 'publish 1']);
      } else {
        // One try per stage: the job fails here, and the next run resumes it.
        expect(result).toBe('failed: ffmpeg was killed (signal SIGKILL)');
        expect(tries).toEqual(['probe 1', 'transcode 1']);
      }
    });

    it('fails a job for good once a stage has used its attempts; later stages never run, other jobs carry on', async () => {
      const rec = recorder();
      const handlers = rec.handlers((j, context) => {
        if (j.item.id === 'en-panne' && context.stage === 'transcode') throw new Error('S3 answered 503 Slow Down');
      });
      const queue = await makeQueue(handlers);
      const [broken, fine] = [job('en-panne'), job('bon')];
      expect(await queue.runAll([broken, fine], handlers, rec.watch)).toEqual(['failed: S3 answered 503 Slow Down', `done ${fine.key}`]);
      expect(rec.seen.failures.get(0)).toMatchObject({ cause: 'S3 answered 503 Slow Down', attempts: queue.attemptsPerStage });
      expect(rec.stagesOf(broken.key)).toEqual(['probe', ...Array<string>(queue.attemptsPerStage).fill('transcode')]);
      expect(rec.stagesOf(fine.key)).toEqual(STAGES);
    });

    it('fails a job at once when retrying cannot help, with the step, file and cause; later stages never run, other jobs carry on', async () => {
      const rec = recorder();
      const fault: JobProgress = { step: 'transcode', state: 'failed', file: 'talks/abime.mp4', cause: 'not a media file (moov atom not found)' };
      const handlers = rec.handlers((j, context) => {
        if (j.item.id === 'abime' && context.stage === 'transcode') throw new JobFailedError('not a media file (moov atom not found)', false, fault);
      });
      const queue = await makeQueue(handlers);
      const [bad, fine] = [job('abime'), job('bon')];
      expect(await queue.runAll([bad, fine], handlers, rec.watch)).toEqual(['failed: not a media file (moov atom not found)', `done ${fine.key}`]);
      expect(rec.seen.failures.get(0)).toMatchObject({ cause: 'not a media file (moov atom not found)', attempts: 1, progress: fault });
      expect(rec.stagesOf(bad.key)).toEqual(['probe', 'transcode']);
      expect(rec.stagesOf(fine.key)).toEqual(STAGES);
      expect(rec.seen.finished).toEqual([1]);
    });

    if (capabilities.shared) {
      it('hands a running stage back when its worker stops with release, at once even while a graceful stop waits for it: another worker finishes the job from that stage', async () => {
        const queue = await makeQueue(null);
        if (!isSharedQueue(queue)) throw new Error(`${name} is declared shared but is no SharedJobQueue`);
        const entered = signal();
        const letGo = signal();
        const first = await queue.work({
          'ingest-item': async (_j, context) => {
            if (context.stage === 'probe') return null;
            entered.fire();
            await letGo.promise; // a step that does not end on its own
            return null;
          },
        }, { concurrency: 1, lockSeconds: 30 });
        const rec = recorder();
        const handlers = rec.handlers();
        const handed = job('relache');
        const done = queue.runAll([handed], handlers, rec.watch);
        await within(entered.promise, 'the first worker to start transcode');
        // The worker's first signal: finish the running step. It would wait for ever here.
        const graceful = first.stop({ release: false });
        await within(first.stop({ release: true }), 'the release to return while the step still runs');
        expect(first.active).toBe(0);
        const second = await queue.work(handlers, { concurrency: 1, lockSeconds: 30 });
        try {
          // At once (not after the 30 s lock), from the stage that was running.
          expect(await within(done, 'another worker to finish the handed-back job')).toEqual([`done ${handed.key}`]);
          expect(rec.stagesOf(handed.key)).toEqual(['transcode', 'publish']);
        } finally {
          letGo.fire();
          await within(graceful, 'the graceful stop once the step ended');
          await second.stop({ release: false });
        }
      });
    } else {
      // Not shared: its stages run inside runAll, in this process; no worker can stop and hand one back.
      it('has no workers to hand work back: it is not a shared queue', async () => {
        const queue = await makeQueue(null);
        expect(isSharedQueue(queue)).toBe(false);
        expect('work' in queue).toBe(false);
      });
    }
  });
}
