import { Router, type Request, type Response } from 'express';
import type { Tombstone } from '../../domain/tombstone.js';
import type { CatalogueSnapshot } from '../../services/catalogue/catalogue.js';
import { translate } from '../i18n/messages.js';
import { openToAllOrigins } from '../json-response.js';
import { DEFAULT_LOCALE, isLocale, LOCALES, routePattern, type Locale } from '../locale.js';
import { sendPage } from '../render.js';
import { contextOf } from '../request-context.js';
import type { ItemRoute } from '../urls.js';
import { gonePageModel, goneProblem, replacementOf } from '../view-models/gone.js';
import { itemOfUrl } from '../view-models/oembed.js';
import type { WebDeps } from '../web-deps.js';

const SECTIONS: readonly ItemRoute[] = ['talk', 'podcast', 'document'];
/** A removed item's address may be cached for a while, not for good: `ingest --restore` can bring it back. */
const GONE_CACHE = 'public, max-age=300';

/**
 * Every address of a removed item answers 410 Gone with its notice (its tombstone): the page in
 * each language and under any section, the embed, the API (`/api/items/<id>` and every file
 * under it), its IIIF manifest and search, its chapters file and oEmbed. Mounted before the item
 * routes; an id that is live, or an alias of a live item (redirected before this), never reaches
 * a tombstone here.
 */
export function goneRoutes(deps: WebDeps): Router {
  const router = Router();
  const removed = async (id: string): Promise<{ tombstone: Tombstone; snapshot: CatalogueSnapshot } | null> => {
    const snapshot = await deps.catalogue.snapshot();
    const tombstone = snapshot.tombstones.get(id);
    return tombstone && !snapshot.aliases.has(id) ? { tombstone, snapshot } : null;
  };
  for (const locale of LOCALES) {
    for (const route of [...SECTIONS, 'embed'] as const) {
      router.get(routePattern(route, locale), async (req, res, next) => {
        const found = await removed(String(req.params.id));
        if (!found) return next();
        sendGonePage(deps, res, found.tombstone, found.snapshot, route === 'embed' ? 'embed' : route);
      });
    }
  }
  const api = async (req: Request, res: Response, next: () => void, id: string): Promise<void> => {
    const found = await removed(id);
    if (!found) return next();
    const lang = isLocale(req.query.lang) ? req.query.lang : DEFAULT_LOCALE;
    sendGoneProblem(res, found.tombstone, found.snapshot, lang);
  };
  router.use(['/api/items/:id', '/feeds/chapters/:file', '/oembed', '/iiif'], openToAllOrigins());
  router.get(['/api/items/:id', '/api/items/:id/*file', '/iiif/:id/*file'], (req, res, next) => api(req, res, next, String(req.params.id)));
  router.get('/feeds/chapters/:file', (req, res, next) => api(req, res, next, String(req.params.file).replace(/\.json$/, '')));
  router.get('/oembed', (req, res, next) => {
    const target = typeof req.query.url === 'string' ? itemOfUrl(req.query.url, contextOf(res).origin) : null;
    if (!target) return next();
    return api(req, res, next, target.id);
  });
  return router;
}

function sendGonePage(deps: WebDeps, res: Response, tombstone: Tombstone, snapshot: CatalogueSnapshot, route: ItemRoute | 'embed'): void {
  const { locale } = contextOf(res);
  const editionLive = tombstone.edition !== null && snapshot.editions.some((e) => e.slug === tombstone.edition?.slug);
  const model = gonePageModel(tombstone, replacementOf(snapshot, tombstone), editionLive, locale);
  const embed = route === 'embed';
  sendPage(res, deps.views, 'gone', { gone: model, embed }, {
    page: { route, params: { id: tombstone.id } },
    title: translate(locale, 'gone.title'),
    styles: ['css/item.css'],
    noindex: true,
    status: 410,
    cacheControl: GONE_CACHE,
    ...(embed ? { layout: 'embed' } : {}),
  });
}

function sendGoneProblem(res: Response, tombstone: Tombstone, snapshot: CatalogueSnapshot, locale: Locale): void {
  const body = goneProblem(tombstone, replacementOf(snapshot, tombstone), locale, contextOf(res).origin);
  res.status(410).type('application/problem+json').set('Cache-Control', GONE_CACHE).send(JSON.stringify(body));
}
