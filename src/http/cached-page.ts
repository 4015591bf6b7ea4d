import type { Request, Response } from 'express';
import { cachedPageOf, type CachedPage, type PageCache } from './page-cache.js';
import { PAGE_CACHE_CONTROL, sendRendered, type RenderedPage } from './render.js';

/** A rendered page, and whether it is whole: a page missing a part it should show (a text file unreadable now) is sent, never kept. */
export interface MadePage extends RenderedPage {
  complete?: boolean;
}

/**
 * Sends the page kept under `key`, or makes it with `make`, sends it and keeps it when it is a
 * whole 200 page with the default Cache-Control (error pages and no-store pages never are).
 * Without a cache (`pages` absent), every page is made, as before.
 */
export async function sendCachedPage(req: Request, res: Response, pages: PageCache | undefined, key: string, make: () => Promise<MadePage>): Promise<void> {
  const kept = pages?.get(key);
  if (kept) return sendKept(req, res, kept);
  const made = pages ? await makeOnce(pages, key, make) : await make();
  // Kept meanwhile by the request that made it: compressed once, not once per waiting request.
  const keptMeanwhile = pages?.get(key);
  if (keptMeanwhile) return sendKept(req, res, keptMeanwhile);
  if (!pages || made.status !== 200 || made.cacheControl !== PAGE_CACHE_CONTROL || made.complete === false) return sendRendered(res, made);
  sendKept(req, res, pages.set(key, cachedPageOf(made.html, { contentLanguage: made.locale, cacheControl: made.cacheControl })));
}

// Pages being made, by cache and key: requests for a page not kept yet (many at once after a
// reload) wait for the one rendering instead of each rendering it and asking the index again.
const making = new WeakMap<PageCache, Map<string, Promise<MadePage>>>();

/** `make` run once for all requests of the same key at the same time (the key holds all the page depends on). */
function makeOnce(pages: PageCache, key: string, make: () => Promise<MadePage>): Promise<MadePage> {
  let pending = making.get(pages);
  if (!pending) making.set(pages, (pending = new Map()));
  const started = pending.get(key);
  if (started) return started;
  const promise = make().finally(() => pending.delete(key));
  pending.set(key, promise);
  return promise;
}

/**
 * The kept page in the best coding the client accepts (brotli first, as the compression
 * middleware prefers), with Content-Encoding set so that the middleware passes it through;
 * res.send answers 304 when If-None-Match holds the ETag.
 */
function sendKept(req: Request, res: Response, page: CachedPage): void {
  res.status(200);
  res.set('Cache-Control', page.cacheControl);
  res.set('Content-Language', page.contentLanguage);
  res.set('ETag', page.etag);
  res.type('html');
  const coding = page.br && req.acceptsEncodings('br') === 'br' ? 'br' : page.gzip && req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : 'identity';
  if (page.gzip) res.vary('Accept-Encoding');
  if (coding !== 'identity') res.set('Content-Encoding', coding);
  res.send(coding === 'br' ? page.br : coding === 'gzip' ? page.gzip : page.identity);
}
