import { Router } from 'express';
import { SearchRequestError } from '../../services/search/search-request.js';
import type { SearchResult } from '../../services/search/search-service.js';
import { translate } from '../i18n/messages.js';
import { LOCALES, routePattern } from '../locale.js';
import { sendCachedPage } from '../cached-page.js';
import { pageKey } from '../page-cache.js';
import { renderPage } from '../render.js';
import { contextOf } from '../request-context.js';
import { homeJsonLd, homeModel } from '../view-models/home.js';
import { invalidSearchModel, readSearchState, searchPageModel, searchRequestOf } from '../view-models/search-page.js';
import type { WebDeps } from '../web-deps.js';

/** The home page and the search page (browse, search, facets), in French and English. */
export function searchPageRoutes(deps: WebDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    router.get(routePattern('home', locale), async (req, res) => {
      const { origin } = contextOf(res);
      const snapshot = await deps.catalogue.snapshot();
      await sendCachedPage(req, res, deps.pages, pageKey([snapshot], origin, req.originalUrl), async () => {
        const model = homeModel(snapshot, locale);
        return renderPage(res, deps.views, 'home', { ...model }, {
          page: { route: 'home' },
          title: translate(locale, 'home.title'),
          jsonLd: homeJsonLd(origin, locale),
          styles: ['css/cards.css', 'css/search.css'],
          scripts: ['js/continue-list.js'],
        });
      });
    });

    router.get(routePattern('search', locale), async (req, res) => {
      // Results depend on the index too, which may change without this process knowing: the
      // snapshot in the key and the cache's time to live bound how long a page is kept.
      const snapshot = await deps.catalogue.snapshot();
      const { origin } = contextOf(res);
      await sendCachedPage(req, res, deps.pages, pageKey([snapshot], origin, req.originalUrl), async () => {
        const state = readSearchState(req.query as Record<string, unknown>);
        const request = searchRequestOf(state);
        let result: SearchResult;
        try {
          result = await deps.search.searchWithOwnFacetCounts(request);
        } catch (error) {
          // A wrong filter value (an edited URL, an old link) gets the page back with what to fix.
          if (!(error instanceof SearchRequestError)) throw error;
          const model = invalidSearchModel(state, error.problems, locale);
          return renderPage(res, deps.views, 'search', { ...model }, {
            page: { route: 'search', query: model.pageQuery },
            title: model.title,
            noindex: true,
            status: 400,
            cacheControl: 'no-store',
            styles: ['css/cards.css', 'css/search.css'],
          });
        }
        // The snapshot read after the search, as before: an item indexed while the search ran is shown.
        const current = await deps.catalogue.snapshot();
        deps.stats?.searchPages.made(req.originalUrl, result);
        const model = searchPageModel({ state, result, locale, manifestOf: (id) => current.byId.get(id) });
        return {
          ...renderPage(res, deps.views, 'search', { ...model }, {
            page: { route: 'search', query: model.pageQuery },
            title: model.title,
            description: translate(locale, 'search.description'),
            noindex: true,
            styles: ['css/cards.css', 'css/search.css'],
          }),
          complete: current === snapshot,
        };
      });
    });
  }
  return router;
}
