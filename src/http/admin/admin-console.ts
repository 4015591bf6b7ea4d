import { Router } from 'express';
import { readOperatorLog } from '../../services/operators/operator-log.js';
import { translate } from '../i18n/messages.js';
import { contextOf } from '../request-context.js';
import type { WebDeps } from '../web-deps.js';
import { sendAdminPage } from './admin-render.js';
import { requireOperator } from './admin-session.js';
import { adminStateOf } from './admin-state.js';

/** How many of the latest operator actions the console's home lists. */
const RECENT_ACTIONS = 20;

/** The console's home: the sections and the latest operator actions. */
export function consoleRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/', requireOperator, async (_req, res) => {
    const { locale } = contextOf(res);
    const log = await readOperatorLog(deps.store, { limit: RECENT_ACTIONS });
    const heading = translate(locale, 'admin.console.heading');
    sendAdminPage(res, 'admin/console', {
      heading,
      sections: adminStateOf(res).sections,
      log: log.map((entry) => ({ ...entry, detail: entry.detail ? JSON.stringify(entry.detail) : null })),
    }, { title: heading });
  });
  return router;
}
