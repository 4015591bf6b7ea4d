import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DiskFullError } from '../../domain/disk-full.js';
import { ConfigError, NotFoundError } from '../../domain/errors.js';
import { HashingStream, sha256OfFile } from '../../lib/sha256.js';
import type { BlobInfo, BlobStore, ListOptions, PutResult } from '../../ports/blob-store.js';
import { describeS3Cause, isNotFound, isStorageFull, StorageError } from './s3-errors.js';
import { checkKey, encodeKeyPath, folderPrefix, isHidden } from './s3-keys.js';
import { BackoffRetryStrategy, DEFAULT_RETRY, type RetryPolicy } from './s3-retry.js';

export interface S3Settings {
  bucket: string;
  region: string;
  /** Unset: AWS itself. MinIO, Garage, Scaleway, OVH…: their URL. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** https://host/bucket/key rather than https://bucket.host/key (most self-hosted servers). */
  forcePathStyle: boolean;
  /** A CDN or public bucket URL in front of the bucket: browsers get plain URLs under it. */
  publicBaseUrl?: string;
}

export interface S3BlobStoreOptions extends S3Settings {
  /** A client of one's own (tests add middleware to it); else one is made by createS3Client. */
  client?: S3Client;
  /** Multipart part size, at least 5 MiB (S3's minimum); files up to this size go in one request. */
  partSize?: number;
  /** Parts uploaded at once: memory use is about partSize × queueSize. */
  queueSize?: number;
  /** Keys per ListObjectsV2 page (S3 answers at most 1,000). */
  listPageSize?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Send each body's SHA-256 for the server to check (x-amz-checksum-sha256): AWS, MinIO and
   * Garage refuse a body that arrived altered. Servers that do not know the header ignore it;
   * the size and checksum read back after every upload are checked either way.
   */
  serverChecksums?: boolean;
}

const MiB = 1024 * 1024;
const DEFAULT_PART_SIZE = 8 * MiB;
const PRESIGNED_SECONDS = 15 * 60;
/** CopyObject's limit: larger objects need a multipart copy; they are streamed instead. */
const MAX_COPY_OBJECT_BYTES = 5 * 1024 * MiB;

/** The client the store makes for itself; exported so that tests can make the same and instrument it. */
export function createS3Client(settings: S3Settings, retry: Partial<RetryPolicy> = {}): S3Client {
  const policy = { ...DEFAULT_RETRY, ...retry };
  // The pinned SDK runs on Node 20; its multi-line notice about later versions needing Node 22
  // would break the rule of one stderr line per problem.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    retryStrategy: new BackoffRetryStrategy(policy),
    maxAttempts: policy.attempts,
    // Only the checksums we choose (SHA-256, sent as a header): the SDK's default CRC32 trailers
    // use aws-chunked bodies that several S3-compatible servers do not read.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A server that stops answering must become an error (and a retry), not a hang.
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
  });
}

/**
 * The archive in an S3-compatible bucket, with the same keys as on disk. Objects appear whole
 * (S3 has no partial objects; an interrupted multipart upload is aborted), each carries its
 * SHA-256 in its metadata (x-amz-meta-sha256), and every upload is read back (HEAD) to check
 * its size and checksum. Transient failures are retried with backoff (s3-retry.ts); a failure
 * that outlasts them names the bucket, the operation, the key and the cause on one line.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly bucket: string;
  /** "S3 bucket mc at http://127.0.0.1:9000": how every message names this store. */
  readonly label: string;
  private readonly client: S3Client;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly listPageSize: number;
  private readonly serverChecksums: boolean;
  private readonly publicBaseUrl: string | null;
  private checked: Promise<void> | null = null;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.label = `S3 bucket ${options.bucket} ${options.endpoint ? `at ${options.endpoint.replace(/\/+$/, '')}` : `in ${options.region}`}`;
    this.client = options.client ?? createS3Client(options, options.retry);
    this.partSize = options.partSize ?? DEFAULT_PART_SIZE;
    if (this.partSize < 5 * MiB) throw new Error(`S3 part size ${this.partSize}: at least 5 MiB`);
    this.queueSize = options.queueSize ?? 2;
    this.listPageSize = options.listPageSize ?? 1000;
    this.serverChecksums = options.serverChecksums ?? true;
    this.publicBaseUrl = options.publicBaseUrl ? options.publicBaseUrl.replace(/\/+$/, '') : null;
  }

  /** A small object written then deleted under .probe/ (hidden from listings): proves reach, credentials and write access. */
  async check(): Promise<void> {
    const key = `.probe/${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await this.write(key, Buffer.from('probe'), 'text/plain');
      await this.request('delete', key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
      this.checked = Promise.resolve();
    } catch (error) {
      // "S3 bucket mc at http://127.0.0.1:9000: put .probe/…: connect ECONNREFUSED 127.0.0.1:9000 (8 attempts)"
      throw new ConfigError([error instanceof StorageError ? error.message : `${this.label}: ${describeS3Cause(error)}`]);
    }
  }

  async putBuffer(key: string, body: Buffer | string, contentType: string): Promise<PutResult> {
    checkKey(key);
    await this.ready();
    return this.write(key, typeof body === 'string' ? Buffer.from(body) : body, contentType);
  }

  async putFile(key: string, filePath: string, contentType: string): Promise<PutResult> {
    checkKey(key);
    await this.ready();
    const { size } = await stat(filePath);
    // Up to one part, the file is read whole: hashed, then sent in one request that can be retried.
    if (size <= this.partSize) return this.write(key, await readFile(filePath), contentType);
    return this.writeMultipart(key, filePath, size, contentType);
  }

  async stat(key: string): Promise<BlobInfo | null> {
    checkKey(key);
    await this.ready();
    const head = await this.request('stat', key, () => this.headOrNull(key));
    if (!head) return null;
    const sha256 = head.Metadata?.sha256;
    return { key, size: head.ContentLength ?? 0, modified: head.LastModified ?? new Date(0), ...(sha256 ? { sha256 } : {}) };
  }

  async getBuffer(key: string): Promise<Buffer | null> {
    checkKey(key);
    await this.ready();
    return this.request('get', key, async () => {
      try {
        const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    });
  }

  async getStream(key: string, range?: { start: number; end: number }): Promise<Readable> {
    checkKey(key);
    await this.ready();
    const object = await this.request('get', key, async () => {
      try {
        return await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }));
      } catch (error) {
        if (isNotFound(error)) throw new NotFoundError(`${key}: no such object in ${this.label}`);
        throw error;
      }
    });
    if (object.Body instanceof Readable) return object.Body;
    return Readable.from(Buffer.from((await object.Body?.transformToByteArray()) ?? []));
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<BlobInfo> {
    const base = folderPrefix(prefix);
    // StartAfter goes with the first page only: the continuation token carries on from there.
    const startAfter = options.startAfter && options.startAfter >= base ? options.startAfter : undefined;
    await this.ready();
    let token: string | undefined;
    do {
      const page = await this.request('list', base || '/', () =>
        this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, MaxKeys: this.listPageSize, ...(base ? { Prefix: base } : {}), ...(token ? { ContinuationToken: token } : startAfter ? { StartAfter: startAfter } : {}) })),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key || isHidden(object.Key.slice(base.length))) continue;
        yield { key: object.Key, size: object.Size ?? 0, modified: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /**
   * A server-side copy (CopyObject): the bytes stay in the bucket. The source's size and the
   * sha256 in its metadata are checked first; the metadata is copied with the object. CopyObject
   * takes objects up to 5 GiB: a larger one is streamed through this process.
   */
  async copy(from: string, to: string, expected: { sha256: string; size: number }): Promise<PutResult> {
    checkKey(from);
    checkKey(to);
    await this.ready();
    const head = await this.request('copy', from, () => this.headOrNull(from));
    const problem = !head
      ? 'no such object'
      : head.ContentLength !== expected.size
        ? `${head.ContentLength} bytes stored, ${expected.size} expected`
        : head.Metadata?.sha256 !== expected.sha256
          ? `sha256 ${head.Metadata?.sha256 ?? 'none'} stored, ${expected.sha256} expected`
          : null;
    if (problem) throw new StorageError(from, `${this.label}: copy ${from}: ${problem}`);
    if (expected.size > MAX_COPY_OBJECT_BYTES) {
      await this.request('copy', to, async () => new Upload({
        client: this.client, partSize: this.partSize, queueSize: this.queueSize, leavePartsOnError: false,
        params: {
          Bucket: this.bucket, Key: to, Body: await this.getStream(from), ContentType: head?.ContentType ?? 'application/octet-stream',
          ContentLength: expected.size, Metadata: { sha256: expected.sha256 },
        },
      }).done());
      await this.verify(to, expected.size, expected.sha256);
    } else {
      await this.request('copy', to, () => this.client.send(new CopyObjectCommand({
        Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${encodeKeyPath(from)}`, MetadataDirective: 'COPY',
      })));
    }
    return { key: to, size: expected.size, sha256: expected.sha256 };
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.ready();
    // S3 answers 204 whether the object was there or not: deleting twice is fine.
    await this.request('delete', key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  localPath(): null {
    return null;
  }

  async publicUrl(key: string, options: { expiresIn?: number } = {}): Promise<string> {
    checkKey(key);
    if (this.publicBaseUrl) return `${this.publicBaseUrl}/${encodeKeyPath(key)}`;
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: options.expiresIn ?? PRESIGNED_SECONDS });
  }

  /** The boot check, once per process before the first request; a failed one is tried again next time. */
  private ready(): Promise<void> {
    this.checked ??= this.check().catch((error: unknown) => {
      this.checked = null;
      throw error;
    });
    return this.checked;
  }

  private async write(key: string, body: Buffer, contentType: string): Promise<PutResult> {
    const digest = createHash('sha256').update(body).digest();
    const sha256 = digest.toString('hex');
    const checksum = digest.toString('base64');
    const confirmed = await this.request('put', key, async () => {
      const put = await this.client.send(new PutObjectCommand({
        Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length,
        Metadata: { sha256 },
        ...(this.serverChecksums ? { ChecksumSHA256: checksum } : {}),
      }));
      if (put.ChecksumSHA256 && put.ChecksumSHA256 !== checksum) throw new Error(`the server stored sha256 ${put.ChecksumSHA256} (base64), expected ${checksum}`);
      return put.ChecksumSHA256 === checksum;
    });
    // A server that checked the body against our SHA-256 has said all a read-back would.
    if (!confirmed) await this.verify(key, body.length, sha256);
    return { key, size: body.length, sha256 };
  }

  /**
   * Large files: hashed first (the checksum goes in the metadata, which S3 takes when the upload
   * begins), then streamed in parts and hashed again on the way, so a file changed meanwhile is
   * caught. lib-storage aborts the multipart upload when a part fails for good: nothing appears.
   */
  private async writeMultipart(key: string, filePath: string, size: number, contentType: string): Promise<PutResult> {
    const sha256 = await sha256OfFile(filePath);
    const source = createReadStream(filePath);
    const meter = new HashingStream();
    source.on('error', (error) => meter.destroy(error));
    try {
      await this.request('put', key, () => new Upload({
        client: this.client,
        partSize: this.partSize,
        queueSize: this.queueSize,
        leavePartsOnError: false,
        params: {
          Bucket: this.bucket, Key: key, Body: source.pipe(meter), ContentType: contentType, ContentLength: size,
          Metadata: { sha256 },
          ...(this.serverChecksums ? { ChecksumAlgorithm: 'SHA256' as const } : {}),
        },
      }).done());
    } finally {
      source.destroy();
    }
    if (meter.sha256() !== sha256) {
      await this.request('delete', key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
      throw new StorageError(key, `${this.label}: put ${key}: ${filePath} changed while it was being stored`);
    }
    await this.verify(key, size, sha256);
    return { key, size, sha256 };
  }

  /** Reads back what the server holds: its size and the checksum it keeps must be what was sent. */
  private async verify(key: string, size: number, sha256: string): Promise<void> {
    const head = await this.request('verify', key, () => this.headOrNull(key));
    const problem = !head
      ? 'the object is not there after its upload'
      : head.ContentLength !== size
        ? `the server holds ${head.ContentLength} bytes, ${size} were sent`
        : head.Metadata?.sha256 !== sha256
          ? `the server holds sha256 ${head.Metadata?.sha256 ?? 'none'}, expected ${sha256}`
          : null;
    if (problem) throw new StorageError(key, `${this.label}: put ${key}: ${problem}`);
  }

  private async headOrNull(key: string) {
    try {
      return await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Runs one request (already retried by the client); a final failure becomes one line naming everything. */
  private async request<T>(operation: string, key: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof StorageError || error instanceof NotFoundError) throw error;
      // A full server fails every later write too: the run stops on it (see DiskFullError).
      if (isStorageFull(error)) throw new DiskFullError('bucket', this.label.replace(/^S3 bucket /, ''), null, { cause: error });
      throw new StorageError(key, `${this.label}: ${operation} ${key}: ${describeS3Cause(error)}`, { cause: error });
    }
  }
}
