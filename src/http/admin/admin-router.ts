import express, { Router } from 'express';
import type { Locale } from '../locale.js';
import { contextOf } from '../request-context.js';
import { adminHref } from '../urls.js';
import type { WebDeps } from '../web-deps.js';
import { readOrCreateSessionKey } from '../../services/operators/session-key.js';
import { consoleRoutes } from './admin-console.js';
import { ADMIN_CACHE_CONTROL } from './admin-render.js';
import { readSession, requireOperator, verifyCsrf } from './admin-session.js';
import { signInRoutes } from './admin-sign-in.js';
import type { AdminRequestState } from './admin-state.js';

/**
 * A part of the console (corrections, statistics): its own router, mounted at `path` under
 * /admin and /en/admin behind requireOperator and verifyCsrf, and linked from the console's
 * navigation and home with its title.
 */
export interface AdminSection {
  /** Where it is mounted under the console, e.g. '/corrections'. */
  path: string;
  title: (locale: Locale) => string;
  router: (deps: WebDeps) => Router;
}

/** Console forms are plain HTML forms: small bodies, urlencoded. */
const FORM_BODY_LIMIT = '256kb';

/**
 * The team's console, mounted by create-app at every locale's console path (`/admin`,
 * `/en/admin`). Every answer is no-store; the session is read from its signed cookie; the
 * sign-in pages are open, everything else needs an operator and, to change anything, the
 * form's CSRF token.
 */
export function createAdminRouter(deps: WebDeps, sections: readonly AdminSection[]): Router {
  const router = Router();
  const secure = deps.publicUrl?.startsWith('https:') ?? false;
  let key: Promise<Buffer> | null = null;
  const sessionKey = (): Promise<Buffer> => {
    key ??= readOrCreateSessionKey(deps.store).catch((error: unknown) => {
      key = null; // a store that failed once is asked again by the next request
      throw error;
    });
    return key;
  };

  router.use(express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT, parameterLimit: 200 }));
  router.use(async (req, res, next) => {
    res.set('Cache-Control', ADMIN_CACHE_CONTROL);
    const { locale } = contextOf(res);
    const state: AdminRequestState = {
      key: await sessionKey(), base: adminHref(locale), secure, session: null, views: deps.views,
      sections: sections.map((s) => ({ path: s.path, href: adminHref(locale, s.path), title: s.title(locale) })),
    };
    res.locals.admin = state;
    await readSession(req, res, deps.store);
    next();
  });
  router.use(signInRoutes(deps));
  router.use(consoleRoutes(deps));
  for (const section of sections) router.use(section.path, requireOperator, verifyCsrf, section.router(deps));
  return router;
}
