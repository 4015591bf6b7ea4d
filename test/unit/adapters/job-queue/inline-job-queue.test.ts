import { describe, expect, it } from 'vitest';
import { InlineJobQueue } from '../../../../src/adapters/job-queue/inline-job-queue.js';
import type { ProgrammeItem } from '../../../../src/domain/item.js';
import type { Job, JobHandlers } from '../../../../src/ports/job-queue.js';
import { jobQueueContract } from '../../../contract/job-queue-contract.js';

// Two lanes, as the shared queue's contract run has two workers: a job can then arrive (a twin,
// a newer version) while another runs; with one lane the next job is only made once it ends.
jobQueueContract('in-process', { shared: false }, async () => new InlineJobQueue(2));

const job = (id: string): Job => ({
  type: 'ingest-item', key: `${id}@1`, item: { id } as ProgrammeItem, inputsKey: 'f'.repeat(64), stages: ['probe', 'transcode', 'publish'],
});

describe('the in-process queue', () => {
  it('makes the next job only when a lane is free', async () => {
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

  it('fails a job whose last stage returns no result, naming it', async () => {
    const handlers: JobHandlers<string> = { 'ingest-item': async () => null };
    const results = await new InlineJobQueue(1).runAll([job('vide')], handlers, { failed: (_index, failure) => `failed: ${failure.cause}` });
    expect(results).toEqual(['failed: vide@1: the last stage returned no result']);
  });
});
