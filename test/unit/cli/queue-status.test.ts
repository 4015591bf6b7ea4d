import { describe, expect, it } from 'vitest';
import { queueText } from '../../../src/cli/queue-status.js';
import type { QueuedJobInfo } from '../../../src/ports/job-queue.js';

const job = (fields: Partial<QueuedJobInfo>): QueuedJobInfo => ({
  id: 'x@1', type: 'ingest-item', subject: 'x', state: 'active', attempts: 0, step: null, steps: [], cause: null, file: null, finishedAt: null, ...fields,
});

describe('the queue in `status`', () => {
  it('gives the counts, the running and retrying items with the state of each step, and each failure with its file, step and cause', () => {
    const text = queueText({
      available: true,
      counts: { waiting: 3, active: 1, delayed: 1, completed: 12, failed: 1 },
      jobs: [
        job({ subject: '2025-ia', state: 'active', attempts: 0, step: 'transcode-video', steps: [
          { step: 'probe', state: 'done' }, { step: 'transcode-video', state: 'active' }, { step: 'poster', state: 'queued' }, { step: 'publish', state: 'queued' },
        ] }),
        job({ subject: '2025-podcast', state: 'delayed', attempts: 1, step: 'publish', steps: [
          { step: 'probe', state: 'reused' }, { step: 'waveform', state: 'skipped' }, { step: 'publish', state: 'retrying' },
        ], cause: 'S3 answered 503' }),
        job({ subject: '2025-abime', state: 'failed', attempts: 1, step: 'probe', file: 'talks/abime.mp4', cause: 'not a media file: it contains text' }),
      ],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Queue: 3 waiting, 1 active, 1 to retry, 12 done, 1 failed');
    expect(lines[1]).toMatch(/^item\s+state\s+step\s+attempts\s+steps done\s+steps queued$/);
    expect(text).toMatch(/2025-ia\s+active\s+transcode-video\s+0\s+probe\s+poster, publish\n/);
    expect(text).toMatch(/2025-podcast\s+to retry\s+publish\s+1\s+probe\s+–\n/);
    expect(text).toContain('  2025-podcast: last try failed: S3 answered 503');
    expect(text).toContain('error: 2025-abime talks/abime.mp4: not a media file: it contains text (in probe, after 1 attempt)');
  });

  it('says why the queue cannot be read, and escapes what jobs carry', () => {
    expect(queueText({ available: false, error: 'queue unavailable: Redis at redis://127.0.0.1:6379 does not answer (ECONNREFUSED)' }))
      .toBe('Queue: unavailable — queue unavailable: Redis at redis://127.0.0.1:6379 does not answer (ECONNREFUSED)\n');
    const text = queueText({ available: true, counts: { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 1 }, jobs: [job({ state: 'failed', cause: 'bad\x1b[31m\nname' })] });
    expect(text).not.toContain('\x1b');
    expect(text.trim().split('\n')).toHaveLength(2);
  });
});
