import { Router, type Request, type Response } from 'express';
import type { WebDeps } from '../web-deps.js';

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Stored media: `/media/<key>`. Only keys that a manifest lists are served, so no request can
 * reach any other file (no `..`, no work folder, no manifest of a removed item), and the key's
 * revision folder makes every object immutable: a year of caching is safe. The filesystem
 * store's files go through `sendFile` (Range, If-Modified-Since, zero-copy); other stores
 * stream the requested range.
 */
export function mediaRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/media/*key', async (req: Request, res: Response, next) => {
    try {
      const key = (req.params.key as unknown as string[]).join('/');
      const file = await deps.catalogue.file(key);
      if (!file) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      res.set('Cache-Control', `public, max-age=${YEAR_SECONDS}, immutable`);
      res.set('Content-Type', file.contentType);
      res.set('ETag', `"${file.sha256}"`);
      // Stored media is meant to be embedded and reused by other sites (players, feeds).
      res.set('Cross-Origin-Resource-Policy', 'cross-origin');
      res.set('Access-Control-Allow-Origin', '*');
      if (req.query.download !== undefined) res.attachment(key.split('/').pop() ?? 'file');
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      const local = deps.store.localPath(key);
      if (!local && deps.mediaOrigin && deps.store.publicUrl) {
        // Object storage serves its own bytes (Range included): the browser is sent there, with a
        // public URL (CDN) or a presigned one that outlives the redirect's caching.
        res.removeHeader('ETag');
        res.set('Cache-Control', 'private, max-age=600');
        res.redirect(302, await deps.store.publicUrl(key, { expiresIn: 900 }));
        return;
      }
      if (local) {
        res.sendFile(local, { etag: false, lastModified: true, cacheControl: false, dotfiles: 'allow' }, (error) => {
          if (error && !res.headersSent) next(error);
        });
        return;
      }
      await streamRange(req, res, deps, key, file.size);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** Range requests for stores without a local file (one range; several ranges get the whole file). */
export async function streamRange(req: Request, res: Response, deps: WebDeps, key: string, size: number): Promise<void> {
  res.set('Accept-Ranges', 'bytes');
  const ranges = req.range(size);
  if (ranges === -1) {
    res.status(416).set('Content-Range', `bytes */${size}`).end();
    return;
  }
  const range = Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1 ? ranges[0] : undefined;
  if (range) {
    res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${size}`).set('Content-Length', String(range.end - range.start + 1));
  } else {
    res.set('Content-Length', String(size));
  }
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = await deps.store.getStream(key, range ? { start: range.start, end: range.end } : undefined);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
