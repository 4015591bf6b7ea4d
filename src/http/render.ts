import type { Response } from 'express';
import { translate } from './i18n/messages.js';
import { DEFAULT_LOCALE, localeTag, LOCALES, otherLocales, type Locale, type RouteName } from './locale.js';
import { contextOf } from './request-context.js';
import { urlFor } from './urls.js';
import type { ViewEngine } from './view-engine.js';

/** Which page this is, so the layout can build its canonical URL, hreflang links and language switch. */
export interface PageRef {
  route: RouteName;
  params?: Record<string, string>;
  /** Query kept in the canonical URL and the other language's link (search terms, page number). */
  query?: Record<string, string | number | readonly string[] | null | undefined>;
}

export interface PageOptions {
  page: PageRef;
  /** The page's own title, before " — Médiacommuns". */
  title: string;
  description?: string;
  /** schema.org data rendered as JSON-LD in the head. */
  jsonLd?: unknown;
  /** Module scripts of this page under /assets (e.g. "js/player.js"); every page works without them. */
  scripts?: readonly string[];
  /** Page-specific stylesheets under /assets (e.g. "css/player.css"), after css/site.css. */
  styles?: readonly string[];
  /** Extra <meta name content> elements: Highwire `citation_*` and Dublin Core `DC.*` tags of an item. */
  meta?: readonly { name: string; content: string }[];
  /** Extra <link> elements: alternate feeds, oEmbed discovery. */
  links?: readonly { rel: string; type?: string; href: string; title?: string }[];
  /** Image for link previews (absolute URL). */
  image?: string | null;
  /** noindex for pages that should not be listed (search results, errors). */
  noindex?: boolean;
  status?: number;
  layout?: string;
  /** Default "no-cache" (revalidate with the ETag); error pages use "no-store". */
  cacheControl?: string;
}

/** What every layout receives besides the page's own model. */
export interface LayoutModel {
  locale: Locale;
  lang: Locale;
  /** Open Graph's form of the locale's tag: "fr_FR". */
  ogLocale: string;
  title: string;
  siteTitle: string;
  description: string;
  canonical: string;
  alternates: { hreflang: string; href: string }[];
  /** One link per other locale, each named in its own language (lang.name, lang.readIn). */
  langSwitches: { href: string; lang: Locale; text: string; label: string }[];
  jsonLd: unknown;
  scripts: readonly string[];
  styles: readonly string[];
  links: readonly { rel: string; type?: string; href: string; title?: string }[];
  meta: readonly { name: string; content: string }[];
  image: string | null;
  noindex: boolean;
  current: RouteName;
}

export function layoutModel(res: Response, options: PageOptions): LayoutModel {
  const { locale, origin } = contextOf(res);
  const path = (target: Locale): string => urlFor(options.page.route, target, options.page.params ?? {}, options.page.query ?? {});
  return {
    locale,
    lang: locale,
    ogLocale: localeTag(locale).replace('-', '_'),
    title: options.title,
    siteTitle: translate(locale, 'site.name'),
    description: options.description ?? translate(locale, 'site.tagline'),
    canonical: `${origin}${path(locale)}`,
    alternates: [
      ...LOCALES.map((target) => ({ hreflang: target, href: `${origin}${path(target)}` })),
      { hreflang: 'x-default', href: `${origin}${path(DEFAULT_LOCALE)}` },
    ],
    langSwitches: otherLocales(locale).map((other) => ({
      href: path(other),
      lang: other,
      text: translate(other, 'lang.name'),
      label: translate(other, 'lang.readIn'),
    })),
    jsonLd: options.jsonLd ?? null,
    scripts: options.scripts ?? [],
    styles: options.styles ?? [],
    links: options.links ?? [],
    meta: options.meta ?? [],
    image: options.image ?? null,
    noindex: options.noindex ?? false,
    current: options.page.route,
  };
}

/** A page rendered, ready to send: what the page cache keeps (200s with the default Cache-Control only). */
export interface RenderedPage {
  html: string;
  status: number;
  cacheControl: string;
  locale: Locale;
}

/** Default Cache-Control of pages: revalidated on every visit, an unchanged page costs a 304 without a body. */
export const PAGE_CACHE_CONTROL = 'no-cache';

/** Renders a page of views/pages inside its layout. */
export function renderPage(res: Response, views: ViewEngine, view: string, model: Record<string, unknown>, options: PageOptions): RenderedPage {
  const layout = layoutModel(res, options);
  const html = views.render(view, { ...model, ...layout, page: model }, options.layout ?? 'main');
  return { html, status: options.status ?? 200, cacheControl: options.cacheControl ?? PAGE_CACHE_CONTROL, locale: layout.locale };
}

/** Sends a rendered page (Express adds a weak ETag and answers 304 when it matches). */
export function sendRendered(res: Response, page: RenderedPage): void {
  res.status(page.status);
  res.set('Cache-Control', page.cacheControl);
  res.set('Content-Language', page.locale);
  res.type('html').send(page.html);
}

/** Renders a page of views/pages inside its layout and sends it. */
export function sendPage(res: Response, views: ViewEngine, view: string, model: Record<string, unknown>, options: PageOptions): void {
  sendRendered(res, renderPage(res, views, view, model, options));
}
