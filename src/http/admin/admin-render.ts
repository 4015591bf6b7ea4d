import type { Response } from 'express';
import { translate } from '../i18n/messages.js';
import { otherLocales, type Locale } from '../locale.js';
import { sendPage } from '../render.js';
import { contextOf } from '../request-context.js';
import { adminHref } from '../urls.js';
import { csrfTokenOf } from './admin-cookie.js';
import { adminStateOf, operatorOf } from './admin-state.js';

/** Every console page is personal: never kept by a browser or a proxy. */
export const ADMIN_CACHE_CONTROL = 'no-store';

/** The console's frame (views/layouts/admin.hbs): its navigation, the operator and the sign-out form. */
interface AdminShell {
  home: string;
  atHome: boolean;
  operator: string | null;
  signOut: string;
  csrf: string | null;
  sections: { href: string; title: string; current: boolean }[];
  switches: { href: string; lang: Locale; text: string; label: string }[];
}

function shellOf(res: Response): AdminShell {
  const state = adminStateOf(res);
  const { locale } = contextOf(res);
  const here = new URL(res.req.originalUrl, 'http://x').pathname;
  const inside = here.startsWith(state.base) ? here.slice(state.base.length) : '';
  return {
    home: state.base,
    atHome: inside === '' || inside === '/',
    operator: operatorOf(res)?.name ?? null,
    signOut: adminHref(locale, '/session/end'),
    csrf: state.session ? csrfTokenOf(state.key, 'session', state.session.nonce) : null,
    sections: state.sections.map((s) => ({ href: s.href, title: s.title, current: inside === s.path || inside.startsWith(`${s.path}/`) })),
    switches: otherLocales(locale).map((other) => ({
      href: adminHref(other, inside), lang: other, text: translate(other, 'lang.name'), label: translate(other, 'lang.readIn'),
    })),
  };
}

/**
 * Renders a page of views/pages (e.g. "admin/console") in the console's layout, no-store and
 * noindex. The page's model must not use the key `admin` (the layout's own).
 */
export function sendAdminPage(
  res: Response,
  view: string,
  model: Record<string, unknown>,
  options: { title: string; status?: number; styles?: readonly string[] },
): void {
  const { views } = adminStateOf(res);
  res.set('X-Robots-Tag', 'noindex');
  sendPage(res, views, view, { ...model, admin: shellOf(res) }, {
    page: { route: 'home' }, title: options.title, noindex: true, layout: 'admin', cacheControl: ADMIN_CACHE_CONTROL,
    status: options.status ?? 200, styles: ['css/admin.css', ...(options.styles ?? [])],
  });
}

/** A refusal in the console's layout: `<family>.title` and `<family>.text` of the admin texts. */
export function sendAdminProblem(res: Response, status: number, family: string, vars: Record<string, unknown> = {}): void {
  const { locale } = contextOf(res);
  const title = translate(locale, `${family}.title`, vars);
  sendAdminPage(res, 'admin/problem', { heading: title, text: translate(locale, `${family}.text`, vars) }, { title, status });
}
