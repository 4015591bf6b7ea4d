import { Router } from 'express';
import { MonthlyTotals } from '../../services/stats/monthly-totals.js';
import { translate } from '../i18n/messages.js';
import { LOCALES, routePattern } from '../locale.js';
import { sendPage } from '../render.js';
import { urlFor } from '../urls.js';
import { breadcrumbOf } from '../view-models/listings.js';
import { statisticsPageModel } from '../view-models/statistics-page.js';
import type { WebDeps } from '../web-deps.js';

const STYLES = ['css/listings.css', 'css/stats.css'];

/**
 * The public statistics (/statistiques: the archive's monthly totals, which funders ask for)
 * and the privacy notice (/confidentialite: what is counted and how), in every language. Neither
 * shows anything of a visitor: both are the same for everyone.
 */
export function statisticsPageRoutes(deps: WebDeps): Router {
  const router = Router();
  const totals = new MonthlyTotals(deps.store, { onUnreadable: (key, why) => deps.log?.(`warning: ${key}: ${why}`) });
  for (const locale of LOCALES) {
    router.get(routePattern('statistics', locale), async (_req, res) => {
      const model = statisticsPageModel(await totals.summaries(), locale);
      const title = translate(locale, 'stats.page.title');
      sendPage(res, deps.views, 'statistics', { ...model, ...breadcrumbOf({ text: title, href: urlFor('statistics', locale) }) }, {
        page: { route: 'statistics' },
        title,
        description: translate(locale, 'stats.page.lede'),
        styles: STYLES,
      });
    });
    router.get(routePattern('privacy', locale), (_req, res) => {
      const title = translate(locale, 'privacy.title');
      sendPage(res, deps.views, 'privacy', { ...breadcrumbOf({ text: title, href: urlFor('privacy', locale) }) }, {
        page: { route: 'privacy' },
        title,
        description: translate(locale, 'privacy.lede'),
        styles: STYLES,
      });
    });
  }
  return router;
}
