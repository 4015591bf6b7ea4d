import { describe, expect, it } from 'vitest';
import { itemTotals, topSearches } from '../../src/services/stats/stats-counts.js';
import { compactMonth, readMonth, statsMonths } from '../../src/services/stats/stats-reader.js';
import { StatsRecorder } from '../../src/services/stats/stats-recorder.js';
import { freshStore } from '../support/search-archive.js';

const clock = () => new Date('2026-12-07T10:00:00Z');
const visitor = (n: number) => ({ address: `203.0.113.${n % 250}`, userAgent: `Firefox ${n}` });

describe('statistics in the store', () => {
  it('loses no count when two processes count and flush at the same time', async () => {
    const store = freshStore();
    const one = new StatsRecorder(store, { clock, flushMs: 0 });
    const two = new StatsRecorder(store, { clock, flushMs: 0 });
    const flushes: Promise<void>[] = [];
    for (let n = 0; n < 400; n += 1) {
      const recorder = n % 2 === 0 ? one : two;
      recorder.play('talk-a', visitor(n), 'fr');
      recorder.download('talk-a', 'mp4', visitor(n));
      if (n % 7 === 0) flushes.push(one.flush(), two.flush());
    }
    await Promise.all([...flushes, one.close(), two.close()]);
    const counts = itemTotals(await readMonth(store, '2026-12')).get('talk-a');
    expect(counts?.plays).toBe(400);
    expect(counts?.downloads.get('mp4')).toBe(400);
    expect(counts?.languages.get('fr')).toBe(400);
  });

  it('keeps what a stopped process counted: a restarted one adds to it', async () => {
    const store = freshStore();
    const before = new StatsRecorder(store, { clock, flushMs: 0 });
    before.play('talk-a', visitor(1), undefined);
    before.searchWithoutResult('blockchain');
    await before.close();
    const after = new StatsRecorder(store, { clock, flushMs: 0 });
    after.play('talk-a', visitor(1), undefined);
    after.searchWithoutResult('blockchain');
    await after.close();
    const month = await readMonth(store, '2026-12');
    expect(itemTotals(month).get('talk-a')?.plays).toBe(2);
    expect(topSearches(month, 5)).toEqual([{ query: 'blockchain', count: 2 }]);
    expect(await statsMonths(store)).toEqual(['2026-12']);
  });

  it('writes a flush only when something was counted, and a process’s month whole each time (the last write holds all)', async () => {
    const store = freshStore();
    const recorder = new StatsRecorder(store, { clock, flushMs: 0, processId: 'p1' });
    await recorder.flush();
    expect(await statsMonths(store)).toEqual([]);
    recorder.progress('talk-a', 1);
    await recorder.flush();
    recorder.progress('talk-a', 1);
    await recorder.flush();
    const stored = JSON.parse((await store.getBuffer('stats/2026-12/process-p1.json'))!.toString('utf8'));
    expect(stored).toMatchObject({ format: 1, process: 'p1', seq: 2, month: '2026-12' });
    expect(stored.days['2026-12-07'].items['talk-a'].quartiles).toEqual([2, 0, 0, 0]);
  });

  it('compacts a month while processes keep counting and another compaction runs: every count once', async () => {
    const store = freshStore();
    const stopped = [1, 2, 3].map((n) => new StatsRecorder(store, { clock, flushMs: 0, processId: `old${n}` }));
    for (const recorder of stopped) recorder.play('talk-a', visitor(1), undefined);
    await Promise.all(stopped.map((r) => r.close()));
    const live = new StatsRecorder(store, { clock, flushMs: 0, processId: 'live' });
    live.play('talk-a', visitor(2), undefined);
    await live.flush();
    // Idle for 0 ms: every process object may go, the live one's included; it writes its whole month again at its next flush.
    const compactions = [compactMonth(store, '2026-12', { idleMs: 0 }), compactMonth(store, '2026-12', { idleMs: 0 })];
    live.play('talk-a', visitor(3), undefined);
    const flushed = live.flush();
    await Promise.all([...compactions, flushed]);
    expect(itemTotals(await readMonth(store, '2026-12')).get('talk-a')?.plays).toBe(5);
    await compactMonth(store, '2026-12', { idleMs: 0 });
    expect(itemTotals(await readMonth(store, '2026-12')).get('talk-a')?.plays).toBe(5);
    live.play('talk-a', visitor(4), undefined);
    await live.close();
    expect(itemTotals(await readMonth(store, '2026-12')).get('talk-a')?.plays).toBe(6);
  });

  it('skips an unreadable object, naming it, and reads the rest', async () => {
    const store = freshStore();
    const recorder = new StatsRecorder(store, { clock, flushMs: 0 });
    recorder.play('talk-a', visitor(1), undefined);
    await recorder.close();
    await store.putBuffer('stats/2026-12/process-broken.json', '{"format":1,"process":"broken","seq":1,"days":{"x":1}}', 'application/json');
    const unreadable: string[] = [];
    const month = await readMonth(store, '2026-12', (key) => unreadable.push(key));
    expect(itemTotals(month).get('talk-a')?.plays).toBe(1);
    expect(unreadable).toEqual(['stats/2026-12/process-broken.json']);
  });
});
