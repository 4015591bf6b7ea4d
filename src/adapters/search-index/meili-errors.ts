import { SearchIndexError, SearchUnavailableError } from '../../ports/search-index.js';
import { MeiliHttpError } from './node-http-client.js';

/** A task Meilisearch finished with a failure (or that was cancelled), with its error code. */
export class MeiliTaskError extends Error {
  override name = 'MeiliTaskError';
  constructor(message: string, readonly meiliCode: string | null) {
    super(message);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/**
 * Turns whatever the client threw into one of the port's two errors: the server does not answer
 * (SearchUnavailableError: a 503 for the web layer), or it answered and refused (SearchIndexError).
 * The client wraps transport errors in its own classes: the cause chain is searched for ours.
 */
export function translateMeiliError(what: string, url: string, error: unknown): Error {
  if (error instanceof SearchUnavailableError || error instanceof SearchIndexError) return error;
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof MeiliTaskError) return new SearchIndexError(`${what}: ${e.message}`, { cause: error });
    if (e instanceof MeiliHttpError) {
      if (e.status === 502 || e.status === 503 || e.status === 504) {
        return new SearchUnavailableError(`search is unavailable: Meilisearch at ${url} answered ${e.status} (${e.message})`, { cause: error });
      }
      return new SearchIndexError(`${what}: Meilisearch refused it (${e.meiliCode ?? `HTTP ${e.status}`}: ${e.message})`, { cause: error });
    }
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) {
      return new SearchUnavailableError(`search is unavailable: Meilisearch at ${url} does not answer (${code})`, { cause: error });
    }
    if (e instanceof Error && /socket hang up|request aborted/i.test(e.message)) {
      return new SearchUnavailableError(`search is unavailable: Meilisearch at ${url} does not answer (${e.message})`, { cause: error });
    }
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new SearchIndexError(`${what}: ${message}`, { cause: error });
}
