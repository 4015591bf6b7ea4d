import { describe, expect, it } from 'vitest';
import { formatDuration, table } from '../../../src/cli/format.js';
import { failureLine, PlainReporter, stoppedLines, summaryTable, TtyReporter } from '../../../src/cli/ingest-reporters.js';
import type { IngestSummary } from '../../../src/services/ingest/reporter.js';
import { until } from '../../support/wait.js';

const summary: IngestSummary = {
  source: 'programme.csv',
  wallSeconds: 130.4,
  problems: [{ row: 4, itemId: null, field: 'title', message: 'title is required', severity: 'error' }],
  outcomes: [
    { id: 'talk-a', title: 'A', status: 'ingested', duration: 754, wallSeconds: 377, warnings: [] },
    { id: 'podcast-b', title: 'B', status: 'unchanged', duration: 3725, wallSeconds: 0.2, warnings: [] },
    { id: 'broken', title: 'C', status: 'failed', duration: null, wallSeconds: 0.1, file: 'talks/c.mp4', error: 'video has no audio track', warnings: [] },
  ],
};

describe('ingest output', () => {
  it('formats durations like a player does', () => {
    expect([formatDuration(754.2), formatDuration(3725), formatDuration(5), formatDuration(null)]).toEqual(['12:34', '1:02:05', '0:05', '–']);
  });

  it('aligns tables, numbers to the right', () => {
    expect(table(['item', 'wall'], [['a', '1.5s'], ['bbbb', '10.0s']])).toBe('item   wall\n----  -----\na      1.5s\nbbbb  10.0s');
  });

  it('ends with a summary of statuses, durations and speed', () => {
    const text = summaryTable(summary);
    expect(text).toMatch(/talk-a\s+ingested\s+12:34\s+377\.0s\s+2\.00×/);
    expect(text).toMatch(/podcast-b\s+unchanged\s+1:02:05/);
    expect(text.split('\n').pop()).toBe('1 ingested, 0 updated, 1 unchanged, 2 failed — 130.4s');
  });

  it('prints one line per event when not on a terminal, failures on stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    const reporter = new PlainReporter((t) => out.push(t), (t) => err.push(t));
    reporter.validated({ source: 'programme.csv', items: 2, problems: summary.problems });
    reporter.stepFinished('talk-a', 'transcode-video', { seconds: 12.34, reused: false });
    reporter.itemFinished(summary.outcomes[2] as IngestSummary['outcomes'][number]);
    expect(err).toEqual(['error: programme.csv row 4 title: title is required\n', 'error: broken talks/c.mp4: video has no audio track\n']);
    expect(out).toContain('talk-a: transcode-video done in 12.3s\n');
  });

  it('ends a run stopped by a full disk with why and the items it never tried', () => {
    const cause = 'disk full: the work folder /data/.work has 0 B free; free space there or set DATA_DIR to a folder on a larger disk, then run the same command again (finished steps are kept)';
    const full = { id: 'talk-c', title: 'C', status: 'failed' as const, duration: null, wallSeconds: 2, error: cause, code: 'disk_full', warnings: [] };
    const stopped: IngestSummary = { ...summary, problems: [], outcomes: [summary.outcomes[0] as IngestSummary['outcomes'][number], full], stopped: { cause, notAttempted: [{ id: 'podcast-d', title: 'D' }, { id: 'doc-e', title: 'E' }] } };
    // No file is blamed: the line goes from the item straight to the cause.
    expect(failureLine(full)).toBe(`error: talk-c: ${cause}`);
    expect(stoppedLines(stopped)).toEqual([`error: run stopped: ${cause}`, 'not attempted: 2 item(s): podcast-d, doc-e']);
    expect(stoppedLines(summary)).toEqual([]);
    const out: string[] = [];
    const err: string[] = [];
    new PlainReporter((t) => out.push(t), (t) => err.push(t)).finished(stopped);
    expect(out.join('').trim().split('\n').pop()).toBe('1 ingested, 0 updated, 0 unchanged, 1 failed, 2 not attempted — 130.4s');
    expect(err).toEqual([`error: run stopped: ${cause}\n`, 'not attempted: 2 item(s): podcast-d, doc-e\n']);
  });

  it('prints notices as warnings and counts only rows with an error as failed', () => {
    const notice = { row: null, itemId: null, field: null, message: 'unknown column(s) "notes" ignored', severity: 'warning' as const };
    const ignored = { row: 2, itemId: 'podcast-b', field: 'sign_language', message: 'ignored: a podcast has no picture for a sign-language video', severity: 'warning' as const };
    const out: string[] = [];
    const err: string[] = [];
    const reporter = new PlainReporter((t) => out.push(t), (t) => err.push(t));
    reporter.validated({ source: 'programme.csv', items: 2, problems: [notice, ignored, ...summary.problems] });
    expect(err).toEqual([
      'warning: programme.csv: unknown column(s) "notes" ignored\n',
      'warning: programme.csv row 2 podcast-b sign_language: ignored: a podcast has no picture for a sign-language video\n',
      'error: programme.csv row 4 title: title is required\n',
    ]);
    expect(out).toEqual(['programme.csv: 2 item(s) valid, 1 problem(s), 2 warning(s)\n']);
    const clean = summaryTable({ ...summary, problems: [notice, ignored], outcomes: summary.outcomes.slice(0, 2) });
    expect(clean.split('\n').pop()).toBe('1 ingested, 0 updated, 1 unchanged, 0 failed — 130.4s');
  });

  it('escapes control characters in printed lines', () => {
    const err: string[] = [];
    const reporter = new PlainReporter(() => {}, (t) => err.push(t));
    const problem = { row: 1, itemId: null, field: 'title', message: 'title "\u001b[2JX" is odd', severity: 'error' as const };
    reporter.validated({ source: 'programme.csv', items: 0, problems: [problem] });
    reporter.itemFinished({ id: 'talk-a', title: 'A', status: 'ingested', duration: 1, wallSeconds: 1, warnings: ['odd\u009b tag\nsecond line'] });
    expect(err).toEqual([
      'error: programme.csv row 1 title: title "\\u001B[2JX" is odd\n',
      'warning: talk-a: odd\\u009B tag\\u000Asecond line\n',
    ]);
  });

  it('redraws progress bars in place on a terminal, keeping the latest state', async () => {
    const out: string[] = [];
    const reporter = new TtyReporter((t) => out.push(t), () => {}, 60);
    reporter.stepStarted('talk-a', 'transcode-video');
    reporter.stepProgress('talk-a', 'transcode-video', { percent: 50, speed: 1.2 });
    await until(() => /50% 1\.2×/.test(out.join('')), 5000, 'the progress bar drawn');
    const drawn = out.join('');
    expect(drawn).toContain('talk-a transcode-video');
    expect(drawn).toMatch(/\[█{10}░{10}\]\s+50% 1\.2×/);
    expect(drawn).toContain('\x1b[1A\x1b[J'); // the previous bar was erased before the new one
  });
});
