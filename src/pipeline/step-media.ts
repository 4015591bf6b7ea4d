import { AppError } from '../domain/errors.js';
import type { MediaInfo } from '../domain/manifest.js';
import type { StepContext } from './step.js';

/** Thrown when a step runs before the probe: a wiring mistake, not a problem with the file. */
export class MissingProbeError extends AppError {
  override name = 'MissingProbeError';
  override readonly code = 'probe_missing';
}

/** The probe's facts about the source, which every media step needs (duration, size, channels). */
export function requireMedia(ctx: StepContext): MediaInfo {
  const media = ctx.previous.media;
  if (!media) throw new MissingProbeError(`${ctx.item.id}: the probe step must run before this step`);
  return media;
}

/**
 * Options for a source input. Never an empty list: the fluent-ffmpeg adapter turns `[]` into a
 * stray "undefined" argument. `-nostdin` is right anyway for a child process: ffmpeg must not
 * read keystrokes from the worker's stdin.
 */
export const SOURCE_INPUT_OPTIONS: readonly string[] = ['-nostdin'];
