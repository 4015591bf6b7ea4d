import { describe, expect, it } from 'vitest';
import { LineStamper, workerIdle, type StampedLine } from '../../../../scripts/bench/worker-timeline.js';

const at = (seconds: number, text: string): StampedLine => ({ at: seconds, text });

describe('where a worker waited', () => {
  it('splits the ingest’s time into busy steps and idle before, between and after them', () => {
    const lines = [
      at(1, 'worker host pid 1: waiting for jobs (1 at a time)'),
      at(12, 'talk-a: probe started'),
      at(13, 'talk-a: probe done in 1.0s'),
      at(13.5, 'talk-a: transcode started'),
      at(40, 'talk-a: transcode done in 26.5s'),
      at(40, 'talk-a: captions started'),
      at(40.2, 'talk-a: captions does not apply'),
      at(43, 'doc-b: probe started'),
      at(44, 'doc-b: probe reused from an earlier run'),
      at(44, 'doc-b: publish started'),
      at(50, 'doc-b: ingested in 7.0s'),
    ];
    const idle = workerIdle(lines, 10, 70);
    expect(idle.steps).toBe(5);
    expect(idle.busySeconds).toBeCloseTo(1 + 26.5 + 0.2 + 1 + 6);
    expect(idle.beforeFirst).toBeCloseTo(2);
    // 13 → 13.5 and 40.2 → 43; the two back-to-back hand-overs (40 → 40, 44 → 44) are no gap.
    expect(idle.between.seconds).toBeCloseTo(0.5 + 2.8);
    expect(idle.between.count).toBe(2);
    expect(idle.between.longest).toBeCloseTo(2.8);
    expect(idle.afterLast).toBeCloseTo(20);
    expect(idle.items).toEqual(['talk-a', 'doc-b']);
  });

  it('counts a step still running at the end as busy until then, and a worker that got nothing as idle throughout', () => {
    const running = workerIdle([at(5, 'x: transcode started')], 0, 30);
    expect(running).toMatchObject({ steps: 1, busySeconds: 25, beforeFirst: 5, afterLast: 0 });
    expect(workerIdle([], 0, 30)).toMatchObject({ steps: 0, busySeconds: 0, beforeFirst: 30, afterLast: 0 });
  });
});

describe('stamping output lines', () => {
  it('keeps a line cut across chunks whole, stamped when its end arrived', () => {
    const stamper = new LineStamper();
    stamper.push('a: probe sta');
    expect(stamper.lines).toEqual([]);
    stamper.push('rted\nb: probe started\npart');
    expect(stamper.lines.map((l) => l.text)).toEqual(['a: probe started', 'b: probe started']);
    expect(stamper.lines[0]?.at).toBeGreaterThan(0);
  });
});
