import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A rendered page kept with its compressed forms: what a hit sends without rendering or compressing. */
export interface CachedPage {
  /** Weak: the same validator for every content-coding of the page (RFC 9110 §8.8.3.3). */
  etag: string;
  contentLanguage: string;
  cacheControl: string;
  identity: Buffer;
  /** Absent under the compression middleware's 1 KB threshold: such pages go uncompressed, as before. */
  gzip: Buffer | null;
  br: Buffer | null;
}

interface Entry {
  page: CachedPage;
  bytes: number;
  expiresAt: number;
}

export interface PageCacheOptions {
  /** Bound on the bytes held (every form of every page counted); the least recently used go first. */
  maxBytes?: number;
  /** An entry is dropped this long after it was made, whatever its key says. */
  ttlMs?: number;
  now?: () => number;
}

/** 32 MiB: ~500 talk pages with their gzip and brotli forms, a small part of the web process's memory. */
export const PAGE_CACHE_MAX_BYTES = 32 * 1024 * 1024;
/**
 * The search index may change under a page (another process publishes or reindexes) without
 * anything this process can see, so no page is trusted longer than this.
 */
export const PAGE_CACHE_TTL_MS = 10_000;
// The compression middleware's default threshold: smaller bodies were never compressed.
const COMPRESSION_THRESHOLD = 1024;
// The levels the compression middleware uses (zlib's default gzip level, brotli quality 4): same weights on the wire.
const BROTLI_QUALITY = 4;

/**
 * Rendered pages by key, bounded in bytes, least recently used evicted first. Keys must hold
 * everything a page depends on (see pageKey); only complete 200 pages are stored.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private heldBytes = 0;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: PageCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? PAGE_CACHE_MAX_BYTES;
    this.ttlMs = options.ttlMs ?? PAGE_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.heldBytes -= entry.bytes;
      return undefined;
    }
    // Re-inserted: a Map iterates in insertion order, so its first key is the least recently used.
    this.entries.set(key, entry);
    return entry.page;
  }

  /** Stores the page (a page larger than the whole bound is not stored) and returns it. */
  set(key: string, page: CachedPage): CachedPage {
    this.delete(key);
    const bytes = key.length + page.identity.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0);
    if (bytes > this.maxBytes) return page;
    while (this.heldBytes + bytes > this.maxBytes) this.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { page, bytes, expiresAt: this.now() + this.ttlMs });
    this.heldBytes += bytes;
    return page;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.heldBytes -= entry.bytes;
  }
}

/** The page's HTML with its validator and compressed forms, made once for every later request. */
export function cachedPageOf(html: string, headers: { contentLanguage: string; cacheControl: string }): CachedPage {
  const identity = Buffer.from(html, 'utf8');
  const compress = identity.length >= COMPRESSION_THRESHOLD;
  return {
    etag: `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
    contentLanguage: headers.contentLanguage,
    cacheControl: headers.cacheControl,
    identity,
    gzip: compress ? gzipSync(identity) : null,
    br: compress ? brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }) : null,
  };
}

const identities = new WeakMap<object, number>();
let lastIdentity = 0;

/**
 * A number for this very object (a manifest, a catalogue snapshot): a reload makes new objects,
 * so keys built on them stop matching the moment what a page was made from is replaced.
 */
export function identityOf(value: object): number {
  let found = identities.get(value);
  if (found === undefined) {
    found = ++lastIdentity;
    identities.set(value, found);
  }
  return found;
}

/**
 * The key of a page: the objects it was made from (by identity), the origin its absolute links
 * use, and the URL as asked (path with its locale prefix, and query: the same URL always asks
 * for the same page, so it needs no normalising to be safe).
 */
export function pageKey(madeFrom: readonly object[], origin: string, url: string): string {
  return `${madeFrom.map(identityOf).join('.')} ${origin} ${url}`;
}
