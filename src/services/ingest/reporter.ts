import type { ProgrammeProblem } from '../../domain/errors.js';
import type { ToolProgress } from '../../ports/media-tool.js';

export type ItemStatus = 'ingested' | 'updated' | 'unchanged' | 'failed';

export interface ItemOutcome {
  id: string;
  title: string;
  status: ItemStatus;
  /** Media duration in seconds (null for documents and failures before probing). */
  duration: number | null;
  wallSeconds: number;
  /** For failures: the file concerned and the cause, one line. */
  file?: string;
  error?: string;
  /** For failures: the error's stable code when known (media_invalid: the input itself is bad). */
  code?: string;
  warnings: string[];
}

export interface IngestSummary {
  source: string;
  outcomes: ItemOutcome[];
  problems: ProgrammeProblem[];
  wallSeconds: number;
  /** The run stopped early (a full disk): why, and the items it did not try. */
  stopped?: RunStopped;
}

export interface RunStopped {
  cause: string;
  notAttempted: { id: string; title: string }[];
}

/** What the ingest tells the person running it; the CLI renders it for a TTY or as plain lines. */
export interface IngestReporter {
  validated(info: { source: string; items: number; problems: ProgrammeProblem[] }): void;
  itemStarted(id: string, title: string): void;
  stepStarted(id: string, step: string): void;
  stepProgress(id: string, step: string, progress: ToolProgress): void;
  stepFinished(id: string, step: string, info: { seconds: number; reused: boolean }): void;
  itemFinished(outcome: ItemOutcome): void;
  finished(summary: IngestSummary): void;
}

export const silentReporter: IngestReporter = {
  validated() {},
  itemStarted() {},
  stepStarted() {},
  stepProgress() {},
  stepFinished() {},
  itemFinished() {},
  finished() {},
};
