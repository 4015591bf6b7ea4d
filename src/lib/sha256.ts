import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The sha256 of bytes in memory, hex. */
export function sha256Of(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The sha256 of a stream's bytes, hex, read to its end. */
export async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(stream, hash);
  return hash.digest('hex');
}

/** The sha256 of a file, hex, streamed (recordings are gigabytes). */
export function sha256OfFile(filePath: string): Promise<string> {
  return sha256OfStream(createReadStream(filePath));
}

/**
 * A pass-through that hashes and counts what flows through it: put it in a pipeline between a
 * source and where the bytes go, then read `sha256()` and `size` once the pipeline is done.
 */
export class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}
