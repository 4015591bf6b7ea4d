import type { Readable } from 'node:stream';

export interface BlobInfo {
  key: string;
  size: number;
  modified: Date;
  /** The checksum the store keeps with the object, when it keeps one (S3 metadata); else hash the content. */
  sha256?: string;
}

export interface ListOptions {
  /**
   * Only keys after this one (byte order), as S3's StartAfter: a reader that remembers the last
   * key it saw asks for what came after it in one request, not for the whole prefix again.
   */
  startAfter?: string;
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
  /** Every key under the folder `prefix`, in byte order of the keys (as S3 lists them). */
  list(prefix: string, options?: ListOptions): AsyncIterable<BlobInfo>;
  /**
   * Copies an object to another key inside the store, without the bytes passing through this
   * process where the store allows (a hard link on disk, a server-side copy on S3); atomic like a
   * put. `expected` is the source's sha256 as the caller knows it: a different object is refused.
   */
  copy(from: string, to: string, expected: { sha256: string; size: number }): Promise<PutResult>;
  delete(key: string): Promise<void>;
  /** A local path for the object when the store is the filesystem (for zero-copy serving); else null. */
  localPath(key: string): string | null;
  /**
   * A URL a browser can fetch the object from directly (Range requests work), for stores that
   * have one: the public base URL (CDN) when configured, else a presigned URL valid `expiresIn`
   * seconds. Absent: serve the object through the app.
   */
  publicUrl?(key: string, options?: { expiresIn?: number }): Promise<string>;
  /** Proves at boot that the store is reachable and writable; throws a ConfigError naming it. */
  check?(): Promise<void>;
}
