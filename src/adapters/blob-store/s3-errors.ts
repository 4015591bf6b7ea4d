import { AppError } from '../../domain/errors.js';

/** An object store request that failed for good (after retries): names the store, the operation and the key. */
export class StorageError extends AppError {
  override name = 'StorageError';
  override readonly code = 'storage_failed';
  constructor(readonly key: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  errors?: unknown[];
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/**
 * The cause of an SDK failure in a few words: "connect ECONNREFUSED 127.0.0.1:9000 (8 attempts)",
 * "HTTP 403 AccessDenied: Access Denied". HEAD answers carry no body, so the SDK's message is
 * then "UnknownError": the status says more.
 */
export function describeS3Cause(error: unknown): string {
  const e = (error ?? {}) as SdkErrorShape;
  // Node reports a failed connection to a name with several addresses as an AggregateError.
  const first = Array.isArray(e.errors) && e.errors.length > 0 && !e.message ? (e.errors[0] as SdkErrorShape) : e;
  const status = e.$metadata?.httpStatusCode;
  let text: string;
  if (status && (!first.message || first.message === 'UnknownError')) text = `HTTP ${status} ${e.name ?? ''}`.trim();
  else if (status && e.name && !/^(Error|S3ServiceException)$/.test(e.name)) text = `HTTP ${status} ${e.name}: ${first.message}`;
  else text = first.message || first.code || first.name || String(error);
  text = text.split('\n')[0] ?? text;
  const attempts = e.$metadata?.attempts;
  return attempts && attempts > 1 ? `${text} (${attempts} attempts)` : text;
}

/** A 404 of any object request (GetObject says NoSuchKey, HeadObject only its status). */
export function isNotFound(error: unknown): boolean {
  const e = error as SdkErrorShape;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/**
 * The server has no room for the object: HTTP 507 Insufficient Storage, which S3-compatible
 * servers answer as `InsufficientStorage` or (MinIO) `XMinioStorageFull`. Not `EntityTooLarge`:
 * that one is about the object's size, not the server's room.
 */
export function isStorageFull(error: unknown): boolean {
  const e = error as SdkErrorShape;
  return e?.$metadata?.httpStatusCode === 507 || e?.name === 'InsufficientStorage' || e?.name === 'XMinioStorageFull';
}
