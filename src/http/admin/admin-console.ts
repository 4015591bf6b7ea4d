import { Router } from 'express';
import { auditStatus, readLastIngest } from '../../services/archive/archive-status.js';
import { unfinishedWork } from '../../services/ingest/item-version.js';
import { readOperatorLog } from '../../services/operators/operator-log.js';
import { translate } from '../i18n/messages.js';
import { contextOf } from '../request-context.js';
import type { WebDeps } from '../web-deps.js';
import { sendAdminPage } from './admin-render.js';
import { requireOperator } from './admin-session.js';
import { adminStateOf } from './admin-state.js';
import { archiveStatusModel, operatorLogModel } from './admin-status.js';

/** How many of the latest operator actions the console's home lists. */
const RECENT_ACTIONS = 20;

/**
 * The console's home: the archive's status (as `mediacommuns status` has it), the sections and
 * the latest operator actions. The ingest's report is local state beside a filesystem archive
 * (DATA_DIR/.state); over S3 it stays on the machine that ran the ingest, and the page says so.
 */
export function consoleRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/', requireOperator, async (_req, res) => {
    const { locale } = contextOf(res);
    const snapshot = await deps.catalogue.snapshot();
    const dataDir = deps.store.localPath('.');
    const [unfinished, lastIngest, audit, log] = await Promise.all([
      unfinishedWork(deps.store),
      dataDir === null ? Promise.resolve(undefined) : readLastIngest(dataDir),
      auditStatus(deps.store),
      readOperatorLog(deps.store, { limit: RECENT_ACTIONS }),
    ]);
    const heading = translate(locale, 'admin.console.heading');
    sendAdminPage(res, 'admin/console', {
      heading,
      status: archiveStatusModel(locale, { manifests: snapshot.items, unreadable: snapshot.unreadable, unfinished, lastIngest, audit }),
      sections: adminStateOf(res).sections,
      log: operatorLogModel(locale, log),
    }, { title: heading });
  });
  return router;
}
