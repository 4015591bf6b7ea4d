import { Router, type Request } from 'express';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { ManifestFields } from '../../domain/manifest.js';
import { MONTH_PATTERN, statsMonthOf, type StatsMonth } from '../../services/stats/stats-calendar.js';
import { readAllMonths } from '../../services/stats/stats-reader.js';
import { itemCsvRows, statsReport, type StatsReport } from '../../services/stats/stats-report.js';
import { CSV_OPTIONS } from '../csv-options.js';
import { translate } from '../i18n/messages.js';
import { parseQuery } from '../query-params.js';
import { contextOf } from '../request-context.js';
import { adminHref } from '../urls.js';
import { statsConsoleModel } from '../view-models/stats-console.js';
import type { WebDeps } from '../web-deps.js';
import type { AdminSection } from './admin-router.js';
import { sendAdminPage } from './admin-render.js';

const PATH = '/stats';
const monthQuery = z.object({ month: z.string().regex(MONTH_PATTERN, 'must be a month such as 2026-12').optional() });

/**
 * The console's statistics: a month per item, edition, theme, every month's totals, the
 * searches without result, and the month's items as CSV (the same report as `mediacommuns stats`).
 * Read from the store at each request, after this process has written what it counted.
 */
export const statsSection: AdminSection = {
  path: PATH,
  title: (locale) => translate(locale, 'stats.admin.title'),
  router: (deps) => {
    const router = Router();
    router.get('/', async (req, res) => {
      const { locale } = contextOf(res);
      const { report, months, manifestOf } = await reportOf(deps, req);
      const model = statsConsoleModel(report, { locale, months, manifestOf, csvHref: adminHref(locale, `${PATH}/export.csv`, { month: report.month }) });
      sendAdminPage(res, 'admin/stats', { ...model, action: adminHref(locale, PATH) }, { title: model.heading, styles: ['css/stats.css'] });
    });
    router.get('/export.csv', async (req, res) => {
      const { report } = await reportOf(deps, req);
      res.attachment(`statistiques-${report.month}.csv`);
      res.type('text/csv; charset=utf-8').send(stringify(itemCsvRows(report), CSV_OPTIONS));
    });
    return router;
  },
};

async function reportOf(deps: WebDeps, req: Request): Promise<{ report: StatsReport; months: StatsMonth[]; manifestOf: (id: string) => ManifestFields | undefined }> {
  const month = parseQuery(req, monthQuery).month ?? statsMonthOf(new Date());
  await deps.stats?.flush();
  const log = (key: string, why: string): void => deps.log?.(`warning: ${key}: ${why}`);
  const all = await readAllMonths(deps.store, log);
  const months = [...all.keys()];
  const snapshot = await deps.catalogue.snapshot();
  const manifestOf = (id: string): ManifestFields | undefined => snapshot.byId.get(id);
  return { report: statsReport(month, all, manifestOf), months, manifestOf };
}
