import type { RequestHandler, Response } from 'express';

/** Public, read-only data: any site may read it from a browser (no credentials involved). */
export function openToAllOrigins(): RequestHandler {
  return (req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      const asked = req.get('Access-Control-Request-Headers');
      if (asked) res.set('Access-Control-Allow-Headers', asked);
      res.set('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    next();
  };
}

/** JSON with a short public cache; Express adds the weak ETag and answers 304 when it matches. */
export function sendJson(res: Response, body: unknown, cacheControl = 'public, max-age=60'): void {
  res.set('Cache-Control', cacheControl);
  res.type('application/json').send(JSON.stringify(body));
}
