import path from 'node:path';
import { createRequire } from 'node:module';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import { createAdminRouter } from './admin/admin-router.js';
import { correctionsSection } from './admin/corrections-section.js';
import { statsSection } from './admin/stats-section.js';
import { aliasRedirects } from './middleware/aliases.js';
import { countUsage } from './middleware/count-usage.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { securityHeaders } from './middleware/security.js';
import { localeOfPath, pathWithoutLocale } from './locale.js';
import { originOf } from './request-context.js';
import { adminBases } from './urls.js';
import { apiRoutes } from './routes/api.js';
import { correctionRoutes } from './routes/corrections.js';
import { feedRoutes } from './routes/feeds.js';
import { goneRoutes } from './routes/gone.js';
import { iiifRoutes } from './routes/iiif.js';
import { itemPageRoutes } from './routes/item-pages.js';
import { listingRoutes } from './routes/listings.js';
import { mediaRoutes } from './routes/media.js';
import { oaiRoutes } from './routes/oai.js';
import { searchPageRoutes } from './routes/search-page.js';
import { statisticsPageRoutes } from './routes/statistics-pages.js';
import { VIEWS_DIR } from './view-engine.js';
import type { WebDeps } from './web-deps.js';

const YEAR = '365d';
const require = createRequire(import.meta.url);

/**
 * The website, JSON API and feeds over the archive. Routes are thin: they read the catalogue or
 * the search service and render a view-model; everything they show is escaped by the views.
 */
export function createApp(deps: WebDeps, options: { assetVersion: string }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'weak');
  app.set('query parser', 'extended');
  app.use(context(deps));

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  // Stored media and the embed page may be loaded by other sites; the rest is same-origin only.
  const mediaOrigins = deps.mediaOrigin ? [deps.mediaOrigin] : [];
  const embeddable = securityHeaders({ embeddable: true, mediaOrigins });
  const sameOrigin = securityHeaders({ mediaOrigins });
  app.use((req, res, next) => (/^\/(media|embed)(\/|$)/.test(pathWithoutLocale(req.path)) ? embeddable : sameOrigin)(req, res, next));
  app.use(compression({ filter: (req, res) => !req.path.startsWith('/media/') && compression.filter(req, res) }));

  const assets = `/assets/${options.assetVersion}`;
  app.use(assets, express.static(path.join(VIEWS_DIR, 'static'), { immutable: true, maxAge: YEAR, index: false, fallthrough: true }));
  // hls.js is served from its npm package, and only to browsers without native HLS (player.js decides).
  app.get(`${assets}/vendor/hls.min.js`, (_req, res) => {
    res.sendFile(require.resolve('hls.js/dist/hls.min.js'), { immutable: true, maxAge: YEAR });
  });

  // The team's console: the only place with a cookie (its own paths), never cached.
  app.use(adminBases(), createAdminRouter(deps, [correctionsSection, statsSection]));
  // Before the routes and the page cache, which may answer without running a handler.
  app.use(countUsage(deps));
  app.use(aliasRedirects(deps));
  app.use(goneRoutes(deps));
  app.use(mediaRoutes(deps));
  app.use(correctionRoutes(deps));
  app.use(apiRoutes(deps));
  app.use(feedRoutes(deps));
  app.use(oaiRoutes(deps));
  app.use(iiifRoutes(deps));
  app.use(searchPageRoutes(deps));
  app.use(itemPageRoutes(deps));
  app.use(listingRoutes(deps));
  app.use(statisticsPageRoutes(deps));
  app.use(notFound());
  app.use(errorHandler(deps));
  return app;
}

function context(deps: WebDeps): RequestHandler {
  return (req, res, next) => {
    res.locals.context = { locale: localeOfPath(req.path), origin: originOf(req, deps.publicUrl) };
    next();
  };
}
