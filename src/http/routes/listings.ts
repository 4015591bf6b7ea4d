import { Router } from 'express';
import { translate } from '../i18n/messages.js';
import { LOCALES, routePattern } from '../locale.js';
import { sendPage } from '../render.js';
import { contextOf } from '../request-context.js';
import { urlFor } from '../urls.js';
import { accessibilityModel } from '../view-models/accessibility-page.js';
import { licencesModel } from '../view-models/licences-page.js';
import { breadcrumbOf, editionModel, editionsModel, speakerJsonLd, speakerModel, themeModel } from '../view-models/listings.js';
import type { WebDeps } from '../web-deps.js';

const LISTING_STYLES = ['css/cards.css', 'css/listings.css'];

/**
 * Pages read from the catalogue alone: editions, one edition, a speaker, a theme, the
 * accessibility statement and the licences page. An unknown slug falls through to the 404 page.
 */
export function listingRoutes(deps: WebDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    const editionsCrumb = { text: translate(locale, 'listing.editions.title'), href: urlFor('editions', locale) };

    router.get(routePattern('editions', locale), async (_req, res) => {
      const model = editionsModel(await deps.catalogue.snapshot(), locale);
      sendPage(res, deps.views, 'editions', { ...model, ...breadcrumbOf(editionsCrumb) }, {
        page: { route: 'editions' },
        title: editionsCrumb.text,
        description: model.lede,
        styles: LISTING_STYLES,
      });
    });

    router.get(routePattern('edition', locale), async (req, res, next) => {
      const slug = String(req.params.slug);
      const edition = (await deps.catalogue.snapshot()).editions.find((e) => e.slug === slug);
      if (!edition) return next();
      const model = editionModel(edition, locale);
      const href = urlFor('edition', locale, { slug });
      sendPage(res, deps.views, 'edition', { ...model, ...breadcrumbOf({ text: edition.label, href }, [editionsCrumb]) }, {
        page: { route: 'edition', params: { slug } },
        title: model.heading,
        description: model.lede,
        styles: LISTING_STYLES,
        links: model.feed ? [{ rel: 'alternate', type: 'application/rss+xml', href: model.feed.href, title: model.feed.text }] : [],
      });
    });

    router.get(routePattern('speaker', locale), async (req, res, next) => {
      const slug = String(req.params.slug);
      const speaker = (await deps.catalogue.snapshot()).speakers.get(slug);
      if (!speaker) return next();
      const model = speakerModel(speaker, locale);
      const href = urlFor('speaker', locale, { slug });
      sendPage(res, deps.views, 'speaker', { ...model, ...breadcrumbOf({ text: speaker.name, href }) }, {
        page: { route: 'speaker', params: { slug } },
        title: speaker.name,
        description: model.lede,
        jsonLd: speakerJsonLd(speaker, `${contextOf(res).origin}${href}`),
        styles: LISTING_STYLES,
      });
    });

    router.get(routePattern('theme', locale), async (req, res, next) => {
      const slug = String(req.params.slug);
      const theme = (await deps.catalogue.snapshot()).themes.find((t) => t.slug === slug);
      if (!theme) return next();
      const model = themeModel(theme, locale);
      const href = urlFor('theme', locale, { slug });
      sendPage(res, deps.views, 'theme', { ...model, ...breadcrumbOf({ text: theme.name, href }) }, {
        page: { route: 'theme', params: { slug } },
        title: translate(locale, 'listing.theme.title', { name: theme.name }),
        description: model.lede,
        styles: LISTING_STYLES,
      });
    });

    router.get(routePattern('accessibility', locale), async (_req, res) => {
      const { origin } = contextOf(res);
      const model = accessibilityModel(await deps.catalogue.snapshot(), locale);
      const title = translate(locale, 'a11y.title');
      sendPage(res, deps.views, 'accessibility', { ...model, siteUrl: `${origin}/`, ...breadcrumbOf({ text: title, href: urlFor('accessibility', locale) }) }, {
        page: { route: 'accessibility' },
        title,
        styles: ['css/listings.css'],
      });
    });

    router.get(routePattern('licences', locale), async (_req, res) => {
      const { origin } = contextOf(res);
      const model = licencesModel(await deps.catalogue.snapshot(), locale, origin);
      const title = translate(locale, 'licences.title');
      sendPage(res, deps.views, 'licences', { ...model, ...breadcrumbOf({ text: title, href: urlFor('licences', locale) }) }, {
        page: { route: 'licences' },
        title,
        description: translate(locale, 'licences.lede'),
        styles: ['css/listings.css'],
      });
    });
  }
  return router;
}
