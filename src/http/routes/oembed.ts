import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { currentIdOf } from '../../services/catalogue/current-id.js';
import { sendJson } from '../json-response.js';
import { parseQuery, positiveInt } from '../query-params.js';
import { contextOf } from '../request-context.js';
import { itemOfUrl, momentOfUrl, oembedOf, OEMBED_CACHE_SECONDS } from '../view-models/oembed.js';
import type { WebDeps } from '../web-deps.js';

const oembedQuery = z.object({
  url: z.string({ error: 'required: the address of a talk, podcast or document page' }).min(1, 'required: the address of a talk, podcast or document page'),
  format: z.string().default('json'),
  maxwidth: positiveInt.optional(),
  maxheight: positiveInt.optional(),
});

/**
 * oEmbed (https://oembed.com): `/oembed?url=<page of this site>` → the player as an iframe, at
 * the page's moment when its URL has one (`?t=START,END`).
 * JSON only: any other format is a 501, as the specification asks; a URL of another site or of
 * no item is a 404.
 */
export function oembedRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/oembed', async (req, res) => {
    const query = parseQuery(req, oembedQuery);
    if (query.format !== 'json') {
      res.status(501).type('application/problem+json').set('Cache-Control', 'no-store').send(
        JSON.stringify({ type: 'about:blank', title: 'Not Implemented', status: 501, code: 'format_unsupported', detail: 'format: only json is available' }),
      );
      return;
    }
    const { origin } = contextOf(res);
    const target = itemOfUrl(query.url, origin);
    // A page cited under an earlier id embeds the item it is now (the answer names the current id).
    const id = target ? currentIdOf(await deps.catalogue.snapshot(), target.id) ?? target.id : null;
    const manifest = id !== null ? await deps.catalogue.listing(id) : null;
    if (!target || !manifest) throw new NotFoundError(`no item of this site at ${query.url.slice(0, 200)}`);
    const answer = oembedOf(manifest, {
      origin,
      locale: target.locale,
      moment: momentOfUrl(query.url, manifest),
      ...(query.maxwidth !== undefined ? { maxWidth: query.maxwidth } : {}),
      ...(query.maxheight !== undefined ? { maxHeight: query.maxheight } : {}),
    });
    sendJson(res, answer, `public, max-age=${OEMBED_CACHE_SECONDS}`);
  });
  return router;
}
