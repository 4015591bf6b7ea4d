import express, { Router, type Request, type Response } from 'express';
import { openToAllOrigins } from '../json-response.js';
import { answerOai } from '../oai/oai-verbs.js';
import { contextOf } from '../request-context.js';
import { oaiUrl } from '../urls.js';
import type { WebDeps } from '../web-deps.js';

/** Records per answer of ListRecords and ListIdentifiers: a few hundred kilobytes of XML at most. */
export const OAI_PAGE_SIZE = 100;

/**
 * OAI-PMH 2.0 at /oai (https://www.openarchives.org/OAI/openarchivesprotocol.html): GET with
 * the arguments in the query, or POST with them as a form. The arguments are read as sent
 * (URLSearchParams keeps repetitions, which the protocol forbids and must report). Protocol
 * errors are answers (200 with <error>), as the protocol says; an earlier id of a renamed item
 * answers 301 to the same request about its current id.
 */
export function oaiRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use('/oai', openToAllOrigins());
  router.get('/oai', (req, res) => answer(deps, new URLSearchParams(rawQuery(req)), res, 301));
  router.post('/oai', express.text({ type: 'application/x-www-form-urlencoded', limit: '16kb' }), (req, res) =>
    // After a POST, 303 makes the client ask the new address with GET.
    answer(deps, new URLSearchParams(typeof req.body === 'string' ? req.body : ''), res, 303),
  );
  return router;
}

async function answer(deps: WebDeps, params: URLSearchParams, res: Response, redirectStatus: 301 | 303): Promise<void> {
  const { origin } = contextOf(res);
  const baseUrl = `${origin}${oaiUrl()}`;
  const host = new URL(origin).hostname;
  const result = answerOai(params, {
    snapshot: await deps.catalogue.snapshot(),
    // RFC 2142's mailbox for a web service when the operator named none.
    repository: { baseUrl, host, adminEmail: deps.oai?.adminEmail ?? `webmaster@${host}` },
    origin,
    pageSize: deps.oai?.pageSize ?? OAI_PAGE_SIZE,
    now: new Date(),
  });
  if ('redirectTo' in result) {
    // Relative: the harvester stays on the address it harvests (a mirror, a proxy, a test server).
    res.redirect(redirectStatus, oaiUrl(result.redirectTo));
    return;
  }
  res.set('Cache-Control', 'no-cache');
  res.type('text/xml; charset=utf-8').send(result.xml);
}

/** The query string exactly as sent (Express's parser would merge `a[b]` forms and hide repetitions). */
function rawQuery(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at === -1 ? '' : req.originalUrl.slice(at + 1);
}
