import express, { Router } from 'express';
import { NotFoundError } from '../../domain/errors.js';
import { isCountable } from '../../services/stats/automated-requests.js';
import { MAX_EVENT_BYTES, parseStatsEvent } from '../../services/stats/stats-event.js';
import { BadRequestError } from '../query-params.js';
import type { WebDeps } from '../web-deps.js';
import { visitorOf } from '../middleware/count-usage.js';

/**
 * POST /api/events: what the player reports (views/static/js/player-stats.js sends it with
 * navigator.sendBeacon). Only daily totals are kept (services/stats): no cookie is set, the
 * address and user agent only make the day's visitor hash in memory. Robots and prefetches get
 * the same 204 and are not counted. The body is read as text whatever its type (a beacon's Blob
 * may be text/plain) and must be JSON of one of the two shapes.
 */
export function eventRoutes(deps: WebDeps): Router {
  const router = Router();
  const body = express.text({ type: () => true, limit: MAX_EVENT_BYTES });
  router.post('/api/events', body, async (req, res) => {
    const parsed = parseStatsEvent(jsonOf(req.body));
    if ('problems' in parsed) throw new BadRequestError(parsed.problems);
    const { event } = parsed;
    const manifest = await deps.catalogue.listing(event.item);
    if (!manifest) throw new NotFoundError(`no item "${event.item.slice(0, 100)}"`);
    if (manifest.kind === 'document') throw new BadRequestError([`item: "${manifest.id}" is a document, it is not played`]);
    if (deps.stats && isCountable((name) => req.get(name))) {
      if (event.type === 'play') deps.stats.play(manifest.id, visitorOf(req), event.lang);
      else deps.stats.progress(manifest.id, event.quartile as 1 | 2 | 3 | 4);
    }
    res.status(204).set('Cache-Control', 'no-store').end();
  });
  return router;
}

function jsonOf(body: unknown): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new BadRequestError(['the body must be JSON, such as {"type": "play", "item": "<id>"}']);
  }
}
