import { describe, expect, it } from 'vitest';
import { InlineJobQueue } from '../../src/adapters/job-queue/inline-job-queue.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { JobFailedError, type Job, type JobFailure, type JobHandlers } from '../../src/ports/job-queue.js';

const job = (id: string): Job => ({
  type: 'ingest-item', key: `${id}@1`, item: { id } as ProgrammeItem, inputsKey: 'f'.repeat(64), stages: ['probe', 'transcode', 'publish'],
});

describe('the in-process queue', () => {
  it('runs each job\'s stages in order and makes the next job only when a lane is free', async () => {
    const log: string[] = [];
    async function* made(): AsyncIterable<Job> {
      for (const id of ['a', 'b']) {
        log.push(`made ${id}`);
        yield job(id);
      }
    }
    const handlers: JobHandlers<string> = {
      'ingest-item': async (j, context) => {
        log.push(`${j.item.id} ${context.stage}`);
        return context.stage === 'publish' ? `done ${j.item.id}` : null;
      },
    };
    const results = await new InlineJobQueue(1).runAll(made(), handlers, { failed: () => 'failed' });
    expect(results).toEqual(['done a', 'done b']);
    expect(log).toEqual(['made a', 'a probe', 'a transcode', 'a publish', 'made b', 'b probe', 'b transcode', 'b publish']);
  });

  it('stops a job at the stage that fails, with its progress, and goes on with the next job', async () => {
    const ran: string[] = [];
    const failures = new Map<number, JobFailure>();
    const handlers: JobHandlers<string> = {
      'ingest-item': async (j, context) => {
        ran.push(`${j.item.id} ${context.stage}`);
        if (j.item.id === 'abime' && context.stage === 'transcode') {
          throw new JobFailedError('moov atom not found', false, { step: 'transcode', state: 'failed', file: 'talks/abime.mp4', cause: 'moov atom not found' });
        }
        return context.stage === 'publish' ? 'ok' : null;
      },
    };
    const results = await new InlineJobQueue(2).runAll([job('abime'), job('bon')], handlers, {
      failed: (index, failure) => {
        failures.set(index, failure);
        return `failed: ${failure.cause}`;
      },
    });
    expect(results).toEqual(['failed: moov atom not found', 'ok']);
    expect(ran.filter((r) => r.startsWith('abime'))).toEqual(['abime probe', 'abime transcode']);
    expect(failures.get(0)).toEqual({ cause: 'moov atom not found', attempts: 1, progress: { step: 'transcode', state: 'failed', file: 'talks/abime.mp4', cause: 'moov atom not found' } });
  });
});
