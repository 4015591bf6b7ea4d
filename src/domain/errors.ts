/** Base of every error the project raises on purpose: a stable code, a one-line message. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: string = 'app_error';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Bad configuration or command-line usage: the CLI exits with 2. */
export class ConfigError extends AppError {
  override name = 'ConfigError';
  override readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

export class UsageError extends AppError {
  override name = 'UsageError';
  override readonly code = 'usage';
}

/**
 * How much a programme problem weighs: an `error` keeps its row (or the whole file) from being
 * ingested and fails the run; a `warning` is a notice (an ignored column, an unusable companion
 * file) while everything it concerns is still ingested.
 */
export type ProblemSeverity = 'error' | 'warning';

/** One problem with one programme row, named by row and field. */
export interface ProgrammeProblem {
  row: number | null; // 1-based data row (header excluded); null for the file as a whole
  itemId: string | null;
  field: string | null;
  message: string;
  severity: ProblemSeverity;
}

/** Only errors fail a row, the run's "failed" count and its exit code. */
export function isProgrammeError(problem: ProgrammeProblem): boolean {
  return problem.severity === 'error';
}

/** A media file that cannot be used (empty, not media, truncated, wrong kind…). */
export class MediaError extends AppError {
  override name = 'MediaError';
  override readonly code: string = 'media_invalid';
  constructor(readonly file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An external tool (ffmpeg, ffprobe, pdftoppm…) exited with an error. */
export class ToolError extends AppError {
  override name = 'ToolError';
  override readonly code = 'tool_failed';
  constructor(readonly tool: string, message: string, readonly stderrTail = '', options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  override readonly code = 'not_found';
}

/** One line for people: "<item> <file>: <cause>" without stack traces. */
export function describeError(error: unknown): string {
  // Schema failures (zod) carry a multi-line JSON message: list the issues on one line instead.
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] } | null)?.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    return issues.map((issue) => `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`).join('; ');
  }
  if (error instanceof Error) return error.message.split('\n')[0] || error.name;
  return String(error);
}
