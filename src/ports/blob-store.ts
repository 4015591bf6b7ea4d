import type { Readable } from 'node:stream';

export interface BlobInfo {
  key: string;
  size: number;
  modified: Date;
}

export interface PutResult {
  key: string;
  size: number;
  sha256: string;
}

/**
 * The archive's source of truth. Keys are "/"-separated ("items/<id>/manifest.json").
 * Every put is atomic: readers see the old object or the whole new one, never a part.
 */
export interface BlobStore {
  readonly kind: 'fs' | 's3';
  /** Streams a local file into the store; returns its size and sha256 as stored. */
  putFile(key: string, filePath: string, contentType: string): Promise<PutResult>;
  putBuffer(key: string, body: Buffer | string, contentType: string): Promise<PutResult>;
  /** null when absent. */
  stat(key: string): Promise<BlobInfo | null>;
  getBuffer(key: string): Promise<Buffer | null>;
  /** Byte range is inclusive, as in HTTP Range. */
  getStream(key: string, range?: { start: number; end: number }): Promise<Readable>;
  list(prefix: string): AsyncIterable<BlobInfo>;
  delete(key: string): Promise<void>;
  /** A local path for the object when the store is the filesystem (for zero-copy serving); else null. */
  localPath(key: string): string | null;
}
