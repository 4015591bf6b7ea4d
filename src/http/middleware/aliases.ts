import type { RequestHandler } from 'express';
import { aliasLocation, itemAddressOf } from '../alias-redirect.js';
import type { WebDeps } from '../web-deps.js';

/** An alias is permanent, but a day lets a mistaken one be taken back without caches holding it for ever. */
const REDIRECT_CACHE = 'public, max-age=86400';

/**
 * Earlier ids of an item (its manifest's `aliases`) answer 301 to the same address with the
 * current id, on every route that names an item: pages in every locale, embeds, the API and its
 * files, chapters, IIIF, stored media. Registered before the routes; anything else, and every
 * live id, goes on untouched.
 */
export function aliasRedirects(deps: Pick<WebDeps, 'catalogue'>): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const address = itemAddressOf(req.path);
    if (address === null) return next();
    void (async () => {
      let snapshot = await deps.catalogue.snapshot();
      if (!snapshot.byId.has(address.id) && !snapshot.aliases.has(address.id)) {
        // Unknown here: an item renamed since the snapshot was read (the reload is rate-limited).
        await deps.catalogue.listing(address.id);
        snapshot = await deps.catalogue.snapshot();
      }
      const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const location = await aliasLocation(address, search, snapshot, (current) => deps.catalogue.whole(current));
      if (location === null) return next();
      res.set('Cache-Control', REDIRECT_CACHE);
      // Scripts of other sites follow the API's, feeds' and media redirects too.
      if (address.kind !== 'page') res.set('Access-Control-Allow-Origin', '*');
      res.redirect(301, location);
    })().catch(next);
  };
}
