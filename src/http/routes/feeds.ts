import { Router, type Response } from 'express';
import { NotFoundError } from '../../domain/errors.js';
import { translate } from '../i18n/messages.js';
import { openToAllOrigins } from '../json-response.js';
import { DEFAULT_LOCALE } from '../locale.js';
import { contextOf } from '../request-context.js';
import { urlFor } from '../urls.js';
import { CHAPTERS_TYPE, jsonChapters, podcastFeed } from '../view-models/podcast-feed.js';
import { editionSitemapXml, pagesSitemapXml, PAGES_SITEMAP_PATH, robotsTxt, sitemapIndexXml } from '../view-models/sitemap.js';
import type { WebDeps } from '../web-deps.js';

const FEED_CACHE = 'public, max-age=300';

/**
 * Podcast feeds (all podcasts, one edition's), the chapters files they point to, sitemap.xml
 * and robots.txt. Feeds are in French, the archive's first language; podcast apps and web
 * players fetch them from anywhere, so they are open to every origin like the API.
 */
export function feedRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use('/feeds', openToAllOrigins());

  router.get('/feeds/podcasts.xml', async (_req, res) => {
    const { origin } = contextOf(res);
    const snapshot = await deps.catalogue.snapshot();
    sendXml(res, 'application/rss+xml', podcastFeed(snapshot.items, {
      origin,
      path: '/feeds/podcasts.xml',
      title: translate(DEFAULT_LOCALE, 'feed.title'),
      description: translate(DEFAULT_LOCALE, 'feed.description'),
      link: `${origin}${urlFor('home', DEFAULT_LOCALE)}`,
    }));
  });

  router.get('/feeds/editions/:slug/podcasts.xml', async (req, res) => {
    const { origin } = contextOf(res);
    const slug = String(req.params.slug);
    const edition = (await deps.catalogue.snapshot()).editions.find((e) => e.slug === slug);
    if (!edition) throw new NotFoundError(`no edition "${slug.slice(0, 100)}"`);
    sendXml(res, 'application/rss+xml', podcastFeed(edition.items, {
      origin,
      path: `/feeds/editions/${encodeURIComponent(edition.slug)}/podcasts.xml`,
      title: translate(DEFAULT_LOCALE, 'feed.editionTitle', { edition: edition.label }),
      description: translate(DEFAULT_LOCALE, 'feed.editionDescription', { edition: edition.label }),
      link: `${origin}${urlFor('edition', DEFAULT_LOCALE, { slug: edition.slug })}`,
    }));
  });

  router.get('/feeds/chapters/:file', async (req, res) => {
    const id = String(req.params.file).replace(/\.json$/, '');
    const manifest = String(req.params.file).endsWith('.json') ? await deps.catalogue.listing(id) : null;
    if (!manifest || manifest.chapters.length === 0) throw new NotFoundError(`no chapters for "${id.slice(0, 100)}"`);
    res.set('Cache-Control', FEED_CACHE);
    res.type(CHAPTERS_TYPE).send(JSON.stringify(jsonChapters(manifest)));
  });

  router.get('/sitemap.xml', async (_req, res) => {
    sendXml(res, 'application/xml', sitemapIndexXml(await deps.catalogue.snapshot(), contextOf(res).origin));
  });

  router.get(PAGES_SITEMAP_PATH, async (_req, res) => {
    sendXml(res, 'application/xml', pagesSitemapXml(await deps.catalogue.snapshot(), contextOf(res).origin));
  });

  router.get('/sitemaps/editions/:file', async (req, res) => {
    const slug = String(req.params.file).replace(/\.xml$/, '');
    const edition = String(req.params.file).endsWith('.xml') ? (await deps.catalogue.snapshot()).editions.find((e) => e.slug === slug) : undefined;
    if (!edition) throw new NotFoundError(`no edition "${slug.slice(0, 100)}"`);
    sendXml(res, 'application/xml', editionSitemapXml(edition, contextOf(res).origin));
  });

  router.get('/robots.txt', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600');
    res.type('text/plain').send(robotsTxt(contextOf(res).origin));
  });
  return router;
}

function sendXml(res: Response, type: string, body: string): void {
  res.set('Cache-Control', FEED_CACHE);
  res.type(`${type}; charset=utf-8`).send(body);
}
