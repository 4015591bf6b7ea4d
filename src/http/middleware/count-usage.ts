import { Router, type Request, type RequestHandler, type Response } from 'express';
import { isCountable } from '../../services/stats/automated-requests.js';
import { missedSearchText, type SearchOutcome } from '../../services/stats/search-outcomes.js';
import type { StatsRecorder, Visitor } from '../../services/stats/stats-recorder.js';
import { LOCALES, routePattern } from '../locale.js';
import type { WebDeps } from '../web-deps.js';

/**
 * What the server counts by itself, before the routes answer (the page cache may answer
 * without running a route's handler): downloads (`/media/…?download` of a file the manifest
 * lists as a download), embeds (the embed page, by the embedding page's host from the Referer)
 * and search pages that found nothing. Each is counted once its answer is sent, and only when
 * it was a success: robots, prefetches and errors are not counted.
 */
export function countUsage(deps: WebDeps): RequestHandler {
  const router = Router();
  const stats = deps.stats;
  if (!stats) return router;
  const log = deps.log ?? (() => {});
  const whenAnswered = (req: Request, res: Response, count: () => Promise<void> | void): void => {
    if (req.method !== 'GET' || !isCountable((name) => req.get(name))) return;
    res.once('finish', () => {
      Promise.resolve().then(count).catch((error: unknown) => log(`warning: statistics: ${(error as Error).message}`));
    });
  };

  router.get('/media/*key', (req, res, next) => {
    // The player streams the same files without ?download: only the download links count.
    if (req.query.download === undefined) return next();
    const key = (req.params.key as unknown as string[]).join('/');
    whenAnswered(req, res, async () => {
      if (!isWholeFileAnswer(res)) return;
      const manifest = await deps.catalogue.listing(key.split('/')[1] ?? '');
      const file = manifest?.downloads.find((d) => d.key === key);
      if (manifest && file) stats.download(manifest.id, file.format, visitorOf(req));
    });
    next();
  });

  for (const locale of LOCALES) {
    router.get(routePattern('embed', locale), (req, res, next) => {
      whenAnswered(req, res, async () => {
        if (res.statusCode !== 200 && res.statusCode !== 304) return;
        const manifest = await deps.catalogue.listing(String(req.params.id));
        if (manifest) stats.embed(manifest.id, hostOf(req.get('referer')));
      });
      next();
    });
    router.get(routePattern('search', locale), (req, res, next) => {
      whenAnswered(req, res, () => {
        const text = res.statusCode === 200 || res.statusCode === 304 ? stats.searchPages.missedText(req.originalUrl) : null;
        if (text !== null) stats.searchWithoutResult(text);
      });
      next();
    });
  }
  return router;
}

/** The API's search (/api/search): counted where it is answered, as it is never kept rendered. */
export function countApiSearch(stats: StatsRecorder | undefined, req: Request, outcome: SearchOutcome): void {
  if (!stats || !isCountable((name) => req.get(name))) return;
  const text = missedSearchText(outcome);
  if (text !== null) stats.searchWithoutResult(text);
}

/** Only for making the day's visitor hash (visitors.ts); never stored. */
export function visitorOf(req: Request): Visitor {
  return { address: req.ip ?? req.socket.remoteAddress ?? '', userAgent: req.get('user-agent') ?? '' };
}

/** A download's first answer: the whole file, the first range of it, or the redirect to the object store. */
function isWholeFileAnswer(res: Response): boolean {
  if (res.statusCode === 200 || res.statusCode === 302) return true;
  return res.statusCode === 206 && /^bytes 0-/.test(String(res.get('Content-Range') ?? ''));
}

function hostOf(referer: string | undefined): string | null {
  if (!referer) return null;
  try {
    return new URL(referer).host || null;
  } catch {
    return null;
  }
}
