import { Router, type Request, type Response } from 'express';
import { recordOperatorAction } from '../../services/operators/operator-log.js';
import { findOperator, normaliseOperatorName } from '../../services/operators/operators.js';
import { dummyPasswordHash, MAX_PASSWORD_LENGTH, verifyPassword } from '../../services/operators/password-hash.js';
import { translate } from '../i18n/messages.js';
import { contextOf } from '../request-context.js';
import { adminHref } from '../urls.js';
import type { WebDeps } from '../web-deps.js';
import { FailureLimiter, SIGN_IN_FAILURES, SIGN_IN_WINDOW_MS } from './admin-rate-limit.js';
import { sendAdminPage, sendAdminProblem } from './admin-render.js';
import { csrfToken, endSession, hasValidCsrf, startSession } from './admin-session.js';
import { adminStateOf, operatorOf } from './admin-state.js';

/** Where to go after signing in: a path of this console only (never another site). */
function nextPath(value: unknown, base: string): string {
  if (typeof value !== 'string' || value.length > 500) return base;
  const inside = value === base || value.startsWith(`${base}/`) || value.startsWith(`${base}?`);
  // No backslash, space, `//` or dot segment (`..`, `%2e%2e`): browsers would read those as another path or host.
  return inside && !/[\\\s]|\/\/|(^|\/)(\.|%2e){1,2}(\/|\?|$)/i.test(value) ? value : base;
}

/**
 * The sign-in page (GET /session), signing in (POST /session) and out (POST /session/end).
 * An unknown name and a wrong password get the same answer, in the same time (the password is
 * checked against a dummy hash). Failures are counted per address and per name: the eleventh
 * try within the window is refused with 429 and Retry-After, whatever the password.
 */
export function signInRoutes(deps: WebDeps): Router {
  const router = Router();
  const byAddress = new FailureLimiter(SIGN_IN_FAILURES, SIGN_IN_WINDOW_MS);
  const byName = new FailureLimiter(SIGN_IN_FAILURES, SIGN_IN_WINDOW_MS);

  const showForm = (req: Request, res: Response, options: { status?: number; name?: string; failed?: boolean; signedOut?: boolean } = {}): void => {
    const { locale } = contextOf(res);
    const heading = translate(locale, 'admin.signIn.heading');
    sendAdminPage(res, 'admin/sign-in', {
      heading,
      action: adminHref(locale, '/session'),
      csrf: csrfToken(req, res),
      next: nextPath(req.method === 'GET' ? req.query.next : (req.body as Record<string, unknown>).next, adminStateOf(res).base),
      name: options.name ?? '',
      failed: options.failed ?? false,
      signedOut: options.signedOut ?? false,
    }, { title: options.failed ? translate(locale, 'admin.signIn.failedTitle', { heading }) : heading, status: options.status ?? 200 });
  };

  router.get('/session', (req, res) => {
    if (operatorOf(res)) {
      res.redirect(303, nextPath(req.query.next, adminStateOf(res).base));
      return;
    }
    // Made now, while the form is read: the first unknown name must not take longer than a wrong password.
    void dummyPasswordHash();
    showForm(req, res, { signedOut: req.query.out === '1' });
  });

  router.post('/session', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    if (!hasValidCsrf(req, res)) {
      sendAdminProblem(res, 403, 'admin.csrf');
      return;
    }
    const name = typeof body.name === 'string' ? body.name.slice(0, 200) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const nameKey = normaliseOperatorName(name);
    const wait = Math.max(byAddress.retryAfter(address) ?? 0, byName.retryAfter(nameKey) ?? 0);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      sendAdminProblem(res, 429, 'admin.tooMany', { count: Math.ceil(wait / 60) });
      return;
    }
    const operator = nameKey ? await findOperator(deps.store, nameKey) : null;
    // Always one scrypt: an unknown name costs what a wrong password costs.
    const matches = await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH + 1), operator?.password ?? (await dummyPasswordHash()));
    if (!operator || !matches) {
      byAddress.fail(address);
      byName.fail(nameKey);
      showForm(req, res, { status: 401, name, failed: true });
      return;
    }
    byName.reset(nameKey);
    startSession(res, { name: operator.name, salt: operator.password.salt });
    await recordOperatorAction(deps.store, { operator: operator.name, action: 'session.sign-in' });
    res.redirect(303, nextPath(body.next, adminStateOf(res).base));
  });

  router.post('/session/end', async (req, res) => {
    const operator = operatorOf(res);
    const { locale } = contextOf(res);
    if (!operator) {
      res.redirect(303, adminHref(locale, '/session'));
      return;
    }
    if (!hasValidCsrf(req, res)) {
      sendAdminProblem(res, 403, 'admin.csrf');
      return;
    }
    await endSession(res, deps.store);
    await recordOperatorAction(deps.store, { operator: operator.name, action: 'session.sign-out' });
    res.redirect(303, adminHref(locale, '/session', { out: 1 }));
  });
  return router;
}
