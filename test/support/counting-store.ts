import type { Readable } from 'node:stream';
import type { BlobInfo, BlobStore, ListOptions, PutResult } from '../../src/ports/blob-store.js';

/** Keys per page of a listing, as S3 answers them: a listing of 2,500 keys costs three requests. */
const LIST_PAGE = 1_000;

/**
 * A store that counts the requests made through it, by kind, and passes each on unchanged. A
 * listing counts one request per page of LIST_PAGE keys (at least one), as S3 would bill it.
 */
export class CountingStore implements BlobStore {
  readonly counts = { list: 0, get: 0, stat: 0, put: 0, delete: 0, copy: 0 };

  constructor(private readonly inner: BlobStore) {}

  get kind(): BlobStore['kind'] {
    return this.inner.kind;
  }

  /** Every request counted so far. */
  get total(): number {
    return Object.values(this.counts).reduce((sum, n) => sum + n, 0);
  }

  reset(): void {
    for (const key of Object.keys(this.counts) as (keyof CountingStore['counts'])[]) this.counts[key] = 0;
  }

  putFile(key: string, filePath: string, contentType: string): Promise<PutResult> {
    this.counts.put += 1;
    return this.inner.putFile(key, filePath, contentType);
  }

  putBuffer(key: string, body: Buffer | string, contentType: string): Promise<PutResult> {
    this.counts.put += 1;
    return this.inner.putBuffer(key, body, contentType);
  }

  stat(key: string): Promise<BlobInfo | null> {
    this.counts.stat += 1;
    return this.inner.stat(key);
  }

  getBuffer(key: string): Promise<Buffer | null> {
    this.counts.get += 1;
    return this.inner.getBuffer(key);
  }

  getStream(key: string, range?: { start: number; end: number }): Promise<Readable> {
    this.counts.get += 1;
    return this.inner.getStream(key, range);
  }

  async *list(prefix: string, options?: ListOptions): AsyncIterable<BlobInfo> {
    this.counts.list += 1;
    let listed = 0;
    for await (const blob of this.inner.list(prefix, options)) {
      listed += 1;
      if (listed > LIST_PAGE && listed % LIST_PAGE === 1) this.counts.list += 1;
      yield blob;
    }
  }

  copy(from: string, to: string, expected: { sha256: string; size: number }): Promise<PutResult> {
    this.counts.copy += 1;
    return this.inner.copy(from, to, expected);
  }

  delete(key: string): Promise<void> {
    this.counts.delete += 1;
    return this.inner.delete(key);
  }

  localPath(key: string): string | null {
    return this.inner.localPath(key);
  }
}
