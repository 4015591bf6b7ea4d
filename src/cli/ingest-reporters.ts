import { isProgrammeError } from '../domain/errors.js';
import type { ProgrammeProblem } from '../domain/errors.js';
import type { ToolProgress } from '../ports/media-tool.js';
import type { IngestReporter, IngestSummary, ItemOutcome } from '../services/ingest/reporter.js';
import { escapeControlCharacters } from '../services/programme/control-characters.js';
import { formatDuration, table } from './format.js';

type Write = (text: string) => void;

/**
 * "error: <programme> row N <id> <field>: <message>", or "warning: …" for a notice. Lines quote
 * file names and programme values: control characters are escaped so that none can move the
 * cursor or recolour the terminal, and each line stays one line.
 */
function problemLine(source: string, p: ProgrammeProblem): string {
  const where = [p.row !== null ? `row ${p.row}` : null, p.itemId, p.field].filter(Boolean).join(' ');
  return escapeControlCharacters(`${p.severity}: ${source}${where ? ` ${where}` : ''}: ${p.message}`);
}

export function failureLine(o: ItemOutcome): string {
  return escapeControlCharacters(`error: ${o.id}${o.file ? ` ${o.file}` : ''}: ${o.error ?? 'failed'}`.replace(/ {2,}/g, ' '));
}

function warningLine(id: string, warning: string): string {
  return escapeControlCharacters(`warning: ${id}: ${warning}`);
}

/** "3 item(s) valid, 1 problem(s)", with ", 2 warning(s)" when there are any: only errors are problems. */
function validatedLine(info: { source: string; items: number; problems: ProgrammeProblem[] }): string {
  const errors = info.problems.filter(isProgrammeError).length;
  const warnings = info.problems.length - errors;
  return escapeControlCharacters(`${info.source}: ${info.items} item(s) valid, ${errors} problem(s)${warnings > 0 ? `, ${warnings} warning(s)` : ''}`);
}

/** The end-of-run table: status, duration, wall time and speed per item, then totals. */
export function summaryTable(summary: IngestSummary): string {
  const rows = summary.outcomes.map((o) => [
    o.id, o.status, formatDuration(o.duration), `${o.wallSeconds.toFixed(1)}s`,
    o.duration && o.status === 'ingested' && o.wallSeconds > 0 ? `${(o.duration / o.wallSeconds).toFixed(2)}×` : '–',
  ]);
  const count = (s: string): number => summary.outcomes.filter((o) => o.status === s).length;
  // Rows refused by the programme count as failed (file-level errors as one); warnings do not.
  const failed = count('failed') + new Set(summary.problems.filter(isProgrammeError).map((p) => p.row ?? -1)).size;
  const notTried = summary.stopped ? `, ${summary.stopped.notAttempted.length} not attempted` : '';
  const totals = `${count('ingested')} ingested, ${count('updated')} updated, ${count('unchanged')} unchanged, ${failed} failed${notTried} — ${summary.wallSeconds.toFixed(1)}s`;
  return `${rows.length ? `${table(['item', 'status', 'duration', 'wall', '× real time'], rows)}\n` : ''}${totals}`;
}

/**
 * Why the run stopped before the end (a full disk: where, the room left, what to do), then the
 * items it did not try, by id, so that nobody looks for their failure.
 */
export function stoppedLines(summary: IngestSummary): string[] {
  if (!summary.stopped) return [];
  const { cause, notAttempted } = summary.stopped;
  const ids = notAttempted.map((item) => item.id).join(', ');
  return [
    escapeControlCharacters(`error: run stopped: ${cause}`),
    escapeControlCharacters(`not attempted: ${notAttempted.length} item(s)${ids ? `: ${ids}` : ''}`),
  ];
}

/** Every programme problem on stderr, then the count of valid items. */
function writeValidation(out: Write, err: Write, info: { source: string; items: number; problems: ProgrammeProblem[] }): void {
  for (const p of info.problems) err(`${problemLine(info.source, p)}\n`);
  out(`${validatedLine(info)}\n`);
}

/** An item's failure and warnings, one line each on stderr. */
function writeOutcomeNotes(err: Write, o: ItemOutcome): void {
  if (o.status === 'failed') err(`${failureLine(o)}\n`);
  for (const w of o.warnings) err(`${warningLine(o.id, w)}\n`);
}

/** One line per event: for logs, CI and pipes. */
export class PlainReporter implements IngestReporter {
  constructor(private readonly out: Write, private readonly err: Write) {}
  validated(info: { source: string; items: number; problems: ProgrammeProblem[] }): void {
    writeValidation(this.out, this.err, info);
  }
  itemStarted(id: string): void { this.out(`${id}: start\n`); }
  stepStarted(id: string, step: string): void { this.out(`${id}: ${step}…\n`); }
  stepProgress(): void {}
  stepFinished(id: string, step: string, info: { seconds: number; reused: boolean }): void {
    this.out(`${id}: ${step} ${info.reused ? 'reused from the previous run' : `done in ${info.seconds.toFixed(1)}s`}\n`);
  }
  itemFinished(o: ItemOutcome): void {
    writeOutcomeNotes(this.err, o);
    this.out(`${o.id}: ${o.status} (${o.wallSeconds.toFixed(1)}s)\n`);
  }
  finished(summary: IngestSummary): void {
    this.out(`\n${summaryTable(summary)}\n`);
    for (const line of stoppedLines(summary)) this.err(`${line}\n`);
  }
}

/** Live progress bars on a terminal: one line per item in progress, redrawn in place. */
export class TtyReporter implements IngestReporter {
  private readonly active = new Map<string, { step: string; progress: ToolProgress | null }>();
  private drawn = 0;
  private lastDraw = 0;
  private pending: NodeJS.Timeout | null = null;
  constructor(private readonly out: Write, private readonly err: Write, private readonly columns = 100) {}

  validated(info: { source: string; items: number; problems: ProgrammeProblem[] }): void {
    writeValidation(this.out, this.err, info);
  }
  itemStarted(id: string): void { this.active.set(id, { step: 'start', progress: null }); this.draw(true); }
  stepStarted(id: string, step: string): void { this.active.set(id, { step, progress: null }); this.draw(true); }
  stepProgress(id: string, step: string, progress: ToolProgress): void { this.active.set(id, { step, progress }); this.draw(false); }
  stepFinished(): void {}
  itemFinished(o: ItemOutcome): void {
    this.active.delete(o.id);
    this.clear();
    const mark = o.status === 'failed' ? '✗' : '✓';
    this.out(`${mark} ${o.id}: ${o.status} (${o.wallSeconds.toFixed(1)}s)\n`);
    writeOutcomeNotes(this.err, o);
    this.draw(true);
  }
  finished(summary: IngestSummary): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    this.clear();
    this.out(`\n${summaryTable(summary)}\n`);
    for (const line of stoppedLines(summary)) this.err(`${line}\n`);
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) {
      // ffmpeg reports several times a second: draw at most every 100 ms, but never drop the last state.
      this.pending ??= setTimeout(() => this.draw(true), 100 - (now - this.lastDraw));
      return;
    }
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    this.lastDraw = now;
    this.clear();
    const lines = [...this.active].map(([id, { step, progress }]) => bar(id, step, progress, this.columns));
    if (lines.length) this.out(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }

  private clear(): void {
    if (this.drawn > 0) this.out(`\x1b[${this.drawn}A\x1b[J`);
    this.drawn = 0;
  }
}

function bar(id: string, step: string, progress: ToolProgress | null, columns: number): string {
  const percent = progress?.percent ?? null;
  const speed = progress?.speed ? ` ${progress.speed.toFixed(1)}×` : '';
  const width = 20;
  const filled = percent === null ? 0 : Math.round((percent / 100) * width);
  const gauge = percent === null ? ' '.repeat(width) : '█'.repeat(filled) + '░'.repeat(width - filled);
  const tail = ` [${gauge}] ${percent === null ? '  …' : `${percent.toFixed(0).padStart(3)}%`}${speed}`;
  // Long ids are shortened in the middle: the step name and both ends of the id stay readable.
  const room = Math.max(24, columns - tail.length - 1);
  const idRoom = Math.max(8, room - step.length - 1);
  const shortId = id.length <= idRoom ? id : `${id.slice(0, Math.ceil((idRoom - 1) / 2))}…${id.slice(id.length - Math.floor((idRoom - 1) / 2))}`;
  return `${shortId} ${step}`.padEnd(room) + tail;
}
