import type { ManifestFields } from '../../domain/manifest.js';
import type { CatalogueSnapshot, EditionSummary } from '../../services/catalogue/catalogue.js';
import { DEFAULT_LOCALE, LOCALES, type RouteName } from '../locale.js';
import { adminBases, itemRoute, urlFor } from '../urls.js';
import { xmlDocument, type XmlNode } from '../xml.js';

/**
 * The sitemap (https://www.sitemaps.org/protocol.html), as an index: /sitemap.xml names one
 * sitemap of the site's own pages (home, editions, speakers, themes, the fixed pages) and one per
 * edition (its page and its items' pages), each with the date of its newest change, so that a
 * crawler reads again only the editions that changed. One document of every page was 12 MB at
 * 10,000 items, built at each request (77 MB of the web process's memory, measured); an edition's
 * is tens of KB. Every page is listed in each language, each entry listing its versions as
 * `xhtml:link` alternates (the way search engines learn which pages translate each other).
 * lastmod is the newest manifest update among the items a page shows. Search results and embeds
 * are not pages to index.
 */
interface SitemapPage {
  route: RouteName;
  params?: Record<string, string>;
  items?: readonly ManifestFields[];
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Where an edition's sitemap is. */
export const editionSitemapPath = (slug: string): string => `/sitemaps/editions/${encodeURIComponent(slug)}.xml`;
export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';

/** /sitemap.xml: the sitemaps of the site, each with its newest change. */
export function sitemapIndexXml(snapshot: CatalogueSnapshot, origin: string): string {
  const sitemap = [
    { loc: `${origin}${PAGES_SITEMAP_PATH}`, lastmod: newest(snapshot.items) ?? undefined },
    ...snapshot.editions.map((e) => ({ loc: `${origin}${editionSitemapPath(e.slug)}`, lastmod: newest(e.items) ?? undefined })),
  ];
  return xmlDocument({ sitemapindex: { '@xmlns': SITEMAP_NS, sitemap } });
}

/** The pages that are not an edition's: home, the editions' list, speakers, themes, the fixed pages. */
export function pagesSitemapXml(snapshot: CatalogueSnapshot, origin: string): string {
  return urlsetXml(origin, [
    { route: 'home', items: snapshot.items },
    { route: 'editions', items: snapshot.items },
    ...[...snapshot.speakers.values()].map((s): SitemapPage => ({ route: 'speaker', params: { slug: s.slug }, items: s.items })),
    ...snapshot.themes.map((t): SitemapPage => ({ route: 'theme', params: { slug: t.slug }, items: t.items })),
    { route: 'accessibility' },
    { route: 'licences' },
    { route: 'statistics' },
    { route: 'privacy' },
  ]);
}

/** An edition's page and its items' pages. */
export function editionSitemapXml(edition: EditionSummary, origin: string): string {
  return urlsetXml(origin, [
    { route: 'edition', params: { slug: edition.slug }, items: edition.items },
    ...edition.items.map((m): SitemapPage => ({ route: itemRoute(m.kind), params: { id: m.id }, items: [m] })),
  ]);
}

function urlsetXml(origin: string, pages: readonly SitemapPage[]): string {
  const url = pages.flatMap((page) => {
    const href = (locale: (typeof LOCALES)[number]): string => `${origin}${urlFor(page.route, locale, page.params ?? {})}`;
    const alternates = [
      ...LOCALES.map((locale) => ({ '@rel': 'alternate', '@hreflang': locale, '@href': href(locale) })),
      { '@rel': 'alternate', '@hreflang': 'x-default', '@href': href(DEFAULT_LOCALE) },
    ];
    const lastmod = newest(page.items ?? []) ?? undefined;
    return LOCALES.map((locale): XmlNode => ({ loc: href(locale), lastmod, 'xhtml:link': alternates }));
  });
  return xmlDocument({ urlset: { '@xmlns': SITEMAP_NS, '@xmlns:xhtml': 'http://www.w3.org/1999/xhtml', url } });
}

function newest(items: readonly ManifestFields[]): string | null {
  let latest: string | null = null;
  for (const item of items) if (latest === null || item.pipeline.updatedAt > latest) latest = item.pipeline.updatedAt;
  return latest;
}

/**
 * robots.txt: everything may be crawled but endless search result combinations, the team's
 * console (its pages also say noindex) and the correction forms, one per transcript paragraph.
 */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/search',
    ...LOCALES.map((locale) => `Disallow: ${urlFor('search', locale)}?`),
    ...adminBases().map((base) => `Disallow: ${base}`),
    ...LOCALES.map((locale) => `Disallow: ${urlFor('correction', locale, { id: '' })}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
