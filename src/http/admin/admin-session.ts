import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { BlobStore } from '../../ports/blob-store.js';
import { endStoredSession, isSessionEnded } from '../../services/operators/ended-sessions.js';
import { findOperator } from '../../services/operators/operators.js';
import { contextOf } from '../request-context.js';
import { adminBases, adminHref } from '../urls.js';
import { sendAdminProblem } from './admin-render.js';
import { adminStateOf, operatorOf, type SignedInOperator } from './admin-state.js';
import {
  cookieHeader, csrfTokenOf, parseCookies, passwordStamp, randomNonce, sameText, SESSION_SECONDS, signSession, verifySession, type SessionClaims,
} from './admin-cookie.js';

/** The session cookie, set on every locale's console path and nowhere else. */
export const SESSION_COOKIE = 'mc_admin';
/** The sign-in form's nonce (before a session exists), on the console path of the form's locale. */
export const SIGN_IN_COOKIE = 'mc_admin_signin';
const SIGN_IN_SECONDS = 60 * 60;

/**
 * Reads the session cookie: a valid signature, not expired, and its operator still listed with
 * the same password. Sets res.locals.operator = { name } when it is.
 */
export async function readSession(req: Request, res: Response, store: BlobStore): Promise<void> {
  const state = adminStateOf(res);
  const claims = verifySession(state.key, parseCookies(req.headers.cookie).get(SESSION_COOKIE));
  if (!claims) return;
  const operator = await findOperator(store, claims.name);
  if (!operator || !sameText(passwordStamp(operator.password.salt), claims.stamp)) return;
  if (await isSessionEnded(store, claims)) return;
  state.session = claims;
  res.locals.operator = { name: operator.name } satisfies SignedInOperator;
}

/** Not signed in: 303 to the sign-in page of the request's locale, which comes back here after. */
export const requireOperator: RequestHandler = (req, res, next) => {
  if (operatorOf(res)) {
    next();
    return;
  }
  const { locale } = contextOf(res);
  const back = req.method === 'GET' ? req.originalUrl : undefined;
  res.redirect(303, adminHref(locale, '/session', { next: back }));
};

/**
 * The token to put in a hidden `_csrf` field of a form. Signed in: tied to the session. Before
 * (the sign-in form): tied to a nonce in a cookie on the console's path, set here when missing.
 */
export function csrfToken(req: Request, res: Response): string {
  const state = adminStateOf(res);
  if (state.session) return csrfTokenOf(state.key, 'session', state.session.nonce);
  let nonce = signInNonce(req);
  if (!nonce) {
    nonce = randomNonce();
    res.append('Set-Cookie', cookieHeader(SIGN_IN_COOKIE, nonce, { path: state.base, maxAge: SIGN_IN_SECONDS, secure: state.secure }));
    // Later calls in the same request (two forms on a page) must give the same token.
    req.headers.cookie = `${SIGN_IN_COOKIE}=${nonce}${req.headers.cookie ? `; ${req.headers.cookie}` : ''}`;
  }
  return csrfTokenOf(state.key, 'sign-in', nonce);
}

function signInNonce(req: Request): string | undefined {
  const nonce = parseCookies(req.headers.cookie).get(SIGN_IN_COOKIE);
  return nonce && /^[A-Za-z0-9_-]{16,64}$/.test(nonce) ? nonce : undefined;
}

/** True when the request's `_csrf` field is the token of its session (or of its sign-in form). */
export function hasValidCsrf(req: Request, res: Response): boolean {
  const state = adminStateOf(res);
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof sent !== 'string' || sent.length > 128) return false;
  if (state.session) return sameText(sent, csrfTokenOf(state.key, 'session', state.session.nonce));
  const nonce = signInNonce(req);
  return nonce !== undefined && sameText(sent, csrfTokenOf(state.key, 'sign-in', nonce));
}

/**
 * Every state-changing request of the console must carry its form's token: another site's page
 * cannot read it, so it cannot make a signed-in browser post for it. Refused with a 403 page.
 */
export const verifyCsrf: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
  if (req.method === 'GET' || req.method === 'HEAD' || hasValidCsrf(req, res)) {
    next();
    return;
  }
  sendAdminProblem(res, 403, 'admin.csrf');
};

/** Signs in: a session cookie on every locale's console path (the language switch keeps it), the sign-in nonce dropped. */
export function startSession(res: Response, operator: { name: string; salt: string }): SessionClaims {
  const state = adminStateOf(res);
  const { value, claims } = signSession(state.key, { name: operator.name, stamp: passwordStamp(operator.salt) });
  for (const path of adminBases()) res.append('Set-Cookie', cookieHeader(SESSION_COOKIE, value, { path, maxAge: SESSION_SECONDS, secure: state.secure }));
  res.append('Set-Cookie', cookieHeader(SIGN_IN_COOKIE, '', { path: state.base, maxAge: 0, secure: state.secure }));
  state.session = claims;
  res.locals.operator = { name: operator.name } satisfies SignedInOperator;
  return claims;
}

/** Signs out: the session ended for every process (even a copy of its cookie), its cookie removed from every console path. */
export async function endSession(res: Response, store: BlobStore): Promise<void> {
  const state = adminStateOf(res);
  if (state.session) await endStoredSession(store, state.session);
  for (const path of adminBases()) res.append('Set-Cookie', cookieHeader(SESSION_COOKIE, '', { path, maxAge: 0, secure: state.secure }));
  state.session = null;
  delete res.locals.operator;
}
