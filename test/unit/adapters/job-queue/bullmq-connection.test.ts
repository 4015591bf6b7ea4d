import { describe, expect, it } from 'vitest';
import { jobKeyOfId, safeUrl, stageJobId, stageOf, storedProgressOf } from '../../../../src/adapters/job-queue/bullmq-connection.js';

describe('BullMQ job data', () => {
  it('hides the password of a Redis URL in messages', () => {
    expect(safeUrl('redis://default:s3cret@redis.internal:6380/2')).toBe('redis://default:***@redis.internal:6380/2');
    expect(safeUrl('redis://redis:6379')).toBe('redis://redis:6379');
    expect(safeUrl('not a url')).toBe('REDIS_URL');
  });

  it('takes only stages and progress of the known shapes', () => {
    const stage = { type: 'ingest-item', key: 'a@1', item: { id: 'a' }, inputsKey: 'f'.repeat(64), stages: ['probe', 'publish'], stage: 'probe' };
    expect(stageOf(stage)?.key).toBe('a@1');
    expect(stageOf({ ...stage, stage: 'transcode' })).toBeNull();
    expect(stageOf({ ...stage, type: 'transcode' })).toBeNull();
    // A job of the version that queued whole items, without stages.
    expect(stageOf({ type: 'ingest-item', key: 'a@1', item: { id: 'a' } })).toBeNull();
    expect(stageOf(null)).toBeNull();
    expect(storedProgressOf(42)).toBeNull();
    expect(storedProgressOf({ step: 'probe', state: 'done' })).toEqual({ step: 'probe', state: 'done', steps: [] });
  });

  it('names a job\'s last stage by the job\'s key and the others by key and stage', () => {
    const job = { key: 'a@1', stages: ['probe', 'transcode-video', 'publish'] };
    expect(stageJobId(job, 'publish')).toBe('a@1');
    expect(stageJobId(job, 'probe')).toBe('a@1~probe');
    expect(jobKeyOfId('a@1~transcode-video')).toBe('a@1');
    expect(jobKeyOfId('a@1')).toBe('a@1');
  });
});
