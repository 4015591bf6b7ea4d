import { XMLParser } from 'fast-xml-parser';
import type { SiteFetch } from './web.js';

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
  'xhtml:link': Record<string, string>[];
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name) });

/** The site's sitemaps as a crawler reads them: the index at /sitemap.xml, then every sitemap it names (each must answer 200). */
export async function readSitemaps(fetch: SiteFetch, origin: string): Promise<{ index: { loc: string; lastmod?: string }[]; texts: string[]; entries: SitemapEntry[] }> {
  const root = await fetch('/sitemap.xml');
  if (root.status !== 200) throw new Error(`/sitemap.xml answered ${root.status}`);
  const index = (xml.parse(root.text).sitemapindex?.sitemap ?? []) as { loc: string; lastmod?: string }[];
  const texts: string[] = [];
  const entries: SitemapEntry[] = [];
  for (const { loc } of index) {
    if (!loc.startsWith(origin)) throw new Error(`${loc}: not on ${origin}`);
    const r = await fetch(loc.slice(origin.length));
    if (r.status !== 200) throw new Error(`${loc} answered ${r.status}`);
    texts.push(r.text);
    entries.push(...((xml.parse(r.text).urlset?.url ?? []) as SitemapEntry[]));
  }
  return { index, texts, entries };
}
