/**
 * Where a run's workers waited: each worker's step lines ("<item>: <stage> started", "… done in
 * Ns", "… does not apply", "… reused…", "<item>: ingested in Ns"), stamped as they arrived, give
 * its busy spans; what lies between them is idle. Split three ways: before its first step, between
 * steps (waiting for the queue to hand it the next one), and after its last step until the
 * ingest exited (nothing left it could take while another worker finished).
 */

/** One line of a worker's output and when it arrived, in seconds (performance.now() / 1000). */
export interface StampedLine {
  at: number;
  text: string;
}

export interface WorkerIdle {
  busySeconds: number;
  steps: number;
  beforeFirst: number;
  /** Gaps between one step's end and the next one's start. */
  between: { seconds: number; count: number; longest: number };
  afterLast: number;
  /** The items whose steps it ran, in the order it first took them. */
  items: string[];
}

const STARTED = /^(\S+): (\S+) started/;
const ENDED = /^(\S+): (?:(\S+) (?:done in|does not apply|reused)|(?:ingested|updated) in)/;

/** A worker's busy spans and idle time between the ingest's start (`startAt`) and its end (`endAt`). */
export function workerIdle(lines: readonly StampedLine[], startAt: number, endAt: number): WorkerIdle {
  const spans: { from: number; to: number }[] = [];
  const items: string[] = [];
  let open: { item: string; from: number } | null = null;
  for (const { at, text } of lines) {
    if (at < startAt) continue;
    const started = STARTED.exec(text);
    if (started) {
      // One step at a time (concurrency 1): a start closes nothing left open but a lost end line.
      if (open) spans.push({ from: open.from, to: at });
      const item = started[1] as string;
      if (!items.includes(item)) items.push(item);
      open = { item, from: at };
      continue;
    }
    const ended = ENDED.exec(text);
    if (ended && open && ended[1] === open.item) {
      spans.push({ from: open.from, to: at });
      open = null;
    }
  }
  if (open) spans.push({ from: open.from, to: endAt });
  const gaps = spans.slice(1).map((span, i) => Math.max(0, span.from - (spans[i] as { to: number }).to));
  return {
    busySeconds: spans.reduce((sum, s) => sum + (s.to - s.from), 0),
    steps: spans.length,
    beforeFirst: (spans[0]?.from ?? endAt) - startAt,
    between: { seconds: gaps.reduce((a, b) => a + b, 0), count: gaps.filter((g) => g > 0.05).length, longest: Math.max(0, ...gaps) },
    afterLast: Math.max(0, endAt - (spans.at(-1)?.to ?? endAt)),
    items,
  };
}

/** Splits output chunks into lines stamped with the time their last byte arrived. */
export class LineStamper {
  readonly lines: StampedLine[] = [];
  private partial = '';

  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    const at = performance.now() / 1000;
    for (const text of parts) this.lines.push({ at, text });
  }
}
