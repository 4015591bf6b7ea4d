import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { describeError, NotFoundError } from '../../domain/errors.js';
import { SearchUnavailableError } from '../../ports/search-index.js';
import { SearchRequestError } from '../../services/search/search-request.js';
import { translate } from '../i18n/messages.js';
import { sendPage } from '../render.js';
import { contextOf } from '../request-context.js';
import type { WebDeps } from '../web-deps.js';

/** Paths answered in JSON (problem+json, RFC 9457) rather than with an HTML page. */
const isMachinePath = (path: string): boolean => /^\/(api|oembed|iiif)(\/|$)/.test(path);

interface Problem {
  status: number;
  code: string;
  /** Shown to people as a list (a bad search parameter…); never internal details. */
  problems: string[];
}

function problemOf(error: unknown): Problem {
  if (error instanceof SearchRequestError) return { status: 400, code: error.code, problems: error.messages };
  if (error instanceof SearchUnavailableError) return { status: 503, code: error.code, problems: [] };
  if (error instanceof NotFoundError) return { status: 404, code: error.code, problems: [] };
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  // Express's own errors (a malformed URL, a body too large) carry a 4xx status.
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, code: 'bad_request', problems: [describeError(error)] };
  return { status: 500, code: 'server_error', problems: [] };
}

const TITLE_KEYS: Record<number, string> = { 404: 'error.404', 503: 'error.503', 500: 'error.500' };

export function notFound(): RequestHandler {
  return (req, _res, next) => next(new NotFoundError(`no page at ${req.path}`));
}

/**
 * Turns every error into an answer: problem+json for the API and oEmbed, an accessible page in
 * the visitor's language for the site. Server errors are logged with their cause, never shown.
 */
export function errorHandler(deps: WebDeps): ErrorRequestHandler {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return (error: unknown, req: Request, res: Response, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = problemOf(error);
    if (problem.status >= 500 && problem.code !== 'search_unavailable') log(`error: ${req.method} ${req.originalUrl}: ${describeError(error)}`);
    if (problem.status === 503) res.set('Retry-After', '30');
    const { locale } = contextOf(res);
    const family = TITLE_KEYS[problem.status] ?? (problem.status >= 500 ? 'error.500' : problem.status === 404 ? 'error.404' : 'error.400');
    const title = translate(locale, `${family}.title`);
    if (isMachinePath(req.path)) {
      // A program needs to know what is missing (an item, a transcript, a language): the API says it; pages do not.
      const detail = problem.problems.join('; ') || (error instanceof NotFoundError ? error.message : undefined);
      res.status(problem.status).type('application/problem+json').set('Cache-Control', 'no-store').send(
        JSON.stringify({ type: `about:blank`, title, status: problem.status, code: problem.code, detail }),
      );
      return;
    }
    try {
      sendPage(
        res,
        deps.views,
        'error',
        { heading: title, text: translate(locale, `${family}.text`), problems: problem.problems, showSearch: problem.status === 404 },
        { page: { route: 'home' }, title, noindex: true, status: problem.status, cacheControl: 'no-store' },
      );
    } catch (renderError) {
      // The error page itself failed (a broken template): plain text still tells the visitor.
      log(`error: rendering the error page: ${describeError(renderError)}`);
      if (!res.headersSent) res.status(problem.status).type('text/plain').send(title);
    }
  };
}
