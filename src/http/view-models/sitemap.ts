import type { Manifest } from '../../domain/manifest.js';
import type { CatalogueSnapshot } from '../../services/catalogue/catalogue.js';
import { DEFAULT_LOCALE, LOCALES, type RouteName } from '../locale.js';
import { adminBases, itemRoute, urlFor } from '../urls.js';
import { xmlDocument, type XmlNode } from '../xml.js';

/**
 * sitemap.xml (https://www.sitemaps.org/protocol.html): every public page in both languages,
 * each entry listing its French, English and default versions as `xhtml:link` alternates (the
 * way search engines learn which pages translate each other). lastmod is the newest manifest
 * update among the items a page shows. Search results and embeds are not pages to index.
 * One file holds 50,000 URLs: about 24,000 items in two languages, far beyond the archive.
 */
interface SitemapPage {
  route: RouteName;
  params?: Record<string, string>;
  items?: readonly Manifest[];
}

export function sitemapXml(snapshot: CatalogueSnapshot, origin: string): string {
  const pages: SitemapPage[] = [
    { route: 'home', items: snapshot.items },
    { route: 'editions', items: snapshot.items },
    ...snapshot.editions.map((e): SitemapPage => ({ route: 'edition', params: { slug: e.slug }, items: e.items })),
    ...snapshot.items.map((m): SitemapPage => ({ route: itemRoute(m.kind), params: { id: m.id }, items: [m] })),
    ...[...snapshot.speakers.values()].map((s): SitemapPage => ({ route: 'speaker', params: { slug: s.slug }, items: s.items })),
    ...snapshot.themes.map((t): SitemapPage => ({ route: 'theme', params: { slug: t.slug }, items: t.items })),
    { route: 'accessibility' },
    { route: 'licences' },
    { route: 'statistics' },
    { route: 'privacy' },
  ];
  const url = pages.flatMap((page) => {
    const href = (locale: (typeof LOCALES)[number]): string => `${origin}${urlFor(page.route, locale, page.params ?? {})}`;
    const alternates = [
      ...LOCALES.map((locale) => ({ '@rel': 'alternate', '@hreflang': locale, '@href': href(locale) })),
      { '@rel': 'alternate', '@hreflang': 'x-default', '@href': href(DEFAULT_LOCALE) },
    ];
    const lastmod = newest(page.items ?? []) ?? undefined;
    return LOCALES.map((locale): XmlNode => ({ loc: href(locale), lastmod, 'xhtml:link': alternates }));
  });
  return xmlDocument({ urlset: { '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', '@xmlns:xhtml': 'http://www.w3.org/1999/xhtml', url } });
}

function newest(items: readonly Manifest[]): string | null {
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
