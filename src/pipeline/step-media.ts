import { open } from 'node:fs/promises';
import { AppError, MediaError } from '../domain/errors.js';
import type { InputFile } from '../domain/item.js';
import type { MediaInfo } from '../domain/manifest.js';
import type { MediaTool, RawProbe } from '../ports/media-tool.js';
import { explainProbeFailure } from './probe.js';
import type { StepContext } from './step.js';

/** Thrown when a step runs before the probe: a wiring mistake, not a problem with the file. */
class MissingProbeError extends AppError {
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

/**
 * ffprobe on a companion file (the sign-language video, the audio description), failing as the
 * main file does: one cause people can act on, named by the file as the programme declares it,
 * rather than ffprobe's own text with this machine's absolute paths in it.
 */
export async function probeCompanion(media: MediaTool, file: InputFile, role: string): Promise<RawProbe> {
  try {
    return await media.probe(file.path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const head = await readHead(file.path).catch(() => Buffer.alloc(0));
    // The fallback of explainProbeFailure is ffprobe's last line, which may quote the path.
    const cause = explainProbeFailure(message, head).split(file.path).join(file.declared);
    throw new MediaError(file.declared, `${role}: ${cause}`, { cause: error });
  }
}

/** The first bytes, from which explainProbeFailure tells a text file or a cut MP4. */
export async function readHead(path: string, bytes = 512): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
